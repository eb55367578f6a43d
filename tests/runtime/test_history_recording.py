"""The controller's session recorded in a real history file, and retries while the disk refuses."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from pytestqt.qtbot import QtBot

from retrotimer.core.history import SessionStatus, WallTime
from retrotimer.core.model import Length, Segment, SegmentKind
from retrotimer.core.plan import compile_plan
from retrotimer.core.session import Event, EventKind, Session
from retrotimer.core.session_recorder import SAVED_AGAIN
from retrotimer.core.settings import Settings
from retrotimer.runtime.clock import FakeClock
from retrotimer.runtime.history_recording import RETRY_INTERVAL_MS, HistoryRecording
from retrotimer.runtime.session_controller import SessionController
from retrotimer.storage.history_database import connect_sqlite
from retrotimer.storage.history_store import HistoryStore
from tests.factories import simple

ID = "5f1d7c3e-8f0a-4a51-9a7e-2d5c7a9b1e42"
WALL_ORIGIN = 1_714_953_600.0


def make(
    qtbot: QtBot, store: HistoryStore
) -> tuple[SessionController, FakeClock, HistoryRecording]:
    plan = compile_plan(
        simple(
            Segment(SegmentKind.WALK, Length.seconds(10)),
            Segment(SegmentKind.BACKWARD_WALK, Length.steps(5)),  # 3 s at 100 steps a minute
            Segment(SegmentKind.WALK, Length.seconds(5)),
        ),
        Settings(),
    )
    clock = FakeClock(500.0)
    controller = SessionController(Session(plan, get_ready_s=0.0), clock)
    recording = HistoryRecording(
        controller,
        store,
        ID,
        clock=clock,
        wall_clock=lambda: WallTime(WALL_ORIGIN + clock.now - 500.0, 3600),
    )
    return controller, clock, recording


def run_for(controller: SessionController, clock: FakeClock, seconds: float) -> None:
    end = clock.now + seconds
    while clock.now < end:
        clock.now = min(end, clock.now + 0.5)
        controller.poll()


def test_a_session_is_in_the_history_from_its_start_to_its_end(
    qtbot: QtBot, tmp_path: Path
) -> None:
    store = HistoryStore(tmp_path / "history.sqlite")
    controller, clock, recording = make(qtbot, store)
    seen_on_disk: list[int] = []

    def check_disk(event: Event, actual_s: float) -> None:
        # A later listener hears of a finished segment only once it is on the disk.
        if event.kind is EventKind.SEGMENT_DONE:
            with sqlite3.connect(store.path) as other:
                seen_on_disk.append(other.execute("SELECT COUNT(*) FROM segments").fetchone()[0])
            other.close()

    controller.event_fired.connect(check_disk)
    controller.start()
    (running,) = store.list_sessions()
    assert (running.session_id, running.status) == (ID, SessionStatus.RUNNING)
    assert running.started == WallTime(WALL_ORIGIN, 3600)

    run_for(controller, clock, 18.5)
    assert seen_on_disk == [1, 2, 3]
    whole = store.get_session(ID)
    assert whole is not None
    assert whole.entry.status is SessionStatus.COMPLETED
    assert whole.entry.ended == WallTime(WALL_ORIGIN + 18.0, 3600)
    assert [r.actual_s for r in whole.segments] == [10.0, 3.0, 5.0]
    assert (whole.entry.backward_s, whole.entry.backward_steps) == (3.0, 5)
    assert not recording.retrying
    recording.shutdown()
    controller.shutdown()
    store.close()


def test_a_stopped_session_is_recorded_as_stopped(qtbot: QtBot, tmp_path: Path) -> None:
    store = HistoryStore(tmp_path / "history.sqlite")
    controller, clock, recording = make(qtbot, store)
    controller.start()
    run_for(controller, clock, 4.0)
    controller.stop()
    (stopped,) = store.list_sessions()
    assert stopped.status is SessionStatus.STOPPED and stopped.active_s == 4.0
    recording.shutdown()
    controller.shutdown()
    store.close()


class ReadOnlyWhileTold:
    def __init__(self) -> None:
        self.read_only = False

    def __call__(self, path: Path) -> sqlite3.Connection:
        if self.read_only:
            return sqlite3.connect(f"file:{path}?mode=ro", uri=True, isolation_level=None)
        return connect_sqlite(path)


def test_while_the_disk_refuses_the_session_runs_and_retries(qtbot: QtBot, tmp_path: Path) -> None:
    connect = ReadOnlyWhileTold()
    store = HistoryStore(tmp_path / "history.sqlite", connect=connect)
    store.list_sessions()  # the file exists; from now on it cannot be written
    store.close()
    connect.read_only = True
    controller, clock, recording = make(qtbot, store)
    messages: list[str] = []
    recording.message.connect(messages.append)

    controller.start()
    run_for(controller, clock, 11.0)
    assert controller.session.state.value == "running"
    assert len(messages) == 1 and "read-only" in messages[0]
    assert recording.retrying and recording._retry_timer.interval() == RETRY_INTERVAL_MS
    assert recording.recorder.held_writes == 2
    reader = HistoryStore(store.path)
    assert reader.list_sessions() == []
    reader.close()

    connect.read_only = False
    with qtbot.waitSignal(recording.message) as told:
        assert recording.retry()
    assert told.args == [SAVED_AGAIN]
    assert not recording.retrying
    whole = store.get_session(ID)
    assert whole is not None and [r.index for r in whole.segments] == [0]
    recording.shutdown()
    controller.shutdown()
    store.close()


def test_shutdown_stops_the_retry_timer_and_listening(qtbot: QtBot, tmp_path: Path) -> None:
    connect = ReadOnlyWhileTold()
    store = HistoryStore(tmp_path / "history.sqlite", connect=connect)
    store.list_sessions()
    store.close()
    connect.read_only = True
    controller, clock, recording = make(qtbot, store)
    controller.start()
    assert recording.retrying
    recording.shutdown()
    assert not recording.retrying
    held = recording.recorder.held_writes
    run_for(controller, clock, 11.0)
    assert recording.recorder.held_writes == held, "no longer listening"
    controller.shutdown()
    store.close()
