"""Words and numbers for the History screen: dates, durations, planned against actual, weeks."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime, timedelta, timezone

from retrotimer.core.history.calendar_days import civil_from_days
from retrotimer.core.history.history_values import (
    HistoryEntry,
    HistorySession,
    SessionStatus,
    rating_words,
)
from retrotimer.core.history.statistics import (
    HistoryStatistics,
    TrendDirection,
    WeekStats,
)
from retrotimer.core.sensors.sample_figures import counted_steps, heart_rate_by_segment
from retrotimer.core.value import value
from retrotimer.ui.common.formatting import clock_text, counted
from retrotimer.ui.history.weekly_chart import ChartBar

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
STATUS_WORDS = {
    SessionStatus.RUNNING: "Running",
    SessionStatus.COMPLETED: "Completed",
    SessionStatus.STOPPED: "Stopped early",
    SessionStatus.INTERRUPTED: "Interrupted",
}
CHART_WEEKS = 12


def status_text(entry: HistoryEntry) -> str:
    """How the session ended; a test run (compressed time) says so, as it is not counted."""
    word = "Mostly skipped" if entry.mostly_skipped else STATUS_WORDS[entry.status]
    return f"{word} · test run" if entry.test_run else word


def local_time(entry: HistoryEntry) -> datetime:
    """When the session started, in the runner's local time then."""
    zone = timezone(timedelta(seconds=entry.utc_offset_s))
    return datetime.fromtimestamp(entry.started_utc_s, zone)


def date_text(entry: HistoryEntry) -> str:
    """ "Mon 6 May 2024, 09:30"."""
    moment = local_time(entry)
    return f"{moment:%a} {moment.day} {MONTHS[moment.month - 1]} {moment.year}, {moment:%H:%M}"


def decimal_minutes_text(seconds: float) -> str:
    return f"{seconds / 60:.1f}"


def felt_text(entry: HistoryEntry) -> str:
    """The rating in its words and any report of dizziness or pain: "4 · hard · dizzy";
    "—" when the runner said none of it."""
    words = [] if entry.rating is None else [f"{entry.rating} · {rating_words(entry.rating)}"]
    reports = (
        (entry.dizzy, "dizzy"),
        (entry.pain, "pain"),
        (entry.dizzy_or_pain, "dizzy or pain"),
    )
    words.extend(word for reported, word in reports if reported)
    return " · ".join(words) or "—"


@value
class SegmentRow:
    """One planned segment and what was done of it (None: not reached)."""

    number: int
    label: str
    kind: str
    planned_s: float
    actual_s: float | None
    skipped: bool

    @property
    def remark(self) -> str:
        if self.actual_s is None:
            return "not reached"
        if self.skipped:
            return "skipped"
        if self.actual_s < self.planned_s - 0.5:
            return "cut short"
        return ""


def planned_against_actual(session: HistorySession) -> list[SegmentRow]:
    """Every segment of the plan snapshot beside its record; records alone if the snapshot
    cannot be read."""
    records = {record.index: record for record in session.segments}
    try:
        planned = json.loads(session.plan_json)["segments"]
        rows = [
            (
                int(segment["index"]),
                str(segment["label"]),
                str(segment["kind"]),
                float(segment["duration_s"]),
            )
            for segment in planned
        ]
    except (ValueError, KeyError, TypeError):
        rows = [(r.index, r.label, r.kind.value, r.planned_s) for r in session.segments]
    result = []
    for index, label, kind, planned_s in rows:
        record = records.get(index)
        result.append(
            SegmentRow(
                number=index + 1,
                label=label[:1].upper() + label[1:],
                kind=kind.replace("_", " "),
                planned_s=planned_s,
                actual_s=record.actual_s if record is not None else None,
                skipped=record.skipped if record is not None else False,
            )
        )
    return result


def week_label(week: WeekStats) -> str:
    _, month, day = civil_from_days(week.week.monday)
    return f"{day} {MONTHS[month - 1]}"


def chart_bars(weeks: Sequence[WeekStats]) -> list[ChartBar]:
    """The last weeks (oldest first) as bars of backward minutes."""
    return [
        ChartBar(week_label(week), week.backward_min, week.sessions, week.met_target)
        for week in list(weeks)[-CHART_WEEKS:]
    ]


def statistics_text(stats: HistoryStatistics) -> str:
    """A few lines: this week, the streak, the longest backward segment, totals, the trend."""
    week = stats.current_week
    lines = [
        f"This week: {counted(week.sessions, 'session')}, "
        f"{week.backward_min:.1f} backward minutes (aim for 2-3 sessions a week).",
        f"Weeks in a row at 2 or more sessions: {stats.current_streak} (best {stats.best_streak}).",
    ]
    if stats.longest_backward is not None:
        longest = stats.longest_backward
        lines.append(
            f"Longest backward segment: {clock_text(longest.seconds)} ({longest.template_name})."
        )
    totals = stats.totals
    lines.append(
        f"In all: {counted(totals.sessions, 'session')}, "
        f"{counted(round(totals.backward_min), 'backward minute')}, "
        f"{counted(totals.backward_steps, 'backward step')}."
    )
    trend = stats.trend
    direction = {
        TrendDirection.UP: "growing",
        TrendDirection.DOWN: "shrinking",
        TrendDirection.FLAT: "steady",
    }[trend.direction]
    lines.append(
        f"Backward minutes over the last {len(trend.weeks)} weeks: {direction} "
        f"({trend.slope_min_per_week:+.1f} min a week)."
    )
    return "\n".join(lines)


def segment_sensor_texts(session: HistorySession) -> dict[int, str]:
    """What the sensors said in each segment (by index): "avg 128 · max 141" and the steps a
    footpod counted (the segment's own steps, counted as it ran; from the cadence samples
    where it has none); empty when the session has no samples."""
    texts: dict[int, list[str]] = {}
    for figures in heart_rate_by_segment(session.samples):
        texts.setdefault(figures.segment, []).append(
            f"avg {figures.average_bpm} · max {figures.max_bpm}"
        )
    recorded = {record.index: record.steps for record in session.segments}
    for segment, from_samples in counted_steps(session.samples).items():
        steps = recorded.get(segment)
        counted_text = f"{from_samples if steps is None else steps} steps counted"
        texts.setdefault(segment, []).append(counted_text)
    return {segment: "; ".join(parts) for segment, parts in texts.items()}
