"""Sensor samples in the JSON history export: written with the session, read back, and a bad
sample refused with its place and field."""

from __future__ import annotations

import json

import pytest

from retrotimer.core.history.wall_time import WallTime
from retrotimer.core.sensors.sensor_values import SensorSample
from retrotimer.exchange.history.history_codec import sessions_to_json
from retrotimer.exchange.history.sample_json import samples_from_json, samples_to_json
from tests.history_samples import MONDAY_2024_05_06, read_whole, session

T = MONDAY_2024_05_06
SAMPLES = (
    SensorSample(T + 0.5, 0, heart_rate=97),
    SensorSample(T + 1.5, 0, heart_rate=99, cadence_spm=110, speed_m_s=1.5),
)


def test_samples_are_written_as_seconds_after_the_start_with_the_values_heard() -> None:
    assert samples_to_json(SAMPLES, T) == [
        {"at_s": 0.5, "segment": 0, "heart_rate": 97},
        {"at_s": 1.5, "segment": 0, "heart_rate": 99, "cadence": 110, "speed_m_s": 1.5},
    ]


def test_the_export_holds_the_samples_and_reads_them_back() -> None:
    text = sessions_to_json([session(0, samples=SAMPLES)])
    assert json.loads(text)["sessions"][0]["samples"][1]["cadence"] == 110
    (back,) = read_whole(text)
    assert back.samples == SAMPLES


def test_an_export_from_before_samples_were_kept_has_none() -> None:
    assert samples_from_json(None, "session 1", [], WallTime(T)) == ()


@pytest.mark.parametrize(
    ("item", "problem"),
    [
        ([], "session 1 > sample 1: expected an object"),
        ({"at_s": "soon", "segment": 0}, "at_s must be seconds after the start, not 'soon'"),
        ({"at_s": -1, "segment": 0}, "at_s is before the session (-1)"),
        ({"at_s": 1, "segment": 1.5}, "segment must be a whole number, not 1.5"),
        ({"at_s": 1, "segment": 0, "heart_rate": 0}, "heart_rate must be a whole number 1-65535"),
        ({"at_s": 1, "segment": 0, "cadence": 300}, "cadence must be a whole number 0-255"),
        ({"at_s": 1, "segment": 0, "speed_m_s": -2}, "speed_m_s must be a number from 0"),
    ],
)
def test_a_bad_sample_is_named_and_left_out(item: object, problem: str) -> None:
    problems: list[str] = []
    good = {"at_s": 2, "segment": 0, "heart_rate": 120}
    found = samples_from_json([item, good], "session 1", problems, WallTime(T))
    assert found == (SensorSample(T + 2, 0, heart_rate=120),)
    (message,) = problems
    assert problem in message
