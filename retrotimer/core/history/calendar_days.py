"""Calendar arithmetic on day numbers (days since 1970-01-01): local days and ISO weeks."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from retrotimer.core.history.wall_time import WallTime

DAY_S = 86_400
# 1970-01-01 was a Thursday; with Monday as 0 that is weekday 3.
_EPOCH_WEEKDAY = 3


def days_from_civil(year: int, month: int, day: int) -> int:
    """Day number of a proleptic Gregorian date (H. Hinnant's days_from_civil)."""
    year -= month <= 2
    era = year // 400
    year_of_era = year - era * 400
    day_of_year = (153 * (month + (-3 if month > 2 else 9)) + 2) // 5 + day - 1
    day_of_era = year_of_era * 365 + year_of_era // 4 - year_of_era // 100 + day_of_year
    return era * 146_097 + day_of_era - 719_468


def civil_from_days(days: int) -> tuple[int, int, int]:
    """(year, month, day) of a day number; the inverse of days_from_civil."""
    days += 719_468
    era = days // 146_097
    day_of_era = days - era * 146_097
    year_of_era = (
        day_of_era - day_of_era // 1460 + day_of_era // 36_524 - day_of_era // 146_096
    ) // 365
    day_of_year = day_of_era - (365 * year_of_era + year_of_era // 4 - year_of_era // 100)
    shifted_month = (5 * day_of_year + 2) // 153
    day = day_of_year - (153 * shifted_month + 2) // 5 + 1
    month = shifted_month + (3 if shifted_month < 10 else -9)
    return year_of_era + era * 400 + (month <= 2), month, day


def weekday(days: int) -> int:
    """0 for Monday ... 6 for Sunday."""
    return (days + _EPOCH_WEEKDAY) % 7


def local_day(moment: WallTime) -> int:
    """The day number of the calendar date where the runner was at that moment."""
    return int((moment.utc_s + moment.offset_s) // DAY_S)


def iso_week(days: int) -> tuple[int, int]:
    """(ISO year, ISO week) of a day: the week belongs to the year of its Thursday."""
    thursday = days - weekday(days) + 3
    year = civil_from_days(thursday)[0]
    return year, (thursday - days_from_civil(year, 1, 1)) // 7 + 1


def iso_week_monday(year: int, week: int) -> int:
    """Day number of the Monday of an ISO week."""
    january_4 = days_from_civil(year, 1, 4)  # always in week 1
    return january_4 - weekday(january_4) + (week - 1) * 7


def iso_date(days: int) -> str:
    year, month, day = civil_from_days(days)
    return f"{year:04d}-{month:02d}-{day:02d}"
