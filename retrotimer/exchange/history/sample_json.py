"""A session's sensor samples in the JSON history export: seconds after the start, the
segment, and each value heard (`[{"at_s": 1.0, "segment": 0, "heart_rate": 120}]`)."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from retrotimer.core.sensors.sensor_values import SensorSample
from retrotimer.core.templates.text_rules import shown_value

if TYPE_CHECKING:
    from retrotimer.core.history.wall_time import WallTime

# The whole values of a sample, by their names in the file, with the range each may have
# (as the history database holds them).
_VALUES = (("heart_rate", 1, 65535), ("cadence", 0, 255))


def samples_to_json(samples: tuple[SensorSample, ...], started_utc_s: float) -> list[Any]:
    """Each sample with the values heard (a value not heard is left out)."""
    out: list[Any] = []
    for sample in samples:
        item: dict[str, Any] = {
            "at_s": round(sample.utc_s - started_utc_s, 3),
            "segment": sample.segment,
        }
        for name, value in (
            ("heart_rate", sample.heart_rate),
            ("cadence", sample.cadence_spm),
            ("speed_m_s", sample.speed_m_s),
        ):
            if value is not None:
                item[name] = value
        out.append(item)
    return out


def _whole(value: object, low: int, high: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high


def _sample(
    item: object, where: str, started: WallTime, problems: list[str]
) -> SensorSample | None:
    if not isinstance(item, dict):
        problems.append(f"{where}: expected an object")
        return None
    at_s, segment, speed = item.get("at_s"), item.get("segment"), item.get("speed_m_s")
    if isinstance(at_s, bool) or not isinstance(at_s, int | float) or not math.isfinite(at_s):
        problems.append(f"{where}: at_s must be seconds after the start, not {shown_value(at_s)}")
        return None
    if at_s < 0:
        problems.append(f"{where}: at_s is before the session ({shown_value(at_s)})")
        return None
    if not isinstance(segment, int) or not _whole(segment, 0, 10**6):
        problems.append(f"{where}: segment must be a whole number, not {shown_value(segment)}")
        return None
    for name, low, high in _VALUES:
        if item.get(name) is not None and not _whole(item.get(name), low, high):
            problems.append(
                f"{where}: {name} must be a whole number {low}-{high}, "
                f"not {shown_value(item.get(name))}"
            )
            return None
    if speed is not None and (
        isinstance(speed, bool)
        or not isinstance(speed, int | float)
        or not math.isfinite(speed)
        or speed < 0
    ):
        problems.append(f"{where}: speed_m_s must be a number from 0, not {shown_value(speed)}")
        return None
    return SensorSample(
        started.utc_s + at_s,
        segment,
        item.get("heart_rate"),
        item.get("cadence"),
        None if speed is None else float(speed),
    )


def samples_from_json(
    value: Any, where: str, problems: list[str], started: WallTime | None
) -> tuple[SensorSample, ...]:
    """The session's "samples" (missing in files from before they were kept: none), in
    order of time; a sample that is not one is a problem named by its place."""
    if value is None or started is None:
        return ()
    if not isinstance(value, list):
        problems.append(f"{where}: samples must be a list")
        return ()
    found = [
        _sample(item, f"{where} > sample {number}", started, problems)
        for number, item in enumerate(value, start=1)
    ]
    return tuple(sorted((s for s in found if s is not None), key=lambda s: s.utc_s))
