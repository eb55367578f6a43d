"""Timed prompts: cued at their offsets, said whole after the safety words, kept by formats."""

from __future__ import annotations

from retrotimer.audio.clip_timing import speech_timing
from retrotimer.audio.tones import synthesise_tones
from retrotimer.audio.voice import VoiceLibrary
from retrotimer.core.model import Length, Prompt, Repeat, Segment, SegmentKind, Template, Venue
from retrotimer.core.session.cue_script import script_cues
from retrotimer.core.session.cue_sounds import SpeechRank, sound_of_cue
from retrotimer.core.session.plan import CueType, compile_plan
from retrotimer.core.session.session_machine import get_ready_cues
from retrotimer.core.settings import Settings
from retrotimer.core.templates.template_toml import read_template_toml, template_to_toml
from retrotimer.core.templates.text_syntax import format_template_text, read_template_text
from retrotimer.core.templates.validation import validate_template

TIMING = speech_timing(VoiceLibrary.load(), synthesise_tones().by_name())
CADENCE_UP = "Cadence up for the last part"


def prompted(*prompts: Prompt, kind: SegmentKind = SegmentKind.BACKWARD_WALK) -> Template:
    return Template(
        "Prompted",
        (
            Segment(SegmentKind.WARMUP, Length.seconds(60)),
            Repeat(2, (Segment(kind, Length.seconds(60), prompts=prompts),)),
        ),
        venue=Venue.TRACK,
    )


def test_each_prompt_is_a_cue_at_its_offset_in_every_run_of_its_segment() -> None:
    plan = compile_plan(prompted(Prompt(30, CADENCE_UP), Prompt(0, "Go")), Settings())
    cues = [(cue.at_s, cue.text) for cue in plan.cues if cue.type is CueType.PROMPT]
    assert cues == [(60.0, "Go"), (90.0, CADENCE_UP), (120.0, "Go"), (150.0, CADENCE_UP)]
    assert plan.segments[1].prompts == (Prompt(0, "Go"), Prompt(30, CADENCE_UP))


def test_a_prompt_past_a_step_counted_segment_at_the_runners_cadence_is_not_cued() -> None:
    segment = Segment(
        SegmentKind.BACKWARD_WALK,
        Length.steps(20),
        prompts=(Prompt(5, "Early"), Prompt(60, "Late")),
    )
    plan = compile_plan(Template("Steps", (segment,)), Settings(cadence_backward_walk=100))
    assert [cue.text for cue in plan.cues if cue.type is CueType.PROMPT] == ["Early"]


def test_a_prompt_is_said_whole_in_its_own_words_and_after_the_safety_words() -> None:
    settings = Settings(get_ready_s=0)
    plan = compile_plan(prompted(Prompt(0, CADENCE_UP)), settings)
    get_ready = get_ready_cues(settings.get_ready_s, settings.countdown_pips)
    speech = script_cues(plan, get_ready, settings, TIMING).speech
    prompt_lines = [line for line in speech.lines if line.cue.type is CueType.PROMPT]
    assert [line.phrases for line in prompt_lines] == [(CADENCE_UP,), (CADENCE_UP,)]
    assert not any(line.shortened for line in prompt_lines)
    for line in prompt_lines:
        safety = [
            other
            for other in speech.lines
            if other.rank is SpeechRank.SAFETY and other.cue.at_s == line.cue.at_s
        ]
        assert safety and all(line.start_s > other.end_s for other in safety)


def test_without_the_voice_a_prompt_makes_no_sound() -> None:
    plan = compile_plan(prompted(Prompt(10, CADENCE_UP)), Settings())
    cue = next(cue for cue in plan.cues if cue.type is CueType.PROMPT)
    assert sound_of_cue(cue, plan, Settings(voice=False)).speech == ()
    assert sound_of_cue(cue, plan, Settings()).rank is SpeechRank.PROMPT


def test_prompts_travel_through_the_toml_and_the_text_syntax_unchanged() -> None:
    template = prompted(Prompt(5, 'Say "hop"'), Prompt(45, CADENCE_UP))
    toml = read_template_toml(template_to_toml(template))
    text = read_template_text(format_template_text(template))
    assert toml.template == template
    assert text.template == template
    assert 'at 45s "Cadence up for the last part"' in format_template_text(template)


def test_a_prompt_after_its_segment_ends_or_without_words_is_an_error_naming_it() -> None:
    problems = validate_template(prompted(Prompt(60, "Too late"), Prompt(3, " ")))
    messages = [p.message for p in problems if p.is_error and p.field == "prompts"]
    assert messages == [
        "the prompt at 60 s comes after its segment ends (60 s); move it earlier",
        "the prompt at 3 s has no words; give it some",
    ]


def test_a_prompt_past_the_cap_of_an_open_segment_is_an_error() -> None:
    template = Template(
        "Open", (Segment(SegmentKind.WALK, Length.open(90), prompts=(Prompt(95, "Late"),)),)
    )
    (problem,) = [p for p in validate_template(template) if p.field == "prompts"]
    assert (
        problem.message == "the prompt at 95 s comes after its segment ends (90 s); move it earlier"
    )


def test_a_prompt_entry_that_cannot_be_read_is_named_in_the_toml() -> None:
    text = template_to_toml(prompted(Prompt(5, "x"))).replace("at = 5", 'at = "5"')
    reading = read_template_toml(text)
    assert reading.template is None
    assert any("each prompt needs a whole number at" in p.message for p in reading.errors)
