"""Import into the history: a new session is inserted; one already there is completed."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Any

from retrotimer.core.history.history_values import (
    HistorySession,
    Review,
    SessionStatus,
    longest_backward,
    plan_backward_s,
)
from retrotimer.storage.history.history_pauses import add_pauses
from retrotimer.storage.history.history_rows import (
    BACKWARD_KINDS,
    SEGMENT_COLUMNS,
    SET_PROGRAM,
    STATUSES,
    program_values,
    segment_values,
    write_review,
)
from retrotimer.storage.history.history_samples import add_samples

# How far along a status is: an import may move a session forward, never back.
_STATUS_RANK = {
    SessionStatus.RUNNING: 0,
    SessionStatus.INTERRUPTED: 1,
    SessionStatus.STOPPED: 2,
    SessionStatus.COMPLETED: 2,
}


def insert_session(db: sqlite3.Connection, session: HistorySession) -> bool:
    """Insert a session that is not there yet, with its segments; False if its id is."""
    entry = session.entry
    cursor = db.execute(
        """
        INSERT INTO sessions (id, template_name, plan_json, venue, started_utc,
            utc_offset_s, ended_utc, status, planned_s, active_s, backward_s,
            forward_s, backward_steps, longest_backward_s, updated_utc, deleted_utc,
            test_run, planned_backward_s)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (id) DO NOTHING
        """,
        (
            entry.session_id,
            entry.template_name,
            session.plan_json,
            entry.venue.value,
            entry.started_utc_s,
            entry.utc_offset_s,
            entry.ended_utc_s,
            entry.status.value,
            entry.planned_s,
            entry.active_s,
            entry.backward_s,
            entry.forward_s,
            entry.backward_steps,
            longest_backward(session.segments),
            entry.ended_utc_s or entry.started_utc_s,
            entry.deleted_utc_s,
            int(entry.test_run),
            plan_backward_s(session.plan_json),
        ),
    )
    if cursor.rowcount == 0:
        return False
    db.execute(SET_PROGRAM, (*program_values(entry.program), entry.session_id))
    write_review(db, entry.session_id, entry.review)
    db.executemany(
        f"INSERT INTO segments (session_id, {SEGMENT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [segment_values(entry.session_id, record) for record in session.segments],
    )
    add_pauses(db, entry.session_id, session.pauses)
    add_samples(db, entry.session_id, session.samples)
    return True


def complete_session(db: sqlite3.Connection, session: HistorySession) -> int | None:
    """Add to a session already in the history what the import knows and it lacks; the
    number of segments added, or None when nothing changed. What is there is kept: a
    segment already recorded, a later status, a review field already given. Pauses and
    sensor samples it lacks are added, and a pause without an end gets the import's."""
    entry = session.entry
    row = db.execute(
        "SELECT status, ended_utc, active_s, rating, near_stumbles, notes, dizzy, pain, "
        "dizzy_or_pain FROM sessions WHERE id = ?",
        (entry.session_id,),
    ).fetchone()
    status, ended_utc, active_s = row[:3]
    stored = _stored_review(row[3:])
    review_gained = False
    if stored is not None:
        review = _completed_review(stored, entry.review)
        if review != stored:
            write_review(db, entry.session_id, review)
            review_gained = True
    gained = 0
    for record in session.segments:
        gained += db.execute(
            f"INSERT INTO segments (session_id, {SEGMENT_COLUMNS}) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (session_id, idx) DO NOTHING",
            segment_values(entry.session_id, record),
        ).rowcount
    pauses_gained = add_pauses(db, entry.session_id, session.pauses)
    samples_gained = add_samples(db, entry.session_id, session.samples)
    stored_status = STATUSES.get(status, SessionStatus.RUNNING)
    further = _STATUS_RANK[entry.status] > _STATUS_RANK[stored_status]
    changes: dict[str, Any] = {}
    if further:
        changes["status"] = entry.status.value
        changes["ended_utc"] = entry.ended_utc_s
    elif ended_utc is None and entry.ended_utc_s is not None:
        changes["ended_utc"] = entry.ended_utc_s
    if (further or gained) and entry.active_s > (active_s or 0):
        changes.update(
            active_s=entry.active_s,
            backward_s=entry.backward_s,
            forward_s=entry.forward_s,
            backward_steps=entry.backward_steps,
        )
    if not (changes or gained or pauses_gained or samples_gained or review_gained):
        return None
    assignments = "".join(f"{column} = :{column}, " for column in changes)
    db.execute(
        f"""
        UPDATE sessions SET {assignments}
            updated_utc = MAX(updated_utc, COALESCE(:ended, updated_utc)),
            longest_backward_s = (
                SELECT COALESCE(MAX(actual_s), 0) FROM segments
                WHERE session_id = :id AND kind IN ({BACKWARD_KINDS}))
        WHERE id = :id
        """,
        {**changes, "ended": entry.ended_utc_s, "id": entry.session_id},
    )
    return gained


def _stored_review(row: Sequence[Any]) -> Review | None:
    """The review a session row holds; None when a hand-edited file put values there that no
    review can have (such a row is kept as it is)."""
    rating, near_stumbles, notes, dizzy, pain, dizzy_or_pain = row
    whole = all(
        value is None or (isinstance(value, int) and not isinstance(value, bool))
        for value in (rating, near_stumbles)
    )
    if not whole or not isinstance(notes, str):
        return None
    review = Review(rating, near_stumbles, notes, bool(dizzy), bool(pain), bool(dizzy_or_pain))
    return None if review.problems() else review


def _completed_review(stored: Review, imported: Review) -> Review:
    """The stored review with what it lacks from the imported one: a rating, near-stumbles
    or notes it has none of, and the imported reports of dizziness or pain when it has none.
    Nothing given is ever taken away."""
    reports = imported if not stored.felt_unwell else stored
    return Review(
        rating=stored.rating if stored.rating is not None else imported.rating,
        near_stumbles=(
            stored.near_stumbles if stored.near_stumbles is not None else imported.near_stumbles
        ),
        notes=stored.notes or imported.notes,
        dizzy=reports.dizzy,
        pain=reports.pain,
        dizzy_or_pain=reports.dizzy_or_pain,
    )
