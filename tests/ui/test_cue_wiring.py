"""The window hands the cue player every plan, every event and every settings change."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from retrotimer.core.session.session_machine import SessionState
from tests.ui.conftest import Harness


def test_the_plan_is_loaded_before_the_session_starts(harness: Harness) -> None:
    harness.show()
    cues = harness.cues
    assert [plan.template_name for plan in cues.plans] == ["First steps"]
    # The sound output's name is a developer's word: the window does not show it.
    assert "recording" not in harness.window.statusBar().currentMessage()
    harness.run.select_template("Mixed")
    assert cues.plans[-1] is harness.run.plan
    assert cues.held == [], "no sound output is opened before a session starts"


def test_the_output_is_held_while_a_session_runs(harness: Harness) -> None:
    harness.show()
    harness.run.start()
    assert harness.cues.held == [True]
    harness.run_for(3.0)
    harness.run.stop_now()
    harness.window.summary_dialog.reject()  # type: ignore[union-attr]
    assert harness.cues.held == [True, False]


def test_every_event_reaches_the_cue_player_in_order(harness: Harness) -> None:
    harness.show()
    harness.run.start()
    harness.run_until(lambda: harness.state() is SessionState.FINISHED)
    harness.dismiss_summary()
    names = [event.type_name for event in harness.cues.events]
    assert names[:3] == ["countdown_started", "running", "announce"]
    assert names.count("shoulder_check") >= 2
    assert names.count("turn_around") == 2
    assert names[-1] == "finished"
    offsets = [event.scheduled_s for event in harness.cues.events]
    assert offsets == sorted(offsets)


def test_a_new_session_is_heard_once(harness: Harness) -> None:
    harness.show()
    harness.run.start()
    harness.run_for(3.0)
    harness.run.stop_now()
    harness.dismiss_summary()
    harness.run.toggle()
    before = len(harness.cues.events)
    harness.run.start()
    started = [e.type_name for e in harness.cues.events[before:]]
    assert started.count("countdown_started") == 1
    harness.run.stop_now()


def test_volume_and_mute_keys_and_the_settings_dialog_reach_it(harness: Harness) -> None:
    window = harness.show()
    cues = harness.cues
    assert cues.settings == [window.settings], "the settings it opened with come first"
    harness.qtbot.keyClick(window, Qt.Key.Key_Minus)
    assert cues.settings[-1].volume == pytest.approx(0.7)
    harness.qtbot.keyClick(window, Qt.Key.Key_M)
    assert cues.settings[-1].muted
    harness.qtbot.keyClick(window, Qt.Key.Key_Plus)  # unmutes
    assert not cues.settings[-1].muted and cues.settings[-1].volume == pytest.approx(0.8)
    window.open_settings()
    dialog = window.settings_dialog
    assert dialog is not None
    dialog.voice.setChecked(False)
    dialog.accept()
    assert not cues.settings[-1].voice
