"""A session with a footpod, through the real SessionRun into a real history file: a
step-counted segment ends on the counted steps, and every segment keeps the steps counted."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path

from pytestqt.qtbot import QtBot

from retrotimer.core.history.wall_time import WallTime
from retrotimer.core.model import Length, Segment, SegmentKind
from retrotimer.core.sensors.sensor_values import StrideReading
from retrotimer.core.session.plan import compile_plan
from retrotimer.core.session.session_machine import Command
from retrotimer.core.settings import Settings
from retrotimer.core.value import replace
from retrotimer.exchange.history.history_codec import sessions_to_csv, sessions_to_json
from retrotimer.runtime.clock import FakeClock
from retrotimer.runtime.run_parts import RunParts
from retrotimer.runtime.sensor_feed import SensorFeed
from retrotimer.runtime.session_run import SessionRun
from retrotimer.storage.history.history_store import HistoryStore
from tests.factories import simple

ID = "5d1c7b0e-3a2f-4b6c-9d8e-1f2a3b4c5d6e"
WALL_ORIGIN = 1_714_953_600.0
# 20 backward steps planned at 60 a minute (20 s), then a 4 s walk.
SETTINGS = replace(Settings(), get_ready_s=0, cadence_backward_walk=60, footpod_ends_steps=True)
PLAN = compile_plan(
    simple(
        Segment(SegmentKind.BACKWARD_WALK, Length.steps(20)),
        Segment(SegmentKind.WALK, Length.seconds(4)),
    ),
    SETTINGS,
)


def run_with_footpod(
    qtbot: QtBot, tmp_path: Path, cadence_spm: int | None, settings: Settings = SETTINGS
) -> tuple[SessionRun, list[tuple[float, int, float]]]:
    """Run PLAN to its end with a footpod heard at `cadence_spm` (None: not heard), polling
    twice a second; the rows of its segments: (planned_s, steps, actual_s)."""
    store = HistoryStore(tmp_path / "history.sqlite")
    clock = FakeClock(500.0)
    feed = SensorFeed(clock)
    parts = RunParts(
        clock=clock,
        wall_clock=lambda: WallTime(WALL_ORIGIN + clock.now - 500.0),
        history=store,
        sensors=feed,
        samples=store,
    )
    run = SessionRun(PLAN, settings, parts, session_id=ID)

    def stride() -> None:
        if cadence_spm is not None:
            with qtbot.waitSignal(feed.readings_changed):
                feed.heard_stride("pod", StrideReading(1.2, cadence_spm, False))

    with qtbot.waitSignal(run.ended, timeout=5000):
        stride()
        run.run(Command.START)
        while run.controller is not None:
            clock.advance(0.5)
            stride()
            run.controller.poll()
    run.close()
    store.close()
    with sqlite3.connect(tmp_path / "history.sqlite") as db:
        rows = db.execute(
            "SELECT planned_s, steps, actual_s FROM segments WHERE session_id = ? ORDER BY idx",
            (ID,),
        ).fetchall()
    return run, rows


def test_a_fast_runner_ends_the_backward_steps_on_the_footpods_count(
    qtbot: QtBot, tmp_path: Path
) -> None:
    run, rows = run_with_footpod(qtbot, tmp_path, 120)
    assert rows == [(20.0, 20, 10.0), (4.0, 8, 4.0)]
    assert run.summary is not None
    assert [(s.skipped, s.steps) for s in run.summary.segments] == [(False, 20), (False, 8)]
    # All 20 were done, in half the planned time: the totals count them, not a half.
    assert run.summary.backward_steps == 20
    with sqlite3.connect(tmp_path / "history.sqlite") as db:
        assert db.execute("SELECT backward_steps FROM sessions").fetchall() == [(20,)]
    # The exports read it back from the file.
    store = HistoryStore(tmp_path / "history.sqlite")
    session = store.get_session(ID)
    store.close()
    assert session is not None
    document = json.loads(sessions_to_json([session]))
    assert [s["steps"] for s in document["sessions"][0]["segments"]] == [20, 8]
    (row,) = csv.DictReader(io.StringIO(sessions_to_csv([session])))
    assert row["backward_steps"] == "20"


def test_a_slow_runner_is_waited_for_until_the_count(qtbot: QtBot, tmp_path: Path) -> None:
    _, rows = run_with_footpod(qtbot, tmp_path, 40)
    assert rows == [(20.0, 20, 30.0), (4.0, 2, 4.0)]


def test_without_the_footpod_the_planned_time_and_steps_are_kept(
    qtbot: QtBot, tmp_path: Path
) -> None:
    _, rows = run_with_footpod(qtbot, tmp_path, None)
    assert rows == [(20.0, 20, 20.0), (4.0, None, 4.0)]


def test_with_the_setting_off_the_real_steps_are_recorded_on_the_planned_time(
    qtbot: QtBot, tmp_path: Path
) -> None:
    settings = replace(SETTINGS, footpod_ends_steps=False)
    _, rows = run_with_footpod(qtbot, tmp_path, 120, settings)
    assert rows == [(20.0, 40, 20.0), (4.0, 8, 4.0)]
