"""A finished session as a training log's activity: laps, timer stops and a regular record."""

from __future__ import annotations

from typing import TYPE_CHECKING

from retrotimer.core.exchange.workout import INTENSITY_OF_KIND, Intensity
from retrotimer.core.model import SegmentKind, Venue
from retrotimer.core.value import value

if TYPE_CHECKING:
    from retrotimer.core.history.history_values import HistorySession, Pause
    from retrotimer.core.sensors.sensor_values import SensorSample

# Training logs draw their charts from records; one at least this often while the timer runs.
RECORD_EVERY_S = 5.0
# A gap shorter than this between what was recorded and the session's end is rounding.
_GAP_S = 1.0
# Moments this close are one (the history keeps times to the microsecond, laps to the ms).
_SAME_S = 1e-6
# A record carries the sample heard last before it, if no older than this.
SAMPLE_HOLD_S = 5.0


@value
class Lap:
    """One recorded segment. Times are seconds from the activity's start: the lap ran for
    `seconds` of timer time and stood still for `stopped_s` inside it (pauses)."""

    start_s: float
    seconds: float
    kind: SegmentKind
    label: str
    skipped: bool = False
    stopped_s: float = 0.0

    @property
    def end_s(self) -> float:
        return self.start_s + self.seconds + self.stopped_s

    @property
    def intensity(self) -> Intensity:
        return INTENSITY_OF_KIND[self.kind]


@value
class TimerStop:
    """The timer stood still from `at_s` for `seconds` (a pause, the get-ready countdown)."""

    at_s: float
    seconds: float


def on_the_wall(timer_s: float, stops: tuple[TimerStop, ...], *, after_stops: bool) -> float:
    """Where `timer_s` seconds of timer time fall from the activity's start: past the stops
    before it and, with `after_stops`, past one that begins right there (a lap begins after a
    pause at its start; one ends before a pause at its end)."""
    moment = timer_s
    for stop in sorted(stops, key=lambda stop: stop.at_s):
        if stop.at_s < moment - _SAME_S or (after_stops and stop.at_s <= moment + _SAME_S):
            moment += stop.seconds
        else:
            break
    return moment


@value
class Activity:
    """What a training log imports: a run with laps, and when its timer stood still."""

    session_id: str
    name: str
    started_utc_s: float
    utc_offset_s: int
    laps: tuple[Lap, ...]
    stops: tuple[TimerStop, ...] = ()
    venue: Venue = Venue.ANY
    # What the heart-rate strap and footpod said, on the wall clock (UTC), in order.
    samples: tuple[SensorSample, ...] = ()

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
        than two.) None falls where the timer stood still."""
        moments: set[float] = set()
        timer = 0.0
        for lap in self.laps:
            middle = on_the_wall(timer + lap.seconds / 2, self.stops, after_stops=False)
            moments.update((lap.start_s, max(lap.start_s, middle), lap.end_s))
            timer += lap.seconds
        for start, end in self.running_spans():
            moment = start
            while moment < end:
                moments.add(moment)
                moment += RECORD_EVERY_S
            moments.add(end)
            # A record for every sample, so the heart rate keeps its second-by-second curve.
            moments.update(at for at in self._sample_offsets() if start <= at <= end)
        return sorted(moments)

    def _sample_offsets(self) -> list[float]:
        return [round(sample.utc_s - self.started_utc_s, 3) for sample in self.samples]

    def readings_at(self, moments: list[float]) -> list[SensorSample | None]:
        """For each of these offsets (in order), the sample heard last at or before it, if
        heard within SAMPLE_HOLD_S; None where the sensors said nothing."""
        found: list[SensorSample | None] = []
        offsets = self._sample_offsets()
        latest = -1
        for moment in moments:
            while latest + 1 < len(offsets) and offsets[latest + 1] <= moment + _SAME_S:
                latest += 1
            heard = latest >= 0 and moment - offsets[latest] <= SAMPLE_HOLD_S
            found.append(self.samples[latest] if heard else None)
        return found


def _spans(pauses: tuple[Pause, ...], start_utc: float, end_utc: float | None) -> list[list[float]]:
    """The pauses as [start, end] offsets from the session's start, to the millisecond (as
    the laps are), in order, within the session, overlaps merged; one still open lasts until
    the end (if known). One shorter than a millisecond is none."""
    spans: list[list[float]] = []
    for pause in sorted(pauses, key=lambda pause: pause.start_utc_s):
        begin = round(max(0.0, pause.start_utc_s - start_utc), 3)
        finish = pause.start_utc_s + pause.seconds(end_utc) - start_utc
        if end_utc is not None:
            finish = min(finish, end_utc - start_utc)
        finish = round(finish, 3)
        if finish <= begin:
            continue
        if spans and begin <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], finish)
        else:
            spans.append([begin, finish])
    return spans


def timer_stops(session: HistorySession) -> tuple[TimerStop, ...]:
    """When the timer stood still: first the get-ready countdown with any pause in it (what
    the session's wall time holds beyond its segments and pauses), then each pause where it
    happened. A pause recorded later than the segments could have run is moved up to where
    they end; the segments decide the timer time."""
    entry = session.entry
    active = sum(record.actual_s for record in session.segments)
    pauses = _spans(session.pauses, entry.started_utc_s, entry.ended_utc_s)
    paused = sum(end - begin for begin, end in pauses)
    wall = entry.ended_utc_s - entry.started_utc_s if entry.ended_utc_s is not None else 0.0
    go = max(0.0, wall - active - paused)
    while pauses and pauses[0][0] <= go + _SAME_S:
        begin, end = pauses.pop(0)
        go += end - begin
    stops = [TimerStop(0.0, round(go, 3))] if go >= _GAP_S else []
    moment, timer = (go if stops else 0.0), 0.0
    for begin, end in pauses:
        ran = min(max(0.0, begin - moment), active - timer)
        timer += ran
        moment += ran
        stops.append(TimerStop(round(moment, 3), round(end - begin, 3)))
        moment += end - begin
    return tuple(stops)


def activity_from_session(session: HistorySession) -> Activity:
    """The session as recorded: its segments as laps in order, on the wall clock.

    The laps follow each other in timer time; the timer stops (timer_stops) put them where
    they ran, so a pause inside a segment is inside its lap and one between segments is
    between their laps. Sessions stopped or interrupted export what they recorded.
    """
    entry = session.entry
    stops = timer_stops(session)
    laps: list[Lap] = []
    timer = 0.0
    for record in session.segments:
        start = on_the_wall(timer, stops, after_stops=True)
        timer += record.actual_s
        end = max(start + record.actual_s, on_the_wall(timer, stops, after_stops=False))
        laps.append(
            Lap(
                round(start, 3),
                record.actual_s,
                record.kind,
                record.label,
                record.skipped,
                round(end - start - record.actual_s, 3),
            )
        )
    return Activity(
        entry.session_id,
        entry.template_name,
        entry.started_utc_s,
        entry.utc_offset_s,
        tuple(laps),
        stops,
        entry.venue,
        session.samples,
    )
