"""Statistics: hand-computed weeks, streaks, totals and trend; properties over any history."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from retrotimer.core.history.calendar_days import iso_week, local_day
from retrotimer.core.history.history_values import (
    HistoryEntry,
    SessionStatus,
)
from retrotimer.core.history.statistics import (
    TREND_WEEKS,
    IsoWeek,
    TrendDirection,
    compute_statistics,
    slope,
)
from retrotimer.core.history.wall_time import WallTime
from tests.history_samples import DAY, MONDAY_2024_05_06, WEEK, entry

W19 = MONDAY_2024_05_06  # Monday of 2024-W19, 00:00 UTC
WEDNESDAY_W26 = WallTime(W19 + 7 * WEEK + 2 * DAY + 10 * 3600, 0)


def week_start(number: int) -> float:
    """10:00 UTC on the Monday of 2024-W<number>."""
    return W19 + (number - 19) * WEEK + 10 * 3600


def sample_history() -> list[HistoryEntry]:
    sessions = [
        # (ISO week, day of the week, backward s, forward s, longest backward segment s)
        (19, 0, 120, 60, 60),
        (19, 2, 180, 0, 90),
        (20, 0, 60, 0, 60),
        (20, 2, 60, 0, 250),  # the longest backward segment
        (20, 4, 60, 0, 60),
        (21, 1, 240, 0, 120),
        (23, 0, 300, 0, 100),
        (23, 3, 300, 0, 100),
        (24, 1, 360, 0, 120),
        (24, 5, 240, 0, 120),
        (25, 0, 420, 0, 200),
        (25, 6, 480, 0, 240),
        (26, 1, 600, 0, 240),
    ]
    entries = [
        entry(
            week_start(week) + day * DAY,
            backward_s=backward,
            forward_s=forward,
            longest_backward_s=longest,
            number=number,
            status=SessionStatus.STOPPED if number == 5 else SessionStatus.COMPLETED,
        )
        for number, (week, day, backward, forward, longest) in enumerate(sessions)
    ]
    # Deleted sessions count nowhere, even a longer backward segment.
    entries.append(
        entry(week_start(22), backward_s=900, longest_backward_s=900, number=99, deleted=True)
    )
    return entries


def test_weeks_streak_totals_and_trend_by_hand() -> None:
    stats = compute_statistics(sample_history(), WEDNESDAY_W26)
    assert [str(w.week) for w in stats.weeks] == [f"2024-W{n}" for n in range(19, 27)]
    assert [w.sessions for w in stats.weeks] == [2, 3, 1, 0, 2, 2, 2, 1]
    assert [w.backward_min for w in stats.weeks] == pytest.approx([5, 3, 4, 0, 10, 10, 15, 10])
    assert [w.forward_min for w in stats.weeks] == pytest.approx([1, 0, 0, 0, 0, 0, 0, 0])
    assert stats.current_week.week == IsoWeek(2024, 26) and stats.current_week.sessions == 1
    # W23-W25 met the target; W26 is in progress and does not break the run.
    assert stats.current_streak == 3
    assert stats.best_streak == 3
    longest = stats.longest_backward
    assert longest is not None
    assert (longest.seconds, longest.session_id) == (250, sample_history()[3].session_id)
    assert longest.started == sample_history()[3].started
    totals = stats.totals
    assert (totals.sessions, totals.completed, totals.weeks_met_target) == (13, 12, 5)
    assert totals.backward_min == pytest.approx(57)
    assert totals.forward_min == pytest.approx(1)
    assert totals.active_min == pytest.approx(58)
    # The 8 full weeks before W26: W18 (before the first session) to W25.
    assert [str(w.week) for w in stats.trend.weeks] == [f"2024-W{n}" for n in range(18, 26)]
    assert [w.backward_min for w in stats.trend.weeks] == pytest.approx([0, 5, 3, 4, 0, 10, 10, 15])
    # Least squares over x = 0..7: sum((x - 3.5) * y) / sum((x - 3.5)^2) = 73.5 / 42.
    assert stats.trend.slope_min_per_week == pytest.approx(1.75)
    assert stats.trend.direction is TrendDirection.UP


def test_test_runs_count_nowhere() -> None:
    """Runs at a compressed speed (scripts trying the history) never make progress."""
    tries = [
        entry(
            week_start(26) + 2 * DAY + n,
            backward_s=900,
            longest_backward_s=900,
            number=60 + n,
            test_run=True,
        )
        for n in range(3)
    ]
    assert compute_statistics([*sample_history(), *tries], WEDNESDAY_W26) == compute_statistics(
        sample_history(), WEDNESDAY_W26
    )


def test_the_current_week_counts_in_the_streak_once_met() -> None:
    history = [*sample_history(), entry(week_start(26) + 2 * DAY, backward_s=60, number=50)]
    stats = compute_statistics(history, WEDNESDAY_W26)
    assert stats.current_week.sessions == 2 and stats.current_week.met_target
    assert (stats.current_streak, stats.best_streak) == (4, 4)


def test_a_week_short_of_the_target_ends_the_streak() -> None:
    # Two weeks after W26 with nothing done since: W27 missed, so no current streak.
    later = WallTime(WEDNESDAY_W26.utc_s + 2 * WEEK, 0)
    stats = compute_statistics(sample_history(), later)
    assert stats.current_streak == 0 and stats.best_streak == 3
    assert [str(w.week) for w in stats.weeks][-2:] == ["2024-W27", "2024-W28"]


def test_an_empty_history() -> None:
    stats = compute_statistics([], WEDNESDAY_W26)
    assert [str(w.week) for w in stats.weeks] == ["2024-W26"]
    assert (stats.current_streak, stats.best_streak) == (0, 0)
    assert stats.longest_backward is None
    assert stats.totals.sessions == 0 and stats.totals.backward_min == 0
    assert len(stats.trend.weeks) == TREND_WEEKS
    assert stats.trend.slope_min_per_week == 0 and stats.trend.direction is TrendDirection.FLAT


def test_a_session_counts_in_the_week_of_its_local_start() -> None:
    # Monday 2024-05-13 03:30 UTC is Sunday 23:30 in New York (UTC-4): week 19, not 20.
    sunday_night = entry(W19 + WEEK + 3.5 * 3600, backward_s=60, offset_s=-4 * 3600)
    stats = compute_statistics([sunday_night], WallTime(W19 + WEEK + 3.75 * 3600, -4 * 3600))
    assert [(str(w.week), w.sessions) for w in stats.weeks] == [("2024-W19", 1)]


def test_a_falling_trend_and_a_flat_one() -> None:
    falling = [entry(week_start(18 + n), backward_s=60 * (16 - 2 * n), number=n) for n in range(8)]
    stats = compute_statistics(falling, WEDNESDAY_W26)
    assert stats.trend.slope_min_per_week == pytest.approx(-2)
    assert stats.trend.direction is TrendDirection.DOWN
    steady = [entry(week_start(18 + n), backward_s=300, number=n) for n in range(8)]
    assert compute_statistics(steady, WEDNESDAY_W26).trend.direction is TrendDirection.FLAT


def test_slope_of_few_values() -> None:
    assert slope(()) == 0 and slope((4.0,)) == 0
    assert slope((1.0, 3.0)) == 2


# ---- properties --------------------------------------------------------------------------
history_entries = st.lists(
    st.builds(
        lambda day, second, offset, backward, forward, deleted, number: entry(
            W19 + day * DAY + second,
            offset_s=offset,
            backward_s=backward,
            forward_s=forward,
            longest_backward_s=backward / 2,
            deleted=deleted,
            number=number,
        ),
        st.integers(-200, 200),
        st.integers(0, 86_399),
        st.integers(-12, 14).map(lambda hours: hours * 3600),
        st.integers(0, 3600),
        st.integers(0, 3600),
        st.sampled_from([False, False, False, True]),
        st.integers(0, 10_000),
    ),
    max_size=40,
)
nows = st.integers(-100, 300).map(lambda day: WallTime(W19 + day * DAY, 0))


@settings(max_examples=150, deadline=None)
@given(history_entries, nows)
def test_weeks_add_up_to_the_totals(entries: list[HistoryEntry], now: WallTime) -> None:
    stats = compute_statistics(entries, now)
    kept = [e for e in entries if not e.is_deleted]
    assert sum(w.sessions for w in stats.weeks) == stats.totals.sessions == len(kept)
    assert sum(w.backward_min for w in stats.weeks) == pytest.approx(stats.totals.backward_min)
    assert sum(w.forward_min for w in stats.weeks) == pytest.approx(stats.totals.forward_min)
    mondays = [w.week.monday for w in stats.weeks]
    assert mondays == list(range(mondays[0], mondays[-1] + 1, 7)), "every week, in order"
    assert IsoWeek(*iso_week(local_day(now))) in [w.week for w in stats.weeks]
    for kept_entry in kept:
        week = IsoWeek(*iso_week(local_day(kept_entry.started)))
        assert any(w.week == week and w.sessions > 0 for w in stats.weeks)
    longest = max((e.longest_backward_s for e in kept), default=0.0)
    if longest > 0:
        assert stats.longest_backward is not None
        assert stats.longest_backward.seconds == longest
    else:
        assert stats.longest_backward is None


@settings(max_examples=150, deadline=None)
@given(history_entries, nows)
def test_streaks_match_a_plain_count(entries: list[HistoryEntry], now: WallTime) -> None:
    stats = compute_statistics(entries, now)
    counts: dict[IsoWeek, int] = {}
    for kept in entries:
        if not kept.is_deleted:
            week = IsoWeek(*iso_week(local_day(kept.started)))
            counts[week] = counts.get(week, 0) + 1
    this_week = IsoWeek(*iso_week(local_day(now)))
    streak, week = 0, this_week
    if counts.get(week, 0) < 2:
        week = week.shifted(-1)
    while counts.get(week, 0) >= 2:
        streak, week = streak + 1, week.shifted(-1)
    assert stats.current_streak == streak
    assert 0 <= stats.current_streak <= stats.best_streak <= len(stats.weeks)
    assert stats.totals.weeks_met_target == sum(1 for n in counts.values() if n >= 2)


@settings(max_examples=100, deadline=None)
@given(history_entries, nows, st.randoms())
def test_order_of_the_sessions_does_not_matter(
    entries: list[HistoryEntry], now: WallTime, shuffler: random.Random
) -> None:
    shuffled = list(entries)
    shuffler.shuffle(shuffled)
    first, second = compute_statistics(entries, now), compute_statistics(shuffled, now)
    assert [(w.week, w.sessions) for w in first.weeks] == [
        (w.week, w.sessions) for w in second.weeks
    ]
    assert (first.current_streak, first.best_streak) == (second.current_streak, second.best_streak)
    assert first.totals.sessions == second.totals.sessions


@settings(max_examples=100, deadline=None)
@given(history_entries, nows)
def test_the_trend_is_the_eight_full_weeks_before_this_one(
    entries: list[HistoryEntry], now: WallTime
) -> None:
    trend = compute_statistics(entries, now).trend
    this_week = IsoWeek(*iso_week(local_day(now)))
    assert [w.week for w in trend.weeks] == [this_week.shifted(n) for n in range(-8, 0)]
    values = tuple(w.backward_min for w in trend.weeks)
    assert trend.slope_min_per_week == pytest.approx(slope(values))
