"""FIT and TCX activities read back by Garmin's decoder and by tcxreader: same laps, same time."""

from __future__ import annotations

from pathlib import Path

import pytest
from garmin_fit_sdk import Decoder, Stream
from hypothesis import HealthCheck, given, settings
from tcxreader.tcxreader import TCXReader

from retrotimer.core.exchange.activity import Activity, Lap, TimerStop
from retrotimer.core.history import HistorySession
from retrotimer.core.model import SegmentKind
from retrotimer.exchange.activity_files import ActivityFormat, activity_bytes, session_file_name
from retrotimer.exchange.fit_activity import encode_activity
from retrotimer.exchange.tcx_activity import activity_to_tcx
from tests.history_samples import MONDAY_2024_05_06, segment, session, sessions

PAUSED = Activity(
    "id",
    "Pauses",
    MONDAY_2024_05_06,
    3600,
    (
        Lap(0.0, 20.0, SegmentKind.WARMUP, "Warm-up walk"),
        Lap(31.0, 9.0, SegmentKind.BACKWARD_WALK, "easy does it"),
        Lap(40.0, 16.0, SegmentKind.WALK, "turn around and reset"),
    ),
    (TimerStop(20.0, 11.0),),
)


def fit_messages(data: bytes) -> dict[str, list[dict[str, object]]]:
    assert Decoder(Stream.from_byte_array(bytearray(data))).check_integrity()
    messages, errors = Decoder(Stream.from_byte_array(bytearray(data))).read()
    assert errors == []
    return messages  # type: ignore[return-value]


def tcx_read(data: bytes, folder: Path) -> object:
    path = folder / "activity.tcx"
    path.write_bytes(data)
    return TCXReader().read(str(path), only_gps=False)


def test_fit_activity_has_laps_timer_events_and_records() -> None:
    messages = fit_messages(encode_activity(PAUSED))
    assert messages["file_id_mesgs"][0]["type"] == "activity"
    (summary,) = messages["session_mesgs"]
    assert summary["sport"] == "running" and summary["num_laps"] == 3
    assert summary["total_timer_time"] == pytest.approx(45.0)
    assert summary["total_elapsed_time"] == pytest.approx(56.0)
    events = [(e["event"], e["event_type"]) for e in messages["event_mesgs"]]
    assert events == [
        ("timer", "start"),
        ("timer", "stop"),
        ("timer", "start"),
        ("timer", "stop_all"),
    ]
    laps = messages["lap_mesgs"]
    assert [lap["total_timer_time"] for lap in laps] == [20.0, 9.0, 16.0]
    assert [lap["intensity"] for lap in laps] == ["warmup", "active", "recovery"]
    assert [lap["developer_fields"][2] for lap in laps] == [  # type: ignore[index]
        "Warm-up walk",
        "easy does it",
        "turn around and reset",
    ]
    # Each lap names the workout step it ran, and that step carries the segment's label.
    names = [step["wkt_step_name"] for step in messages["workout_step_mesgs"]]
    assert names == ["Warm-up walk", "easy does it", "turn around and reset"]
    assert [lap["wkt_step_index"] for lap in laps] == [0, 1, 2]
    assert messages["workout_mesgs"][0]["wkt_name"] == "Pauses"
    times = [record["timestamp"] for record in messages["record_mesgs"]]
    gaps = [(b - a).total_seconds() for a, b in zip(times, times[1:], strict=False)]  # type: ignore[operator]
    assert max(gaps) == 11.0  # the pause; everywhere else at most 5 s
    assert sorted(gaps)[-2] <= 5.0
    assert not any("position_lat" in record for record in messages["record_mesgs"])


def test_tcx_activity_is_read_by_tcxreader(tmp_path: Path) -> None:
    data = activity_to_tcx(PAUSED)
    read = tcx_read(data, tmp_path)
    assert read.activity_type == "Running"  # type: ignore[attr-defined]
    laps = read.laps  # type: ignore[attr-defined]
    assert len(laps) == 3
    assert sum(lap.duration for lap in laps) == pytest.approx(PAUSED.timer_s, abs=1.0)
    assert b"<Notes>easy does it</Notes>" in data
    assert b"<Intensity>Resting</Intensity>" in data


def recorded() -> HistorySession:
    return session(
        segments=(
            segment(0, SegmentKind.WARMUP, 300.0),
            segment(1, SegmentKind.BACKWARD_JOG, 7.5, steps=20),
            segment(2, SegmentKind.WALK, 4.2, planned_s=20.0, skipped=True),
        ),
        template="Short backward jogs",
    )


@pytest.mark.parametrize("fmt", list(ActivityFormat))
def test_a_recorded_session_reads_back_with_its_laps_and_time(
    fmt: ActivityFormat, tmp_path: Path
) -> None:
    sample = recorded()
    data = activity_bytes(sample, fmt)
    if fmt is ActivityFormat.FIT:
        messages = fit_messages(data)
        laps, timer = len(messages["lap_mesgs"]), messages["session_mesgs"][0]["total_timer_time"]
    else:
        read = tcx_read(data, tmp_path)
        laps = len(read.laps)  # type: ignore[attr-defined]
        timer = sum(lap.duration for lap in read.laps)  # type: ignore[attr-defined]
    assert laps == 3
    assert timer == pytest.approx(311.7, abs=1.0)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(sessions())
def test_any_session_round_trips(tmp_path: Path, sample: HistorySession) -> None:
    timer = sum(record.actual_s for record in sample.segments)
    messages = fit_messages(activity_bytes(sample, ActivityFormat.FIT))
    assert len(messages.get("lap_mesgs", [])) == len(sample.segments)
    assert messages["session_mesgs"][0]["total_timer_time"] == pytest.approx(timer, abs=1.0)
    read = tcx_read(activity_bytes(sample, ActivityFormat.TCX), tmp_path)
    assert len(read.laps) == len(sample.segments)  # type: ignore[attr-defined]
    if sample.segments:
        assert sum(lap.duration for lap in read.laps) == pytest.approx(timer, abs=1.0)  # type: ignore[attr-defined]


def test_file_names_sort_by_date_and_are_unique_by_id() -> None:
    name = session_file_name(recorded().entry, ActivityFormat.TCX)
    assert name == "2024-05-06-0000-short-backward-jogs-00000000.tcx"
