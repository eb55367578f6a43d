"""The speech plan: safety words first and on time, lower words shortened or left out."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from retrotimer.audio.clip_timing import speech_timing
from retrotimer.audio.tones import synthesise_tones
from retrotimer.audio.voice import VoiceLibrary
from retrotimer.core.model import Length, Repeat, Segment, SegmentKind, Template, Venue
from retrotimer.core.session.cue_script import script_cues
from retrotimer.core.session.cue_sounds import SAFETY_CUES, SpeechRank
from retrotimer.core.session.plan import CueType, Plan, compile_plan
from retrotimer.core.session.session_machine import get_ready_cues
from retrotimer.core.session.speech_plan import SENTENCE_GAP_S, SpeechPlan, SpeechTiming
from retrotimer.core.settings import CADENCE_RANGE, Settings
from retrotimer.core.templates.builtin_templates import BUILTIN_TEMPLATES
from retrotimer.core.value import replace

# The shipped clips' real lengths: the rule is tested against what the runner hears.
TIMING = speech_timing(VoiceLibrary.load(), synthesise_tones().by_name())
SAFETY_WITHIN_S = 1.0
BACK_WALK, WALK = SegmentKind.BACKWARD_WALK, SegmentKind.WALK


def speech_of(plan: Plan, options: Settings, timing: SpeechTiming = TIMING) -> SpeechPlan:
    get_ready = get_ready_cues(options.get_ready_s, options.countdown_pips)
    return script_cues(plan, get_ready, options, timing).speech


def check_safety_first(plan: Plan, speech: SpeechPlan) -> None:
    """Every safety cue is said; each backward segment's first safety words come within 1 s of
    its start, and its reminder before any other words of that moment."""
    said = speech.by_cue()
    for cue in plan.cues:
        if cue.type in SAFETY_CUES:
            assert cue in said, f"{cue.text} at {cue.at_s} s was left out"
    for segment in plan.segments:
        if not segment.kind.is_backward:
            continue
        moment = round(segment.start_s * 1000)
        here = [line for line in speech.lines if round(line.cue.at_s * 1000) == moment]
        safety = [line for line in here if line.rank is SpeechRank.SAFETY]
        if not safety:
            continue
        first = min(line.start_s for line in safety)
        assert first - segment.start_s <= SAFETY_WITHIN_S + 1e-9, (segment.index, first)
        last_safety = max(line.start_s for line in safety)
        others = [line.start_s for line in here if line.rank is not SpeechRank.SAFETY]
        assert all(start > last_safety for start in others), segment.index


def check_one_voice(speech: SpeechPlan) -> None:
    """No two sentences at once, and a breath between them."""
    ordered = sorted(speech.lines, key=lambda line: line.start_s)
    for before, after in zip(ordered, ordered[1:], strict=False):
        assert after.start_s >= before.end_s + SENTENCE_GAP_S - 1e-9, (before, after)


def with_cadence(cadence: int) -> Settings:
    return Settings(
        cadence_backward_walk=cadence, cadence_backward_jog=cadence, cadence_backward_sprint=cadence
    )


def test_a_short_step_counted_segment_says_the_shoulder_check_first() -> None:
    template = Template(
        "Steps",
        (Repeat(2, (Segment(BACK_WALK, Length.steps(15)), Segment(WALK, Length.seconds(8)))),),
    )
    plan = compile_plan(template, Settings())
    speech = speech_of(plan, Settings())
    at_start = [line for line in speech.lines if line.cue.at_s == 0.0]
    assert [line.cue.type for line in at_start] == [CueType.SHOULDER_CHECK, CueType.ANNOUNCE]
    # After the go tone, not over it, and well within a second.
    assert at_start[0].start_s == pytest.approx(TIMING.tone_s)
    assert at_start[0].start_s < SAFETY_WITHIN_S
    # The 8 s walk has no time left for next-up before its countdown pips.
    assert [cue.type for cue in speech.left_out] == [CueType.NEXT_UP]


def sprints(sprint: Length) -> Template:
    """Two sprints of this length, each followed by a 50 s walk."""
    return Template(
        "Sprints",
        (
            Repeat(
                2,
                (
                    Segment(SegmentKind.BACKWARD_SPRINT, sprint),
                    Segment(WALK, Length.seconds(50)),
                ),
            ),
        ),
    )


def test_a_segment_too_short_for_everything_loses_rep_then_length_then_next_up() -> None:
    # 10 sprint steps at 180 spm: 3.3 s, with the shoulder check to say first (and no
    # countdown pips, which the tests below give their time).
    options = Settings(countdown_pips=0)
    plan = compile_plan(sprints(Length.steps(10)), options)
    speech = speech_of(plan, options)
    announce = speech.line_for(plan.cues[0]) or speech.line_for(plan.cues[1])
    lines = {line.cue.type: line for line in speech.lines if line.cue.segment_index == 0}
    assert lines[CueType.SHOULDER_CHECK].start_s < SAFETY_WITHIN_S
    assert lines[CueType.ANNOUNCE].phrases == ("backward sprint",)
    assert lines[CueType.ANNOUNCE].shortened
    assert announce is not None
    # The walk after it is long enough for all of its words.
    walk = {line.cue.type: line for line in speech.lines if line.cue.segment_index == 1}
    assert walk[CueType.ANNOUNCE].phrases == ("walk", "50", "seconds", "rep", "1", "of", "2")
    assert not walk[CueType.NEXT_UP].shortened


def test_next_up_is_shortened_to_the_kind_when_its_length_would_run_into_the_next_segment() -> None:
    template = Template(
        "Tight",
        (Segment(WALK, Length.seconds(6)), Segment(BACK_WALK, Length.seconds(30))),
    )
    options = Settings(next_up_lead_s=2, get_ready_s=0, countdown_pips=0)
    plan = compile_plan(template, options)
    # A long "next" phrase timing makes the full next-up not fit in 2 s.
    timing = replace(TIMING, phrase_s={**TIMING.phrase_s, "30": 1.5})
    next_up = next(
        line for line in speech_of(plan, options, timing).lines if line.rank is SpeechRank.NEXT_UP
    )
    assert next_up.phrases == ("next", "backward walk")


def check_clear_of_pips(plan: Plan, speech: SpeechPlan, options: Settings) -> None:
    """No words but safety words run under a countdown pip."""
    if not options.beeps:
        return
    get_ready = get_ready_cues(options.get_ready_s, options.countdown_pips)
    pips = [cue.at_s for cue in (*get_ready, *plan.cues) if cue.type is CueType.COUNTDOWN]
    for line in speech.lines:
        if line.rank is not SpeechRank.SAFETY:
            under = [p for p in pips if line.start_s < p + TIMING.pip_s and p < line.end_s]
            assert not under, (line, under)


def test_no_words_but_safety_run_under_the_countdown_pips() -> None:
    # 10 sprint steps at 180 spm: 3.3 s, pips 2 s and 1 s before its end.
    plan = compile_plan(sprints(Length.steps(10)), Settings())
    speech = speech_of(plan, Settings())
    sprint = {line.cue.type: line for line in speech.lines if line.cue.segment_index == 0}
    # The shoulder check is said whatever the pips; "backward sprint" would run under them.
    assert CueType.SHOULDER_CHECK in sprint and CueType.ANNOUNCE not in sprint
    assert plan.cues[0] in speech.left_out and plan.cues[0].type is CueType.ANNOUNCE
    # The walk's next-up loses the sprint's length rather than run into the walk's pips.
    walk = {line.cue.type: line for line in speech.lines if line.cue.segment_index == 1}
    assert walk[CueType.NEXT_UP].phrases == ("next", "backward sprint")
    check_clear_of_pips(plan, speech, Settings())


def test_the_rep_gives_way_to_next_up_but_only_where_that_lets_next_up_be_said() -> None:
    # A 10 s sprint: "backward sprint, 10 seconds, rep 1 of 2" would run into the moment of
    # next-up, 5 s before the end, and leave it no time before the pips 3 s before the end.
    plan = compile_plan(sprints(Length.seconds(10)), Settings())
    speech = speech_of(plan, Settings())
    sprint = {line.cue.type: line for line in speech.lines if line.cue.segment_index == 0}
    assert sprint[CueType.ANNOUNCE].phrases == ("backward sprint", "10", "seconds")
    assert sprint[CueType.NEXT_UP].phrases == ("next", "walk")
    # Next-up 2 s before the end falls among the pips: it cannot be said, so the rep stays.
    options = Settings(next_up_lead_s=2)
    plan = compile_plan(sprints(Length.seconds(10)), options)
    speech = speech_of(plan, options)
    sprint = {line.cue.type: line for line in speech.lines if line.cue.segment_index == 0}
    assert sprint[CueType.ANNOUNCE].phrases[-4:] == ("rep", "1", "of", "2")
    assert CueType.NEXT_UP not in sprint


def test_halfway_is_left_out_when_safety_words_hold_the_voice_past_its_moment() -> None:
    template = Template("Long", (Segment(BACK_WALK, Length.seconds(60)),))
    # A reminder is due at 30 s too; said slowly, it holds the voice until halfway is stale.
    options = Settings(reminder_interval_s=10)
    plan = compile_plan(template, options)
    long_reminder = {**TIMING.phrase_s, "look over your shoulder": 3.0}
    speech = speech_of(plan, options, replace(TIMING, phrase_s=long_reminder))
    assert [c.type for c in speech.left_out] == [CueType.HALFWAY]
    check_safety_first(plan, speech)


def test_without_the_voice_nothing_is_said() -> None:
    plan = compile_plan(BUILTIN_TEMPLATES[0], Settings())
    assert speech_of(plan, Settings(voice=False)).lines == ()


@pytest.mark.parametrize("template", BUILTIN_TEMPLATES, ids=lambda t: t.name)
@pytest.mark.parametrize("venue", [Venue.TRACK, Venue.TREADMILL])
def test_every_builtin_template_at_every_cadence_says_its_safety_words_first(
    template: Template, venue: Venue
) -> None:
    low, high = CADENCE_RANGE
    for cadence in range(low, high + 1):
        options = replace(with_cadence(cadence), default_venue=venue)
        plan = compile_plan(template, options)
        speech = speech_of(plan, options)
        check_safety_first(plan, speech)
        check_one_voice(speech)
        check_clear_of_pips(plan, speech, options)


lengths = st.one_of(
    st.integers(3, 150).map(Length.seconds),
    st.integers(8, 60).map(Length.steps),
)
plain_segments = st.builds(Segment, st.sampled_from(SegmentKind), lengths)
blocks = st.builds(
    Repeat, st.integers(1, 4), st.lists(plain_segments, min_size=1, max_size=3).map(tuple)
)
templates = st.builds(
    Template,
    st.just("Generated"),
    st.lists(st.one_of(plain_segments, blocks), min_size=1, max_size=5).map(tuple),
    st.just(""),
    st.sampled_from(Venue),
)
speech_settings = st.builds(
    Settings,
    cadence_backward_walk=st.integers(*CADENCE_RANGE),
    cadence_backward_jog=st.integers(*CADENCE_RANGE),
    cadence_backward_sprint=st.integers(*CADENCE_RANGE),
    reminder_interval_s=st.integers(5, 30),
    next_up_lead_s=st.integers(2, 30),
    beeps=st.booleans(),
    halfway=st.booleans(),
    next_up=st.booleans(),
)


@settings(max_examples=300, deadline=None)
@given(templates, speech_settings)
def test_any_plan_says_its_safety_words_first_and_never_two_sentences_at_once(
    template: Template, options: Settings
) -> None:
    plan = compile_plan(template, options)
    speech = speech_of(plan, options)
    check_safety_first(plan, speech)
    check_one_voice(speech)
    check_clear_of_pips(plan, speech, options)
    # Whatever is said is the cue's own words or a shortening of them.
    for line in speech.lines:
        full = (line.cue.text,) if line.cue.type is CueType.COUNTDOWN else line.cue.speech
        assert full[: len(line.phrases)] == line.phrases and line.phrases


def test_a_shoulder_check_still_being_said_at_the_next_segment_is_not_said_again() -> None:
    # A 2.2 s jog after a turn: its shoulder check is still being said when the walk begins,
    # so the walk's own shoulder check would follow it word for word, a second late.
    template = Template(
        "Short bouts",
        (
            Segment(SegmentKind.FORWARD_RUN, Length.seconds(3)),
            Segment(SegmentKind.BACKWARD_JOG, Length.steps(8)),
            Segment(BACK_WALK, Length.seconds(3)),
        ),
    )
    options = Settings(cadence_backward_jog=218, halfway=False, next_up=False)
    plan = compile_plan(template, options)
    script = script_cues(
        plan, get_ready_cues(options.get_ready_s, options.countdown_pips), options, TIMING
    )
    speech = script.speech
    walk = plan.segments[2]
    (echo,) = [
        cue for cue in plan.cues if cue.type is CueType.SHOULDER_CHECK and cue.at_s == walk.start_s
    ]
    heard = speech.by_cue()[echo]
    assert heard.cue.at_s == plan.segments[1].start_s
    assert heard.start_s <= walk.start_s <= heard.end_s
    shoulder_lines = [line for line in speech.lines if line.cue.type is CueType.SHOULDER_CHECK]
    assert [line.cue.at_s for line in shoulder_lines] == [plan.segments[1].start_s]
    assert script.sounds[echo].speech == ()
    check_safety_first(plan, speech)
    check_one_voice(speech)
