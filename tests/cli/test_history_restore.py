"""A session the disk refused part-way is restored whole from its backup by `history import`."""

from __future__ import annotations

import subprocess
import uuid
from pathlib import Path

import pytest

from retrotimer.core.history.history_ports import HistoryUnavailable
from retrotimer.core.history.history_values import (
    HistorySession,
    SessionStatus,
)
from retrotimer.core.history.session_recorder import SessionRecorder
from retrotimer.core.history.wall_time import WallTime
from retrotimer.core.model import Length, Segment, SegmentKind
from retrotimer.core.session.plan import compile_plan
from retrotimer.core.session.records import (
    SegmentRecord,
    SessionOutcome,
    SessionSummary,
    summarise,
)
from retrotimer.core.settings import Settings
from retrotimer.core.value import replace
from retrotimer.exchange.history.history_files import save_unsaved
from retrotimer.storage.history.history_store import HistoryStore
from retrotimer.storage.paths import AppPaths
from tests.cli_runner import retrotimer
from tests.factories import simple
from tests.storage.disk_faults import fill_up, small_disk

SEGMENTS = 201
STARTED = 1_714_953_600.0
KINDS = (SegmentKind.WALK, SegmentKind.BACKWARD_WALK, SegmentKind.BACKWARD_JOG)


class RefusingAfter:
    """The real store until `allowed` segments are written; then every write is refused as
    a full disk refuses it."""

    def __init__(self, store: HistoryStore, allowed: int) -> None:
        self.store, self.allowed, self.segments = store, allowed, 0

    def begin_session(self, start: object) -> None:
        self.store.begin_session(start)  # type: ignore[arg-type]

    def record_segment(self, *args: object) -> None:
        if self.segments >= self.allowed:
            raise HistoryUnavailable("the disk is full")
        self.store.record_segment(*args)  # type: ignore[arg-type]
        self.segments += 1

    def end_session(self, *args: object) -> None:
        raise HistoryUnavailable("the disk is full")


def record_session(writer: object) -> tuple[SessionRecorder, SessionSummary]:
    """201 segments of 10 s, recorded as a run records them, then finished."""
    template = simple(
        *(Segment(KINDS[i % 3], Length.seconds(10)) for i in range(SEGMENTS)),
    )
    plan = compile_plan(template, Settings())
    recorder = SessionRecorder(writer, str(uuid.uuid4()), plan)  # type: ignore[arg-type]
    recorder.begin(WallTime(STARTED))
    records = []
    for planned in plan.segments:
        record = SegmentRecord(
            planned.index, planned.kind, planned.label, planned.duration_s, 10.0, False, None
        )
        records.append(record)
        recorder.segment_done(record, WallTime(STARTED + 10 * (planned.index + 1)))
    summary = summarise(plan, tuple(records), SessionOutcome.FINISHED, 10.0 * SEGMENTS)
    recorder.end(summary, WallTime(STARTED + 10 * SEGMENTS + 1))
    return recorder, summary


def with_review(session: HistorySession) -> HistorySession:
    entry = replace(session.entry, rating=4, near_stumbles=1, notes="windy")
    return replace(session, entry=entry)


def import_file(path: Path) -> subprocess.CompletedProcess[str]:
    return retrotimer("history", "import", str(path))


def check_restored(store: HistoryStore, session_id: str) -> HistorySession:
    restored = store.get_session(session_id)
    assert restored is not None
    assert [record.index for record in restored.segments] == list(range(SEGMENTS))
    entry = restored.entry
    assert entry.status is SessionStatus.COMPLETED
    assert entry.ended_utc_s == STARTED + 10 * SEGMENTS + 1
    assert entry.active_s == 10.0 * SEGMENTS
    assert (entry.rating, entry.near_stumbles, entry.notes) == (4, 1, "windy")
    assert entry.longest_backward_s == 10.0
    return restored


@pytest.mark.slow
def test_a_backup_of_a_session_the_disk_refused_part_way_is_merged_whole(tmp_path: Path) -> None:
    paths = AppPaths.from_environment().ensure()
    store = HistoryStore(paths.history_db)
    recorder, _ = record_session(RefusingAfter(store, allowed=63))
    assert not recorder.is_saved
    kept = store.get_session(recorder.session_id)
    assert kept is not None and len(kept.segments) == 63
    backup = save_unsaved([with_review(recorder.snapshot())], [tmp_path])
    assert backup is not None
    store.close()

    first = import_file(backup)
    assert first.returncode == 0, first.stderr
    assert first.stdout.strip() == (
        "Imported 0 sessions; completed 1 already in the history with 138 more segments; "
        "skipped 0 already in the history."
    )
    store = HistoryStore(paths.history_db)
    restored = check_restored(store, recorder.session_id)
    store.close()

    second = import_file(backup)
    assert second.stdout.strip() == "Imported 0 sessions; skipped 1 already in the history."
    store = HistoryStore(paths.history_db)
    assert store.get_session(recorder.session_id) == restored
    assert len(store.list_sessions()) == 1
    store.close()


@pytest.mark.slow
def test_a_disk_that_fills_mid_session_is_told_as_full_and_the_backup_restores_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with small_disk(tmp_path / "disk", size_kb=8192) as disk:
        monkeypatch.setenv("RETROTIMER_HOME", str(disk / "home"))
        paths = AppPaths.from_environment().ensure()
        store = HistoryStore(paths.history_db)

        class FillsAfter:
            """The real store on the small disk, which fills up after 63 segments."""

            written = 0

            def begin_session(self, start: object) -> None:
                store.begin_session(start)  # type: ignore[arg-type]

            def record_segment(self, *args: object) -> None:
                if self.written == 63:
                    fill_up(disk)
                store.record_segment(*args)  # type: ignore[arg-type]
                self.written += 1

            def end_session(self, *args: object) -> None:
                store.end_session(*args)  # type: ignore[arg-type]

        writer = FillsAfter()
        recorder, _ = record_session(writer)
        assert writer.written == 63 and not recorder.is_saved
        assert recorder.problem is not None and "the disk is full" in recorder.problem
        assert "input/output" not in recorder.problem
        # The full disk refuses the backup too; the next folder takes it.
        backup = save_unsaved([with_review(recorder.snapshot())], [paths.data, tmp_path])
        assert backup == tmp_path / f"unsaved-session-{recorder.session_id}.json"
        store.close()
        (disk / "filler").unlink()

        result = import_file(backup)
        assert result.returncode == 0, result.stderr
        assert "completed 1 already in the history with 138 more segments" in result.stdout
        store = HistoryStore(paths.history_db)
        check_restored(store, recorder.session_id)
        store.close()
