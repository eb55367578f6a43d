"""A session's pauses as rows of the history database: written as they happen, read in order."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from typing import Any

from retrotimer.core.history.history_values import Pause, showable

_UPSERT = """
    INSERT INTO pauses (session_id, start_utc, end_utc) VALUES (?, ?, ?)
    ON CONFLICT (session_id, start_utc) DO UPDATE SET end_utc = excluded.end_utc
    WHERE pauses.end_utc IS NULL AND excluded.end_utc IS NOT NULL
"""


def showable_pause_row(row: Sequence[Any]) -> bool:
    """A row a hand edit or another program may have spoiled is left out, never a crash."""
    return showable(row[0]) and (row[1] is None or (showable(row[1]) and row[1] >= row[0]))


def write_pause(db: sqlite3.Connection, session_id: str, pause: Pause) -> None:
    """Add the pause, or give the one of the same start its end (an end once written stays).

    The session's last write moves to the pause, so a session that dies while paused is
    taken as ended where its last pause began (see recover_interrupted)."""
    db.execute(_UPSERT, (session_id, pause.start_utc_s, pause.end_utc_s))
    db.execute(
        "UPDATE sessions SET updated_utc = MAX(updated_utc, ?) WHERE id = ? AND status = 'running'",
        (pause.end_utc_s if pause.end_utc_s is not None else pause.start_utc_s, session_id),
    )


def add_pauses(db: sqlite3.Connection, session_id: str, pauses: Iterable[Pause]) -> int:
    """Add the pauses the session lacks (and ends it lacks); how many rows changed."""
    return sum(
        db.execute(_UPSERT, (session_id, pause.start_utc_s, pause.end_utc_s)).rowcount
        for pause in pauses
    )


def pauses_of(db: sqlite3.Connection, session_id: str) -> tuple[Pause, ...]:
    rows = db.execute(
        "SELECT start_utc, end_utc FROM pauses WHERE session_id = ? ORDER BY start_utc",
        (session_id,),
    )
    return tuple(Pause(row[0], row[1]) for row in rows if showable_pause_row(row))


def all_pauses(db: sqlite3.Connection) -> dict[str, tuple[Pause, ...]]:
    """Every session's pauses in order, by session id (for export)."""
    found: dict[str, list[Pause]] = {}
    for row in db.execute(
        "SELECT session_id, start_utc, end_utc FROM pauses ORDER BY session_id, start_utc"
    ):
        if showable_pause_row(row[1:]):
            found.setdefault(row[0], []).append(Pause(row[1], row[2]))
    return {session_id: tuple(pauses) for session_id, pauses in found.items()}
