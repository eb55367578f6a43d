"""FIT workout files: a template for a watch, and workouts from Garmin Connect and others."""

from __future__ import annotations

import math
import zlib
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
    conditions_warning,
    dropped_targets_warning,
    workout_to_template,
)
from retrotimer.core.model import SegmentKind
from retrotimer.core.templates.validation import Problem, Severity, TemplateError, TemplateReading
from retrotimer.core.value import replace
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
# RetroTimer's product number under FIT's "development" manufacturer.
PRODUCT = 0x5254  # "RT"


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
    if entry.metres is not None:
        # FIT keeps a distance in centimetres, a time in milliseconds.
        duration, value = "distance", round(entry.metres * 100)
    elif entry.seconds is None:
        duration, value = "open", None
    else:
        duration, value = "time", round(entry.seconds * 1000)
    message: Message = {
        "mesg_num": MESG_NUM["WORKOUT_STEP"],
        "message_index": index,
        "wkt_step_name": fit_text(entry.name, STEP_NAME_BYTES) or None,
        "duration_type": duration,
        "duration_value": value,
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


def file_serial(content: object, created: datetime) -> int:
    """A serial number for a file's identity: a device tells files apart by their serial
    and creation time, so it is drawn from what the file holds and when it was made. Never 0,
    which FIT reads as no serial."""
    return zlib.crc32(f"{content!r}@{created.isoformat()}".encode()) or 1


def file_id(file_type: str, serial: int, created: datetime) -> Message:
    """The file_id that opens a file RetroTimer writes."""
    return {
        "mesg_num": MESG_NUM["FILE_ID"],
        "type": file_type,
        "manufacturer": "development",
        "product": PRODUCT,
        "serial_number": serial,
        "time_created": created,
    }


def encode_workout(workout: Workout, created: datetime) -> bytes:
    """The workout as a FIT workout file for a running watch."""
    messages: list[Message] = [
        file_id("workout", file_serial(workout, created), created),
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


# Repeats that end on a condition the watch measures; RetroTimer runs the block once and
# says the condition in the note of its first step.
_CONDITIONAL_REPEAT = "repeat_until_"


def _hr_words(value: float) -> str:
    # FIT keeps heart rate as % of maximum up to 100, and beats a minute plus 100 above.
    return f"{value:g}% of max" if value <= 100 else f"{value - 100:g} bpm"


def _power_words(value: float) -> str:
    # FIT keeps power as % of FTP up to 1000, and watts plus 1000 above.
    return f"{value:g}% of FTP" if value <= 1000 else f"{value - 1000:g} W"


# What each condition measures: its field in a step and in a repeat, and how it is said.
_CONDITION_WORDS: dict[str, tuple[str, str, Any]] = {
    "hr": ("duration_hr", "repeat_hr", lambda side, v: f"heart rate {side} {_hr_words(v)}"),
    "power": (
        "duration_power",
        "repeat_power",
        lambda side, v: f"power {side} {_power_words(v)}",
    ),
    "calories": ("duration_calories", "repeat_calories", lambda _, v: f"{v:g} calories"),
    "time": ("", "repeat_time", lambda _, v: f"{v:g} s in all"),
    "distance": ("", "repeat_distance", lambda _, v: f"{v:g} m in all"),
    "reps": ("duration_reps", "", lambda _, v: f"{v:g} repetitions"),
}


def condition_words(kind: str, step: Message) -> str:
    """ "until heart rate below 125 bpm", "until 300 calories": a condition a watch measures."""
    repeat = kind.startswith(_CONDITIONAL_REPEAT)
    what = kind.removeprefix(_CONDITIONAL_REPEAT)
    side = "below" if what.endswith("less_than") else "above"
    measure = what.split("_")[0]
    known = _CONDITION_WORDS.get(measure)
    value = _number(step.get(known[1] if repeat else known[0])) if known else None
    if known is None or value is None:
        return f"until {what.replace('_', ' ')}"
    return f"until {known[2](side, value)}"


def _read_step(
    number: int,
    step: Message,
    own: dict[int, int],
    conditions: list[str],
    dropped: set[str],
    repeat_conditions: dict[int, str],
) -> WorkoutEntry:
    for field in ("target_type", "secondary_target_type"):
        target = step.get(field)
        if target not in (None, "open"):
            dropped.add(_TARGET_WORDS.get(str(target), str(target).replace("_", " ")))
    duration = str(step.get("duration_type"))
    if duration.startswith(_CONDITIONAL_REPEAT):
        back_to = _number(step.get("duration_step"))
        count = _number(step.get("repeat_steps"))
        if duration != "repeat_until_steps_cmplt":
            condition = condition_words(duration, step)
            conditions.append(f"step {number} repeats {condition}")
            if back_to is not None:
                repeat_conditions[int(back_to)] = f"Repeat {condition}"
            count = 1.0
        return RepeatStep(
            -1 if back_to is None else int(back_to), 0 if count is None else int(count)
        )
    developer = step.get("developer_fields")
    if not isinstance(developer, dict):
        developer = {}
    kind_code = developer.get(own[KIND_FIELD]) if KIND_FIELD in own else None
    steps = developer.get(own[STEPS_FIELD]) if STEPS_FIELD in own else None
    notes = _string(step.get("notes"))
    # A time with repetitions (a strength step) is run as its time.
    duration = "time" if duration == "repetition_time" else duration
    seconds = _number(step.get("duration_time"))
    metres = _number(step.get("duration_distance")) if duration == "distance" else None
    if duration not in ("time", "open", "distance"):
        # A condition the watch measures (heart rate, power, calories): the runner ends the
        # step, told the condition by its note.
        condition = condition_words(duration, step)
        conditions.append(f"step {number} lasts {condition}")
        notes = (
            f"{notes}. {condition[:1].upper()}{condition[1:]}" if notes else condition.capitalize()
        )
    return WorkoutStep(
        name=_string(step.get("wkt_step_name")),
        notes=notes,
        intensity=_intensity(step.get("intensity")),
        seconds=(seconds or 0.0) if duration == "time" else None,
        kind=_KINDS.get(kind_code) if isinstance(kind_code, int) else None,
        steps=steps if isinstance(steps, int) and not isinstance(steps, bool) else None,
        metres=(metres or 0.0) if duration == "distance" else None,
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
    ordered = sorted(
        messages.get("workout_step_mesgs", []),
        key=lambda step: _number(step.get("message_index")) or 0.0,
    )
    conditions: list[str] = []
    repeat_conditions: dict[int, str] = {}
    entries = [
        _read_step(number, step, own, conditions, dropped, repeat_conditions)
        for number, step in enumerate(ordered, start=1)
    ]
    for index, condition in repeat_conditions.items():
        first = entries[index] if 0 <= index < len(entries) else None
        if isinstance(first, WorkoutStep):
            notes = f"{first.notes}. {condition}" if first.notes else condition
            entries[index] = replace(first, notes=notes)
    for warning in (dropped_targets_warning(dropped), conditions_warning(conditions)):
        if warning is not None:
            problems.append(warning)
    parsed = Workout(_string(workout.get("wkt_name")), "", tuple(entries))
    return workout_to_template(parsed, default_name=default_name, problems=problems)
