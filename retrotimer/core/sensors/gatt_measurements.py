"""Heart Rate Measurement (0x2A37) and RSC Measurement (0x2A53) values from their bytes."""

from __future__ import annotations

from retrotimer.core.sensors.sensor_kinds import Contact
from retrotimer.core.sensors.sensor_values import HeartRateReading, StrideReading

HEART_RATE_SERVICE = "0000180d-0000-1000-8000-00805f9b34fb"
HEART_RATE_MEASUREMENT = "00002a37-0000-1000-8000-00805f9b34fb"
RSC_SERVICE = "00001814-0000-1000-8000-00805f9b34fb"
RSC_MEASUREMENT = "00002a53-0000-1000-8000-00805f9b34fb"

# Heart Rate Measurement flags (Heart Rate Service 1.0, 3.1.1.1).
_HR_UINT16 = 0x01
_HR_CONTACT_DETECTED = 0x02
_HR_CONTACT_SUPPORTED = 0x04
_HR_ENERGY = 0x08
_HR_RR = 0x10
_RR_UNITS_PER_S = 1024
# RSC Measurement flags (Running Speed and Cadence Service 1.0, 3.1.1.1).
_RSC_STRIDE = 0x01
_RSC_DISTANCE = 0x02
_RSC_RUNNING = 0x04
_SPEED_UNITS_PER_M_S = 256
_STRIDE_UNITS_PER_M = 100
_DISTANCE_UNITS_PER_M = 10


class MeasurementError(ValueError):
    """Bytes that are not a measurement of the kind asked for (too short, or left over)."""


class _Reader:
    """Little-endian unsigned fields read in order, with a clear message when bytes run out."""

    def __init__(self, data: bytes, what: str) -> None:
        self._data = data
        self._what = what
        self._at = 0

    def unsigned(self, size: int, field: str) -> int:
        end = self._at + size
        if end > len(self._data):
            raise MeasurementError(
                f"{self._what}: {len(self._data)} bytes end before the {field} "
                f"(bytes {self._at}-{end - 1})"
            )
        value = int.from_bytes(self._data[self._at : end], "little")
        self._at = end
        return value

    def left(self) -> int:
        return len(self._data) - self._at


def parse_heart_rate(data: bytes) -> HeartRateReading:
    """A Heart Rate Measurement: flags, 8- or 16-bit beats a minute, contact, energy, RR."""
    reader = _Reader(bytes(data), "heart rate measurement")
    flags = reader.unsigned(1, "flags")
    bpm = reader.unsigned(2 if flags & _HR_UINT16 else 1, "heart rate")
    contact = Contact.UNKNOWN
    if flags & _HR_CONTACT_SUPPORTED:
        contact = Contact.TOUCHING if flags & _HR_CONTACT_DETECTED else Contact.LOST
    energy = reader.unsigned(2, "energy expended") if flags & _HR_ENERGY else None
    intervals: list[float] = []
    if flags & _HR_RR:
        if reader.left() % 2:
            raise MeasurementError("heart rate measurement: RR intervals need 2 bytes each")
        while reader.left():
            intervals.append(reader.unsigned(2, "RR interval") / _RR_UNITS_PER_S)
    elif reader.left():
        raise MeasurementError(f"heart rate measurement: {reader.left()} bytes left over")
    return HeartRateReading(bpm, contact, energy, tuple(intervals))


def parse_running_speed(data: bytes) -> StrideReading:
    """An RSC Measurement: speed, cadence, optional stride length and total distance, and
    whether the runner walks or runs."""
    reader = _Reader(bytes(data), "running speed measurement")
    flags = reader.unsigned(1, "flags")
    speed = reader.unsigned(2, "speed") / _SPEED_UNITS_PER_M_S
    cadence = reader.unsigned(1, "cadence")
    stride = (
        reader.unsigned(2, "stride length") / _STRIDE_UNITS_PER_M if flags & _RSC_STRIDE else None
    )
    distance = (
        reader.unsigned(4, "total distance") / _DISTANCE_UNITS_PER_M
        if flags & _RSC_DISTANCE
        else None
    )
    if reader.left():
        raise MeasurementError(f"running speed measurement: {reader.left()} bytes left over")
    return StrideReading(speed, cadence, bool(flags & _RSC_RUNNING), stride, distance)
