"""The sensor port: what the app asks of a Bluetooth LE link and what the link reports."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from retrotimer.core.sensors.sensor_values import (
        HeartRateReading,
        SensorDevice,
        SensorReadings,
        SensorStatus,
        StrideReading,
    )


class SensorListener(Protocol):
    """Told what the sensors say. A link may call it from a thread of its own: an
    implementation hands the news over to its own thread (Qt: queued signals)."""

    def heard_heart_rate(self, address: str, reading: HeartRateReading) -> None: ...

    def heard_stride(self, address: str, reading: StrideReading) -> None: ...

    def link_changed(self, status: SensorStatus) -> None: ...

    def scan_done(self, found: Sequence[SensorDevice], problem: str) -> None:
        """The sensors a scan found (`problem` says why it could not scan; empty if it did)."""


class SensorLink(Protocol):
    """Scans for sensors and keeps the paired ones connected, reconnecting after a drop.
    No method blocks: each starts the work and returns; news goes to the listener."""

    def scan(self, seconds: float) -> None:
        """Look for heart-rate straps and footpods for `seconds`, then report them."""

    def follow(self, devices: Sequence[SensorDevice]) -> None:
        """Keep these devices connected (one of each kind); any other is let go."""

    def close(self) -> None:
        """Disconnect everything and stop; nothing is reported afterwards."""


class SensorSource(Protocol):
    """The sensors' latest values, for a session to sample and a screen to show."""

    def readings(self) -> SensorReadings: ...
