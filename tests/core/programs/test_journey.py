"""The journey through a completed program, from the sessions the coach replayed."""

from __future__ import annotations

from retrotimer.core.programs.journey import Journey, journey, journey_lines, just_completed
from retrotimer.core.value import replace
from tests.core.programs.program_history import day, ran, small_program, view


def test_a_program_done_with_a_repeat_tells_its_sessions_days_and_minutes() -> None:
    program = small_program(weeks=2, sessions=2)
    entries = [
        ran(program, 0, 1, 1, number=0),
        ran(program, 2, 1, 2, "rated_hard", number=1),
        ran(program, 4, 1, 2, number=2),
        ran(program, 7, 2, 1, number=3),
        ran(program, 9, 2, 2, "crashed", number=4),
        ran(program, 11, 2, 2, number=5),
    ]
    seen = view(program, entries, day(12))
    assert seen.proposal.complete
    done = journey(program, seen.path)
    counted = [e for e in entries if e.status.value != "interrupted"]
    assert done.sessions == len(counted) == 5
    assert done.days == 12
    assert done.backward_s == sum(e.backward_s for e in counted)
    assert done.first_s == entries[0].backward_s
    assert done.longest_s == max(e.backward_s for e in counted)
    assert (done.repeats, done.step_backs) == (1, 0)
    lines = journey_lines(done)
    assert lines[0].startswith("You finished Small: 5 sessions in 2 weeks, ")
    assert lines[2] == "On the way you repeated a session, and kept going."


def test_a_journey_without_setbacks_says_nothing_of_them() -> None:
    program = small_program(weeks=1, sessions=2)
    entries = [ran(program, 0, 1, 1, number=0), ran(program, 2, 1, 2, number=1)]
    done = journey(program, view(program, entries, day(3)).path)
    assert done.days == 3 and len(journey_lines(done)) == 2
    assert journey(program, view(program, [], day(3)).path).sessions == 0


def test_only_the_session_that_completes_the_program_calls_for_the_celebration() -> None:
    program = small_program(weeks=1, sessions=2)
    first = ran(program, 0, 1, 1, number=0)
    last = ran(program, 2, 1, 2, number=1)
    assert not just_completed(view(program, [first], day(1)).path)
    assert just_completed(view(program, [first, last], day(3)).path)
    kept = ran(program, 5, 1, 1, number=2)
    assert not just_completed(view(program, [first, last, kept], day(6)).path)


def test_the_setbacks_are_told_as_they_were() -> None:
    done = Journey("P", 33, 74, 9000.0, 144.0, 600.0, 2, 1)
    lines = journey_lines(done)
    assert lines[:2] == (
        "You finished P: 33 sessions in 11 weeks, 150 backward minutes in all.",
        "Your first session held 2.4 backward minutes; your longest, 10.",
    )
    assert lines[2] == "On the way you repeated 2 sessions and stepped back once, and kept going."
    assert journey_lines(replace(done, repeats=0, step_backs=3))[2] == (
        "On the way you stepped back 3 times, and kept going."
    )
