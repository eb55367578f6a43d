"""intervals.icu workout text: sections with repeats, steps with labels, targets dropped."""

from __future__ import annotations

import pytest
from hypothesis import given

from retrotimer.core.exchange.icu_text import (
    icu_duration,
    is_icu_text,
    read_icu_text,
    template_to_icu,
)
from retrotimer.core.model import Length, Repeat, Segment, SegmentKind
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
                Segment(SegmentKind.BACKWARD_JOG, Length.seconds(90), "Retro jog"),
                Segment(SegmentKind.WALK, Length.seconds(30)),
                Segment(SegmentKind.FORWARD_RUN, Length.seconds(20)),
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


def test_a_distance_is_refused_with_its_line() -> None:
    reading = read_icu_text("- 5m\n- Run 2km\n", "x")
    assert reading.template is None
    (error,) = reading.errors
    assert error.render("w.txt").startswith("w.txt:2:1: error: a length given as a distance (2km)")


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

    errors = read_icu_text("- 1km\n" * 25, "x").errors
    assert len(errors) == 25
    shown = first_problems(errors)
    assert len(shown) == 21 and shown[-1].message == "and 5 more problems like these"
    assert first_problems(errors[:3]) == list(errors[:3])
