"""intervals.icu workout text: sections, repeats, every form of length, prompts, targets dropped."""

from __future__ import annotations

import pytest
from hypothesis import given

from retrotimer.core.exchange.icu_text import (
    icu_duration,
    is_icu_text,
    read_icu_text,
    template_to_icu,
)
from retrotimer.core.model import Length, Prompt, Repeat, Segment, SegmentKind, Template
from retrotimer.core.session.plan import compile_plan
from retrotimer.core.settings import Settings
from retrotimer.core.templates.builtin_templates import BUILTIN_TEMPLATES
from tests.strategies import templates

WORKOUT = """\
Warmup
- 10m 60% Pace

Main set 4x
- Retro jog 1m30 Z3 HR
- Walk 30s 90rpm
- 20s

Cooldown
- Cool down 5m
"""


def test_sections_repeats_labels_and_kinds() -> None:
    reading = read_icu_text(WORKOUT, "Tuesday")
    assert reading.errors == ()
    assert reading.template is not None
    assert reading.template.name == "Tuesday"
    assert reading.template.items == (
        Segment(SegmentKind.WARMUP, Length.seconds(600)),
        Repeat(
            4,
            (
                # The heading names no kind: its words are each step's note.
                Segment(SegmentKind.BACKWARD_JOG, Length.seconds(90), "Retro jog", "Main set"),
                Segment(SegmentKind.WALK, Length.seconds(30), None, "Main set"),
                Segment(SegmentKind.FORWARD_RUN, Length.seconds(20), None, "Main set"),
            ),
        ),
        Segment(SegmentKind.COOLDOWN, Length.seconds(300), "Cool down"),
    )


def test_targets_are_dropped_with_one_warning_naming_them() -> None:
    warnings = read_icu_text(WORKOUT, "x").warnings
    # The other warning: the unlabelled step (a forward run) and the jog change direction.
    (warning,) = [w for w in warnings if "targets" in w.message]
    assert warning.message.startswith("cadence, heart rate and pace targets were dropped")


@pytest.mark.parametrize(
    ("token", "seconds"), [("5m", 300), ("30s", 30), ("1m30", 90), ("1h", 3600), ("1h2m3s", 3723)]
)
def test_lengths(token: str, seconds: int) -> None:
    template = read_icu_text(f"- {token}\n", "x").template
    assert template is not None
    assert template.items == (Segment(SegmentKind.FORWARD_RUN, Length.seconds(seconds)),)


@pytest.mark.parametrize(
    ("token", "seconds"), [("5'", 300), ('30"', 30), ("1'30\"", 90), ("1m30s", 90)]
)
def test_the_short_forms_of_a_time(token: str, seconds: int) -> None:
    template = read_icu_text(f"- {token} Z2 Pace\n", "x").template
    assert template is not None
    assert template.items == (Segment(SegmentKind.FORWARD_RUN, Length.seconds(seconds)),)


@pytest.mark.parametrize(
    ("token", "metres"),
    [
        ("2km", 2000),
        ("0.4km", 400),
        ("400mtr", 400),
        ("250meters", 250),
        ("250metres", 250),
        ("1mi", 1609),
        ("100yds", 91),
        ("100yd", 91),
    ],
)
def test_distances_become_distance_segments(token: str, metres: int) -> None:
    reading = read_icu_text(f"- Retro walk {token} 6:00/km Pace\n", "x")
    assert reading.template is not None
    assert reading.template.items == (
        Segment(SegmentKind.BACKWARD_WALK, Length.metres(metres), "Retro walk"),
    )
    assert not any("metres" in w.message for w in reading.warnings)


def test_an_m_of_a_hundred_or_more_is_read_as_metres_and_said() -> None:
    reading = read_icu_text("- 10m\n- 800m 3:20/km Pace\n", "x")
    assert reading.template is not None
    assert [item.length for item in reading.template.items] == [  # type: ignore[union-attr]
        Length.seconds(600),
        Length.metres(800),
    ]
    assert any(
        w.message.startswith("a length in m of 100 or more (line 2)") for w in reading.warnings
    )


def test_press_lap_makes_an_open_step_capped_by_any_time_given() -> None:
    reading = read_icu_text("- Walk to the cone press lap\n- Retro jog 2m press lap\n", "x")
    assert reading.template is not None
    assert reading.template.items == (
        Segment(SegmentKind.WALK, Length.open(), "Walk to the cone"),
        Segment(SegmentKind.BACKWARD_JOG, Length.open(120), "Retro jog"),
    )


def test_timed_prompts_are_said_at_their_offsets_and_the_first_words_are_the_label() -> None:
    text = "- First prompt 33^Second prompt at 33s <!> 10m ramp 4:30-5:00/km pace\n"
    reading = read_icu_text(text, "x")
    assert reading.template is not None
    assert reading.template.items == (
        Segment(
            SegmentKind.FORWARD_RUN,
            Length.seconds(600),
            "First prompt",
            prompts=(Prompt(33, "Second prompt at 33s"),),
        ),
    )


def test_options_zones_free_ride_and_max_effort_are_dropped_with_one_warning_never_said() -> None:
    text = "- 5m hr=1s Z2-Z3 HR\n- 20m freeride\n- 30s maxeffort power=3s\n- RPE8 3m\n"
    reading = read_icu_text(text, "x")
    assert reading.template is not None
    assert all(
        item.label is None and item.prompts == ()  # type: ignore[union-attr]
        for item in reading.template.items
    )
    (warning,) = [w for w in reading.warnings if "dropped" in w.message]
    assert warning.message.startswith(
        "free ride, heart rate, max effort, perceived effort and power targets were dropped"
    )


def test_warmup_and_cooldown_headings_give_their_steps_the_kind() -> None:
    text = "Warmup\n- RPE4 10m\n\nMain Set 2x\n- RPE8 3m\n\nCooldown\n- 10m Z1 Pace\n"
    reading = read_icu_text(text, "x")
    assert reading.template is not None
    assert [getattr(item, "kind", None) for item in reading.template.items] == [
        SegmentKind.WARMUP,
        None,
        SegmentKind.COOLDOWN,
    ]


def test_words_too_long_for_a_label_are_said_as_a_prompt_at_the_start() -> None:
    words = "Keep it easy and look over your shoulder every few steps, then turn around calmly"
    reading = read_icu_text(f"- {words} 2m\n", "x")
    assert reading.template is not None
    (segment,) = reading.template.items
    assert isinstance(segment, Segment)
    assert segment.label is None and segment.prompts == (Prompt(0, words),)
    assert segment.kind is SegmentKind.FORWARD_RUN


def test_open_distance_and_prompted_segments_are_written_and_read_back() -> None:
    template = Template(
        "Cones",
        (
            Segment(SegmentKind.BACKWARD_WALK, Length.open()),
            Segment(SegmentKind.WALK, Length.open(90), "Back to the start"),
            Segment(SegmentKind.BACKWARD_JOG, Length.metres(400)),
            Segment(SegmentKind.FORWARD_RUN, Length.metres(1609), prompts=(Prompt(20, "Relax"),)),
        ),
    )
    text = template_to_icu(template, Settings())
    assert text == (
        "- Backward walk press lap\n"
        "- Walk: Back to the start 1m30s press lap\n"
        "- Backward jog 0.4km\n"
        "- Forward run 20^Relax <!> 1.609km\n"
    )
    reading = read_icu_text(text, "Cones")
    assert reading.template == template


def test_a_step_without_a_time_is_refused_with_its_line() -> None:
    (error,) = read_icu_text("- 5m\n\n- easy\n", "x").errors
    assert error.line == 3 and "no length" in error.message


def test_detected_by_its_step_lines() -> None:
    assert is_icu_text(WORKOUT)
    assert not is_icu_text("# Mine\n5m warm-up walk\n")


def test_durations_are_written_as_intervals_icu_reads_them() -> None:
    assert [icu_duration(s) for s in (30, 60, 90, 600)] == ["30s", "1m", "1m30s", "10m"]


@pytest.mark.parametrize("template", BUILTIN_TEMPLATES, ids=lambda template: template.name)
def test_text_to_retrotimer_to_text_keeps_the_totals(template: object) -> None:
    text = template_to_icu(template, Settings())  # type: ignore[arg-type]
    first = read_icu_text(text, "x").template
    assert first is not None
    again = template_to_icu(first, Settings())
    assert again == text
    assert compile_plan(first, Settings()).total_s == pytest.approx(
        sum(round(s.duration_s) for s in compile_plan(template, Settings()).segments)  # type: ignore[arg-type]
    )


@given(templates)
def test_written_text_reads_back_with_the_same_kinds_and_total(template: object) -> None:
    text = template_to_icu(template, Settings())  # type: ignore[arg-type]
    reading = read_icu_text(text, "x")
    assert reading.template is not None, reading.problems
    plan_before = compile_plan(template, Settings())  # type: ignore[arg-type]
    plan_after = compile_plan(reading.template, Settings())
    assert [s.kind for s in plan_after.segments] == [s.kind for s in plan_before.segments]
    assert plan_after.total_s == sum(max(1, round(s.duration_s)) for s in plan_before.segments)
    assert template_to_icu(reading.template, Settings()) == text


def test_a_refusal_lists_twenty_problems_and_counts_the_rest() -> None:
    from retrotimer.core.exchange.workout_reading import first_problems

    errors = read_icu_text("- easy\n" * 25, "x").errors
    assert len(errors) == 25
    shown = first_problems(errors)
    assert len(shown) == 21 and shown[-1].message == "and 5 more problems like these"
    assert first_problems(errors[:3]) == list(errors[:3])
