"""The growth cap catches a cliff and a fortnight that grows too fast."""

from __future__ import annotations

import dataclasses

from retrotimer.core.model import Length, Segment, SegmentKind, Template
from retrotimer.core.programs.builtin_programs import LEARN, builtin_program
from retrotimer.core.programs.growth import growth_problems, longest_backward_s
from retrotimer.core.programs.program_model import Program, ProgramWeek
from retrotimer.core.settings import Settings


def test_each_weeks_longest_session_is_measured() -> None:
    learn = builtin_program(LEARN)
    assert learn is not None
    assert longest_backward_s(learn)[:3] == [240.0, 270.0, 300.0]


def test_the_growth_check_catches_a_cliff_and_a_fast_fortnight() -> None:
    learn = builtin_program(LEARN)
    assert learn is not None
    weeks = learn.weeks
    # Week 10's sessions straight after week 3: a cliff like Couch to 5K's week 5.
    cliff = dataclasses.replace(learn, weeks=(*weeks[:3], weeks[9]))
    assert growth_problems(cliff) == [
        "week 4: more than 150 % of the backward minutes of week 3",
        "week 4: more than 130 % of the backward minutes of week 2",
    ]
    # Weeks 1, 2 and 4: each step under 150 %, the fortnight over 130 %.
    fast = dataclasses.replace(learn, weeks=(weeks[0], weeks[2], weeks[4]))
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
