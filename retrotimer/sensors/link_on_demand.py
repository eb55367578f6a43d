"""The Bluetooth link, built (with asyncio and bleak) by the first scan or sensor followed."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from retrotimer.core.sensors.sensor_ports import SensorLink, SensorListener
    from retrotimer.core.sensors.sensor_values import SensorDevice


class LinkOnDemand:
    """A SensorLink that makes the real one only when there is something to do: a runner
    without sensors never loads asyncio or bleak (about 40 ms of every start) nor starts the
    link's thread."""

    def __init__(self, listener: SensorListener) -> None:
        self._listener = listener
        self._link: SensorLink | None = None

    @property
    def built(self) -> bool:
        return self._link is not None

    def scan(self, seconds: float) -> None:
        self._built().scan(seconds)

    def follow(self, devices: Sequence[SensorDevice]) -> None:
        if devices or self._link is not None:
            self._built().follow(devices)

    def close(self) -> None:
        if self._link is not None:
            self._link.close()

    def _built(self) -> SensorLink:
        if self._link is None:
            from retrotimer.sensors.ble_link import BleLink

            self._link = BleLink(self._listener)
        return self._link
