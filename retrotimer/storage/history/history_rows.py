"""How sessions and segments are rows of the history database, and which rows can be shown."""

from __future__ import annotations

import math
import sqlite3
import sys
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from retrotimer.core.history.history_values import (
    FIRST_SHOWABLE_UTC_S,
    LAST_SHOWABLE_UTC_S,
    MAX_OFFSET_S,
    Review,
    SessionStatus,
    showable,
)
from retrotimer.core.history.session_order import SessionKey, SessionOrder
from retrotimer.core.model import SegmentKind, Venue
from retrotimer.core.session.records import SegmentRecord

if TYPE_CHECKING:
    from retrotimer.core.history.program_ref import ProgramRef

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
        and _number(row[25])
    )


def _number_sql(column: str) -> str:
    # REAL can hold infinities (never NaN: SQLite stores it as NULL).
    top = sys.float_info.max
    return f"(typeof({column}) IN ('integer', 'real') AND {column} BETWEEN {-top!r} AND {top!r})"


def _moment_sql(column: str) -> str:
    low, high = FIRST_SHOWABLE_UTC_S, LAST_SHOWABLE_UTC_S
    return f"(typeof({column}) IN ('integer', 'real') AND {column} BETWEEN {low!r} AND {high!r})"


def _one_of_sql(column: str, values: Iterable[str]) -> str:
    listed = ", ".join(f"'{value}'" for value in values)
    return f"(typeof({column}) = 'text' AND {column} IN ({listed}))"


# `showable_entry_row` in SQL, for the queries that count, page and place sessions without
# reading every row into Python; a test holds the two to the same answer for every column.
SHOWABLE_SESSION_SQL = " AND ".join(
    (
        "typeof(s.id) = 'text'",
        "typeof(s.template_name) = 'text'",
        _one_of_sql("s.venue", VENUES),
        _moment_sql("s.started_utc"),
        f"typeof(s.utc_offset_s) = 'integer' AND s.utc_offset_s BETWEEN {-MAX_OFFSET_S} "
        f"AND {MAX_OFFSET_S}",
        f"(s.ended_utc IS NULL OR {_moment_sql('s.ended_utc')})",
        _one_of_sql("s.status", STATUSES),
        *(
            _number_sql(f"s.{name}")
            for name in ("planned_s", "active_s", "backward_s", "forward_s")
        ),
        "typeof(s.backward_steps) = 'integer'",
        _number_sql("s.longest_backward_s"),
        "(s.rating IS NULL OR typeof(s.rating) = 'integer')",
        "(s.near_stumbles IS NULL OR typeof(s.near_stumbles) = 'integer')",
        "typeof(s.notes) = 'text'",
        f"(s.deleted_utc IS NULL OR {_number_sql('s.deleted_utc')})",
        "s.test_run IN (0, 1)",
        _number_sql("s.planned_backward_s"),
    )
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


# The History list's orders; sessions that tie on the key stay newest first. `casefold` is
# Python's, registered on the connection by the store.
_ORDER_TERMS = {
    SessionKey.STARTED: ("s.started_utc",),
    SessionKey.TEMPLATE: ("casefold(s.template_name)",),
    SessionKey.ACTIVE: ("s.active_s",),
    SessionKey.BACKWARD: ("s.backward_s",),
    SessionKey.STATUS: (
        "CASE s.status "
        + " ".join(
            f"WHEN '{status.value}' THEN {rank}" for rank, status in enumerate(SessionStatus)
        )
        + " END",
        "s.test_run",
    ),
    SessionKey.RATING: ("COALESCE(s.rating, 0)",),
}


def order_by(order: SessionOrder) -> str:
    """The ORDER BY terms of a list of sessions (aliased `s`) in `order`."""
    way = "DESC" if order.descending else "ASC"
    terms = [f"{term} {way}" for term in _ORDER_TERMS[order.key]]
    if order.key is SessionKey.STARTED:
        return ", ".join([*terms, f"s.id {way}"])
    return ", ".join([*terms, "s.started_utc DESC", "s.id DESC"])


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
