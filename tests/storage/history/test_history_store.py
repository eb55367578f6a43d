"""The history store on a real SQLite file: recording, listing, review, delete and undo, import."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from retrotimer.core.history.history_ports import HistoryRepository
from retrotimer.core.history.history_values import (
    Review,
    SessionEnd,
    SessionStatus,
    SessionTotals,
)
from retrotimer.core.history.wall_time import WallTime
from retrotimer.core.model import SegmentKind
from retrotimer.core.value import replace
from retrotimer.storage.history.history_schema import LATEST_VERSION
from retrotimer.storage.history.history_store import HistoryStore
from tests.history_samples import (
    DAY,
    MONDAY_2024_05_06,
    PLAN_JSON,
    make_id,
    segment,
    session,
    start,
)


def as_repository(store: HistoryStore) -> HistoryRepository:
    return store  # mypy checks that the store has the shape of the port


def raw(path: Path, sql: str) -> list[tuple[object, ...]]:
    with closing(sqlite3.connect(path)) as connection:
        return connection.execute(sql).fetchall()


def test_a_session_row_exists_from_the_start_and_grows_with_each_segment(
    store: HistoryStore,
) -> None:
    store.begin_session(start(0, offset_s=3600, template="First steps"))
    listed = store.list_sessions()
    assert [(e.session_id, e.status) for e in listed] == [(make_id(0), SessionStatus.RUNNING)]
    assert listed[0].started == WallTime(MONDAY_2024_05_06, 3600)
    assert listed[0].template_name == "First steps" and listed[0].ended is None

    first = segment(0, SegmentKind.WARMUP, 60.0)
    store.record_segment(make_id(0), first, SessionTotals(60.0, 0, 0, 0), MONDAY_2024_05_06 + 65)
    second = segment(1, SegmentKind.BACKWARD_WALK, 9.0, steps=15)
    store.record_segment(
        make_id(0), second, SessionTotals(69.0, 9.0, 0, 15), MONDAY_2024_05_06 + 74
    )
    # Committed: another connection sees the rows now.
    assert raw(store.path, "SELECT idx, kind, actual_s, steps FROM segments ORDER BY idx") == [
        (0, "warmup", 60.0, None),
        (1, "backward_walk", 9.0, 15),
    ]
    listed_entry = store.list_sessions()[0]
    assert listed_entry.totals == SessionTotals(69.0, 9.0, 0, 15)
    assert listed_entry.longest_backward_s == 9.0

    end = SessionEnd(
        SessionStatus.COMPLETED,
        WallTime(MONDAY_2024_05_06 + 80, 3600),
        SessionTotals(70.0, 9.0, 0, 15),
    )
    store.end_session(make_id(0), end)
    whole = store.get_session(make_id(0))
    assert whole is not None
    assert whole.entry.status is SessionStatus.COMPLETED
    assert whole.entry.ended == WallTime(MONDAY_2024_05_06 + 80, 3600)
    assert whole.entry.active_s == 70.0
    assert whole.segments == (first, second)
    assert whole.plan_json == PLAN_JSON


def test_recording_calls_can_be_repeated_without_harm(store: HistoryStore) -> None:
    begin = start(0)
    store.begin_session(begin)
    store.begin_session(begin)
    record = segment(0, SegmentKind.BACKWARD_JOG, 5.0)
    store.record_segment(make_id(0), record, SessionTotals(5.0, 5.0, 0, 0), MONDAY_2024_05_06)
    again = segment(0, SegmentKind.BACKWARD_JOG, 12.0)  # the segment run again after going back
    store.record_segment(make_id(0), again, SessionTotals(12.0, 12.0, 0, 0), MONDAY_2024_05_06)
    whole = store.get_session(make_id(0))
    assert whole is not None and whole.segments == (again,)
    assert whole.entry.backward_s == 12.0 and whole.entry.longest_backward_s == 12.0
    assert len(store.list_sessions()) == 1


def test_the_longest_backward_segment_is_one_visit_not_the_visits_added_up(
    store: HistoryStore,
) -> None:
    store.begin_session(start(0))
    first = segment(0, SegmentKind.BACKWARD_JOG, 20.0)
    store.record_segment(make_id(0), first, SessionTotals(20.0, 20.0, 0, 0), MONDAY_2024_05_06)
    # Back, and the segment run again for 15 s: 35 s in all, the longest visit still 20 s.
    again = replace(first, actual_s=35.0, longest_visit_s=20.0)
    store.record_segment(make_id(0), again, SessionTotals(35.0, 35.0, 0, 0), MONDAY_2024_05_06)
    walk = segment(1, SegmentKind.WALK, 60.0)
    store.record_segment(make_id(0), walk, SessionTotals(95.0, 35.0, 0, 0), MONDAY_2024_05_06)
    entry = store.list_sessions()[0]
    assert entry.backward_s == 35.0 and entry.longest_backward_s == 20.0


def test_the_database_is_wal_synchronous_and_versioned(store: HistoryStore) -> None:
    store.list_sessions()
    connection = store.database.connection()
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert connection.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert connection.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert connection.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION


def test_list_is_newest_first_and_get_of_an_unknown_id_is_none(store: HistoryStore) -> None:
    store.import_sessions([session(n, MONDAY_2024_05_06 + n * DAY) for n in (1, 0, 2)])
    assert [e.session_id for e in store.list_sessions()] == [make_id(2), make_id(1), make_id(0)]
    assert store.get_session(make_id(7)) is None
    assert [s.session_id for s in store.all_sessions()] == [make_id(0), make_id(1), make_id(2)]


def test_review_is_saved_and_checked(store: HistoryStore) -> None:
    store.import_sessions([session(0)])
    store.set_review(make_id(0), Review(4, 1, "windy; slipped once"))
    assert store.list_sessions()[0].review == Review(4, 1, "windy; slipped once")
    with pytest.raises(ValueError, match="rating must be 1-5"):
        store.set_review(make_id(0), Review(rating=9))
    assert store.list_sessions()[0].review.rating == 4
    with pytest.raises(KeyError):
        store.set_review(make_id(5), Review(3))


def test_delete_hides_and_restore_brings_back(store: HistoryStore) -> None:
    store.import_sessions([session(0, segments=(segment(0),)), session(1, MONDAY_2024_05_06 + DAY)])
    store.delete_session(make_id(0), MONDAY_2024_05_06 + 9 * DAY)
    assert [e.session_id for e in store.list_sessions()] == [make_id(1)]
    hidden = store.list_sessions(include_deleted=True)
    assert {e.session_id: e.is_deleted for e in hidden} == {make_id(0): True, make_id(1): False}
    assert [s.session_id for s in store.all_sessions()] == [make_id(1)]
    store.restore_session(make_id(0))
    assert len(store.list_sessions()) == 2
    whole = store.get_session(make_id(0))
    assert whole is not None and len(whole.segments) == 1, "segments come back too"
    with pytest.raises(KeyError):
        store.delete_session(make_id(8), 0.0)


def test_purge_removes_deleted_sessions_and_their_segments(store: HistoryStore) -> None:
    store.import_sessions([session(0, segments=(segment(0), segment(1))), session(1)])
    store.delete_session(make_id(0), 0.0)
    assert store.purge_deleted() == 1
    assert store.list_sessions(include_deleted=True)[0].session_id == make_id(1)
    assert raw(store.path, "SELECT COUNT(*) FROM segments") == [(0,)]


def test_import_adds_new_sessions_and_skips_ids_present(store: HistoryStore) -> None:
    store.import_sessions([session(0, review=Review(5))])
    result = store.import_sessions(
        [session(0, review=Review(1)), session(1, segments=(segment(0), segment(1)))]
    )
    assert (result.added, result.skipped) == (1, 1)
    assert store.list_sessions()[-1].review.rating == 5, "a session present is left as it is"
    whole = store.get_session(make_id(1))
    assert whole is not None and [r.index for r in whole.segments] == [0, 1]


def test_recovery_keeps_a_running_session_as_interrupted_with_what_was_recorded(
    store: HistoryStore,
) -> None:
    dead = HistoryStore(store.path)  # the instance that died with its session running
    dead.begin_session(start(0))
    dead.record_segment(
        make_id(0),
        segment(0, SegmentKind.BACKWARD_WALK, 30.0),
        SessionTotals(30, 30, 0, 0),
        MONDAY_2024_05_06 + 40,
    )
    dead.close()
    store.import_sessions([session(1)])
    recovered = store.recover_interrupted()
    assert [(e.session_id, e.status) for e in recovered] == [
        (make_id(0), SessionStatus.INTERRUPTED)
    ]
    assert recovered[0].ended_utc_s == MONDAY_2024_05_06 + 40, "it ended at its last write"
    assert recovered[0].backward_s == 30
    statuses = {e.session_id: e.status for e in store.list_sessions()}
    assert statuses == {make_id(0): SessionStatus.INTERRUPTED, make_id(1): SessionStatus.COMPLETED}
    assert store.recover_interrupted() == []


def test_recovery_leaves_the_sessions_this_store_began_running(store: HistoryStore) -> None:
    """The window recovers once it is painted: a session begun before then is under way."""
    dead = HistoryStore(store.path)
    dead.begin_session(start(0))
    dead.close()
    store.begin_session(start(1))
    (recovered,) = store.recover_interrupted()
    assert recovered.session_id == make_id(0)
    statuses = {e.session_id: e.status for e in store.list_sessions()}
    assert statuses == {
        make_id(0): SessionStatus.INTERRUPTED,
        make_id(1): SessionStatus.RUNNING,
    }


def test_a_new_store_opens_nothing_until_used(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "history.sqlite"
    history = HistoryStore(path)
    assert not path.exists() and not history.database.is_open
    assert history.list_sessions() == []
    assert path.exists()
    history.close()
    assert as_repository(history) is history
