"""Pairing and forgetting sensors in the settings, and the settings file keeping them."""

from __future__ import annotations

from retrotimer.core.sensors.pairing import (
    forgetting,
    paired_device,
    paired_devices,
    with_paired,
)
from retrotimer.core.sensors.sensor_kinds import SensorKind
from retrotimer.core.sensors.sensor_values import SensorDevice
from retrotimer.core.settings import Settings, check_setting, read_settings_text

STRAP = SensorDevice("C0:FF:EE:00:00:01", "Polar H10", SensorKind.HEART_RATE)
POD = SensorDevice("C0:FF:EE:00:00:02", "Stryd", SensorKind.FOOTPOD)


def test_nothing_is_paired_at_first() -> None:
    assert paired_devices(Settings()) == ()


def test_a_strap_and_a_footpod_are_remembered_and_forgotten_apart() -> None:
    both = with_paired(with_paired(Settings(), POD), STRAP)
    assert paired_devices(both) == (STRAP, POD)
    assert paired_devices(forgetting(both, SensorKind.HEART_RATE)) == (POD,)
    other = SensorDevice("AA:BB:CC:DD:EE:FF", "Wahoo TICKR", SensorKind.HEART_RATE)
    assert paired_device(with_paired(both, other), SensorKind.HEART_RATE) == other


def test_the_settings_file_keeps_the_pairing() -> None:
    reading = read_settings_text(
        'heart_rate_address = "C0:FF:EE:00:00:01"\nheart_rate_name = "Polar H10"\n'
    )
    assert reading.problems == ()
    assert paired_devices(reading.settings) == (STRAP,)


def test_an_address_that_is_not_text_is_refused_with_its_name() -> None:
    value, problem = check_setting("footpod_address", 12)
    assert value is None and problem == "footpod_address = 12: footpod_address must be text"
    assert check_setting("footpod_name", "x" * 201)[1] is not None
