"""The sensors' news, handed from the radio's thread to Qt's, and their latest values."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal

from retrotimer.core.sensors.sensor_kinds import LinkState, SensorKind

if TYPE_CHECKING:
    from retrotimer.core.sensors.sensor_values import (
        HeartRateReading,
        SensorDevice,
        SensorReadings,
        SensorStatus,
        StrideReading,
    )
    from retrotimer.runtime.clock import Clock

# A value older than this is no signal: straps send one a second, footpods several.
STALE_S = 5.0


class SensorFeed(QObject):
    """A SensorListener for a link that calls it from its own thread.

    Each call is posted to this object's thread through a queued signal, and there the news
    is kept and told on: `readings_changed(SensorReadings)`, `status_changed(SensorStatus)`
    and `scan_finished(found, problem)`. `readings()` drops values older than STALE_S.
    """

    readings_changed = Signal(object)
    status_changed = Signal(object)
    scan_finished = Signal(object, str)
    _posted = Signal(object)

    def __init__(self, clock: Clock, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._clock = clock
        self._heart: tuple[float, HeartRateReading] | None = None
        self._stride: tuple[float, StrideReading] | None = None
        self._links = {kind: LinkState.OFF for kind in SensorKind}
        self._posted.connect(self._take, Qt.ConnectionType.QueuedConnection)

    # ---- SensorListener (any thread) ---------------------------------------------------
    def heard_heart_rate(self, address: str, reading: HeartRateReading) -> None:
        self._posted.emit(reading)

    def heard_stride(self, address: str, reading: StrideReading) -> None:
        self._posted.emit(reading)

    def link_changed(self, status: SensorStatus) -> None:
        self._posted.emit(status)

    def scan_done(self, found: Sequence[SensorDevice], problem: str) -> None:
        self._posted.emit((tuple(found), problem))

    # ---- this object's thread ----------------------------------------------------------
    def _take(self, news: object) -> None:
        # The values' module comes with the first news (or reading asked for), not at start.
        from retrotimer.core.sensors.sensor_values import (
            HeartRateReading,
            SensorStatus,
            StrideReading,
        )

        if isinstance(news, HeartRateReading):
            self._heart = (self._clock(), news) if news.usable else None
        elif isinstance(news, StrideReading):
            self._stride = (self._clock(), news)
        elif isinstance(news, SensorStatus):
            self._links[news.kind] = news.state
            if news.state is not LinkState.CONNECTED:
                self._forget(news.kind)
            self.status_changed.emit(news)
        elif isinstance(news, tuple):
            found, problem = news
            self.scan_finished.emit(found, problem)
            return
        self.readings_changed.emit(self.readings())

    def _forget(self, kind: SensorKind) -> None:
        if kind is SensorKind.HEART_RATE:
            self._heart = None
        else:
            self._stride = None

    def readings(self) -> SensorReadings:
        from retrotimer.core.sensors.sensor_values import SensorReadings

        now = self._clock()
        heart = self._heart[1] if self._heart and now - self._heart[0] <= STALE_S else None
        stride = self._stride[1] if self._stride and now - self._stride[0] <= STALE_S else None
        return SensorReadings(
            heart_rate=heart.bpm if heart is not None else None,
            cadence_spm=stride.cadence_spm if stride is not None else None,
            speed_m_s=stride.speed_m_s if stride is not None else None,
            heart_rate_link=self._links[SensorKind.HEART_RATE],
            footpod_link=self._links[SensorKind.FOOTPOD],
        )
