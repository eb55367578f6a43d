"""The built-in programs hold to the progression advice, each rule over every session."""

from __future__ import annotations

import pytest

from retrotimer.core.model import Item, LengthUnit, Repeat, Segment, SegmentKind, Template, Venue
from retrotimer.core.programs.builtin_programs import (
    BUILTIN_PROGRAMS,
    FINISHERS,
    LEARN,
    TREADMILL,
    TWENTY,
    builtin_program,
)
from retrotimer.core.programs.growth import growth_problems, running_growth_problems
from retrotimer.core.programs.program_model import Program
from retrotimer.core.programs.session_load import load
from retrotimer.core.session.plan import CueType, compile_plan, segment_seconds
from retrotimer.core.settings import Settings
from retrotimer.core.templates.validation import validate_template
from retrotimer.core.value import replace

DEFAULTS = Settings()


def segments(items: tuple[Item, ...]) -> list[Segment]:
    """Every segment in the order run, repeats unrolled."""
    out: list[Segment] = []
    for item in items:
        if isinstance(item, Repeat):
            for _ in range(item.count):
                out += segments(item.items)
        else:
            out.append(item)
    return out


def bouts(template: Template) -> list[list[Segment]]:
    """The backward bouts: backward segments back to back."""
    found: list[list[Segment]] = []
    current: list[Segment] = []
    for segment in segments(template.items):
        if segment.kind.is_backward:
            current.append(segment)
        elif current:
            found.append(current)
            current = []
    return [*found, current] if current else found


def backward_s(template: Template) -> float:
    return compile_plan(template, DEFAULTS).backward_s


def program(name: str) -> Program:
    found = builtin_program(name)
    assert found is not None
    return found


BEGINNERS = [program(LEARN), program(TREADMILL), program(FINISHERS)]
ON_THE_TRACK = [program(LEARN), program(FINISHERS), program(TWENTY)]
# Where a runner goes from the start: a next step is held to the caps back to back.
JOURNEYS = [(LEARN, TWENTY), (FINISHERS, TWENTY), (TREADMILL,)]


def journey(names: tuple[str, ...]) -> Program:
    weeks = tuple(week for name in names for week in program(name).weeks)
    return replace(program(names[0]), weeks=weeks)


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


@pytest.mark.parametrize("names", JOURNEYS, ids=" then ".join)
def test_backward_and_running_minutes_grow_on_their_caps(names: tuple[str, ...]) -> None:
    assert growth_problems(journey(names)) == []
    assert running_growth_problems(journey(names)) == []


@pytest.mark.parametrize("built_in", ON_THE_TRACK, ids=lambda p: p.name)
def test_track_sessions_hold_8_to_14_bouts(built_in: Program) -> None:
    for week, number, template in built_in.all_sessions():
        assert 8 <= len(bouts(template)) <= 14, f"{week}.{number}"


@pytest.mark.parametrize("built_in", BUILTIN_PROGRAMS, ids=lambda p: p.name)
def test_bouts_of_each_kind_at_most_double_the_week_before(built_in: Program) -> None:
    longest: dict[SegmentKind, float] = {}
    for week in built_in.weeks:
        this_week: dict[SegmentKind, float] = {}
        for template in week.sessions:
            for segment in segments(template.items):
                if segment.kind.is_backward:
                    seconds = segment_seconds(segment, DEFAULTS)
                    this_week[segment.kind] = max(this_week.get(segment.kind, 0.0), seconds)
        for kind, seconds in this_week.items():
            assert kind not in longest or seconds <= 2 * longest[kind], (week.focus, kind)
        longest.update(this_week)


@pytest.mark.parametrize("built_in", [program(LEARN), program(FINISHERS)], ids=lambda p: p.name)
def test_learning_walks_for_three_weeks_then_jogs_in_runs_of_20_30_steps_15_30_s(
    built_in: Program,
) -> None:
    assert built_in.walking_weeks == (1, 2, 3)
    jogs: list[str] = []
    for week in built_in.weeks:
        for template in week.sessions:
            for segment in segments(template.items):
                if segment.kind is SegmentKind.BACKWARD_JOG:
                    length = segment.length
                    unit = "steps" if length.unit is LengthUnit.STEPS else "s"
                    if f"{length.amount} {unit}" not in jogs:
                        jogs.append(f"{length.amount} {unit}")
    assert jogs[:4] == ["20 steps", "30 steps", "15 s", "30 s"]


@pytest.mark.parametrize("built_in", BEGINNERS, ids=lambda p: p.name)
def test_week_1_holds_2_to_5_backward_minutes(built_in: Program) -> None:
    for template in built_in.weeks[0].sessions:
        assert 120 <= backward_s(template) <= 300


@pytest.mark.parametrize("built_in", BUILTIN_PROGRAMS, ids=lambda p: p.name)
def test_inside_a_week_no_session_has_more_than_125_percent_of_the_first(
    built_in: Program,
) -> None:
    for week in built_in.weeks:
        first = backward_s(week.sessions[0])
        assert all(backward_s(t) <= 1.25 * first for t in week.sessions), week.focus


def test_learning_starts_with_walks_of_at_most_20_steps() -> None:
    for built_in in (program(LEARN), program(FINISHERS)):
        for template in built_in.weeks[0].sessions:
            backward = [s for s in segments(template.items) if s.kind.is_backward]
            assert {s.kind for s in backward} == {SegmentKind.BACKWARD_WALK}
            assert all(s.length == s.length.steps(20) for s in backward)


@pytest.mark.parametrize("built_in", [program(LEARN), program(FINISHERS)], ids=lambda p: p.name)
def test_learning_ends_at_ten_backward_minutes_most_of_them_jogging(built_in: Program) -> None:
    for template in built_in.weeks[-1].sessions:
        weight = load(template, DEFAULTS)
        assert weight.backward_s >= 600
        assert weight.running_s > weight.backward_s / 2


def test_twenty_minutes_ends_with_twenty_backward_minutes_all_jogging() -> None:
    for template in program(TWENTY).weeks[-1].sessions:
        weight = load(template, DEFAULTS)
        assert weight.backward_s == weight.running_s >= 1200


@pytest.mark.parametrize("names", JOURNEYS[:2], ids=" then ".join)
def test_a_next_step_starts_where_the_last_program_ended(names: tuple[str, ...]) -> None:
    first, then = program(names[0]), program(names[1])
    assert first.next_program == then.name
    ended = max(backward_s(t) for t in first.weeks[-1].sessions)
    starts = max(backward_s(t) for t in then.weeks[0].sessions)
    assert 0.9 * ended <= starts <= ended


def test_every_next_program_is_built_in() -> None:
    for built_in in BUILTIN_PROGRAMS:
        assert not built_in.next_program or builtin_program(built_in.next_program)


def test_treadmill_program_is_six_weeks_of_three_held_walks_up_to_ten_minutes() -> None:
    treadmill = program(TREADMILL)
    assert [len(w.sessions) for w in treadmill.weeks] == [3] * 6
    assert treadmill.walking_weeks == (1, 2, 3, 4, 5, 6)
    for _, _, template in treadmill.all_sessions():
        assert template.venue is Venue.TREADMILL
        backward = [s for s in segments(template.items) if s.kind.is_backward]
        assert all(s.note and "rails" in s.note for s in backward)
    assert all(load(t, DEFAULTS).longest_bout_s >= 600 for t in treadmill.weeks[-1].sessions)


def test_on_the_belt_every_turn_is_made_at_a_standstill_or_astride_the_rails() -> None:
    for _, _, template in program(TREADMILL).all_sessions():
        flat = segments(template.items)
        for index, segment in enumerate(flat):
            if segment.kind.is_backward:
                before, after = flat[index - 1], flat[index + 1]
                for turn in (before, after):
                    assert turn.kind is SegmentKind.REST
                    assert "Straddle the rails or stop the belt" in turn.note
                assert "half your forward walking speed" in before.note


def test_on_the_belt_hold_the_rails_is_said_at_most_once_a_minute() -> None:
    for _, _, template in program(TREADMILL).all_sessions():
        plan = compile_plan(template, DEFAULTS)
        reminders = [c for c in plan.cues if c.type is CueType.HOLD_RAILS]
        assert reminders
        assert len(reminders) <= plan.backward_s / 60 + len(bouts(template))


def test_finishers_follow_a_forward_run_that_shortens_as_the_backward_block_grows() -> None:
    finishers = program(FINISHERS)
    assert [len(w.sessions) for w in finishers.weeks] == [2] * 10
    runs = []
    for _, _, template in finishers.all_sessions():
        flat = segments(template.items)
        kinds = [s.kind for s in flat]
        first_back = next(i for i, k in enumerate(kinds) if k.is_backward)
        assert SegmentKind.FORWARD_RUN in kinds[:first_back]
        assert SegmentKind.FORWARD_RUN not in kinds[first_back:]
        run = sum(segment_seconds(s, DEFAULTS) for s in flat if s.kind is SegmentKind.FORWARD_RUN)
        assert run + backward_s(template) <= 25 * 60
        runs.append(run)
    assert runs[-1] < runs[0]


def test_built_in_programs_are_found_by_name_in_any_case() -> None:
    assert builtin_program("learn TO run backward") is program(LEARN)
    assert builtin_program("no such program") is None
