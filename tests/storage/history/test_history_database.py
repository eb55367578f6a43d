"""Bad conditions: damaged files moved aside (never deleted), read-only and full disks."""

from __future__ import annotations

import sqlite3
import subprocess
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest

from retrotimer.core.history.history_ports import HistoryUnavailable
from retrotimer.core.history.history_values import SessionTotals
from retrotimer.core.model import SegmentKind
from retrotimer.storage.history.history_database import connect_sqlite, describe_error
from retrotimer.storage.history.history_store import HistoryStore
from retrotimer.storage.user_files import corrupt_name
from tests.history_samples import MONDAY_2024_05_06, make_id, segment, session, start
from tests.storage.disk_faults import fill_up, make_read_only
from tests.storage.disk_faults import small_disk as mounted_disk

MOVED = "history-corrupt-20240506T000000Z.sqlite"


def fixed_clock() -> float:
    return MONDAY_2024_05_06


def store_at(path: Path, **options: object) -> HistoryStore:
    return HistoryStore(path, wall_clock=fixed_clock, **options)  # type: ignore[arg-type]


def test_a_file_that_is_not_a_database_is_moved_aside_and_a_new_one_started(
    tmp_path: Path,
) -> None:
    path = tmp_path / "history.sqlite"
    garbage = b"these bytes were never a database " * 200
    path.write_bytes(garbage)
    (tmp_path / "history.sqlite-wal").write_bytes(b"half a log")
    store = store_at(path)
    assert store.list_sessions() == []
    store.import_sessions([session(0)])
    assert len(store.list_sessions()) == 1
    (notice,) = store.take_notices()
    assert str(tmp_path / MOVED) in notice and "nothing was deleted" in notice
    assert (tmp_path / MOVED).read_bytes() == garbage
    assert (tmp_path / (MOVED + "-wal")).read_bytes() == b"half a log"
    assert store.take_notices() == []
    store.close()


def damage_an_index(path: Path) -> None:
    """Make the index disagree with its table: open works, the integrity check does not."""
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("PRAGMA writable_schema = ON")
        connection.execute(
            "UPDATE sqlite_master SET sql = 'CREATE INDEX sessions_by_start ON sessions "
            "(planned_s, id)' WHERE name = 'sessions_by_start'"
        )
        connection.commit()


def test_a_database_failing_its_integrity_check_is_moved_aside(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite"
    first = store_at(path)
    first.import_sessions([session(n, MONDAY_2024_05_06 + n) for n in range(30)])
    first.close()
    damage_an_index(path)
    before = path.read_bytes()

    store = store_at(path)
    assert store.list_sessions() == []
    (notice,) = store.take_notices()
    assert "integrity check" in notice and str(tmp_path / MOVED) in notice
    assert (tmp_path / MOVED).read_bytes() == before, "the old file is kept byte for byte"
    store.close()


def test_a_second_damaged_file_in_the_same_second_gets_its_own_name(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite"
    (tmp_path / MOVED).write_bytes(b"an earlier one")
    assert corrupt_name(path, MONDAY_2024_05_06).name == (
        "history-corrupt-20240506T000000Z-2.sqlite"
    )


def test_a_reader_without_the_lock_reports_damage_and_moves_nothing(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite"
    path.write_bytes(b"not a database at all" * 100)
    store = store_at(path, repair=False)
    with pytest.raises(HistoryUnavailable, match="damaged"):
        store.list_sessions()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["history.sqlite"]


def test_a_data_folder_that_cannot_be_made_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "data"
    blocker.write_text("a file where the folder should be")
    store = store_at(blocker / "history.sqlite")
    with pytest.raises(HistoryUnavailable, match=str(blocker)):
        store.list_sessions()


class Switchable:
    """Connects normally, or read-only, or with the database capped at its current size
    (SQLite itself then refuses writes: SQLITE_READONLY, SQLITE_FULL)."""

    def __init__(self) -> None:
        self.mode = "normal"

    def __call__(self, path: Path) -> sqlite3.Connection:
        if self.mode == "read-only":
            return sqlite3.connect(f"file:{path}?mode=ro", uri=True, isolation_level=None)
        connection = connect_sqlite(path)
        if self.mode == "full":
            pages = connection.execute("PRAGMA page_count").fetchone()[0]
            connection.execute(f"PRAGMA max_page_count = {pages}")
        return connection


@pytest.mark.parametrize(
    ("mode", "reason"),
    [("read-only", "read-only"), ("full", "the disk is full")],
)
def test_a_refused_write_changes_nothing_and_the_same_call_works_later(
    tmp_path: Path, mode: str, reason: str
) -> None:
    path = tmp_path / "history.sqlite"
    connect = Switchable()
    store = store_at(path, connect=connect)
    store.begin_session(start(0))
    store.close()  # the next call reconnects, now under the bad condition

    connect.mode = mode
    big = segment(0, SegmentKind.BACKWARD_WALK, 30.0, label="x" * 20_000)
    totals = SessionTotals(30, 30, 0, 0)
    with pytest.raises(HistoryUnavailable) as refused:
        store.record_segment(make_id(0), big, totals, MONDAY_2024_05_06)
    assert reason in str(refused.value) and str(path) in str(refused.value)

    connect.mode = "normal"
    assert store.list_sessions()[0].backward_s == 0, "nothing of the refused write is there"
    store.record_segment(make_id(0), big, totals, MONDAY_2024_05_06)
    whole = store.get_session(make_id(0))
    assert whole is not None and whole.segments == (big,)
    assert store.take_notices() == []
    store.close()


# ---- a real file system that fills up or turns read-only -------------------------------
@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 2 MB tmpfs (needs root with mount rights, as in CI containers run privileged)."""
    with mounted_disk(tmp_path / "disk", size_kb=2048) as mountpoint:
        yield mountpoint


@pytest.mark.slow
def test_a_real_full_disk_refuses_then_accepts_after_space_is_freed(small_disk: Path) -> None:
    store = HistoryStore(small_disk / "history.sqlite")
    store.begin_session(start(0))
    filler = fill_up(small_disk)
    totals = SessionTotals()
    with pytest.raises(HistoryUnavailable, match="the disk is full"):
        for index in range(100):
            store.record_segment(make_id(0), segment(index, label="y" * 8000), totals, 0.0)
    filler.unlink()
    store.record_segment(make_id(0), segment(200), totals, 0.0)
    whole = store.get_session(make_id(0))
    assert whole is not None and whole.segments[-1].index == 200
    store.close()


@pytest.mark.slow
def test_a_real_read_only_disk_refuses_then_accepts_when_writable(small_disk: Path) -> None:
    store = HistoryStore(small_disk / "history.sqlite")
    store.begin_session(start(0))
    store.close()  # a file system with files open for writing cannot be remounted read-only
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    try:
        with pytest.raises(HistoryUnavailable, match="read-only"):
            store.record_segment(make_id(0), segment(0), SessionTotals(), 0.0)
    finally:
        subprocess.run(["mount", "-o", "remount,rw", str(small_disk)], check=True)
    store.record_segment(make_id(0), segment(0), SessionTotals(), 0.0)
    whole = store.get_session(make_id(0))
    assert whole is not None and len(whole.segments) == 1
    store.close()


def io_error() -> sqlite3.OperationalError:
    # What SQLite raises for a write the disk refused without saying why.
    error = sqlite3.OperationalError("disk I/O error")
    error.sqlite_errorcode = 10  # type: ignore[attr-defined]
    return error


@pytest.mark.parametrize(
    ("fault", "expected"),
    [
        ("none", "the disk reported an input/output error"),
        ("full", "the disk is full"),
        ("read-only", "the disk is read-only"),
    ],
)
def test_an_io_error_is_told_as_what_the_disk_says(
    small_disk: Path, fault: str, expected: str
) -> None:
    database = small_disk / "history.sqlite"
    if fault == "full":
        fill_up(small_disk)
    elif fault == "read-only":
        make_read_only(small_disk)
    assert describe_error(io_error(), database) == f"{expected} ({database})"
    assert describe_error(OSError(5, "Input/output error"), database).startswith(expected)
