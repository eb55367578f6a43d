"""Progress from the history: ISO weeks, the sessions-a-week streak, totals and the trend."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from typing import TYPE_CHECKING

from retrotimer.core.history.calendar_days import (
    DAY_S,
    iso_date,
    iso_week,
    iso_week_monday,
    weekday,
)
from retrotimer.core.value import value

if TYPE_CHECKING:
    from retrotimer.core.history.history_values import HistoryEntry
    from retrotimer.core.history.wall_time import WallTime

# The advice is 2-3 sessions a week: a week with at least two meets the target.
WEEKLY_TARGET_SESSIONS = 2
TREND_WEEKS = 8
# A slope smaller than this (backward minutes per week, either way) is called flat.
FLAT_SLOPE_MIN_PER_WEEK = 0.25


@value(order=True)
class IsoWeek:
    """An ISO 8601 week (Monday to Sunday), e.g. 2024-W18."""

    year: int
    week: int

    @classmethod
    def of(cls, day: int) -> IsoWeek:
        """The week of a day number (days since 1970-01-01)."""
        return cls(*iso_week(day))

    @property
    def monday(self) -> int:
        """Day number of the week's Monday."""
        return iso_week_monday(self.year, self.week)

    @property
    def monday_text(self) -> str:
        return iso_date(self.monday)

    def shifted(self, weeks: int) -> IsoWeek:
        return IsoWeek.of(self.monday + 7 * weeks)

    def __str__(self) -> str:
        return f"{self.year}-W{self.week:02d}"


@value
class WeekStats:
    """Sessions and minutes of one ISO week (by the local date each session started)."""

    week: IsoWeek
    sessions: int = 0
    backward_min: float = 0.0
    forward_min: float = 0.0

    @property
    def met_target(self) -> bool:
        return self.sessions >= WEEKLY_TARGET_SESSIONS


@value
class LongestBackward:
    """The longest single backward segment ever done, and the session it was in."""

    seconds: float
    session_id: str
    template_name: str
    started: WallTime


@value
class Totals:
    sessions: int
    completed: int
    active_min: float
    backward_min: float
    forward_min: float
    backward_steps: int
    weeks_met_target: int


class TrendDirection(enum.Enum):
    UP = "up"
    FLAT = "flat"
    DOWN = "down"


@value
class Trend:
    """Backward minutes of the last TREND_WEEKS complete weeks (oldest first) and their slope.

    The week in progress is left out so that a Monday does not look like a drop.
    """

    weeks: tuple[WeekStats, ...]
    slope_min_per_week: float
    direction: TrendDirection


@value
class HistoryStatistics:
    """Everything the progress review shows.

    `weeks` runs from the week of the first session to the current week, oldest first,
    with the empty weeks in between. `current_streak` counts the weeks in a row that met
    the target, up to the current week (which counts once met, and never breaks it while it
    is in progress); `best_streak` is the longest such run ever.
    """

    weeks: tuple[WeekStats, ...]
    current_week: WeekStats
    current_streak: int
    best_streak: int
    longest_backward: LongestBackward | None
    totals: Totals
    trend: Trend


def week_span(first: IsoWeek, last: IsoWeek) -> list[IsoWeek]:
    """Every week from `first` to `last`, both included."""
    return [IsoWeek.of(monday) for monday in range(first.monday, last.monday + 1, 7)]


def slope(values: tuple[float, ...]) -> float:
    """Least-squares slope of values at x = 0, 1, 2, ..."""
    count = len(values)
    if count < 2:
        return 0.0
    mean_x = (count - 1) / 2
    mean_y = sum(values) / count
    numerator = sum((x - mean_x) * (y - mean_y) for x, y in enumerate(values))
    denominator = sum((x - mean_x) ** 2 for x in range(count))
    return numerator / denominator


def _runs(weeks: list[WeekStats]) -> tuple[int, int]:
    """(current streak, best streak) for weeks oldest first, the last being the current one."""
    best = run = 0
    for stats in weeks:
        run = run + 1 if stats.met_target else 0
        best = max(best, run)
    current = 0
    ending = weeks if weeks and weeks[-1].met_target else weeks[:-1]
    for stats in reversed(ending):
        if not stats.met_target:
            break
        current += 1
    return current, best


def _monday(utc_s: float, offset_s: int) -> int:
    """Day number of the Monday of the local week of a moment."""
    day = int((utc_s + offset_s) // DAY_S)
    return day - weekday(day)


def compute_statistics(entries: Iterable[HistoryEntry], now: WallTime) -> HistoryStatistics:
    """Statistics of the sessions not deleted, as of `now` (its offset decides "this week")."""
    # Weeks are keyed by their Monday's day number: plain integer arithmetic per session,
    # the ISO year and week worked out once per week.
    tallies: dict[int, list[float]] = {}
    counted: list[HistoryEntry] = []
    longest: HistoryEntry | None = None
    for entry in entries:
        if entry.deleted_utc_s is not None or entry.test_run:
            continue
        counted.append(entry)
        monday = _monday(entry.started_utc_s, entry.utc_offset_s)
        tally = tallies.get(monday)
        if tally is None:
            tally = tallies[monday] = [0, 0.0, 0.0]
        tally[0] += 1
        tally[1] += entry.backward_s
        tally[2] += entry.forward_s
        if entry.longest_backward_s > 0 and (
            longest is None or entry.longest_backward_s > longest.longest_backward_s
        ):
            longest = entry

    this_monday = _monday(now.utc_s, now.offset_s)
    this_week = IsoWeek.of(this_monday)
    weeks = [
        WeekStats(IsoWeek.of(monday), int(t[0]), t[1] / 60, t[2] / 60)
        if (t := tallies.get(monday))
        else WeekStats(IsoWeek.of(monday))
        for monday in range(min([*tallies, this_monday]), max([*tallies, this_monday]) + 1, 7)
    ]
    by_week = {stats.week: stats for stats in weeks}
    # Sessions dated after today (a clock set wrong, an import) count in their weeks, but
    # the current streak ends at the current week.
    current_streak, _ = _runs([stats for stats in weeks if stats.week <= this_week])
    _, best_streak = _runs(weeks)

    trend_weeks = tuple(
        by_week.get(week, WeekStats(week))
        for week in week_span(this_week.shifted(-TREND_WEEKS), this_week.shifted(-1))
    )
    trend_slope = slope(tuple(stats.backward_min for stats in trend_weeks))
    if abs(trend_slope) < FLAT_SLOPE_MIN_PER_WEEK:
        direction = TrendDirection.FLAT
    else:
        direction = TrendDirection.UP if trend_slope > 0 else TrendDirection.DOWN

    totals = Totals(
        sessions=len(counted),
        completed=sum(1 for e in counted if e.completed),
        active_min=sum(e.active_s for e in counted) / 60,
        backward_min=sum(e.backward_s for e in counted) / 60,
        forward_min=sum(e.forward_s for e in counted) / 60,
        backward_steps=sum(e.backward_steps for e in counted),
        weeks_met_target=sum(1 for stats in weeks if stats.met_target),
    )
    return HistoryStatistics(
        weeks=tuple(weeks),
        current_week=by_week[this_week],
        current_streak=current_streak,
        best_streak=best_streak,
        longest_backward=None
        if longest is None
        else LongestBackward(
            longest.longest_backward_s, longest.session_id, longest.template_name, longest.started
        ),
        totals=totals,
        trend=Trend(trend_weeks, trend_slope, direction),
    )
