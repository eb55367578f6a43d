"""Sample the sensors once a displayed second while a session runs; write them in batches."""

from __future__ import annotations

from typing import TYPE_CHECKING

from retrotimer.core.history.history_ports import HistoryUnavailable, SampleWriter
from retrotimer.core.sensors.sensor_values import SensorSample
from retrotimer.core.session.session_machine import SessionState, SessionView

if TYPE_CHECKING:
    from retrotimer.core.sensors.sensor_ports import SensorSource
    from retrotimer.runtime.wall_clock import WallClock

# Samples are written every this many (a crash loses at most these), and at the end.
BATCH = 10
# The display may change twice within a second (a skip, a resume): one sample is enough.
MIN_GAP_S = 0.5


class SampleRecording:
    """Keeps what the sensors say, at each view of a running session, as a SensorSample of
    the segment under way; `flush` writes what is waiting, and keeps it when refused."""

    def __init__(
        self, writer: SampleWriter, session_id: str, source: SensorSource, wall_clock: WallClock
    ) -> None:
        self._writer = writer
        self._session_id = session_id
        self._source = source
        self._wall_clock = wall_clock
        self._waiting: list[SensorSample] = []
        self._last_utc_s: float | None = None

    @property
    def waiting(self) -> tuple[SensorSample, ...]:
        """The samples not yet written, in order."""
        return tuple(self._waiting)

    def observe(self, view: SessionView) -> bool:
        """Take a sample if the session runs and a sensor is heard; True when enough wait
        to be written."""
        if view.state is not SessionState.RUNNING:
            return False
        readings = self._source.readings()
        utc_s = self._wall_clock().utc_s
        if not readings.heard or (
            self._last_utc_s is not None and abs(utc_s - self._last_utc_s) < MIN_GAP_S
        ):
            return False
        self._last_utc_s = utc_s
        self._waiting.append(
            SensorSample(
                utc_s,
                view.segment.index,
                readings.heart_rate,
                readings.cadence_spm,
                readings.speed_m_s,
            )
        )
        return len(self._waiting) >= BATCH

    def flush(self) -> None:
        """Write what waits; it keeps waiting when the history refuses now."""
        if not self._waiting:
            return
        try:
            self._writer.record_samples(self._session_id, tuple(self._waiting))
        except HistoryUnavailable:
            return
        self._waiting.clear()
