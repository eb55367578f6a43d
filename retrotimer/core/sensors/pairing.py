"""The sensors the settings remember, and the settings with one paired or forgotten."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from retrotimer.core.sensors.sensor_kinds import SensorKind
from retrotimer.core.value import replace

if TYPE_CHECKING:
    from retrotimer.core.sensors.sensor_values import SensorDevice
    from retrotimer.core.settings import Settings

_FIELDS = {
    SensorKind.HEART_RATE: ("heart_rate_address", "heart_rate_name"),
    SensorKind.FOOTPOD: ("footpod_address", "footpod_name"),
}


def paired_device(settings: Settings, kind: SensorKind) -> SensorDevice | None:
    address_field, name_field = _FIELDS[kind]
    address = getattr(settings, address_field)
    if not address:
        return None
    # Imported once something is paired: a start with nothing paired never needs it.
    from retrotimer.core.sensors.sensor_values import SensorDevice

    return SensorDevice(address, getattr(settings, name_field) or address, kind)


def paired_devices(settings: Settings) -> tuple[SensorDevice, ...]:
    """The remembered strap and footpod, the strap first."""
    found = (paired_device(settings, kind) for kind in SensorKind)
    return tuple(device for device in found if device is not None)


def with_paired(settings: Settings, device: SensorDevice) -> Settings:
    """The settings remembering `device` as their sensor of its kind (replacing another)."""
    address_field, name_field = _FIELDS[device.kind]
    changes: dict[str, Any] = {address_field: device.address, name_field: device.name}
    return replace(settings, **changes)


def forgetting(settings: Settings, kind: SensorKind) -> Settings:
    """The settings with no sensor of this kind paired."""
    address_field, name_field = _FIELDS[kind]
    changes: dict[str, Any] = {address_field: "", name_field: ""}
    return replace(settings, **changes)
