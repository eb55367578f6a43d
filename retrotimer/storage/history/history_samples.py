"""A session's sensor samples as rows of the history database: written in batches, read in order."""

from __future__ import annotations

import math
import sqlite3
from collections.abc import Iterable, Sequence
from typing import Any

from retrotimer.core.history.history_values import showable
from retrotimer.core.sensors.sensor_values import SensorSample

_INSERT = """
    INSERT INTO samples (session_id, utc, segment, heart_rate, cadence, speed)
    VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (session_id, utc) DO NOTHING
"""
_COLUMNS = "utc, segment, heart_rate, cadence, speed"


def _whole_or_none(value: Any) -> bool:
    return value is None or (isinstance(value, int) and not isinstance(value, bool))


def showable_sample_row(row: Sequence[Any]) -> bool:
    """A row a hand edit may have spoiled is left out, never a crash."""
    speed = row[4]
    return (
        showable(row[0])
        and isinstance(row[1], int)
        and _whole_or_none(row[2])
        and _whole_or_none(row[3])
        and (speed is None or (isinstance(speed, int | float) and math.isfinite(speed)))
    )


def _sample(row: Sequence[Any]) -> SensorSample:
    speed = None if row[4] is None else float(row[4])
    return SensorSample(float(row[0]), row[1], row[2], row[3], speed)


def add_samples(db: sqlite3.Connection, session_id: str, samples: Iterable[SensorSample]) -> int:
    """Add the samples the session lacks (one a moment); how many rows were added."""
    return sum(
        db.execute(
            _INSERT,
            (
                session_id,
                sample.utc_s,
                sample.segment,
                sample.heart_rate,
                sample.cadence_spm,
                sample.speed_m_s,
            ),
        ).rowcount
        for sample in samples
    )


def session_samples(db: sqlite3.Connection, session_id: str) -> tuple[SensorSample, ...]:
    rows = db.execute(
        f"SELECT {_COLUMNS} FROM samples WHERE session_id = ? ORDER BY utc", (session_id,)
    )
    return tuple(_sample(row) for row in rows if showable_sample_row(row))


def all_samples(db: sqlite3.Connection) -> dict[str, tuple[SensorSample, ...]]:
    """Every session's samples in order, by session id (for export)."""
    found: dict[str, list[SensorSample]] = {}
    for row in db.execute(f"SELECT session_id, {_COLUMNS} FROM samples ORDER BY session_id, utc"):
        if showable_sample_row(row[1:]):
            found.setdefault(row[0], []).append(_sample(row[1:]))
    return {session_id: tuple(samples) for session_id, samples in found.items()}
