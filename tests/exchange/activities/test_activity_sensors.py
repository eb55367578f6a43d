"""A recorded session with a heart-rate strap and a footpod: its FIT and TCX activities carry
the heart rate and cadence, read back by fitdecode, tcxreader and the TCX schema."""

from __future__ import annotations

import io
from pathlib import Path

import fitdecode
import pytest
import xmlschema
from tcxreader.tcxreader import TCXReader

from retrotimer.core.exchange.activity import SAMPLE_HOLD_S, Activity, activity_from_session
from retrotimer.core.history.history_values import HistorySession
from retrotimer.core.model import SegmentKind
from retrotimer.core.sensors.sensor_values import SensorSample
from retrotimer.exchange.activities.fit_activity import encode_activity
from retrotimer.exchange.activities.tcx_activity import activity_to_tcx
from retrotimer.storage.history.history_store import HistoryStore
from tests.exchange.corpus import corpus_file
from tests.history_samples import MONDAY_2024_05_06, make_id, segment, session

T = MONDAY_2024_05_06


def heart_rate_at(second: int) -> int:
    return 95 + second


def recorded(tmp_path: Path) -> HistorySession:
    """Two segments of 20 s with a sample each second, the last 6 s without the strap,
    through a real history file."""
    samples = tuple(
        SensorSample(
            T + second,
            0 if second < 20 else 1,
            heart_rate_at(second) if second < 34 else None,
            161 if second >= 20 else None,
            2.25 if second >= 20 else None,
        )
        for second in range(40)
    )
    whole = session(
        0,
        segments=(segment(0, SegmentKind.WALK, 20.0), segment(1, SegmentKind.BACKWARD_JOG, 20.0)),
        samples=samples,
    )
    store = HistoryStore(tmp_path / "history.sqlite")
    store.import_sessions([whole])
    read = store.get_session(make_id(0))
    store.close()
    assert read is not None and read.samples == samples
    return read


def fit_records(data: bytes) -> list[dict[str, object]]:
    records = []
    with fitdecode.FitReader(io.BytesIO(data)) as reader:
        for frame in reader:
            if isinstance(frame, fitdecode.FitDataMessage) and frame.name == "record":
                records.append({field.name: field.value for field in frame.fields})
    return records


def test_fit_records_carry_heart_rate_and_cadence_each_second(tmp_path: Path) -> None:
    records = fit_records(encode_activity(activity_from_session(recorded(tmp_path))))
    seconds = [round(record["timestamp"].timestamp() - T) for record in records]  # type: ignore[attr-defined]
    assert set(range(40)) <= set(seconds), "a record for every sample"
    by_second = dict(zip(seconds, records, strict=True))
    assert by_second[10]["heart_rate"] == heart_rate_at(10)
    assert by_second[10].get("cadence") is None
    # 161 steps a minute: 80 strides and a half.
    assert (by_second[25]["cadence"], by_second[25]["fractional_cadence"]) == (80, 0.5)
    assert by_second[25]["speed"] == pytest.approx(2.25)
    # The strap fell silent after 33 s: the footpod's records go on without a heart rate.
    assert "heart_rate" not in by_second[36] and by_second[36]["cadence"] == 80


def test_tcx_trackpoints_carry_heart_rate_and_run_cadence(tmp_path: Path) -> None:
    data = activity_to_tcx(activity_from_session(recorded(tmp_path)))
    path = tmp_path / "activity.tcx"
    path.write_bytes(data)
    read = TCXReader().read(str(path), only_gps=False)
    points = {round(point.time.timestamp() - T): point for point in read.trackpoints}
    assert points[12].hr_value == heart_rate_at(12)
    assert points[30].tpx_ext["RunCadence"] == 80
    assert read.hr_max == heart_rate_at(33)


def test_tcx_with_heart_rate_is_valid_against_the_schema(tmp_path: Path) -> None:
    schema = xmlschema.XMLSchema(corpus_file("xsd/TrainingCenterDatabasev2.xsd"))
    schema.validate(activity_to_tcx(activity_from_session(recorded(tmp_path))).decode())


def test_a_session_without_sensors_exports_records_without_them(tmp_path: Path) -> None:
    plain = session(0, segments=(segment(0, SegmentKind.WALK, 12.0),))
    records = fit_records(encode_activity(activity_from_session(plain)))
    assert records and all("heart_rate" not in record for record in records)
    assert b"HeartRateBpm" not in activity_to_tcx(activity_from_session(plain))


def test_a_record_holds_the_last_sample_for_a_few_seconds_only() -> None:
    activity = Activity(
        "id",
        "Held",
        T,
        0,
        (),
        samples=(SensorSample(T + 1.0, 0, heart_rate=120),),
    )
    held = activity.readings_at([0.5, 1.0, 1.0 + SAMPLE_HOLD_S, 1.5 + SAMPLE_HOLD_S])
    assert [None if one is None else one.heart_rate for one in held] == [None, 120, 120, None]
