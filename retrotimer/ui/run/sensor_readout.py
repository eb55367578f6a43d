"""The run screen's line for the heart-rate strap and the footpod, "no signal" included."""

from __future__ import annotations

from typing import TYPE_CHECKING

from retrotimer.core.sensors.sensor_kinds import LinkState

if TYPE_CHECKING:
    from retrotimer.core.sensors.sensor_values import SensorReadings

HEART = "\u2665"  # ♥
SEPARATOR = "   ·   "
# The widest the line can be: its letters are fitted to this, so they keep their size.
READOUT_SAMPLE = f"{HEART} 000{SEPARATOR}000 steps/min"


def sensor_readout_text(readings: SensorReadings) -> str | None:
    """ "♥ 142 · 168 steps/min", each sensor saying "no signal" while it is paired but not
    heard (connecting, out of reach, a strap off the skin); None when none is paired."""
    parts = []
    if readings.heart_rate_link is not LinkState.OFF:
        heart = readings.heart_rate
        parts.append(f"{HEART} {heart}" if heart is not None else f"{HEART} no signal")
    if readings.footpod_link is not LinkState.OFF:
        cadence = readings.cadence_spm
        parts.append(f"{cadence} steps/min" if cadence is not None else "footpod: no signal")
    return SEPARATOR.join(parts) if parts else None
