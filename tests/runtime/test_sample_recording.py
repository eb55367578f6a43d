"""A session with a heart-rate strap and a footpod: one sample a second in the history file,
in the segment under way, written in batches and at the end."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from retrotimer.core.history.wall_time import WallTime
from retrotimer.core.model import Length, Segment, SegmentKind
from retrotimer.core.sensors.sensor_values import HeartRateReading, StrideReading
from retrotimer.core.session.plan import compile_plan
from retrotimer.core.session.session_machine import Command
from retrotimer.core.settings import Settings
from retrotimer.core.value import replace
from retrotimer.runtime.clock import FakeClock
from retrotimer.runtime.run_parts import RunParts
from retrotimer.runtime.sample_recording import BATCH
from retrotimer.runtime.sensor_feed import SensorFeed
from retrotimer.runtime.session_run import SessionRun
from retrotimer.storage.history.history_store import HistoryStore
from tests.factories import simple
from tests.runtime.test_session_run import ReadOnlyWhileTold

ID = "0b6f3d7e-1c2a-4e5f-8a9b-0c1d2e3f4a5b"
WALL_ORIGIN = 1_714_953_600.0


def test_samples_each_second_with_their_segment(qtbot: QtBot, tmp_path: Path) -> None:
    store = HistoryStore(tmp_path / "history.sqlite")
    clock = FakeClock(500.0)
    feed = SensorFeed(clock)
    plan = compile_plan(
        simple(
            Segment(SegmentKind.WALK, Length.seconds(12)),
            Segment(SegmentKind.BACKWARD_WALK, Length.seconds(6)),
        ),
        Settings(),
    )
    parts = RunParts(
        clock=clock,
        wall_clock=lambda: WallTime(WALL_ORIGIN + clock.now - 500.0),
        history=store,
        sensors=feed,
        samples=store,
    )
    run = SessionRun(plan, replace(Settings(), get_ready_s=0), parts, session_id=ID)
    written: list[int] = []
    with qtbot.waitSignal(run.ended):
        run.run(Command.START)
        for tick in range(37):
            clock.now = 500.0 + tick * 0.5
            with qtbot.waitSignal(feed.readings_changed):
                feed.heard_heart_rate("strap", HeartRateReading(100 + tick))
                feed.heard_stride("pod", StrideReading(1.5, 110, False))
            assert run.controller is not None
            run.controller.poll()
            whole = store.get_session(ID)
            assert whole is not None
            written.append(len(whole.samples))
    whole = store.get_session(ID)
    assert whole is not None
    moments = [sample.utc_s - WALL_ORIGIN for sample in whole.samples]
    assert len(moments) >= 17, "at least one sample a second"
    gaps = [later - earlier for earlier, later in zip(moments, moments[1:], strict=False)]
    assert all(0.5 <= gap <= 1.0 for gap in gaps)
    assert [sample.segment for sample in whole.samples] == [
        0 if moment < 12 else 1 for moment in moments
    ]
    assert all(sample.cadence_spm == 110 for sample in whole.samples)
    assert whole.samples[0].heart_rate is not None
    # Written in batches while it ran, and the rest at its end.
    assert BATCH in written and written[0] == 0
    run.close()
    store.close()


def test_without_a_sensor_heard_no_sample_is_kept(qtbot: QtBot, tmp_path: Path) -> None:
    store = HistoryStore(tmp_path / "history.sqlite")
    clock = FakeClock(500.0)
    plan = compile_plan(simple(Segment(SegmentKind.WALK, Length.seconds(3))), Settings())
    parts = RunParts(
        clock=clock,
        wall_clock=lambda: WallTime(WALL_ORIGIN + clock.now - 500.0),
        history=store,
        sensors=SensorFeed(clock),
        samples=store,
    )
    run = SessionRun(plan, replace(Settings(), get_ready_s=0), parts, session_id=ID)
    with qtbot.waitSignal(run.ended):
        run.run(Command.START)
        while run.controller is not None:
            clock.advance(0.5)
            run.controller.poll()
    whole = store.get_session(ID)
    assert whole is not None and whole.samples == ()
    run.close()
    store.close()


def test_samples_the_disk_refuses_go_to_the_backup_with_their_session(
    qtbot: QtBot, tmp_path: Path
) -> None:
    connect = ReadOnlyWhileTold()
    store = HistoryStore(tmp_path / "history.sqlite", connect=connect)
    store.list_sessions()
    store.close()
    connect.read_only = True
    clock = FakeClock(500.0)
    feed = SensorFeed(clock)
    plan = compile_plan(simple(Segment(SegmentKind.WALK, Length.seconds(4))), Settings())
    parts = RunParts(
        clock=clock,
        wall_clock=lambda: WallTime(WALL_ORIGIN + clock.now - 500.0),
        history=store,
        sensors=feed,
        samples=store,
    )
    run = SessionRun(plan, replace(Settings(), get_ready_s=0), parts, session_id=ID)
    with qtbot.waitSignal(run.ended):
        run.run(Command.START)
        while run.controller is not None:
            with qtbot.waitSignal(feed.readings_changed):
                feed.heard_heart_rate("strap", HeartRateReading(120))
            clock.advance(0.5)
            run.controller.poll()
    assert not run.recorded
    run.close()
    unsaved = run.unsaved()
    assert unsaved is not None
    assert len(unsaved.samples) >= 4 and {s.heart_rate for s in unsaved.samples} == {120}
    store.close()
