"""FIT and TCX activities read back by Garmin's decoder and by tcxreader: same laps, same time."""

from __future__ import annotations

from pathlib import Path

import defusedxml.ElementTree as SafeXml
import pytest
from hypothesis import HealthCheck, given, settings
from tcxreader.tcxreader import TCXReader

from retrotimer.core.exchange.activity import Activity, Lap, TimerStop, activity_from_session
from retrotimer.core.history.history_values import HistorySession, Pause
from retrotimer.core.model import SegmentKind
from retrotimer.core.value import replace
from retrotimer.exchange.activities.activity_files import (
    ActivityFormat,
    activity_bytes,
    session_file_name,
)
from retrotimer.exchange.activities.fit_activity import encode_activity
from retrotimer.exchange.activities.tcx_activity import NAMESPACE, activity_to_tcx
from tests.exchange.fit_reading import fit_messages
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


def tcx_read(data: bytes, folder: Path) -> object:
    path = folder / "activity.tcx"
    path.write_bytes(data)
    return TCXReader().read(str(path), only_gps=False)


def tcx_timer_s(data: bytes) -> float:
    """The laps' TotalTimeSeconds (the timer time; tcxreader reads trackpoints only)."""
    root = SafeXml.fromstring(data)
    return sum(float(node.text or 0) for node in root.iter(f"{{{NAMESPACE}}}TotalTimeSeconds"))


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
    tcx = activity_bytes(sample, ActivityFormat.TCX)
    read = tcx_read(tcx, tmp_path)
    assert len(read.laps) == len(sample.segments)  # type: ignore[attr-defined]
    assert tcx_timer_s(tcx) == pytest.approx(timer, abs=1.0)
    activity = activity_from_session(sample)
    in_laps = sum(lap.seconds + lap.stopped_s for lap in activity.laps)
    if sample.segments:
        # tcxreader times a lap from its first to its last trackpoint: pauses in it count.
        assert sum(lap.duration for lap in read.laps) == pytest.approx(in_laps, abs=1.0)  # type: ignore[attr-defined]
    assert messages["session_mesgs"][0]["total_elapsed_time"] == pytest.approx(
        activity.elapsed_s, abs=1.0
    )


def paused_session() -> HistorySession:
    """5 s of get-ready, a 60 s warm-up paused 30 s after 20 s, a 20 s pause after it, then
    12.5 s backward; stopped while paused for 10 s more."""
    start = MONDAY_2024_05_06
    sample = session(
        segments=(
            segment(0, SegmentKind.WARMUP, 60.0),
            segment(1, SegmentKind.BACKWARD_JOG, 12.5, steps=20),
        ),
        pauses=(
            Pause(start + 25.0, start + 55.0),
            Pause(start + 95.0, start + 115.0),
            Pause(start + 127.5, start + 137.5),
        ),
    )
    return replace(sample, entry=replace(sample.entry, ended_utc_s=start + 137.5))


def test_pauses_are_fit_timer_stops_where_they_happened() -> None:
    messages = fit_messages(activity_bytes(paused_session(), ActivityFormat.FIT))
    events = [
        (e["event_type"], e["timestamp"].timestamp() - MONDAY_2024_05_06)  # type: ignore[attr-defined]
        for e in messages["event_mesgs"]
    ]
    # FIT keeps whole seconds.
    assert events == [
        ("start", 5.0),
        ("stop", 25.0),
        ("start", 55.0),
        ("stop", 95.0),
        ("start", 115.0),
        ("stop_all", 127.0),
    ]
    (summary,) = messages["session_mesgs"]
    assert summary["total_timer_time"] == pytest.approx(72.5, abs=1.0)
    assert summary["total_elapsed_time"] == pytest.approx(137.5, abs=1.0)
    first, second = messages["lap_mesgs"]
    assert first["start_time"].timestamp() == MONDAY_2024_05_06 + 5.0  # type: ignore[attr-defined]
    assert (first["total_timer_time"], first["total_elapsed_time"]) == (60.0, 110.0)
    assert second["start_time"].timestamp() == MONDAY_2024_05_06 + 115.0  # type: ignore[attr-defined]
    times = [r["timestamp"].timestamp() - MONDAY_2024_05_06 for r in messages["record_mesgs"]]  # type: ignore[attr-defined]
    for begin, end in ((25.0, 55.0), (95.0, 115.0), (127.5, 137.5)):
        assert not [t for t in times if begin < t < end], "no record while paused"


def test_pauses_are_gaps_between_tcx_tracks(tmp_path: Path) -> None:
    data = activity_bytes(paused_session(), ActivityFormat.TCX)
    assert tcx_timer_s(data) == pytest.approx(72.5, abs=1.0)
    root = SafeXml.fromstring(data)
    laps = list(root.iter(f"{{{NAMESPACE}}}Lap"))
    assert [lap.get("StartTime") for lap in laps] == [
        "2024-05-06T00:00:05.000Z",
        "2024-05-06T00:01:55.000Z",
    ]
    assert [len(list(lap.iter(f"{{{NAMESPACE}}}Track"))) for lap in laps] == [2, 1]
    read = tcx_read(data, tmp_path)
    assert len(read.laps) == 2  # type: ignore[attr-defined]
    # From the first trackpoint to the last: the running time and the pauses between.
    assert read.duration == pytest.approx(72.5 + 30.0 + 20.0, abs=1.0)  # type: ignore[attr-defined]


def test_file_names_sort_by_date_and_are_unique_by_id() -> None:
    name = session_file_name(recorded().entry, ActivityFormat.TCX)
    assert name == "2024-05-06-0000-short-backward-jogs-00000000.tcx"
