"""Upcoming sessions fall on the training days, in program order, to the program's end."""

from __future__ import annotations

from retrotimer.core.history.calendar_days import days_from_civil as date
from retrotimer.core.programs.coach import propose
from retrotimer.core.programs.schedule import upcoming
from tests.core.programs.program_history import START, day, ran, small_program

SMALL = small_program()  # 3 weeks of 2 sessions; START is a Monday


def test_sessions_follow_in_order_on_the_training_days_until_the_end() -> None:
    planned = upcoming(propose(SMALL, [], START, START), START, ("mon", "thu"))
    assert [(p.day, p.week, p.session) for p in planned] == [
        (date(2026, 3, 2), 1, 1),
        (date(2026, 3, 5), 1, 2),
        (date(2026, 3, 9), 2, 1),
        (date(2026, 3, 12), 2, 2),
        (date(2026, 3, 16), 3, 1),
        (date(2026, 3, 19), 3, 2),
    ]


def test_a_rest_day_moves_the_first_session_to_tomorrow_or_later() -> None:
    proposal = propose(SMALL, [ran(SMALL, 0, 1, 1)], day(0), START)
    planned = upcoming(proposal, day(0), ("mon", "tue"), weeks=1)
    assert [(p.day, p.week, p.session) for p in planned] == [(day(1), 1, 2), (day(7), 2, 1)]


def test_after_the_last_week_the_last_weeks_sessions_repeat_with_counted_occurrences() -> None:
    entries = [
        ran(SMALL, 2 * n, w, s, number=n) for n, (w, s, _) in enumerate(SMALL.all_sessions())
    ]
    proposal = propose(SMALL, entries, day(14), START)
    planned = upcoming(proposal, day(14), ("mon", "wed", "fri"))
    assert len(planned) == 12  # a month of keeping the level
    assert [(p.week, p.session, p.occurrence) for p in planned[:4]] == [
        (3, 1, 0),
        (3, 2, 0),
        (3, 1, 1),
        (3, 2, 1),
    ]
