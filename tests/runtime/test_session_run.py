"""One SessionRun: recorded in a real history file before anyone hears, retries while the
disk refuses, and nothing left running once it is over."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from pytestqt.qtbot import QtBot

from retrotimer.core.history.history_values import (
    Pause,
    Review,
    SessionStatus,
)
from retrotimer.core.history.session_recorder import SAVED_AGAIN
from retrotimer.core.history.wall_time import WallTime
from retrotimer.core.model import Length, Segment, SegmentKind
from retrotimer.core.session.plan import compile_plan
from retrotimer.core.session.records import SessionOutcome
from retrotimer.core.session.session_machine import Command, Event, EventKind, SessionState
from retrotimer.core.settings import Settings
from retrotimer.core.value import replace
from retrotimer.runtime.clock import FakeClock
from retrotimer.runtime.history_recording import RETRY_INTERVAL_MS
from retrotimer.runtime.run_parts import RunParts
from retrotimer.runtime.session_run import LONG_PAUSE_S, SessionRun
from retrotimer.storage.history.history_database import connect_sqlite
from retrotimer.storage.history.history_store import HistoryStore
from tests.factories import simple

ID = "5f1d7c3e-8f0a-4a51-9a7e-2d5c7a9b1e42"
WALL_ORIGIN = 1_714_953_600.0


class Awake:
    def __init__(self) -> None:
        self.held = False
        self.calls: list[str] = []

    def hold(self) -> None:
        self.held = True
        self.calls.append("hold")

    def release(self) -> None:
        self.held = False
        self.calls.append("release")


class Cues:
    backend_name = "recording"

    def __init__(self, log: list[str]) -> None:
        self.log = log

    def load(self, plan: object, get_ready: object) -> None:
        self.log.append("load")

    def hold(self, held: bool) -> None:
        self.log.append(f"hold:{held}")

    def wait_ready(self, timeout_s: float) -> bool:
        return True

    def handle(self, event: Event) -> None:
        self.log.append(f"cues:{event.kind.value}")

    def apply_settings(self, settings: Settings) -> None:
        pass

    def close(self) -> None:
        pass


def make(
    store: HistoryStore | None, *, awake: Awake | None = None, cues: Cues | None = None
) -> tuple[SessionRun, FakeClock]:
    plan = compile_plan(
        simple(
            Segment(SegmentKind.WALK, Length.seconds(10)),
            Segment(SegmentKind.BACKWARD_WALK, Length.steps(5)),  # 3 s at 100 steps a minute
            Segment(SegmentKind.WALK, Length.seconds(5)),
        ),
        Settings(),
    )
    clock = FakeClock(500.0)
    parts = RunParts(
        clock=clock,
        wall_clock=lambda: WallTime(WALL_ORIGIN + clock.now - 500.0, 3600),
        history=store,
        cues=cues,
        awake=awake,
    )
    return SessionRun(plan, replace(Settings(), get_ready_s=0), parts, session_id=ID), clock


def run_for(run: SessionRun, clock: FakeClock, seconds: float) -> None:
    end = clock.now + seconds
    while clock.now < end - 1e-9 and run.controller is not None:
        clock.now = min(end, clock.now + 0.5)
        run.controller.poll()


def test_history_hears_first_then_the_cues_then_everyone_else(qtbot: QtBot, tmp_path: Path) -> None:
    store = HistoryStore(tmp_path / "history.sqlite")
    log: list[str] = []
    run, clock = make(store, cues=Cues(log))
    seen_on_disk: list[int] = []

    def listener(event: Event, actual_s: float) -> None:
        log.append(f"listener:{event.kind.value}")
        if event.kind is EventKind.SEGMENT_DONE:
            with sqlite3.connect(store.path) as other:
                seen_on_disk.append(other.execute("SELECT COUNT(*) FROM segments").fetchone()[0])
            other.close()

    run.event_fired.connect(listener)
    with qtbot.waitSignal(run.ended) as ended:
        run.run(Command.START)
        (running,) = store.list_sessions()
        assert (running.session_id, running.status) == (ID, SessionStatus.RUNNING)
        assert running.started == WallTime(WALL_ORIGIN, 3600)
        run_for(run, clock, 18.5)
    assert log[0] == "load", "the plan reaches the speaker before the session starts"
    assert log.index("cues:segment_done") < log.index("listener:segment_done")
    assert seen_on_disk == [1, 2, 3]
    (summary,) = ended.args
    assert summary is run.summary and summary.status is SessionOutcome.FINISHED
    whole = store.get_session(ID)
    assert whole is not None
    assert whole.entry.status is SessionStatus.COMPLETED
    assert whole.entry.ended == WallTime(WALL_ORIGIN + 18.0, 3600)
    assert [r.actual_s for r in whole.segments] == [10.0, 3.0, 5.0]
    assert (whole.entry.backward_s, whole.entry.backward_steps) == (3.0, 5)
    assert not whole.entry.test_run
    assert run.recorded and not run.retrying
    assert run.controller is None, "an ended session lets its controller go"
    run.close()
    store.close()


def test_a_stopped_session_is_recorded_as_stopped_with_its_review(
    qtbot: QtBot, tmp_path: Path
) -> None:
    store = HistoryStore(tmp_path / "history.sqlite")
    run, clock = make(store)
    run.run(Command.START)
    run_for(run, clock, 4.0)
    assert run.run(Command.STOP)
    assert not run.run(Command.STOP), "a second stop is refused and changes nothing"
    assert run.save_review(Review(4, 1, "windy"))
    (stopped,) = store.list_sessions()
    assert stopped.status is SessionStatus.STOPPED and stopped.active_s == 4.0
    assert stopped.review == Review(4, 1, "windy")
    run.close()
    store.close()


def test_a_run_at_another_speed_is_recorded_as_a_test_run(qtbot: QtBot, tmp_path: Path) -> None:
    store = HistoryStore(tmp_path / "history.sqlite")
    clock = FakeClock(0.0)
    plan = compile_plan(simple(Segment(SegmentKind.WALK, Length.seconds(10))), Settings())
    run = SessionRun(plan, Settings(), RunParts(clock=clock, history=store, speed=10.0))
    run.run(Command.START)
    run.run(Command.STOP)
    (entry,) = store.list_sessions()
    assert entry.test_run
    run.close()
    store.close()


def test_each_pause_is_in_the_history_with_its_wall_clock_start_and_end(
    qtbot: QtBot, tmp_path: Path
) -> None:
    store = HistoryStore(tmp_path / "history.sqlite")
    run, clock = make(store)
    with qtbot.waitSignal(run.ended):
        run.run(Command.START)
        run_for(run, clock, 4.0)
        run.run(Command.PAUSE)
        (open_pause,) = store.get_session(ID).pauses  # type: ignore[union-attr]
        assert open_pause == Pause(WALL_ORIGIN + 4.0), "written when the pause begins"
        clock.advance(20.0)
        run.run(Command.RESUME)
        run_for(run, clock, 14.5)
    whole = store.get_session(ID)
    assert whole is not None
    assert whole.pauses == (Pause(WALL_ORIGIN + 4.0, WALL_ORIGIN + 24.0),)
    assert whole.entry.ended == WallTime(WALL_ORIGIN + 38.0, 3600)
    assert [r.actual_s for r in whole.segments] == [10.0, 3.0, 5.0]
    run.close()
    store.close()


def test_the_screen_is_kept_awake_while_the_session_runs_only(qtbot: QtBot, tmp_path: Path) -> None:
    awake = Awake()
    run, clock = make(None, awake=awake)
    run.run(Command.START)
    assert awake.held
    run.run(Command.PAUSE)
    assert run.long_pause_pending and awake.held, "a short pause keeps the screen on"
    clock.advance(LONG_PAUSE_S)
    run.check_long_pause()
    assert not awake.held and not run.long_pause_pending
    run.run(Command.RESUME)
    assert awake.held
    run_for(run, clock, 20.0)
    assert run.state is SessionState.FINISHED and not awake.held
    assert awake.calls == ["hold", "release", "hold", "release"]
    run.close()


class ReadOnlyWhileTold:
    def __init__(self) -> None:
        self.read_only = False

    def __call__(self, path: Path) -> sqlite3.Connection:
        if self.read_only:
            return sqlite3.connect(f"file:{path}?mode=ro", uri=True, isolation_level=None)
        return connect_sqlite(path)


def refusing_store(tmp_path: Path) -> tuple[HistoryStore, ReadOnlyWhileTold]:
    connect = ReadOnlyWhileTold()
    store = HistoryStore(tmp_path / "history.sqlite", connect=connect)
    store.list_sessions()  # the file exists; from now on it cannot be written
    store.close()
    connect.read_only = True
    return store, connect


def test_while_the_disk_refuses_the_session_runs_and_retries_after_its_end(
    qtbot: QtBot, tmp_path: Path
) -> None:
    store, connect = refusing_store(tmp_path)
    run, clock = make(store)
    messages: list[str] = []
    run.message.connect(messages.append)
    run.run(Command.START)
    run_for(run, clock, 11.0)
    assert run.state is SessionState.RUNNING
    assert len(messages) == 1 and "read-only" in messages[0]
    assert run.retrying and not run.recorded
    run_for(run, clock, 10.0)
    assert run.state is SessionState.FINISHED and run.retrying, "still retrying after the end"
    reader = HistoryStore(store.path)
    assert reader.list_sessions() == []
    reader.close()

    connect.read_only = False
    with qtbot.waitSignal(run.message, timeout=2 * RETRY_INTERVAL_MS) as told:
        pass  # the retry timer writes it
    assert told.args == [SAVED_AGAIN]
    assert run.recorded and not run.retrying and run.unsaved() is None
    whole = store.get_session(ID)
    assert whole is not None and [r.index for r in whole.segments] == [0, 1, 2]
    assert whole.entry.status is SessionStatus.COMPLETED
    run.close()
    store.close()


def test_close_lets_go_of_everything_and_keeps_what_is_unsaved(
    qtbot: QtBot, tmp_path: Path
) -> None:
    store, _connect = refusing_store(tmp_path)
    awake = Awake()
    run, clock = make(store, awake=awake)
    run.run(Command.START)
    run_for(run, clock, 11.0)
    run.close()
    assert not run.retrying and run.controller is None and not awake.held
    unsaved = run.unsaved()
    assert unsaved is not None and unsaved.entry.status is SessionStatus.STOPPED
    assert [r.index for r in unsaved.segments] == [0, 1]
    store.close()


def test_a_review_the_disk_refuses_is_kept_and_written_later(qtbot: QtBot, tmp_path: Path) -> None:
    store, connect = refusing_store(tmp_path)
    run, clock = make(store)
    run.run(Command.START)
    run_for(run, clock, 20.0)
    assert not run.save_review(Review(5, 0, "kept"))
    unsaved = run.unsaved()
    assert unsaved is not None and unsaved.entry.review == Review(5, 0, "kept"), "in the backup"
    connect.read_only = False
    with qtbot.waitSignal(run.message, timeout=2 * RETRY_INTERVAL_MS):
        pass
    whole = store.get_session(ID)
    assert whole is not None and whole.entry.review == Review(5, 0, "kept")
    run.close()
    store.close()


class SlowSpeaker(Cues):
    """A cue sink whose output takes a while to take sound (as a stream starting up)."""

    def __init__(self, log: list[str]) -> None:
        super().__init__(log)
        self.ready = False
        self.asked = 0

    def wait_ready(self, timeout_s: float) -> bool:
        self.asked += 1
        return self.ready

    def preview_volume(self) -> None:
        pass


def slow_run(speaker: SlowSpeaker, wait_s: float = 5.0) -> SessionRun:
    plan = compile_plan(simple(Segment(SegmentKind.WALK, Length.seconds(10))), Settings())
    parts = RunParts(clock=FakeClock(0.0), cues=speaker, sound_wait_s=wait_s)
    return SessionRun(plan, Settings(), parts)


def test_the_countdown_waits_for_the_speaker(qtbot: QtBot) -> None:
    speaker = SlowSpeaker([])
    run = slow_run(speaker)
    run.start()
    run.start()  # a second press while it waits starts nothing twice
    assert run.state is SessionState.IDLE and run.waiting_for_sound
    speaker.ready = True
    qtbot.waitUntil(lambda: run.state is SessionState.COUNTDOWN)
    assert not run.waiting_for_sound
    run.close()


def test_a_speaker_that_never_gets_ready_is_said_and_the_session_starts(qtbot: QtBot) -> None:
    run = slow_run(SlowSpeaker([]), wait_s=0.3)
    with qtbot.waitSignal(run.message) as told:
        run.start()
    assert "not ready after" in told.args[0]
    assert run.state is SessionState.COUNTDOWN
    run.close()


def test_the_output_is_held_from_the_start_until_the_last_event(qtbot: QtBot) -> None:
    log: list[str] = []
    run, clock = make(None, cues=Cues(log))
    assert log == ["load"], "a prepared session opens no sound output"
    run.start()
    assert log[1] == "hold:True", "held before the first cue"
    run_for(run, clock, 20.0)
    assert run.state is SessionState.FINISHED
    assert log[-2:] == ["cues:finished", "hold:False"], "let go after the last words are sent"
    assert log.count("hold:True") == 1
    run.close()
    assert log.count("hold:False") == 1


def test_a_session_that_never_starts_never_opens_the_output(qtbot: QtBot) -> None:
    log: list[str] = []
    run, _ = make(None, cues=Cues(log))
    run.close()
    assert log == ["load"]


def test_a_long_pause_lets_the_output_go_and_resuming_waits_for_it_again(qtbot: QtBot) -> None:
    speaker = SlowSpeaker([])
    speaker.ready = True
    plan = compile_plan(simple(Segment(SegmentKind.WALK, Length.seconds(30))), Settings())
    clock = FakeClock(0.0)
    run = SessionRun(plan, replace(Settings(), get_ready_s=0), RunParts(clock=clock, cues=speaker))
    run.start()
    run.toggle_pause()
    clock.advance(60.0)
    run.check_long_pause()
    assert "hold:False" not in speaker.log, "a short pause keeps the output"
    clock.advance(LONG_PAUSE_S)
    run.check_long_pause()
    assert speaker.log[-1] == "hold:False"
    speaker.ready = False
    run.toggle_pause()
    assert speaker.log[-1] == "hold:True"
    assert run.state is SessionState.PAUSED and run.waiting_for_sound
    speaker.ready = True
    qtbot.waitUntil(lambda: run.state is SessionState.RUNNING)
    assert speaker.log.count("cues:resumed") == 1
    run.close()
