"""Pauses in the JSON history export: written in the session's local time, read back checked."""

from __future__ import annotations

import json

import pytest

from retrotimer.core.history.history_values import HistorySession, Pause
from retrotimer.core.model import SegmentKind
from retrotimer.exchange.history.history_codec import (
    sessions_to_json,
)
from tests.history_samples import MONDAY_2024_05_06, read_whole, refusals, segment, session

T = MONDAY_2024_05_06


def paused() -> HistorySession:
    return session(
        offset_s=7200,
        segments=(segment(0, SegmentKind.WARMUP, 60.0),),
        pauses=(Pause(T + 20.0, T + 50.25), Pause(T + 80.0)),
    )


def with_pauses(value: object) -> str:
    document = json.loads(sessions_to_json([paused()]))
    if value is None:
        del document["sessions"][0]["pauses"]
    else:
        document["sessions"][0]["pauses"] = value
    return json.dumps(document)


def test_pauses_are_written_as_local_times_and_read_back_the_same() -> None:
    text = sessions_to_json([paused()])
    (written,) = json.loads(text)["sessions"]
    assert written["pauses"] == [
        {"start": "2024-05-06T02:00:20+02:00", "end": "2024-05-06T02:00:50.250000+02:00"},
        {"start": "2024-05-06T02:01:20+02:00", "end": None},
    ]
    assert read_whole(text) == [paused()]


def test_a_file_from_before_pauses_were_kept_imports_without_any() -> None:
    (read,) = read_whole(with_pauses(None))
    assert read.pauses == ()
    assert read.segments == paused().segments


@pytest.mark.parametrize(
    ("pauses", "message"),
    [
        ("soon", "session 1: pauses must be a list"),
        ([7], "session 1 > pause 1: expected an object"),
        ([{"start": "noon"}], "session 1 > pause 1: start must be a date and time with its"),
        (
            [{"start": "2024-05-06T02:00:20+02:00", "end": "2024-05-06T02:00:20"}],
            "session 1 > pause 1: end must be null or a date and time with its UTC offset",
        ),
        (
            [{"start": "2024-05-06T02:00:20+02:00", "end": "2024-05-06T02:00:10+02:00"}],
            "session 1 > pause 1: end is before its start",
        ),
        (
            [{"start": "2024-05-06T01:59:59+02:00", "end": None}],
            "session 1 > pause 1: starts before the session",
        ),
        (
            [{"start": "2024-05-06T02:00:20+02:00", "end": "2024-05-06T03:00:00+02:00"}],
            "session 1 > pause 1: ends after the session",
        ),
        (
            [
                {"start": "2024-05-06T02:00:20+02:00", "end": "2024-05-06T02:00:40+02:00"},
                {"start": "2024-05-06T02:00:30+02:00", "end": "2024-05-06T02:00:35+02:00"},
            ],
            "session 1: pauses overlap",
        ),
        (
            [{"start": "2024-05-06T02:00:20+02:00"}, {"start": "2024-05-06T02:00:30+02:00"}],
            "session 1: pauses overlap",
        ),
    ],
)
def test_a_pause_that_cannot_be_right_is_named_and_nothing_is_imported(
    pauses: object, message: str
) -> None:
    problems = refusals(with_pauses(pauses))
    assert any(problem.startswith(message) for problem in problems), problems
    assert "\n" not in problems[0]
