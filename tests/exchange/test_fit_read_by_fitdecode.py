"""Written FIT files read by fitdecode, a decoder that is not Garmin's: identity, order, steps."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from typing import Any

import fitdecode
from hypothesis import HealthCheck, given, settings

from retrotimer.core.exchange.activity import Activity, Lap, TimerStop, activity_from_session
from retrotimer.core.exchange.workout import template_to_workout
from retrotimer.core.history.history_values import HistorySession
from retrotimer.core.model import Length, Prompt, Segment, SegmentKind, Template, Venue
from retrotimer.core.settings import Settings, StepsAs
from retrotimer.core.value import replace
from retrotimer.exchange.activities.fit_activity import SOFTWARE_VERSION, encode_activity
from retrotimer.exchange.workouts.fit_workout import encode_workout, read_fit_workout
from tests.history_samples import MONDAY_2024_05_06, sessions

CREATED = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def frames(data: bytes) -> list[Any]:
    """The data messages of a FIT file, in file order, as fitdecode reads them (CRC checked)."""
    with fitdecode.FitReader(
        io.BytesIO(data), check_crc=fitdecode.CrcCheck.RAISE, keep_raw_chunks=False
    ) as reader:
        return [frame for frame in reader if frame.frame_type == fitdecode.FIT_FRAME_DATA]


def values(frame: Any) -> dict[str, Any]:
    return {field.name: field.value for field in frame.fields}


def named(data: bytes, name: str) -> list[dict[str, Any]]:
    return [values(frame) for frame in frames(data) if frame.name == name]


CONES = Template(
    "Cones",
    (
        Segment(SegmentKind.WARMUP, Length.seconds(300)),
        Segment(SegmentKind.BACKWARD_WALK, Length.open(), "Walk to the cone"),
        Segment(SegmentKind.BACKWARD_JOG, Length.metres(100)),
        Segment(SegmentKind.COOLDOWN, Length.seconds(120), prompts=(Prompt(10, "Well done"),)),
    ),
    venue=Venue.TRACK,
)


def test_open_and_distance_steps_are_lap_button_and_distance_steps() -> None:
    data = encode_workout(template_to_workout(CONES, Settings(), StepsAs.TIME), CREATED)
    steps = named(data, "workout_step")
    assert [(step["duration_type"], step.get("duration_distance")) for step in steps] == [
        ("time", None),
        ("open", None),
        ("distance", 100.0),
        ("time", None),
    ]
    assert steps[0]["duration_time"] == 300.0


def test_open_and_distance_steps_come_back_as_they_went() -> None:
    data = encode_workout(template_to_workout(CONES, Settings(), StepsAs.TIME), CREATED)
    reading = read_fit_workout(data, "cones.fit")
    assert reading.template is not None
    # FIT has no timed prompts: the written steps come back, the prompt does not.
    assert reading.template.items == (*CONES.items[:3], replace(CONES.items[3], prompts=()))  # type: ignore[type-var]


def test_every_file_has_its_own_identity() -> None:
    settings_ = Settings()
    one = template_to_workout(CONES, settings_, StepsAs.TIME)
    other = template_to_workout(replace(CONES, name="Cones again"), settings_, StepsAs.TIME)
    later = datetime(2026, 12, 1, 9, 0, 1, tzinfo=UTC)
    identities = {
        (ids["serial_number"], ids["time_created"])
        for data in (
            encode_workout(one, CREATED),
            encode_workout(other, CREATED),
            encode_workout(one, later),
        )
        for ids in named(data, "file_id")
    }
    assert len(identities) == 3
    assert all(serial for serial, _ in identities)


TREADMILL = Activity(
    "id",
    "Treadmill retro",
    MONDAY_2024_05_06,
    3600,
    (
        Lap(0.0, 20.0, SegmentKind.WARMUP, "Warm-up walk"),
        Lap(31.0, 9.0, SegmentKind.BACKWARD_WALK, "easy does it"),
        Lap(40.0, 16.0, SegmentKind.WALK, "turn around"),
    ),
    (TimerStop(20.0, 11.0),),
    Venue.TREADMILL,
)


def timestamps(data: bytes) -> list[datetime]:
    return [
        values(frame)["timestamp"]
        for frame in frames(data)
        if frame.name in ("record", "event", "lap", "session", "activity")
    ]


def test_an_activity_is_written_in_time_order_laps_among_the_records() -> None:
    data = encode_activity(TREADMILL)
    moments = timestamps(data)
    assert moments == sorted(moments)
    order = [frame.name for frame in frames(data) if frame.name in ("record", "lap")]
    # The first lap closes before the records of the second.
    assert order.index("lap") < len(order) - order[::-1].index("record") - 1


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sessions())
def test_any_recorded_session_is_written_in_time_order(session: HistorySession) -> None:
    moments = timestamps(encode_activity(activity_from_session(session)))
    assert moments == sorted(moments)


def test_the_creator_and_the_venue_are_written() -> None:
    data = encode_activity(TREADMILL)
    (creator,) = [d for d in named(data, "device_info") if d["device_index"] == "creator"]
    assert creator["manufacturer"] == "development" and creator["product_name"] == "RetroTimer"
    assert named(data, "file_creator")[0]["software_version"] == SOFTWARE_VERSION
    assert {d["sub_sport"] for d in named(data, "session") + named(data, "lap")} == {"treadmill"}
    on_track = encode_activity(replace(TREADMILL, venue=Venue.TRACK))
    assert named(on_track, "session")[0]["sub_sport"] == "track"
