"""How sessions and segments are rows of the history database, and which rows can be shown."""

from __future__ import annotations

import math
import sqlite3
from collections.abc import Sequence
from typing import Any

from retrotimer.core.history.history_values import Review, SessionStatus, showable
from retrotimer.core.history.program_ref import ProgramRef
from retrotimer.core.model import SegmentKind, Venue
from retrotimer.core.session.records import SegmentRecord

BACKWARD_KINDS = ", ".join(f"'{kind.value}'" for kind in SegmentKind if kind.is_backward)
SEGMENT_COLUMNS = "idx, kind, label, planned_s, actual_s, skipped, steps"
STATUSES = {status.value: status for status in SessionStatus}
VENUES = {venue.value: venue for venue in Venue}
_KINDS = {kind.value for kind in SegmentKind}


# The program a session was run for, set after the row is inserted (recording and import).
SET_PROGRAM = (
    "UPDATE sessions SET program_name = ?, program_week = ?, program_session = ?, "
    "program_lighter = ? WHERE id = ?"
)
# Every field of a review, written together and only together: a review is never written in
# part, so no field can be lost by a write that did not know of it.
_SET_REVIEW = (
    "UPDATE sessions SET rating = ?, near_stumbles = ?, notes = ?, dizzy = ?, pain = ?, "
    "dizzy_or_pain = ? WHERE id = ?"
)


def write_review(db: sqlite3.Connection, session_id: str, review: Review) -> int:
    """Write the whole review of a session; how many rows it changed (0: no such session).
    ValueError names a value out of range, and nothing is written."""
    problems = review.problems()
    if problems:
        raise ValueError("; ".join(problems))
    values = (
        review.rating,
        review.near_stumbles,
        review.notes,
        int(review.dizzy),
        int(review.pain),
        int(review.dizzy_or_pain),
        session_id,
    )
    return db.execute(_SET_REVIEW, values).rowcount


def program_values(ref: ProgramRef | None) -> tuple[Any, ...]:
    """The program columns of a session: name, week, session, lighter."""
    if ref is None:
        return (None, None, None, 0)
    return (ref.name, ref.week, ref.session, int(ref.lighter))


def _number(value: Any) -> bool:
    return not isinstance(value, bool) and isinstance(value, int | float) and math.isfinite(value)


def _optional_whole(value: Any) -> bool:
    return value is None or (isinstance(value, int) and not isinstance(value, bool))


def showable_entry_row(row: Sequence[Any]) -> bool:
    """True when a session row holds only what the list, the export and the statistics can
    show. A file edited by hand or by another program can hold anything; such a row is left
    out of what is shown (and kept in the file), never a reason for a crash."""
    return (
        isinstance(row[0], str)
        and isinstance(row[1], str)
        and row[2] in VENUES
        and showable(row[3], row[4])
        and (row[5] is None or showable(row[5], row[4]))
        and row[6] in STATUSES
        and all(_number(value) for value in row[7:11])
        and isinstance(row[11], int)
        and _number(row[12])
        and _optional_whole(row[13])
        and _optional_whole(row[14])
        and isinstance(row[15], str)
        and (row[16] is None or _number(row[16]))
        and row[17] in (0, 1)
    )


def showable_segment_row(row: Sequence[Any]) -> bool:
    return (
        isinstance(row[0], int)
        and row[1] in _KINDS
        and isinstance(row[2], str)
        and _number(row[3])
        and _number(row[4])
        and _optional_whole(row[6])
    )


def segment_from_row(row: Sequence[Any]) -> SegmentRecord:
    return SegmentRecord(
        index=row[0],
        kind=SegmentKind(row[1]),
        label=row[2],
        planned_s=row[3],
        actual_s=row[4],
        skipped=bool(row[5]),
        steps=row[6],
    )


def segment_values(session_id: str, record: SegmentRecord) -> tuple[Any, ...]:
    return (
        session_id,
        record.index,
        record.kind.value,
        record.label,
        record.planned_s,
        record.actual_s,
        int(record.skipped),
        record.steps,
    )
