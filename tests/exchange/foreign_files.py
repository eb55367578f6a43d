"""Workout and activity files as other tools write them, made with Garmin's own encoder."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from garmin_fit_sdk import Encoder, Profile

MESG = Profile["mesg_num"]
CREATED = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)


def fit_file(file_type: str, *messages: dict[str, Any]) -> bytes:
    encoder = Encoder()
    encoder.write_mesg(
        {
            "mesg_num": MESG["FILE_ID"],
            "type": file_type,
            "manufacturer": "garmin",
            "product": 0,
            "serial_number": 99,
            "time_created": CREATED,
        }
    )
    for message in messages:
        encoder.write_mesg(message)
    return encoder.close()


def step(index: int, **fields: Any) -> dict[str, Any]:
    return {"mesg_num": MESG["WORKOUT_STEP"], "message_index": index, **fields}


def connect_workout(*steps: dict[str, Any], name: str = "Connect retro") -> bytes:
    """A running workout as Garmin Connect exports one: no RetroTimer fields."""
    workout = {
        "mesg_num": MESG["WORKOUT"],
        "wkt_name": name,
        "sport": "running",
        "num_valid_steps": len(steps),
    }
    return fit_file("workout", workout, *steps)


GOOD_CONNECT_STEPS = (
    step(
        0,
        wkt_step_name="Warm up",
        duration_type="time",
        duration_value=300_000,
        target_type="heart_rate",
        target_value=2,
        intensity="warmup",
    ),
    step(
        1,
        wkt_step_name="Retro jog",
        duration_type="time",
        duration_value=45_000,
        target_type="speed",
        target_value=0,
        intensity="active",
    ),
    step(2, duration_type="time", duration_value=60_000, target_type="open", intensity="recovery"),
    step(3, duration_type="repeat_until_steps_cmplt", duration_value=1, target_value=4),
    step(4, duration_type="time", duration_value=180_000, intensity="cooldown"),
)


def an_activity() -> bytes:
    return fit_file(
        "activity",
        {"mesg_num": MESG["EVENT"], "timestamp": CREATED, "event": "timer", "event_type": "start"},
    )
