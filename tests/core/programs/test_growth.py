"""The growth cap catches a cliff and a fortnight that grows too fast."""

from __future__ import annotations

from retrotimer.core.model import Length, Segment, SegmentKind, Template
from retrotimer.core.programs.builtin_programs import LEARN, builtin_program
from retrotimer.core.programs.growth import (
    growth_problems,
    longest_backward_s,
    longest_running_s,
    running_growth_problems,
)
from retrotimer.core.programs.program_model import Program, ProgramWeek
from retrotimer.core.settings import Settings
from retrotimer.core.value import replace


def test_each_weeks_longest_session_is_measured() -> None:
    learn = builtin_program(LEARN)
    assert learn is not None
    # 14 walks of 20 steps, 13 of 30 and 9 of 40, at 100 steps a minute.
    assert longest_backward_s(learn)[:3] == [14 * 20 * 0.6, 13 * 30 * 0.6, 9 * 40 * 0.6]
    # Learning's first jogs: 9 runs of 20 steps at 160 steps a minute.
    assert longest_running_s(learn)[2:4] == [0.0, 9 * 20 * 60 / 160]


def test_the_growth_check_catches_a_cliff_and_a_fast_fortnight() -> None:
    learn = builtin_program(LEARN)
    assert learn is not None
    weeks = learn.weeks
    # Week 10's sessions straight after week 3: a cliff like Couch to 5K's week 5.
    cliff = replace(learn, weeks=(*weeks[:3], weeks[9]))
    assert growth_problems(cliff) == [
        "week 4: more than 150 % of the backward minutes of week 3",
        "week 4: more than 130 % of the backward minutes of week 2",
    ]
    # Weeks 1, 2 and 4: each step under 150 %, the fortnight over 130 %.
    fast = replace(learn, weeks=(weeks[0], weeks[2], weeks[4]))
    assert growth_problems(fast) == ["week 3: more than 130 % of the backward minutes of week 1"]


def _weeks(*seconds: int) -> Program:
    return Program(
        "G",
        tuple(
            ProgramWeek(
                f"{s}",
                (Template(f"{s}", (Segment(SegmentKind.BACKWARD_WALK, Length.seconds(s)),)),) * 2,
            )
            for s in seconds
        ),
    )


def test_growth_at_the_limits_is_allowed_and_beyond_is_not() -> None:
    assert growth_problems(_weeks(100, 150, 130)) == []
    assert growth_problems(_weeks(100, 151)) == [
        "week 2: more than 150 % of the backward minutes of week 1"
    ]
    assert growth_problems(_weeks(100, 120, 131)) == [
        "week 3: more than 130 % of the backward minutes of week 1"
    ]


def test_the_longest_sessions_are_measured_at_the_cadences_given() -> None:
    steps = Program(
        "S",
        (
            ProgramWeek(
                "s", (Template("s", (Segment(SegmentKind.BACKWARD_WALK, Length.steps(100)),)),) * 2
            ),
        ),
    )
    assert longest_backward_s(steps) == [60.0]
    assert longest_backward_s(steps, Settings(cadence_backward_walk=50)) == [120.0]


def test_a_week_lighter_than_the_last_is_no_problem() -> None:
    assert growth_problems(_weeks(200, 150, 100)) == []


def _jogs(*seconds: int) -> Program:
    return Program(
        "J",
        tuple(
            ProgramWeek(
                f"{s}",
                (
                    Template(
                        f"{s}",
                        (
                            Segment(SegmentKind.BACKWARD_WALK, Length.seconds(600)),
                            Segment(SegmentKind.BACKWARD_JOG, Length.seconds(s)),
                        ),
                    ),
                )
                * 2,
            )
            for s in seconds
        ),
    )


def test_running_starts_at_two_minutes_at_most_then_grows_at_most_half_a_week() -> None:
    assert growth_problems(_jogs(0, 120, 180, 270)) == []
    assert running_growth_problems(_jogs(0, 120, 180, 270)) == []
    assert running_growth_problems(_jogs(0, 121)) == [
        "week 2: more than 2 minutes of a first backward running"
    ]
    assert running_growth_problems(_jogs(60, 91)) == [
        "week 2: more than 150 % of the backward running of week 1"
    ]
