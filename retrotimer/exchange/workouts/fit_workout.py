"""FIT workout files: a template for a watch, and workouts from Garmin Connect and others."""

from __future__ import annotations

import math
from datetime import datetime
from typing import Any

from retrotimer.core.exchange.field_text import cut_to_bytes
from retrotimer.core.exchange.workout import (
    Intensity,
    RepeatStep,
    Workout,
    WorkoutEntry,
    WorkoutStep,
)
from retrotimer.core.exchange.workout_reading import (
    SUPPORTED_LENGTHS,
    dropped_targets_warning,
    refused,
    workout_to_template,
)
from retrotimer.core.model import SegmentKind
from retrotimer.core.templates.validation import Problem, Severity, TemplateError, TemplateReading
from retrotimer.exchange.fit_messages import (
    KIND_FIELD,
    MESG_NUM,
    STEPS_FIELD,
    Message,
    decode_messages,
    encode_messages,
    own_developer_keys,
)

# The sizes of the text fields in the FIT SDK's C structures, terminating zero included:
# watches keep no more than that.
WORKOUT_NAME_BYTES = 100
STEP_NAME_BYTES = 48
NOTES_BYTES = 50

# Stable numbers for the kinds in our developer field (never renumber: files keep them).
KIND_CODES: dict[SegmentKind, int] = {
    SegmentKind.WARMUP: 0,
    SegmentKind.BACKWARD_WALK: 1,
    SegmentKind.BACKWARD_JOG: 2,
    SegmentKind.BACKWARD_SPRINT: 3,
    SegmentKind.FORWARD_RUN: 4,
    SegmentKind.WALK: 5,
    SegmentKind.REST: 6,
    SegmentKind.COOLDOWN: 7,
}
_KINDS = {code: kind for kind, code in KIND_CODES.items()}

# Targets a workout may set, by FIT's name, in the words the warning uses.
_TARGET_WORDS = {
    "speed": "pace",
    "speed_lap": "pace",
    "heart_rate": "heart rate",
    "heart_rate_lap": "heart rate",
    "cadence": "cadence",
    "power": "power",
    "power_3s": "power",
    "power_10s": "power",
    "power_30s": "power",
    "power_lap": "power",
    "grade": "grade",
    "resistance": "resistance",
    "swim_stroke": "swim stroke",
}
_SERIAL = 0x5254  # "RT": a fixed serial, so the same template always gives the same file


def fit_text(value: str, size: int) -> str:
    """Text cut to a FIT text field of `size` bytes (its terminating zero included)."""
    return cut_to_bytes(value, size - 1)


def _step_message(index: int, entry: WorkoutEntry) -> Message:
    if isinstance(entry, RepeatStep):
        return {
            "mesg_num": MESG_NUM["WORKOUT_STEP"],
            "message_index": index,
            "duration_type": "repeat_until_steps_cmplt",
            "duration_value": entry.first_step,
            "target_type": "open",
            "target_value": entry.count,
        }
    message: Message = {
        "mesg_num": MESG_NUM["WORKOUT_STEP"],
        "message_index": index,
        "wkt_step_name": fit_text(entry.name, STEP_NAME_BYTES) or None,
        "duration_type": "open" if entry.seconds is None else "time",
        # FIT keeps a time in milliseconds.
        "duration_value": None if entry.seconds is None else round(entry.seconds * 1000),
        "target_type": "open",
        "intensity": entry.intensity.value,
        "notes": fit_text(entry.notes, NOTES_BYTES) or None,
    }
    own: dict[int, int] = {}
    if entry.kind is not None:
        own[KIND_FIELD] = KIND_CODES[entry.kind]
    if entry.steps is not None:
        own[STEPS_FIELD] = entry.steps
    if own:
        message["developer_fields"] = own
    return message


def encode_workout(workout: Workout, created: datetime) -> bytes:
    """The workout as a FIT workout file for a running watch."""
    messages: list[Message] = [
        {
            "mesg_num": MESG_NUM["FILE_ID"],
            "type": "workout",
            "manufacturer": "development",
            "product": 0,
            "serial_number": _SERIAL,
            "time_created": created,
        },
        {
            "mesg_num": MESG_NUM["WORKOUT"],
            "wkt_name": fit_text(workout.name, WORKOUT_NAME_BYTES),
            "sport": "running",
            "sub_sport": "generic",
            "num_valid_steps": len(workout.steps),
        },
    ]
    messages += [_step_message(index, entry) for index, entry in enumerate(workout.steps)]
    return encode_messages(messages, developer_fields=True)


# ---- reading ---------------------------------------------------------------------------
# Thousands of steps, and read in well under a second: Garmin's decoder is pure Python.
MAX_FIT_WORKOUT_BYTES = 256_000


def _intensity(value: Any) -> Intensity:
    try:
        return Intensity(value)
    except ValueError:
        return Intensity.ACTIVE


def _number(value: Any) -> float | None:
    """A decoded number, or None for a missing or malformed one (a list, text, infinity)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value) if math.isfinite(value) else None


def _string(value: Any) -> str:
    if isinstance(value, list):
        value = " ".join(str(part) for part in value if part)
    return value if isinstance(value, str) else ""


def _refusal(step: Message) -> str:
    """Why a step's length cannot be used, and what RetroTimer takes instead."""
    kind = str(step.get("duration_type"))
    if kind == "distance":
        metres = _number(step.get("duration_distance"))
        what = f"a length given as a distance ({metres:g} m)" if metres else "a distance"
        return f"{what} cannot be used; {SUPPORTED_LENGTHS}"
    if kind.startswith("repeat_until_"):
        until = kind.removeprefix("repeat_until_").replace("_", " ")
        return (
            f"a repeat until {until} cannot be used; RetroTimer repeats a block a set number "
            "of times"
        )
    return f"a length given as {kind.replace('_', ' ')} cannot be used; {SUPPORTED_LENGTHS}"


def _read_step(
    number: int, step: Message, own: dict[int, int], problems: list[Problem], dropped: set[str]
) -> WorkoutEntry | None:
    subject = f"workout step {number}"
    for field in ("target_type", "secondary_target_type"):
        target = step.get(field)
        if target not in (None, "open"):
            dropped.add(_TARGET_WORDS.get(str(target), str(target).replace("_", " ")))
    duration = step.get("duration_type")
    if duration == "repeat_until_steps_cmplt":
        back_to = _number(step.get("duration_step"))
        count = _number(step.get("repeat_steps"))
        return RepeatStep(
            -1 if back_to is None else int(back_to), 0 if count is None else int(count)
        )
    developer = step.get("developer_fields")
    if not isinstance(developer, dict):
        developer = {}
    kind_code = developer.get(own[KIND_FIELD]) if KIND_FIELD in own else None
    steps = developer.get(own[STEPS_FIELD]) if STEPS_FIELD in own else None
    name = _string(step.get("wkt_step_name"))
    notes = _string(step.get("notes"))
    seconds = _number(step.get("duration_time"))
    if duration not in ("time", "open"):
        problems.append(refused(subject, _refusal(step)))
        return None
    return WorkoutStep(
        name=name,
        notes=notes,
        intensity=_intensity(step.get("intensity")),
        seconds=(seconds or 0.0) if duration == "time" else None,
        kind=_KINDS.get(kind_code) if isinstance(kind_code, int) else None,
        steps=steps if isinstance(steps, int) and not isinstance(steps, bool) else None,
    )


def read_fit_workout(data: bytes, source: str, default_name: str = "") -> TemplateReading:
    """A template from a FIT workout file; TemplateError when the file is not a readable FIT
    workout (an activity, say). Problems name the workout step they are about."""
    if len(data) > MAX_FIT_WORKOUT_BYTES:
        raise TemplateError(
            [
                f"the FIT file is larger than {MAX_FIT_WORKOUT_BYTES // 1000} KB, far too big "
                "for a workout (a watch holds a few hundred steps); it was not read"
            ],
            source,
        )
    messages = decode_messages(data, source)
    file_type = _string(next(iter(messages.get("file_id_mesgs", [])), {}).get("type"))
    if file_type != "workout" or not messages.get("workout_mesgs"):
        what = "a recorded activity" if file_type == "activity" else f"a {file_type or 'FIT'} file"
        raise TemplateError(
            [
                f"this FIT file is {what}, not a workout; only FIT workout files "
                "(from RetroTimer or Garmin Connect) become templates"
            ],
            source,
        )
    workout = messages["workout_mesgs"][0]
    problems: list[Problem] = []
    sport = workout.get("sport")
    if sport not in (None, "running", "generic"):
        problems.append(
            Problem(Severity.WARNING, f"the workout is for {sport}; its steps were read as a run")
        )
    own = own_developer_keys(messages)
    dropped: set[str] = set()
    entries: list[WorkoutEntry] = []
    ordered = sorted(
        messages.get("workout_step_mesgs", []),
        key=lambda step: _number(step.get("message_index")) or 0.0,
    )
    for number, step in enumerate(ordered, start=1):
        entry = _read_step(number, step, own, problems, dropped)
        if entry is not None:
            entries.append(entry)
        elif problems and problems[-1].is_error:
            # Keep the numbering of later steps (repeat steps point at indices).
            entries.append(WorkoutStep("", "", Intensity.ACTIVE, 1.0))
    warning = dropped_targets_warning(dropped)
    if warning is not None:
        problems.insert(0, warning)
    parsed = Workout(_string(workout.get("wkt_name")), "", tuple(entries))
    return workout_to_template(parsed, default_name=default_name, problems=problems)
