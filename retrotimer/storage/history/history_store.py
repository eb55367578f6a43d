"""The session history in SQLite: recording as it happens, listing, reviewing, deleting, import."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from retrotimer.core.history.history_ports import ImportResult
from retrotimer.core.history.history_values import (
    FIRST_SHOWABLE_UTC_S,
    LAST_SHOWABLE_UTC_S,
    MAX_OFFSET_S,
    HistoryEntry,
    HistorySession,
    Pause,
    Review,
    SessionEnd,
    SessionStart,
    SessionTotals,
    plan_backward_s,
)
from retrotimer.core.history.program_ref import ProgramRef
from retrotimer.storage.history.figure_rows import FigureRows
from retrotimer.storage.history.history_database import (
    Connect,
    HistoryDatabase,
    UtcClock,
    connect_sqlite,
)
from retrotimer.storage.history.history_import import complete_session, insert_session
from retrotimer.storage.history.history_pauses import all_pauses, pauses_of, write_pause
from retrotimer.storage.history.history_rows import (
    SEGMENT_COLUMNS,
    SET_PROGRAM,
    SHOWABLE_SESSION_SQL,
    STATUSES,
    VENUES,
    order_by,
    program_values,
    segment_from_row,
    segment_values,
    showable_entry_row,
    showable_segment_row,
    write_review,
)
from retrotimer.storage.history.history_samples import add_samples, all_samples, session_samples

if TYPE_CHECKING:
    from retrotimer.core.history.session_figures import SessionFigures
    from retrotimer.core.history.session_order import SessionOrder
    from retrotimer.core.sensors.sensor_values import SensorSample
    from retrotimer.core.session.records import SegmentRecord

# In the order of HistoryEntry's fields, so a row becomes an entry without renaming.
_ENTRY_COLUMNS = """
    s.id, s.template_name, s.venue, s.started_utc, s.utc_offset_s, s.ended_utc, s.status,
    s.planned_s, s.active_s, s.backward_s, s.forward_s, s.backward_steps, s.longest_backward_s,
    s.rating, s.near_stumbles, s.notes, s.deleted_utc, s.test_run,
    s.program_name, s.program_week, s.program_session, s.program_lighter, s.dizzy_or_pain,
    s.dizzy, s.pain, s.planned_backward_s
"""
_PLAN_COLUMN = 26
_NUMBER = "typeof({}) IN ('integer', 'real') AND abs({}) < 1e15"
# The columns of SessionFigures, from rows that hold only what a session can: the checks run
# in SQLite, on the index, rather than in Python on every row.
_FIGURES_QUERY = f"""
    SELECT started_utc, id, utc_offset_s, status, backward_s, planned_backward_s, rating,
        near_stumbles, dizzy, pain, dizzy_or_pain, program_name, program_week, program_session,
        program_lighter
    FROM sessions INDEXED BY sessions_listed
    WHERE deleted_utc IS NULL AND test_run = 0
        AND status IN ('completed', 'stopped', 'interrupted')
        AND typeof(started_utc) IN ('integer', 'real') AND started_utc >= ?
        AND started_utc <= {LAST_SHOWABLE_UTC_S}
        AND typeof(utc_offset_s) = 'integer' AND abs(utc_offset_s) <= {MAX_OFFSET_S}
        AND typeof(id) = 'text'
        AND {_NUMBER.format("backward_s", "backward_s")}
        AND {_NUMBER.format("planned_backward_s", "planned_backward_s")}
        AND (rating IS NULL OR typeof(rating) = 'integer')
        AND (near_stumbles IS NULL OR typeof(near_stumbles) = 'integer')
        AND (program_name IS NULL OR (typeof(program_name) = 'text'
            AND typeof(program_week) = 'integer' AND typeof(program_session) = 'integer'))
    ORDER BY started_utc, id
"""
LEFT_OUT_NOTICE = (
    "{count} session(s) in the history hold values that cannot be shown (such as a date "
    "outside 1970-9999); they are left out here and kept in the file ({path})"
)


def _entry(row: Sequence[Any]) -> HistoryEntry:
    # Positional on purpose: the list of thousands of sessions is built at start-up.
    return HistoryEntry(
        row[0],
        row[1],
        VENUES[row[2]],
        row[3],
        row[4],
        row[5],
        STATUSES[row[6]],
        row[7],
        row[8],
        row[9],
        row[10],
        row[11],
        row[12],
        row[13],
        row[14],
        row[15],
        row[16],
        bool(row[17]),
        program=None if row[18] is None else ProgramRef(row[18], row[19], row[20], bool(row[21])),
        dizzy_or_pain=bool(row[22]),
        dizzy=bool(row[23]),
        pain=bool(row[24]),
        planned_backward_s=row[25],
    )


# The sessions `list_sessions` gives, for the queries that count, page and place them.
_LISTED = f"WHERE s.deleted_utc IS NULL AND {SHOWABLE_SESSION_SQL}"


def _listing(db: sqlite3.Connection) -> sqlite3.Connection:
    """The connection with the function that orders templates as Python's casefold does."""
    db.create_function(
        "casefold", 1, lambda text: text.casefold() if isinstance(text, str) else text
    )
    return db


class HistoryStore:
    """Implements HistoryRepository on one SQLite file (WAL).

    Every write is one transaction committed before the method returns. A read-only or full
    disk raises HistoryUnavailable and changes nothing; the same call may simply be repeated.
    """

    def __init__(
        self,
        path: Path,
        *,
        connect: Connect = connect_sqlite,
        wall_clock: UtcClock = time.time,
        synchronous: str = "FULL",
        repair: bool = True,
        read_only: bool = False,
    ) -> None:
        self.database = HistoryDatabase(
            path,
            connect=connect,
            wall_clock=wall_clock,
            synchronous=synchronous,
            repair=repair,
            read_only=read_only,
        )
        self._left_out = 0
        # Sessions this store began: under way, never a dead instance's to recover.
        self._begun: set[str] = set()

    @property
    def path(self) -> Path:
        return self.database.path

    def take_notices(self) -> list[str]:
        """What the user should be told: a damaged file moved aside, sessions left out of a
        reading because they cannot be shown."""
        notices = self.database.take_notices()
        if self._left_out:
            notices.append(LEFT_OUT_NOTICE.format(count=self._left_out, path=self.path))
            self._left_out = 0
        return notices

    def _shown(self, rows: list[Any]) -> list[Any]:
        """The rows that can be shown; how many were left out is told by take_notices."""
        kept = [row for row in rows if showable_entry_row(row)]
        self._left_out = len(rows) - len(kept)
        return kept

    def close(self) -> None:
        self.database.close()

    # ---- recording (HistoryWriter) ------------------------------------------------------
    def begin_session(self, start: SessionStart) -> None:
        with self.database.transaction() as db:
            db.execute(
                """
                INSERT INTO sessions (id, template_name, plan_json, venue, started_utc,
                    utc_offset_s, status, planned_s, updated_utc, test_run, planned_backward_s)
                VALUES (?, ?, ?, ?, ?, ?, 'running', ?, ?, ?, ?)
                ON CONFLICT (id) DO NOTHING
                """,
                (
                    start.session_id,
                    start.template_name,
                    start.plan_json,
                    start.venue.value,
                    start.started.utc_s,
                    start.started.offset_s,
                    start.planned_s,
                    start.started.utc_s,
                    int(start.test_run),
                    plan_backward_s(start.plan_json),
                ),
            )
            if start.program is not None:
                db.execute(SET_PROGRAM, (*program_values(start.program), start.session_id))
        self._begun.add(start.session_id)

    def record_segment(
        self, session_id: str, record: SegmentRecord, totals: SessionTotals, at_utc_s: float
    ) -> None:
        with self.database.transaction() as db:
            db.execute(
                f"""
                INSERT INTO segments (session_id, {SEGMENT_COLUMNS})
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (session_id, idx) DO UPDATE SET kind = excluded.kind,
                    label = excluded.label, planned_s = excluded.planned_s,
                    actual_s = excluded.actual_s, skipped = excluded.skipped,
                    steps = excluded.steps
                """,
                segment_values(session_id, record),
            )
            db.execute(
                """
                UPDATE sessions SET active_s = :active, backward_s = :backward,
                    forward_s = :forward, backward_steps = :steps, updated_utc = :at,
                    longest_backward_s = MAX(longest_backward_s, :visit)
                WHERE id = :id AND status = 'running'
                """,
                {
                    "id": session_id,
                    "active": totals.active_s,
                    "backward": totals.backward_s,
                    "forward": totals.forward_s,
                    "steps": totals.backward_steps,
                    "at": at_utc_s,
                    # A segment run again after Back adds its visits up in actual_s; the
                    # longest backward segment is the longest single visit.
                    "visit": record.longest_visit if record.kind.is_backward else 0.0,
                },
            )

    def record_pause(self, session_id: str, pause: Pause) -> None:
        with self.database.transaction() as db:
            write_pause(db, session_id, pause)

    def record_samples(self, session_id: str, samples: Sequence[SensorSample]) -> None:
        with self.database.transaction() as db:
            add_samples(db, session_id, samples)

    def end_session(self, session_id: str, end: SessionEnd) -> None:
        totals = end.totals
        with self.database.transaction() as db:
            db.execute(
                """
                UPDATE sessions SET status = ?, ended_utc = ?, active_s = ?, backward_s = ?,
                    forward_s = ?, backward_steps = ?, updated_utc = ?
                WHERE id = ?
                """,
                (
                    end.status.value,
                    end.ended.utc_s,
                    totals.active_s,
                    totals.backward_s,
                    totals.forward_s,
                    totals.backward_steps,
                    end.ended.utc_s,
                    session_id,
                ),
            )

    def recover_interrupted(self) -> list[HistoryEntry]:
        """Sessions left running by an instance that died become interrupted, with what was
        recorded (their end is the last write). Call only while holding the instance lock;
        sessions this store began are left running (the window recovers after its first
        paint, when a session may have begun)."""
        with self.database.transaction() as db:
            running = db.execute("SELECT id FROM sessions WHERE status = 'running'").fetchall()
            ids = [row[0] for row in running if row[0] not in self._begun]
            # Never before the start: an older RetroTimer wrote the times of a clock set back.
            db.executemany(
                "UPDATE sessions SET status = 'interrupted', "
                "ended_utc = MAX(updated_utc, started_utc) WHERE id = ?",
                [(i,) for i in ids],
            )
            rows = [
                db.execute(
                    f"SELECT {_ENTRY_COLUMNS} FROM sessions AS s WHERE s.id = ?", (i,)
                ).fetchone()
                for i in ids
            ]
        return [_entry(row) for row in self._shown(rows)]

    # ---- reading ---------------------------------------------------------------------
    def list_sessions(self, *, include_deleted: bool = False) -> list[HistoryEntry]:
        """Sessions newest first, without their segments."""
        where = "" if include_deleted else "WHERE s.deleted_utc IS NULL"
        with self.database.reading() as db:
            rows = db.execute(
                f"SELECT {_ENTRY_COLUMNS} FROM sessions AS s {where} "
                "ORDER BY s.started_utc DESC, s.id DESC"
            ).fetchall()
        return [_entry(row) for row in self._shown(rows)]

    def real_session_figures(
        self, since_utc_s: float = FIRST_SHOWABLE_UTC_S
    ) -> list[SessionFigures]:
        """The figures of the sessions really run (ended, not deleted, not test runs) that
        started from `since_utc_s` on, oldest first, read from the list's index alone. A row
        holding what no session can (a hand-edited file) is left out."""
        return self.real_session_rows(since_utc_s).figures()

    def real_session_rows(self, since_utc_s: float = FIRST_SHOWABLE_UTC_S) -> FigureRows:
        """The rows `real_session_figures` reads, not yet turned into figures."""
        with self.database.reading() as db:
            return FigureRows(db.execute(_FIGURES_QUERY, (since_utc_s,)).fetchall())

    def count_sessions(self) -> int:
        with self.database.reading() as db:
            return int(
                _listing(db).execute(f"SELECT COUNT(*) FROM sessions AS s {_LISTED}").fetchone()[0]
            )

    def session_page(self, order: SessionOrder, offset: int, limit: int) -> list[HistoryEntry]:
        with self.database.reading() as db:
            rows = (
                _listing(db)
                .execute(
                    f"SELECT {_ENTRY_COLUMNS} FROM sessions AS s {_LISTED} "
                    f"ORDER BY {order_by(order)} LIMIT ? OFFSET ?",
                    (limit, offset),
                )
                .fetchall()
            )
        return [_entry(row) for row in rows]

    def session_position(self, session_id: str, order: SessionOrder) -> int | None:
        with self.database.reading() as db:
            row = (
                _listing(db)
                .execute(
                    "SELECT position FROM (SELECT s.id AS id, "
                    f"ROW_NUMBER() OVER (ORDER BY {order_by(order)}) - 1 AS position "
                    f"FROM sessions AS s {_LISTED}) WHERE id = ?",
                    (session_id,),
                )
                .fetchone()
            )
        return None if row is None else int(row[0])

    def get_session(self, session_id: str) -> HistorySession | None:
        with self.database.reading() as db:
            row = db.execute(
                f"SELECT {_ENTRY_COLUMNS}, s.plan_json FROM sessions AS s WHERE s.id = ?",
                (session_id,),
            ).fetchone()
            if row is None or not self._shown([row]):
                return None
            segments = db.execute(
                f"SELECT {SEGMENT_COLUMNS} FROM segments WHERE session_id = ? ORDER BY idx",
                (session_id,),
            ).fetchall()
            pauses = pauses_of(db, session_id)
            samples = session_samples(db, session_id)
        return HistorySession(
            _entry(row),
            row[_PLAN_COLUMN],
            tuple(segment_from_row(s) for s in segments if showable_segment_row(s)),
            pauses,
            samples,
        )

    def all_sessions(self) -> list[HistorySession]:
        """Every session not deleted, with plan and segments, oldest first (for export)."""
        with self.database.reading() as db:
            rows = db.execute(
                f"SELECT {_ENTRY_COLUMNS}, s.plan_json FROM sessions AS s "
                "WHERE s.deleted_utc IS NULL ORDER BY s.started_utc, s.id"
            ).fetchall()
            segments: dict[str, list[SegmentRecord]] = {}
            for segment_row in db.execute(
                f"SELECT session_id, {SEGMENT_COLUMNS} FROM segments ORDER BY session_id, idx"
            ):
                if showable_segment_row(segment_row[1:]):
                    segments.setdefault(segment_row[0], []).append(
                        segment_from_row(segment_row[1:])
                    )
            pauses = all_pauses(db)
            samples = all_samples(db)
        return [
            HistorySession(
                _entry(row),
                row[_PLAN_COLUMN],
                tuple(segments.get(row[0], ())),
                pauses.get(row[0], ()),
                samples.get(row[0], ()),
            )
            for row in self._shown(rows)
            if isinstance(row[_PLAN_COLUMN], str)
        ]

    # ---- review, delete with undo ----------------------------------------------------
    def set_review(self, session_id: str, review: Review) -> None:
        """Save the whole review (every field at once); ValueError names a value out of
        range, KeyError an unknown session."""
        with self.database.transaction() as db:
            if write_review(db, session_id, review) == 0:
                raise KeyError(f"no session {session_id} in the history")

    def delete_session(self, session_id: str, at_utc_s: float) -> None:
        """Hide a session from the list and the statistics; `restore_session` undoes it."""
        self._update_one(
            "UPDATE sessions SET deleted_utc = ? WHERE id = ?", (at_utc_s, session_id), session_id
        )

    def restore_session(self, session_id: str) -> None:
        self._update_one(
            "UPDATE sessions SET deleted_utc = NULL WHERE id = ?", (session_id,), session_id
        )

    def purge_deleted(self) -> int:
        """Remove deleted sessions for good (when undo is no longer offered)."""
        with self.database.transaction() as db:
            return db.execute("DELETE FROM sessions WHERE deleted_utc IS NOT NULL").rowcount

    def _update_one(self, sql: str, values: tuple[Any, ...], session_id: str) -> None:
        with self.database.transaction() as db:
            if db.execute(sql, values).rowcount == 0:
                raise KeyError(f"no session {session_id} in the history")

    # ---- import ----------------------------------------------------------------------
    def import_sessions(self, sessions: Iterable[HistorySession]) -> ImportResult:
        """Add sessions in one transaction. A session already present is completed from the
        import (segments it lacks, a later end, a review it has none of: what a backup of a
        session the disk refused part-way holds); one with nothing to add is skipped."""
        added = skipped = completed = segments_added = 0
        with self.database.transaction() as db:
            for session in sessions:
                if insert_session(db, session):
                    added += 1
                    continue
                gained = complete_session(db, session)
                if gained is None:
                    skipped += 1
                else:
                    completed += 1
                    segments_added += gained
        return ImportResult(added, skipped, completed, segments_added)
