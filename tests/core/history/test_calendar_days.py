"""Day numbers and ISO weeks agree with the datetime module, which core does not import."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

from hypothesis import given
from hypothesis import strategies as st

from retrotimer.core.history.calendar_days import (
    civil_from_days,
    days_from_civil,
    iso_date,
    iso_week,
    iso_week_monday,
    local_day,
    weekday,
)
from retrotimer.core.history.wall_time import WallTime

EPOCH = date(1970, 1, 1)
days = st.integers((date(1, 1, 8) - EPOCH).days, (date(9999, 12, 24) - EPOCH).days)


@given(days)
def test_day_numbers_match_the_calendar(day: int) -> None:
    expected = EPOCH + timedelta(days=day)
    assert civil_from_days(day) == (expected.year, expected.month, expected.day)
    assert days_from_civil(expected.year, expected.month, expected.day) == day
    assert weekday(day) == expected.weekday()
    assert iso_date(day) == expected.isoformat()


@given(days)
def test_iso_weeks_match_the_calendar(day: int) -> None:
    expected = EPOCH + timedelta(days=day)
    year, week, _ = expected.isocalendar()
    assert iso_week(day) == (year, week)
    assert iso_week_monday(year, week) == (date.fromisocalendar(year, week, 1) - EPOCH).days


def test_known_iso_weeks_at_year_ends() -> None:
    # 2020-12-31 is in 2020-W53; 2021-01-03 (a Sunday) still in 2020-W53; 2024-12-30 in 2025-W01.
    assert iso_week(days_from_civil(2020, 12, 31)) == (2020, 53)
    assert iso_week(days_from_civil(2021, 1, 3)) == (2020, 53)
    assert iso_week(days_from_civil(2021, 1, 4)) == (2021, 1)
    assert iso_week(days_from_civil(2024, 12, 30)) == (2025, 1)


@given(
    st.integers(0, 4_000_000_000_000).map(lambda ms: ms / 1000),
    st.integers(-14 * 60, 14 * 60).map(lambda minutes: minutes * 60),
)
def test_local_day_is_the_date_where_the_runner_was(utc_s: float, offset_s: int) -> None:
    local = datetime.fromtimestamp(utc_s, UTC).astimezone(timezone(timedelta(seconds=offset_s)))
    assert local_day(WallTime(utc_s, offset_s)) == (local.date() - EPOCH).days


def test_a_late_evening_run_west_of_greenwich_counts_on_its_local_day() -> None:
    # 2024-05-06 02:00 UTC is Sunday 2024-05-05 22:00 in New York (UTC-4): the previous week.
    moment = WallTime(1_714_960_800.0, -4 * 3600)
    assert iso_date(local_day(moment)) == "2024-05-05"
    assert iso_week(local_day(moment)) == (2024, 18)
    assert iso_week(local_day(WallTime(1_714_960_800.0, 0))) == (2024, 19)
