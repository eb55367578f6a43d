"""Every key of the run screen, presenter-remote keys included, pressed on the real window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from retrotimer.core.session.session_machine import SessionState
from retrotimer.core.value import replace
from retrotimer.storage.settings_store import SettingsStore
from tests.ui.conftest import Harness

Key = Qt.Key
NO_MODIFIER = Qt.KeyboardModifier.NoModifier
KEYPAD = Qt.KeyboardModifier.KeypadModifier


def press(harness: Harness, key: Qt.Key, modifier: Qt.KeyboardModifier = NO_MODIFIER) -> None:
    harness.qtbot.keyClick(harness.window, key, modifier)


def started(harness: Harness) -> Harness:
    harness.show()
    harness.run.start()
    harness.run_for(75.0)  # 6 s into "Turn around and reset", segment 3 of 6
    return harness


def segment_index(harness: Harness) -> int:
    controller = harness.run.controller
    assert controller is not None
    return controller.view().segment.index


@pytest.mark.parametrize("key", [Key.Key_Space, Key.Key_Period])
def test_space_and_the_remotes_full_stop_start_pause_and_resume(
    harness: Harness, key: Qt.Key
) -> None:
    harness.show()
    press(harness, key)
    assert harness.state() is SessionState.RUNNING
    harness.run_for(3.0)
    press(harness, key)
    assert harness.state() is SessionState.PAUSED
    assert harness.run.badge.word() == "PAUSED"
    harness.clock.advance(30.0)
    press(harness, key)
    assert harness.state() is SessionState.RUNNING
    assert harness.position() == pytest.approx(3.0)  # the pause did not count


@pytest.mark.parametrize("key", [Key.Key_Right, Key.Key_PageDown, Key.Key_N, Key.Key_L])
def test_right_pagedown_n_and_the_lap_key_skip_to_the_next_segment(
    harness: Harness, key: Qt.Key
) -> None:
    started(harness)
    assert segment_index(harness) == 2
    press(harness, key)
    assert segment_index(harness) == 3
    assert harness.run.badge.word() == "BACKWARD"
    assert harness.run.rep.text() == "Rep 2 of 2"


@pytest.mark.parametrize("key", [Key.Key_Left, Key.Key_PageUp, Key.Key_B])
def test_left_pageup_and_b_go_back(harness: Harness, key: Qt.Key) -> None:
    started(harness)
    press(harness, key)  # more than 2 s in: back to the start of the segment
    assert segment_index(harness) == 2
    assert harness.position() == pytest.approx(69.0)
    press(harness, key)  # at its start: the segment before
    assert segment_index(harness) == 1
    assert harness.run.badge.word() == "BACKWARD"


def test_keys_work_while_a_button_or_the_template_list_has_the_focus(harness: Harness) -> None:
    started(harness)
    harness.run.skip_button.setFocus()
    harness.qtbot.keyClick(harness.run.skip_button, Key.Key_Space)
    assert harness.state() is SessionState.PAUSED  # Space pauses, it does not press Skip
    assert segment_index(harness) == 2
    harness.qtbot.keyClick(harness.run.template_box, Key.Key_PageDown)
    assert segment_index(harness) == 3


def test_escape_asks_before_stopping_and_keep_going_keeps_going(harness: Harness) -> None:
    started(harness)
    press(harness, Key.Key_Escape)
    box = harness.run.stop_confirmation
    assert isinstance(box, QMessageBox)
    harness.qtbot.waitExposed(box)
    assert harness.state() is SessionState.RUNNING
    harness.qtbot.keyClick(box, Key.Key_Escape)  # Esc again is "keep going"
    assert harness.run.stop_confirmation is None
    assert harness.state() is SessionState.RUNNING


def test_escape_then_enter_stops_the_session(harness: Harness) -> None:
    started(harness)
    press(harness, Key.Key_Escape)
    box = harness.run.stop_confirmation
    assert box is not None
    harness.qtbot.waitExposed(box)
    harness.qtbot.keyClick(box, Key.Key_Return)
    assert harness.state() is SessionState.STOPPED
    assert harness.run.badge.word() == "STOPPED"
    assert harness.window.summary_dialog is not None
    harness.window.summary_dialog.reject()


def test_escape_does_not_ask_when_there_is_nothing_to_stop(harness: Harness) -> None:
    harness.show()
    press(harness, Key.Key_Escape)
    assert harness.run.stop_confirmation is None
    harness.run.start()
    harness.run_until(lambda: harness.state() is SessionState.FINISHED)
    harness.dismiss_summary()
    press(harness, Key.Key_Escape)
    assert harness.run.stop_confirmation is None
    assert harness.state() is SessionState.FINISHED


def test_the_confirmation_goes_away_if_the_session_finishes_meanwhile(harness: Harness) -> None:
    harness.show()
    harness.run.start()
    harness.run_for(150.0)
    press(harness, Key.Key_Escape)
    assert harness.run.stop_confirmation is not None
    harness.run_until(lambda: harness.state() is SessionState.FINISHED)
    assert harness.run.stop_confirmation is None
    harness.dismiss_summary()


@pytest.mark.parametrize("key", [Key.Key_F11, Key.Key_F])
def test_f11_and_f_toggle_full_screen(harness: Harness, key: Qt.Key) -> None:
    window = harness.show()
    press(harness, key)
    harness.qtbot.waitUntil(window.isFullScreen)
    press(harness, key)
    harness.qtbot.waitUntil(lambda: not window.isFullScreen())


@pytest.mark.parametrize(
    ("key", "modifier", "volume"),
    [
        (Key.Key_Plus, NO_MODIFIER, 0.9),
        (Key.Key_Equal, NO_MODIFIER, 0.9),
        (Key.Key_Plus, KEYPAD, 0.9),
        (Key.Key_Minus, NO_MODIFIER, 0.7),
        (Key.Key_Minus, KEYPAD, 0.7),
    ],
)
def test_plus_and_minus_change_the_volume_and_it_is_saved(
    harness: Harness, key: Qt.Key, modifier: Qt.KeyboardModifier, volume: float
) -> None:
    started(harness)
    changes: list[object] = []
    harness.settings.changed.connect(lambda new, _old: changes.append(new))
    press(harness, key, modifier)
    assert harness.settings.current.volume == pytest.approx(volume)
    assert f"{round(volume * 100)} %" in harness.run.audio_label.text()
    assert SettingsStore(harness.paths).load().volume == pytest.approx(volume)
    assert len(changes) == 1
    assert harness.cues.previews == [pytest.approx(volume)]  # one beep, at the new volume
    assert harness.state() is SessionState.RUNNING  # the session is not disturbed


def test_volume_stays_within_zero_and_full(harness: Harness) -> None:
    harness.show()
    for _ in range(15):
        press(harness, Key.Key_Plus)
    assert harness.settings.current.volume == 1.0
    for _ in range(15):
        press(harness, Key.Key_Minus)
    assert harness.settings.current.volume == 0.0


def test_m_mutes_and_unmutes(harness: Harness) -> None:
    started(harness)
    press(harness, Key.Key_M)
    assert harness.settings.current.muted
    assert "MUTED" in harness.run.audio_label.text()
    assert harness.run.mute_mark.isVisible()
    assert SettingsStore(harness.paths).load().muted
    press(harness, Key.Key_M)
    assert not harness.settings.current.muted
    assert not harness.run.mute_mark.isVisible()
    assert harness.cues.previews == []  # muting is not a volume change
    press(harness, Key.Key_M)
    press(harness, Key.Key_Plus)  # turning the volume up unmutes
    assert not harness.settings.current.muted


def test_run_keys_are_off_while_another_screen_is_shown(harness: Harness) -> None:
    window = harness.show()
    window.tabs.setCurrentWidget(window.history_screen)
    press(harness, Key.Key_Space)
    assert harness.state() is SessionState.IDLE
    harness.qtbot.keyClick(window, Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentWidget() is harness.run
    press(harness, Key.Key_Space)
    assert harness.state() is SessionState.RUNNING


def test_the_big_buttons_do_what_the_keys_do(harness: Harness) -> None:
    harness.show()
    run = harness.run
    run.toggle_button.click()
    harness.run_for(70.0)
    run.skip_button.click()
    assert segment_index(harness) == 3
    run.back_button.click()
    assert segment_index(harness) == 2
    run.toggle_button.click()
    assert harness.state() is SessionState.PAUSED
    assert run.toggle_button.accessibleName() == "Resume"
    run.stop_button.click()
    box = run.stop_confirmation
    assert box is not None
    stop = next(b for b in box.buttons() if b.text() == "Stop session")
    stop.click()
    assert harness.state() is SessionState.STOPPED
    harness.dismiss_summary()


@pytest.mark.parametrize("key", [Key.Key_Space, Key.Key_Period])
def test_the_key_that_opens_the_checklist_ticks_nothing(harness: Harness, key: Qt.Key) -> None:
    harness.settings.update(replace(harness.settings.current, safety_checklist=True))
    harness.show()
    press(harness, key)  # a real press and release, as a runner's thumb gives them
    checklist = harness.run.checklist
    assert checklist is not None
    harness.qtbot.waitUntil(checklist.isVisible)
    harness.qtbot.keyRelease(checklist.items[0], key)  # a release that comes late
    assert not any(box.isChecked() for box in checklist.items)
    assert harness.state() is SessionState.IDLE
    # Space pressed on purpose, once the checklist is open, still ticks an item.
    harness.qtbot.keyClick(checklist.items[0], Key.Key_Space)
    assert checklist.items[0].isChecked()
    checklist.reject()
