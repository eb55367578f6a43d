"""Schema migrations: from every older version to the latest, keeping data; newer ones refused."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest

from retrotimer.core.history.history_ports import HistoryUnavailable
from retrotimer.core.history.history_values import SessionStatus
from retrotimer.storage.history.history_database import connect_sqlite
from retrotimer.storage.history.history_schema import (
    LATEST_VERSION,
    MIGRATIONS,
    SchemaTooNew,
    migrate,
    schema_version,
)
from retrotimer.storage.history.history_store import HistoryStore

SESSION_V1 = (
    "INSERT INTO sessions (id, template_name, plan_json, venue, started_utc, utc_offset_s, "
    "ended_utc, status, planned_s, active_s, backward_s, forward_s, backward_steps, "
    "longest_backward_s, rating, near_stumbles, notes, updated_utc) VALUES "
    "('11111111-1111-1111-1111-111111111111', 'Old', '{\"backward_s\":120.5}', 'track', "
    "1700000000.5, 3600, 1700000600.5, 'completed', 600, 590, 120, 60, 40, 60, 4, 1, 'kept', "
    "1700000600.5)"
)
SEGMENT_V1 = (
    "INSERT INTO segments (session_id, idx, kind, label, planned_s, actual_s, skipped, steps) "
    "VALUES ('11111111-1111-1111-1111-111111111111', 0, 'backward_walk', 'Backward walk', "
    "60, 60, 0, 100)"
)
# What to put in a database at each version before upgrading it.
DATA_AT_VERSION: dict[int, tuple[str, ...]] = {
    0: (),
    1: (SESSION_V1, SEGMENT_V1),
    2: (SESSION_V1, SEGMENT_V1),
    3: (SESSION_V1, SEGMENT_V1),
    4: (SESSION_V1, SEGMENT_V1),
    5: (
        SESSION_V1,
        SEGMENT_V1,
        "UPDATE sessions SET dizzy_or_pain = 1 WHERE id = '11111111-1111-1111-1111-111111111111'",
    ),
    6: (SESSION_V1, SEGMENT_V1),
    7: (
        SESSION_V1,
        SEGMENT_V1,
        "UPDATE sessions SET planned_backward_s = 120.5",
    ),
}


@pytest.fixture
def connection(tmp_path: Path) -> Iterator[sqlite3.Connection]:
    with closing(connect_sqlite(tmp_path / "history.sqlite")) as opened:
        yield opened


def shape(connection: sqlite3.Connection) -> dict[str, object]:
    """Tables with their columns (name, type, not null, default, key) and the indexes."""
    tables = [
        row[0]
        for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
        )
    ]
    described: dict[str, object] = {
        table: sorted(
            (row[1], row[2], row[3], row[4], row[5])
            for row in connection.execute(f"PRAGMA table_info({table})")
        )
        for table in tables
    }
    described["indexes"] = sorted(
        (row[0], row[1])
        for row in connection.execute(
            "SELECT name, tbl_name FROM sqlite_master WHERE type = 'index'"
        )
    )
    return described


def test_every_migration_is_listed_by_version() -> None:
    assert LATEST_VERSION == len(MIGRATIONS) == max(DATA_AT_VERSION) + 1
    assert all(statements for statements in MIGRATIONS)


@pytest.mark.parametrize("version", range(LATEST_VERSION))
def test_upgrade_from_each_older_version_keeps_the_data(tmp_path: Path, version: int) -> None:
    path = tmp_path / "history.sqlite"
    with closing(connect_sqlite(path)) as old:
        migrate(old, target=version)
        for statement in DATA_AT_VERSION[version]:
            old.execute(statement)
        assert schema_version(old) == version

    store = HistoryStore(path)
    entries = store.list_sessions()
    fresh_path = tmp_path / "fresh.sqlite"
    with closing(connect_sqlite(fresh_path)) as fresh:
        migrate(fresh)
        expected_shape = shape(fresh)
    upgraded = store.database.connection()
    assert schema_version(upgraded) == LATEST_VERSION
    assert shape(upgraded) == expected_shape
    if version >= 1:
        (entry,) = entries
        # Rated 4 when 5 was the best: 2 "easy" on the effort scale, from version 6 on.
        assert (entry.template_name, entry.status, entry.rating, entry.notes) == (
            "Old",
            SessionStatus.COMPLETED,
            2 if version < 6 else 4,
            "kept",
        )
        assert not entry.test_run, "sessions from before the mark are real runs"
        assert (entry.started_utc_s, entry.utc_offset_s, entry.deleted_utc_s) == (
            1700000000.5,
            3600,
            None,
        )
        assert entry.program is None
        assert (entry.dizzy, entry.pain, entry.dizzy_or_pain) == (False, False, version == 5)
        assert entry.planned_backward_s == 120.5, "taken from the plan the session kept"
        whole = store.get_session(entry.session_id)
        assert whole is not None and whole.segments[0].steps == 100
    else:
        assert entries == []
    store.close()


def test_a_failed_migration_leaves_the_previous_version(connection: sqlite3.Connection) -> None:
    # A table in the way makes the second statement of migration 1 fail after the first ran.
    connection.execute("CREATE TABLE segments (x)")
    with pytest.raises(sqlite3.OperationalError, match="already exists"):
        migrate(connection)
    assert schema_version(connection) == 0
    names = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    assert names == {"segments"}, "the sessions table of the failed step was rolled back"


def test_migrate_reports_the_version_found_and_does_nothing_when_current(
    connection: sqlite3.Connection,
) -> None:
    assert migrate(connection) == 0
    assert migrate(connection) == LATEST_VERSION
    assert schema_version(connection) == LATEST_VERSION


def test_a_database_from_a_newer_version_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite"
    with closing(connect_sqlite(path)) as newer:
        migrate(newer)
        newer.execute(SESSION_V1)
        newer.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
        with pytest.raises(SchemaTooNew):
            migrate(newer)
    before = path.read_bytes()
    store = HistoryStore(path)
    with pytest.raises(HistoryUnavailable, match="newer than this version of RetroTimer"):
        store.list_sessions()
    store.close()
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["history.sqlite"]
