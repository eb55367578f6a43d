"""Pauses in the history file: written as they happen, completed, read, migrated, merged."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from retrotimer.core.history.history_values import (
    Pause,
    SessionEnd,
    SessionStatus,
    SessionTotals,
)
from retrotimer.core.history.wall_time import WallTime
from retrotimer.core.model import SegmentKind
from retrotimer.core.value import replace
from retrotimer.exchange.history.history_files import read_import_file, save_unsaved
from retrotimer.storage.history.history_database import connect_sqlite
from retrotimer.storage.history.history_schema import MIGRATIONS, migrate
from retrotimer.storage.history.history_store import HistoryStore
from tests.history_samples import MONDAY_2024_05_06, make_id, segment, session, start

T = MONDAY_2024_05_06
# Found by what it makes, not by its number: migrations of other features may come first.
PAUSES_VERSION = next(
    number
    for number, statements in enumerate(MIGRATIONS, start=1)
    if any("CREATE TABLE pauses" in statement for statement in statements)
)


def raw(path: Path, sql: str) -> list[tuple[object, ...]]:
    with closing(sqlite3.connect(path)) as connection:
        return connection.execute(sql).fetchall()


def test_a_pause_is_written_open_then_completed_and_read_in_order(store: HistoryStore) -> None:
    store.begin_session(start(0))
    store.record_pause(make_id(0), Pause(T + 90.0))
    assert raw(store.path, "SELECT start_utc, end_utc FROM pauses") == [(T + 90.0, None)]
    store.record_pause(make_id(0), Pause(T + 90.0, T + 120.0))
    store.record_pause(make_id(0), Pause(T + 90.0))  # a held write tried again: the end stays
    store.record_pause(make_id(0), Pause(T + 20.0, T + 30.0))
    whole = store.get_session(make_id(0))
    assert whole is not None
    assert whole.pauses == (Pause(T + 20.0, T + 30.0), Pause(T + 90.0, T + 120.0))
    end = SessionEnd(SessionStatus.STOPPED, WallTime(T + 130.0), SessionTotals())
    store.end_session(make_id(0), end)
    (exported,) = store.all_sessions()
    assert exported.pauses == whole.pauses


def test_a_session_that_dies_while_paused_ends_where_the_pause_began(
    store: HistoryStore,
) -> None:
    dead = HistoryStore(store.path)  # the instance that died in the pause
    dead.begin_session(start(0))
    dead.record_segment(
        make_id(0), segment(0, SegmentKind.WALK, 30.0), SessionTotals(30.0, 0, 30.0), T + 35.0
    )
    dead.record_pause(make_id(0), Pause(T + 50.0))
    dead.close()
    (recovered,) = store.recover_interrupted()
    assert recovered.ended_utc_s == T + 50.0
    whole = store.get_session(make_id(0))
    assert whole is not None and whole.pauses == (Pause(T + 50.0),)


def test_pauses_go_with_their_session_when_it_is_purged(store: HistoryStore) -> None:
    store.import_sessions([session(0, pauses=(Pause(T + 1.0, T + 2.0),)), session(1)])
    store.delete_session(make_id(0), T)
    store.purge_deleted()
    assert raw(store.path, "SELECT COUNT(*) FROM pauses") == [(0,)]


def test_a_pause_row_that_cannot_be_shown_is_left_out_and_kept(store: HistoryStore) -> None:
    store.import_sessions([session(0, pauses=(Pause(T + 1.0, T + 2.0),))])
    with closing(sqlite3.connect(store.path)) as connection:
        connection.execute("INSERT INTO pauses VALUES (?, 'soon', NULL)", (make_id(0),))
        connection.commit()
    whole = store.get_session(make_id(0))
    assert whole is not None and whole.pauses == (Pause(T + 1.0, T + 2.0),)
    assert store.all_sessions()[0].pauses == whole.pauses
    assert raw(store.path, "SELECT COUNT(*) FROM pauses") == [(2,)]


def test_a_history_from_before_pauses_upgrades_and_then_keeps_them(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite"
    with closing(connect_sqlite(path)) as old:
        migrate(old, target=PAUSES_VERSION - 1)
        old.execute(
            "INSERT INTO sessions (id, template_name, plan_json, venue, started_utc, "
            "utc_offset_s, status, planned_s, updated_utc) "
            f"VALUES ('{make_id(0)}', 'Old', '{{}}', 'track', {T}, 0, 'running', 60, {T})"
        )
    store = HistoryStore(path)
    old_session = store.get_session(make_id(0))
    assert old_session is not None and old_session.pauses == ()
    store.record_pause(make_id(0), Pause(T + 5.0, T + 9.0))
    again = store.get_session(make_id(0))
    assert again is not None and again.pauses == (Pause(T + 5.0, T + 9.0),)
    store.close()


def test_a_backup_adds_the_pauses_the_history_lacks(store: HistoryStore, tmp_path: Path) -> None:
    pauses = (Pause(T + 10.0, T + 20.0), Pause(T + 40.0, T + 45.0))
    full = session(0, segments=(segment(0), segment(1)), pauses=pauses)
    partial = replace(full, pauses=(Pause(T + 10.0),))
    store.import_sessions([partial])
    backup = save_unsaved([full], [tmp_path])
    assert backup is not None and '"pauses": [' in backup.read_text(encoding="utf-8")

    result = store.import_sessions(read_import_file(backup).sessions)
    assert (result.added, result.completed, result.skipped) == (0, 1, 0)
    assert result.describe() == (
        "Imported 0 sessions; completed 1 already in the history; skipped 0 already in the history."
    )
    whole = store.get_session(make_id(0))
    assert whole is not None and whole.pauses == pauses
    again = store.import_sessions(read_import_file(backup).sessions)
    assert (again.completed, again.skipped) == (0, 1)
