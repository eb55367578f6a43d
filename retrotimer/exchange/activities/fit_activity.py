"""A finished session as a FIT activity file: running, one lap per segment, no GPS."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from retrotimer import __version__
from retrotimer.core.model import Venue
from retrotimer.exchange.fit_messages import (
    KIND_FIELD,
    LABEL_FIELD,
    MESG_NUM,
    Message,
    encode_messages,
    fit_local_time,
)
from retrotimer.exchange.workouts.fit_workout import (
    KIND_CODES,
    PRODUCT,
    STEP_NAME_BYTES,
    WORKOUT_NAME_BYTES,
    file_id,
    file_serial,
    fit_text,
)

if TYPE_CHECKING:
    from retrotimer.core.exchange.activity import Activity, Lap
    from retrotimer.core.sensors.sensor_values import SensorSample

# Where the session was run, as FIT's running sub-sports say it.
SUB_SPORT = {Venue.TREADMILL: "treadmill", Venue.TRACK: "track", Venue.ANY: "generic"}
# FIT keeps a software version as one number, major x 100 + minor (3.40 is 340, 0.1 is 1).
_MAJOR, _MINOR = (int(part) for part in __version__.split(".")[:2])
SOFTWARE_VERSION = _MAJOR * 100 + _MINOR
# The order of messages at one moment: the timer starts, a record is taken, the timer stops,
# then the lap it closed is written (as watches write them).
_START, _RECORD, _STOP, _LAP = range(4)
FIT_MAX_HEART_RATE = 254  # a uint8 field; 255 means "no value"


def _moment(activity: Activity, offset_s: float) -> datetime:
    return datetime.fromtimestamp(activity.started_utc_s, UTC) + timedelta(seconds=offset_s)


def _event(activity: Activity, offset_s: float, event_type: str) -> Message:
    return {
        "mesg_num": MESG_NUM["EVENT"],
        "timestamp": _moment(activity, offset_s),
        "event": "timer",
        "event_type": event_type,
        "event_group": 0,
    }


def _record(activity: Activity, offset_s: float, sample: SensorSample | None) -> Message:
    """A record, with what the sensors said then. FIT counts a runner's cadence in strides
    (one foot) a minute, the half steps in `fractional_cadence`."""
    record: Message = {"mesg_num": MESG_NUM["RECORD"], "timestamp": _moment(activity, offset_s)}
    if sample is not None:
        if sample.heart_rate is not None:
            record["heart_rate"] = min(sample.heart_rate, FIT_MAX_HEART_RATE)
        if sample.cadence_spm is not None:
            record["cadence"] = sample.cadence_spm // 2
            record["fractional_cadence"] = (sample.cadence_spm % 2) / 2
        if sample.speed_m_s is not None:
            record["speed"] = round(sample.speed_m_s, 3)
    return record


def lap_ends(activity: Activity) -> list[float]:
    """Where each lap ends on the wall clock: where the next begins (a stop inside a lap is
    part of it), the last at the activity's end."""
    starts = [lap.start_s for lap in activity.laps]
    return [*starts[1:], activity.elapsed_s] if starts else []


def _lap(activity: Activity, index: int, lap: Lap, end_s: float) -> Message:
    return {
        "mesg_num": MESG_NUM["LAP"],
        "message_index": index,
        "timestamp": _moment(activity, end_s),
        "start_time": _moment(activity, lap.start_s),
        "total_elapsed_time": round(end_s - lap.start_s, 3),
        "total_timer_time": round(lap.seconds, 3),
        "event": "lap",
        "event_type": "stop",
        "lap_trigger": "manual" if lap.skipped else "time",
        "sport": "running",
        "sub_sport": SUB_SPORT[activity.venue],
        "intensity": lap.intensity.value,
        # The step this lap ran: logs show that step's name (the segment's label) on the lap.
        "wkt_step_index": index,
        "developer_fields": {
            KIND_FIELD: KIND_CODES[lap.kind],
            LABEL_FIELD: fit_text(lap.label, STEP_NAME_BYTES) or lap.kind.label,
        },
    }


def _workout(activity: Activity) -> list[Message]:
    """The session as the workout a watch would have run: one timed step per lap, named by
    the segment's label, which is how training logs learn a lap's name."""
    steps: list[Message] = [
        {
            "mesg_num": MESG_NUM["WORKOUT_STEP"],
            "message_index": index,
            "wkt_step_name": fit_text(lap.label, STEP_NAME_BYTES) or lap.kind.label,
            "duration_type": "time",
            "duration_value": round(lap.seconds * 1000),
            "target_type": "open",
            "intensity": lap.intensity.value,
        }
        for index, lap in enumerate(activity.laps)
    ]
    workout: Message = {
        "mesg_num": MESG_NUM["WORKOUT"],
        "wkt_name": fit_text(activity.name, WORKOUT_NAME_BYTES),
        "sport": "running",
        "sub_sport": SUB_SPORT[activity.venue],
        "num_valid_steps": len(steps),
    }
    return [workout, *steps]


def _creator(activity: Activity, serial: int) -> list[Message]:
    """Who wrote the file: RetroTimer, as the creator device and its software version."""
    return [
        {"mesg_num": MESG_NUM["FILE_CREATOR"], "software_version": SOFTWARE_VERSION},
        {
            "mesg_num": MESG_NUM["DEVICE_INFO"],
            "timestamp": _moment(activity, 0.0),
            "device_index": "creator",
            "manufacturer": "development",
            "product": PRODUCT,
            "product_name": "RetroTimer",
            "serial_number": serial,
            "software_version": SOFTWARE_VERSION / 100,
        },
    ]


def _timeline(activity: Activity) -> list[Message]:
    """Timer events, records and laps in the order of their moments: time never goes back."""
    timed: list[tuple[float, int, Message]] = []
    spans = activity.running_spans()
    for number, (start, stop) in enumerate(spans):
        timed.append((start, _START, _event(activity, start, "start")))
        last = number == len(spans) - 1
        timed.append((stop, _STOP, _event(activity, stop, "stop_all" if last else "stop")))
    moments = activity.record_times()
    timed += [
        (moment, _RECORD, _record(activity, moment, sample))
        for moment, sample in zip(moments, activity.readings_at(moments), strict=True)
    ]
    timed += [
        (lap_end, _LAP, _lap(activity, index, lap, lap_end))
        for index, (lap, lap_end) in enumerate(zip(activity.laps, lap_ends(activity), strict=True))
    ]
    timed.sort(key=lambda entry: (round(entry[0], 6), entry[1]))
    return [message for _, _, message in timed]


def encode_activity(activity: Activity) -> bytes:
    """The FIT activity file: who wrote it, the workout run, then timer events, a record at
    least every 5 s while the timer runs and a lap per segment in time order, the session
    and the activity."""
    end = activity.elapsed_s
    created = _moment(activity, 0.0)
    serial = file_serial(activity, created)
    messages: list[Message] = [file_id("activity", serial, created)]
    messages += _creator(activity, serial)
    messages += _workout(activity)
    messages += _timeline(activity)
    messages.append(
        {
            "mesg_num": MESG_NUM["SESSION"],
            "message_index": 0,
            "timestamp": _moment(activity, end),
            "start_time": _moment(activity, 0.0),
            "total_elapsed_time": round(end, 3),
            "total_timer_time": round(activity.timer_s, 3),
            "sport": "running",
            "sub_sport": SUB_SPORT[activity.venue],
            "first_lap_index": 0,
            "num_laps": len(activity.laps),
            "event": "session",
            "event_type": "stop",
            "trigger": "activity_end",
        }
    )
    messages.append(
        {
            "mesg_num": MESG_NUM["ACTIVITY"],
            "timestamp": _moment(activity, end),
            "local_timestamp": fit_local_time(activity.started_utc_s + end, activity.utc_offset_s),
            "total_timer_time": round(activity.timer_s, 3),
            "num_sessions": 1,
            "type": "manual",
            "event": "activity",
            "event_type": "stop",
        }
    )
    return encode_messages(messages, developer_fields=True)
