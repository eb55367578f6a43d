"""Opening the history to write: the lock, sessions kept as interrupted, what the user is told."""

from __future__ import annotations

import pytest

from retrotimer.core.history.history_ports import HistoryUnavailable
from retrotimer.core.history.history_values import SessionStatus, SessionTotals
from retrotimer.storage.history.history_opening import open_for_writing
from retrotimer.storage.history.history_schema import LATEST_VERSION
from retrotimer.storage.history.history_store import HistoryStore
from retrotimer.storage.instance_lock import AlreadyRunning, InstanceLock
from retrotimer.storage.paths import AppPaths
from tests.history_samples import MONDAY_2024_05_06, make_id, segment, start


@pytest.fixture
def paths() -> AppPaths:
    return AppPaths.from_environment()


def test_opening_keeps_dead_sessions_and_says_so(paths: AppPaths) -> None:
    store = HistoryStore(paths.history_db)
    store.begin_session(start(0, MONDAY_2024_05_06 + 7 * 3600, offset_s=7200, template="Hill"))
    store.record_segment(make_id(0), segment(0), SessionTotals(60, 60, 0, 0), MONDAY_2024_05_06)
    store.close()
    writable = open_for_writing(paths)
    try:
        assert writable.lock.held and writable.problem is None
        assert writable.notices == [
            "the session of 2024-05-06 09:00 (Hill) did not finish; it is kept as "
            "interrupted with what was recorded"
        ]
        (entry,) = writable.store.list_sessions()
        assert entry.status is SessionStatus.INTERRUPTED
        with pytest.raises(AlreadyRunning):
            open_for_writing(paths)
    finally:
        writable.close()
    assert not writable.lock.held
    again = open_for_writing(paths)
    assert again.notices == []
    again.close()


def test_a_damaged_file_is_reported_among_the_notices(paths: AppPaths) -> None:
    paths.ensure().history_db.write_bytes(b"garbage" * 300)
    writable = open_for_writing(paths)
    (notice,) = writable.notices
    assert "history-corrupt-" in notice and "moved to" in notice
    writable.close()


def test_an_unusable_database_still_gives_the_lock_and_names_the_problem(
    paths: AppPaths,
) -> None:
    store = HistoryStore(paths.history_db)
    store.list_sessions()
    store.database.connection().execute(f"PRAGMA user_version = {LATEST_VERSION + 5}")
    store.close()
    writable = open_for_writing(paths)
    assert writable.lock.held
    assert writable.problem is not None and "newer than this version" in writable.problem
    writable.close()


def test_a_lock_that_cannot_be_made_is_a_clear_error(paths: AppPaths) -> None:
    paths.data.parent.mkdir(parents=True)
    paths.data.write_text("a file where the data folder should be")
    with pytest.raises(HistoryUnavailable, match="the instance lock cannot be made"):
        open_for_writing(paths)
    assert not InstanceLock.for_paths(paths).held
