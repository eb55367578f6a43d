"""Heart Rate and RSC Measurements parsed from byte fixtures laid out as the specifications
(Heart Rate Service 1.0 and Running Speed and Cadence Service 1.0, section 3.1) define them."""

from __future__ import annotations

import pytest

from retrotimer.core.sensors.gatt_measurements import (
    MeasurementError,
    parse_heart_rate,
    parse_running_speed,
)
from retrotimer.core.sensors.sensor_kinds import Contact
from retrotimer.core.sensors.sensor_values import HeartRateReading, StrideReading


def test_an_8_bit_heart_rate_without_contact_support() -> None:
    assert parse_heart_rate(bytes([0x00, 72])) == HeartRateReading(72)


def test_a_16_bit_heart_rate_is_little_endian() -> None:
    # flags 0x01: the value is a UINT16; 0x012C = 300 (the format allows it, 8 bits cannot).
    assert parse_heart_rate(bytes([0x01, 0x2C, 0x01])).bpm == 300


@pytest.mark.parametrize(
    ("flags", "contact"),
    [
        (0x00, Contact.UNKNOWN),
        (0x02, Contact.UNKNOWN),
        (0x04, Contact.LOST),
        (0x06, Contact.TOUCHING),
    ],
)
def test_contact_is_told_only_where_supported(flags: int, contact: Contact) -> None:
    reading = parse_heart_rate(bytes([flags, 150]))
    assert reading.contact is contact
    assert reading.usable is (contact is not Contact.LOST)


def test_energy_expended_comes_before_the_rr_intervals() -> None:
    # flags: 8-bit value, contact supported and detected, energy present, RR present.
    data = bytes([0x1E, 140, 0x34, 0x12, 0x00, 0x04, 0x00, 0x02])
    assert parse_heart_rate(data) == HeartRateReading(
        140, Contact.TOUCHING, energy_kj=0x1234, rr_intervals_s=(1.0, 0.5)
    )


def test_rr_intervals_are_in_1024ths_of_a_second() -> None:
    # A Polar H10 at 75 beats a minute: 800 ms is 819.2/1024; the strap sends 819.
    reading = parse_heart_rate(bytes([0x10, 75, 0x33, 0x03]))
    assert reading.rr_intervals_s == (819 / 1024,)


def test_a_zero_heart_rate_is_not_usable() -> None:
    assert not parse_heart_rate(bytes([0x00, 0])).usable


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "before the flags"),
        (bytes([0x00]), "before the heart rate"),
        (bytes([0x01, 0x50]), "before the heart rate"),
        (bytes([0x08, 60, 0x01]), "before the energy expended"),
        (bytes([0x10, 60, 0x01]), "RR intervals need 2 bytes each"),
        (bytes([0x00, 60, 0x01]), "1 bytes left over"),
    ],
)
def test_broken_heart_rate_bytes_say_what_is_missing(data: bytes, words: str) -> None:
    with pytest.raises(MeasurementError, match=words):
        parse_heart_rate(data)


def test_rsc_with_speed_and_cadence_only_is_walking() -> None:
    # 1.5 m/s is 384/256 (0x0180); 110 steps a minute.
    assert parse_running_speed(bytes([0x00, 0x80, 0x01, 110])) == StrideReading(1.5, 110, False)


def test_rsc_with_stride_length_and_total_distance_while_running() -> None:
    # flags 0x07: stride present, distance present, running. 3.0 m/s, 170 spm, stride
    # 1.06 m (106 hundredths), total distance 1234.5 m (12345 tenths, UINT32).
    data = bytes([0x07, 0x00, 0x03, 170, 106, 0x00, 0x39, 0x30, 0x00, 0x00])
    assert parse_running_speed(data) == StrideReading(3.0, 170, True, 1.06, 1234.5)


def test_rsc_distance_without_stride_length() -> None:
    data = bytes([0x02, 0x00, 0x02, 160, 0x0A, 0x00, 0x00, 0x00])
    assert parse_running_speed(data) == StrideReading(2.0, 160, False, None, 1.0)


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (bytes([0x00, 0x80]), "before the speed"),
        (bytes([0x00, 0x80, 0x01]), "before the cadence"),
        (bytes([0x01, 0x80, 0x01, 100, 0x01]), "before the stride length"),
        (bytes([0x02, 0x80, 0x01, 100, 0x01, 0x00]), "before the total distance"),
        (bytes([0x00, 0x80, 0x01, 100, 0xFF]), "1 bytes left over"),
    ],
)
def test_broken_rsc_bytes_say_what_is_missing(data: bytes, words: str) -> None:
    with pytest.raises(MeasurementError, match=words):
        parse_running_speed(data)
