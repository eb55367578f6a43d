"""The built-in programs follow the progression advice and the growth cap."""

from __future__ import annotations

import pytest

from retrotimer.core.model import Item, LengthUnit, Repeat, Segment, SegmentKind, Template, Venue
from retrotimer.core.programs.builtin_programs import (
    BUILTIN_PROGRAMS,
    FINISHERS,
    LEARN,
    TREADMILL,
    builtin_program,
)
from retrotimer.core.programs.growth import growth_problems
from retrotimer.core.programs.program_model import Program
from retrotimer.core.session.plan import compile_plan
from retrotimer.core.settings import Settings
from retrotimer.core.templates.validation import validate_template

DEFAULTS = Settings()


def segments(items: tuple[Item, ...]) -> list[Segment]:
    out: list[Segment] = []
    for item in items:
        out += segments(item.items) if isinstance(item, Repeat) else [item]
    return out


def backward_s(template: Template) -> float:
    return compile_plan(template, DEFAULTS).backward_s


def program(name: str) -> Program:
    found = builtin_program(name)
    assert found is not None
    return found


@pytest.mark.parametrize("built_in", BUILTIN_PROGRAMS, ids=lambda p: p.name)
def test_every_session_warms_up_for_three_minutes_and_cools_down(built_in: Program) -> None:
    for _, _, template in built_in.all_sessions():
        flat = segments(template.items)
        assert flat[0].kind is SegmentKind.WARMUP
        assert flat[0].length.unit is LengthUnit.SECONDS and flat[0].length.amount >= 180
        assert flat[-1].kind is SegmentKind.COOLDOWN
        assert validate_template(template) == []


@pytest.mark.parametrize("built_in", BUILTIN_PROGRAMS, ids=lambda p: p.name)
def test_weeks_have_two_or_three_sessions_and_a_focus(built_in: Program) -> None:
    for week in built_in.weeks:
        assert 2 <= len(week.sessions) <= 3
        assert week.focus and "\n" not in week.focus


@pytest.mark.parametrize("built_in", BUILTIN_PROGRAMS, ids=lambda p: p.name)
def test_growth_is_capped_week_on_week_and_over_two_weeks(built_in: Program) -> None:
    assert growth_problems(built_in) == []


def test_learn_to_run_backward_has_ten_weeks_on_a_track() -> None:
    learn = program(LEARN)
    assert len(learn.weeks) == 10
    assert {t.venue for _, _, t in learn.all_sessions()} == {Venue.TRACK}


def test_learn_week_one_walks_in_runs_of_at_most_20_steps_for_2_to_5_minutes() -> None:
    for template in program(LEARN).weeks[0].sessions:
        backward = [s for s in segments(template.items) if s.kind.is_backward]
        assert {s.kind for s in backward} == {SegmentKind.BACKWARD_WALK}
        assert all(s.length.unit is LengthUnit.STEPS and s.length.amount <= 20 for s in backward)
        assert 120 <= backward_s(template) <= 300


def first_week(learn: Program, test: object) -> int:
    for number, week in enumerate(learn.weeks, start=1):
        if any(test(s) for t in week.sessions for s in segments(t.items)):  # type: ignore[operator]
            return number
    raise AssertionError("no such week")


def test_learn_jogs_only_after_minute_long_walks() -> None:
    learn = program(LEARN)
    jogging = first_week(learn, lambda s: s.kind is SegmentKind.BACKWARD_JOG)
    minute_walks = first_week(
        learn, lambda s: s.kind is SegmentKind.BACKWARD_WALK and compile_seconds(s) >= 60
    )
    assert minute_walks < jogging


def compile_seconds(segment: Segment) -> float:
    return compile_plan(Template("one", (segment,)), DEFAULTS).total_s


def test_learn_jogs_are_counted_in_steps_until_a_week_of_20_step_jogs() -> None:
    learn = program(LEARN)
    timed = first_week(
        learn, lambda s: s.kind is SegmentKind.BACKWARD_JOG and s.length.unit is LengthUnit.SECONDS
    )
    before = learn.weeks[: timed - 1]
    jogs = [
        s
        for week in before
        for t in week.sessions
        for s in segments(t.items)
        if s.kind is SegmentKind.BACKWARD_JOG
    ]
    assert jogs and all(
        s.length.unit is LengthUnit.STEPS and 10 <= s.length.amount <= 20 for s in jogs
    )
    full_weeks_of_20 = [
        week
        for week in before
        if all(
            any(
                s.kind is SegmentKind.BACKWARD_JOG and s.length == s.length.steps(20)
                for s in segments(t.items)
            )
            for t in week.sessions
        )
    ]
    assert full_weeks_of_20


def test_learn_last_week_holds_ten_backward_minutes_with_eight_jogging() -> None:
    for template in program(LEARN).weeks[-1].sessions:
        plan = compile_plan(template, DEFAULTS)
        jogging = sum(s.duration_s for s in plan.segments if s.kind is SegmentKind.BACKWARD_JOG)
        assert plan.backward_s >= 600
        assert jogging >= 480


def test_treadmill_program_is_six_weeks_of_three_held_walks_up_to_ten_minutes() -> None:
    treadmill = program(TREADMILL)
    assert [len(w.sessions) for w in treadmill.weeks] == [3] * 6
    for _, _, template in treadmill.all_sessions():
        assert template.venue is Venue.TREADMILL
        backward = [s for s in segments(template.items) if s.kind.is_backward]
        assert {s.kind for s in backward} == {SegmentKind.BACKWARD_WALK}
        assert all(s.note and "rails" in s.note for s in backward)
    last = treadmill.weeks[-1].sessions
    assert all(
        max(compile_seconds(s) for s in segments(t.items) if s.kind.is_backward) >= 600
        for t in last
    )


def test_finishers_end_a_forward_run_with_backward_blocks_twice_a_week() -> None:
    finishers = program(FINISHERS)
    assert [len(w.sessions) for w in finishers.weeks] == [2] * 6
    for _, _, template in finishers.all_sessions():
        kinds = [s.kind for s in segments(template.items)]
        first_back = next(i for i, k in enumerate(kinds) if k.is_backward)
        assert SegmentKind.FORWARD_RUN in kinds[:first_back]
        assert SegmentKind.FORWARD_RUN not in kinds[first_back:]


def test_built_in_programs_are_found_by_name_in_any_case() -> None:
    assert builtin_program("learn TO run backward") is program(LEARN)
    assert builtin_program("no such program") is None
