"""A finished session as a training log's activity: laps, timer stops and a regular record."""

from __future__ import annotations

from dataclasses import dataclass

from retrotimer.core.exchange.workout import INTENSITY_OF_KIND, Intensity
from retrotimer.core.history import HistorySession
from retrotimer.core.model import SegmentKind

# Training logs draw their charts from records; one at least this often while the timer runs.
RECORD_EVERY_S = 5.0
# A gap shorter than this between what was recorded and the session's end is rounding.
_GAP_S = 1.0


@dataclass(frozen=True, slots=True)
class Lap:
    """One recorded segment. Times are seconds from the activity's start."""

    start_s: float
    seconds: float
    kind: SegmentKind
    label: str
    skipped: bool = False

    @property
    def end_s(self) -> float:
        return self.start_s + self.seconds

    @property
    def intensity(self) -> Intensity:
        return INTENSITY_OF_KIND[self.kind]


@dataclass(frozen=True, slots=True)
class TimerStop:
    """The timer stood still from `at_s` for `seconds` (a pause, the get-ready countdown)."""

    at_s: float
    seconds: float


@dataclass(frozen=True, slots=True)
class Activity:
    """What a training log imports: a run with laps, and when its timer stood still."""

    session_id: str
    name: str
    started_utc_s: float
    utc_offset_s: int
    laps: tuple[Lap, ...]
    stops: tuple[TimerStop, ...] = ()

    @property
    def timer_s(self) -> float:
        return sum(lap.seconds for lap in self.laps)

    @property
    def elapsed_s(self) -> float:
        return self.timer_s + sum(stop.seconds for stop in self.stops)

    def running_spans(self) -> list[tuple[float, float]]:
        """(start, end) offsets of the stretches when the timer ran, in order."""
        spans: list[tuple[float, float]] = []
        start = 0.0
        for stop in sorted(self.stops, key=lambda stop: stop.at_s):
            if stop.at_s > start:
                spans.append((start, stop.at_s))
            start = stop.at_s + stop.seconds
        if self.elapsed_s > start:
            spans.append((start, self.elapsed_s))
        return spans

    def record_times(self) -> list[float]:
        """Offsets of the records: the start, middle and end of every lap and of every stretch
        the timer ran, and at most RECORD_EVERY_S apart between them. (Three a lap, because
        some readers take a lap's time from its first and last record only when it has more
        than two.)"""
        moments = {
            moment
            for lap in self.laps
            for moment in (lap.start_s, lap.start_s + lap.seconds / 2, lap.end_s)
        }
        for start, end in self.running_spans():
            moment = start
            while moment < end:
                moments.add(moment)
                moment += RECORD_EVERY_S
            moments.add(end)
        return sorted(moments)


def activity_from_session(session: HistorySession) -> Activity:
    """The session as recorded: its segments as laps in order, back to back.

    The history keeps when a session started and ended and how long each segment ran, not
    when it was paused. The time in no segment (the get-ready countdown and any pauses) is
    therefore one timer stop before the first lap, so the laps end when the session ended.
    Sessions stopped or interrupted export the segments they recorded.
    """
    entry = session.entry
    active = sum(record.actual_s for record in session.segments)
    wall = (entry.ended_utc_s - entry.started_utc_s) if entry.ended_utc_s is not None else active
    gap = wall - active
    stops = (TimerStop(0.0, round(gap, 3)),) if gap >= _GAP_S else ()
    start = stops[0].seconds if stops else 0.0
    laps: list[Lap] = []
    for record in session.segments:
        laps.append(Lap(start, record.actual_s, record.kind, record.label, record.skipped))
        start += record.actual_s
    return Activity(
        entry.session_id,
        entry.template_name,
        entry.started_utc_s,
        entry.utc_offset_s,
        tuple(laps),
        stops,
    )
