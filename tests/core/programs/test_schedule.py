"""Upcoming sessions fall on the training days as the coach will propose them: in program order,
never on consecutive days, at most 3 in 7 days and a program week in no less than 6 days."""

from __future__ import annotations

from retrotimer.core.history.calendar_days import days_from_civil as date
from retrotimer.core.programs.builtin_programs import LEARN, builtin_program
from tests.core.programs.program_history import START, day, ran, small_program, view

SMALL = small_program()  # 3 weeks of 2 sessions; START is a Monday
LEARN_PROGRAM = builtin_program(LEARN)
assert LEARN_PROGRAM is not None


def test_sessions_follow_in_order_on_the_training_days_until_the_end() -> None:
    planned = view(SMALL, [], START, days=("mon", "thu")).calendar()
    assert [(p.day, p.week, p.session) for p in planned] == [
        (date(2026, 3, 2), 1, 1),
        (date(2026, 3, 5), 1, 2),
        (date(2026, 3, 9), 2, 1),
        (date(2026, 3, 12), 2, 2),
        (date(2026, 3, 16), 3, 1),
        (date(2026, 3, 19), 3, 2),
    ]


def test_a_rest_day_moves_the_first_session_to_tomorrow_or_later() -> None:
    planned = view(SMALL, [ran(SMALL, 0, 1, 1)], day(0)).calendar(1, ("mon", "tue", "wed"))
    assert [(p.day, p.week, p.session) for p in planned] == [(day(2), 1, 2)]


def test_consecutive_training_days_get_every_other_day() -> None:
    planned = view(LEARN_PROGRAM, [], START, days=("mon", "tue", "wed", "thu", "fri")).calendar(2)
    assert [p.day - START for p in planned] == [0, 2, 4, 7, 9, 11]
    assert all(b.day - a.day >= 2 for a, b in zip(planned, planned[1:], strict=False))


def test_a_daily_runner_gets_three_sessions_a_week_and_a_program_week_a_week() -> None:
    daily = tuple(("mon", "tue", "wed", "thu", "fri", "sat", "sun"))
    planned = view(LEARN_PROGRAM, [], START, days=daily).calendar()
    assert len(planned) == LEARN_PROGRAM.session_count
    for first in planned:
        assert sum(1 for p in planned if 0 <= p.day - first.day < 7) <= 3
    starts = [next(p.day for p in planned if p.week == w) for w in range(1, 11)]
    assert all(b - a >= 6 for a, b in zip(starts, starts[1:], strict=False))


def test_a_once_a_week_runner_gets_every_session_one_sunday_after_another() -> None:
    sunday = START + 6
    planned = view(LEARN_PROGRAM, [], sunday, days=("sun",)).calendar()
    assert len(planned) == LEARN_PROGRAM.session_count == 30
    assert [p.day - sunday for p in planned] == [7 * n for n in range(30)]


def test_after_the_last_week_the_last_weeks_sessions_repeat_with_counted_occurrences() -> None:
    places = [(w, s) for w, s, _ in SMALL.all_sessions()]
    days = [0, 2, 7, 9, 14, 16]
    entries = [
        ran(SMALL, d, w, s, number=n)
        for n, (d, (w, s)) in enumerate(zip(days, places, strict=True))
    ]
    planned = view(SMALL, entries, day(21)).calendar()
    # A month of keeping the level: a week of its 2 sessions takes 6 days there too.
    assert len(planned) == 8
    assert [(p.week, p.session, p.occurrence) for p in planned[:4]] == [
        (3, 1, 0),
        (3, 2, 0),
        (3, 1, 1),
        (3, 2, 1),
    ]


def test_a_paused_program_plans_nothing() -> None:
    entries = [ran(SMALL, 0, 1, 1, "dizzy"), ran(SMALL, 4, 1, 1, "pain", number=1)]
    paused = view(SMALL, entries, day(9))
    assert paused.proposal.paused and paused.calendar() == []


def test_the_calendar_of_an_eased_runner_plans_the_lighter_sessions() -> None:
    hard = [ran(SMALL, 2 * n, 1, 1, "rated_hard", number=n) for n in range(3)]
    planned = view(SMALL, hard, day(7)).calendar(1)
    # The lighter week done, the full sessions of week 1 follow.
    assert [p.template.name for p in planned] == [
        "Small 1.1 (lighter)",
        "Small 1.2 (lighter)",
        "Small 1.1",
    ]


def test_asking_for_the_calendar_twice_gives_the_same_days() -> None:
    asked = view(SMALL, [ran(SMALL, 0, 1, 1, "dizzy")], day(1))
    assert asked.calendar(3) == asked.calendar(3)
    assert asked.calendar(3)[0].day == day(4), "two days of rest, then Friday"


def test_the_calendar_of_an_eased_learner_counts_steps_at_the_runners_cadence() -> None:
    hard = [ran(LEARN_PROGRAM, 2 * n, 1, 1, "rated_hard", number=n) for n in range(3)]
    asked = view(LEARN_PROGRAM, hard, day(7))
    planned = asked.calendar(1)
    assert [p.template.name for p in planned] == [
        "Learn backward 1.1 (lighter)",
        "Learn backward 1.2 (lighter)",
        "Learn backward 1.3 (lighter)",
    ]
    assert asked.calendar(1) == planned
