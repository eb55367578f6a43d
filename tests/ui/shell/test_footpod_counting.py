"""The footpod's steps in the window: Settings turns ending on them on, the run screen says
whether the footpod or the planned time ends the segment, and the history file keeps the
steps counted."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from retrotimer.core.sensors.sensor_kinds import LinkState, SensorKind
from retrotimer.core.sensors.sensor_values import SensorStatus, StrideReading
from retrotimer.core.value import replace
from retrotimer.storage.paths import AppPaths
from tests.ui.conftest import TEST_SETTINGS, Harness
from tests.ui.shell.test_sensor_settings import POD, RecordingLink, tell

COUNTING = replace(TEST_SETTINGS, footpod_ends_steps=True)


@pytest.fixture
def counting(qtbot: QtBot, app_paths: AppPaths) -> Iterator[Harness]:
    made = Harness(qtbot, app_paths, COUNTING, sensor_link=RecordingLink())
    yield made
    made.window.close()
    made.history.close()


def run_with_footpod(harness: Harness, qtbot: QtBot, seconds: float, cadence: int) -> None:
    """Let `seconds` pass, the footpod telling `cadence` twice a second."""
    controller = harness.run.controller
    assert controller is not None
    end = harness.clock.now + seconds
    while harness.clock.now < end - 1e-9:
        harness.clock.advance(0.5)
        tell(harness, qtbot, StrideReading(1.0, cadence, False))
        controller.poll()


def steps_of(harness: Harness) -> list[int | None]:
    with sqlite3.connect(harness.paths.history_db) as db:
        rows = db.execute("SELECT steps FROM segments ORDER BY idx").fetchall()
    return [steps for (steps,) in rows]


def test_the_settings_box_turns_ending_on_the_footpods_steps_on_and_off(
    qtbot: QtBot, app_paths: AppPaths
) -> None:
    harness = Harness(qtbot, app_paths, TEST_SETTINGS, sensor_link=RecordingLink())
    harness.show()
    for wanted in (True, False):
        harness.window.open_settings()
        dialog = harness.window.settings_dialog
        assert dialog is not None and dialog.sensors is not None
        box = dialog.sensors.count_steps
        assert box.isChecked() is not wanted
        box.setChecked(wanted)
        dialog.done(QDialog.DialogCode.Accepted)
        assert harness.settings.current.footpod_ends_steps is wanted
    harness.window.close()
    harness.history.close()


def test_a_slow_runner_ends_the_backward_steps_on_the_footpods_count(
    counting: Harness, qtbot: QtBot
) -> None:
    counting.show()
    run = counting.run
    tell(counting, qtbot, SensorStatus(SensorKind.FOOTPOD, LinkState.CONNECTED, POD))
    tell(counting, qtbot, StrideReading(1.0, 120, False))
    run.start()
    # The 60 s warm-up at 120 steps a minute, then 15 backward steps (planned as 9 s) at 60.
    run_with_footpod(counting, qtbot, 60.0, 120)
    run_with_footpod(counting, qtbot, 5.0, 60)
    assert run.steps_left.text() == "5 of 15 steps (footpod)"
    assert run.digits.text() == "0:04"  # counting down the planned 9 s
    run_with_footpod(counting, qtbot, 9.0, 60)  # past the planned 9 s: still counting
    assert run.title.text().startswith("Backward walk")
    assert run.steps_left.text() == "14 of 15 steps (footpod)"
    assert run.digits.text() == "0:14"  # the segment's seconds, counted up while it waits
    run_with_footpod(counting, qtbot, 1.0, 60)
    assert not run.title.text().startswith("Backward walk")
    run.stop_now()
    counting.dismiss_summary()
    assert steps_of(counting) == [120, 15, 0]


def test_without_a_footpod_signal_the_planned_time_ends_it_and_the_screen_says_so(
    counting: Harness,
) -> None:
    counting.show()
    run = counting.run
    run.start()
    counting.run_for(62.0)
    assert run.steps_left.text() == "12 steps (timed)"
    counting.run_for(7.5)
    assert not run.title.text().startswith("Backward walk")
    run.stop_now()
    counting.dismiss_summary()
    assert steps_of(counting) == [None, 15, None]
