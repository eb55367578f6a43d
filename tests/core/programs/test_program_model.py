"""A program's sessions by place, and which of its weeks walk."""

from __future__ import annotations

from retrotimer.core.model import Length, Repeat, Segment, SegmentKind, Template
from retrotimer.core.programs.builtin_programs import BUILTIN_PROGRAMS
from retrotimer.core.programs.program_model import Program, ProgramWeek
from tests.core.programs.program_history import small_program


def test_a_session_outside_the_program_is_none() -> None:
    small = small_program(2, 2)
    assert small.session(2, 2) is small.weeks[1].sessions[1]
    assert [small.session(w, s) for w, s in ((0, 1), (3, 1), (1, 0), (1, 3))] == [None] * 4


def test_walking_weeks_walk_backward_and_nothing_faster() -> None:
    walk = Segment(SegmentKind.BACKWARD_WALK, Length.seconds(30))
    jog = Segment(SegmentKind.BACKWARD_JOG, Length.seconds(30))
    forward = Segment(SegmentKind.FORWARD_RUN, Length.minutes(5))
    weeks = (
        ProgramWeek("walks", (Template("a", (Repeat(3, (walk,)),)),) * 2),
        ProgramWeek("jogs in a repeat", (Template("b", (Repeat(2, (walk, jog)),)),) * 2),
        ProgramWeek("no backward", (Template("c", (forward,)),) * 2),
        ProgramWeek("walks after a run", (Template("d", (forward, walk)),) * 2),
    )
    assert Program("P", weeks).walking_weeks == (1, 4)
    assert [p.walking_weeks for p in BUILTIN_PROGRAMS] == [
        (1, 2, 3),
        (1, 2, 3, 4, 5, 6),
        (1, 2, 3),
        (),
    ]


def test_backward_walking_in_an_earlier_repeat_makes_a_walking_week() -> None:
    walk = Segment(SegmentKind.BACKWARD_WALK, Length.seconds(30))
    forward = Segment(SegmentKind.FORWARD_RUN, Length.minutes(1))
    week = ProgramWeek("w", (Template("w", (Repeat(2, (walk,)), Repeat(2, (forward,)))),) * 2)
    assert week.walking
