"""What sensors tell: their devices, readings, states and samples."""

from __future__ import annotations

from retrotimer.core.sensors.sensor_kinds import Contact, LinkState, SensorKind
from retrotimer.core.value import value


@value
class SensorDevice:
    """A sensor found by a scan or remembered from pairing."""

    address: str
    name: str
    kind: SensorKind


@value
class HeartRateReading:
    """One Heart Rate Measurement (GATT 0x2A37)."""

    bpm: int
    contact: Contact = Contact.UNKNOWN
    energy_kj: int | None = None
    # Beat-to-beat intervals in seconds, oldest first (sent in 1/1024 s).
    rr_intervals_s: tuple[float, ...] = ()

    @property
    def usable(self) -> bool:
        """A strap that says it lost the skin sends a number that means nothing."""
        return self.contact is not Contact.LOST and self.bpm > 0


@value
class StrideReading:
    """One RSC Measurement (GATT 0x2A53) of a running speed and cadence footpod."""

    speed_m_s: float
    cadence_spm: int  # steps a minute
    running: bool
    stride_length_m: float | None = None
    total_distance_m: float | None = None


@value
class SensorStatus:
    """A link's state, with the device it is for (None when nothing is paired)."""

    kind: SensorKind
    state: LinkState
    device: SensorDevice | None = None


@value
class SensorSample:
    """What the sensors said at one wall-clock moment (UTC seconds) of a session, in the
    segment (its index) under way then; None where no sensor said it."""

    utc_s: float
    segment: int
    heart_rate: int | None = None
    cadence_spm: int | None = None
    speed_m_s: float | None = None


@value
class SensorReadings:
    """What the sensors say now: a value is None when its sensor is not connected or has
    said nothing usable for a while (a strap off the skin)."""

    heart_rate: int | None = None
    cadence_spm: int | None = None
    speed_m_s: float | None = None
    heart_rate_link: LinkState = LinkState.OFF
    footpod_link: LinkState = LinkState.OFF

    @property
    def heard(self) -> bool:
        return any(value is not None for value in (self.heart_rate, self.cadence_spm))
