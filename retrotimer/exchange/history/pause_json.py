"""A session's pauses in the JSON history export: `[{"start": ISO, "end": ISO or null}]`."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import TYPE_CHECKING, Any

from retrotimer.core.history.history_values import (
    Pause,
    showable,
)
from retrotimer.core.templates.text_rules import shown_value

if TYPE_CHECKING:
    from retrotimer.core.history.wall_time import WallTime


def _iso(utc_s: float, offset_s: int) -> str:
    return datetime.fromtimestamp(utc_s, timezone(timedelta(seconds=offset_s))).isoformat()


def pauses_to_json(pauses: tuple[Pause, ...], offset_s: int) -> list[dict[str, Any]]:
    """Each pause in the local time of the session's start, as its other times are."""
    return [
        {
            "start": _iso(pause.start_utc_s, offset_s),
            "end": _iso(pause.end_utc_s, offset_s) if pause.end_utc_s is not None else None,
        }
        for pause in pauses
    ]


def _moment(value: object) -> float | None:
    try:
        parsed = datetime.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None
    if parsed is None or parsed.utcoffset() is None:
        return None
    try:
        utc_s = parsed.timestamp()
    except (OverflowError, ValueError):
        return None
    return utc_s if showable(utc_s) else None


def _pause(item: object, where: str, problems: list[str]) -> Pause | None:
    if not isinstance(item, dict):
        problems.append(f"{where}: expected an object")
        return None
    start = _moment(item.get("start"))
    if start is None:
        problems.append(
            f"{where}: start must be a date and time with its UTC offset, "
            f"not {shown_value(item.get('start'))}"
        )
        return None
    end = None if item.get("end") is None else _moment(item.get("end"))
    if item.get("end") is not None and end is None:
        problems.append(
            f"{where}: end must be null or a date and time with its UTC offset, "
            f"not {shown_value(item.get('end'))}"
        )
        return None
    if end is not None and end < start:
        problems.append(f"{where}: end is before its start ({shown_value(item.get('end'))})")
        return None
    return Pause(start, end)


def pauses_from_json(
    value: Any, where: str, problems: list[str], started: WallTime | None, ended: WallTime | None
) -> tuple[Pause, ...]:
    """The session's "pauses" (missing in files from before they were kept: none), in order.
    A pause outside the session, or one that overlaps another, is a problem named by place."""
    if value is None:
        return ()
    if not isinstance(value, list):
        problems.append(f"{where}: pauses must be a list")
        return ()
    found: list[Pause] = []
    for number, item in enumerate(value, start=1):
        place = f"{where} > pause {number}"
        pause = _pause(item, place, problems)
        if pause is None:
            continue
        last = pause.end_utc_s if pause.end_utc_s is not None else pause.start_utc_s
        if started is not None and pause.start_utc_s < started.utc_s:
            problems.append(f"{place}: starts before the session")
        elif ended is not None and last > ended.utc_s:
            problems.append(f"{place}: ends after the session")
        else:
            found.append(pause)
    found.sort(key=lambda pause: pause.start_utc_s)
    for before, after in zip(found, found[1:], strict=False):
        if before.end_utc_s is None or before.end_utc_s > after.start_utc_s:
            problems.append(f"{where}: pauses overlap (one ends after the next begins)")
            break
    return tuple(found)
