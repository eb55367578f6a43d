"""The main window: title, remembered geometry and template, checklist, summary, settings."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication

from retrotimer.core.history.history_values import Review
from retrotimer.core.model import Venue
from retrotimer.core.session.records import SessionOutcome, SessionSummary
from retrotimer.core.session.session_machine import SessionState
from retrotimer.core.settings import Theme
from retrotimer.core.value import replace
from retrotimer.storage.settings_store import SettingsStore
from retrotimer.ui.run.safety_checklist import TRACK_ITEMS, TREADMILL_ITEMS
from tests.ui.conftest import TEST_SETTINGS, Harness


def reopen(harness: Harness) -> None:
    harness.window.close()
    harness.window = harness.make_window()
    harness.show()


def test_the_title_names_the_loaded_template(harness: Harness) -> None:
    window = harness.show()
    assert window.windowTitle() == "RetroTimer — First steps"
    harness.run.select_template("Mixed")
    assert window.windowTitle() == "RetroTimer — Mixed"
    box = harness.run.template_box
    box.setCurrentIndex(box.findText("Treadmill steps"))  # chosen in the list
    assert window.windowTitle() == "RetroTimer — Treadmill steps"
    assert harness.run.plan is not None and harness.run.plan.template_name == "Treadmill steps"
    assert window.tabs.tabText(window.tabs.indexOf(window.run_screen)) == "&Run"


def test_size_position_and_last_template_are_remembered(harness: Harness) -> None:
    window = harness.show()
    window.setGeometry(QRect(40, 40, 720, 540))  # inside the offscreen 800x600 screen
    harness.qtbot.waitUntil(lambda: window.size().width() == 720)
    harness.run.select_template("Treadmill steps")
    reopen(harness)
    assert harness.window.geometry() == QRect(40, 40, 720, 540)
    assert harness.run.template is not None
    assert harness.run.template.name == "Treadmill steps"
    assert harness.window.windowTitle() == "RetroTimer — Treadmill steps"


def test_a_remembered_template_that_is_gone_falls_back_to_the_first(harness: Harness) -> None:
    harness.show()
    harness.parts.memory.setValue("run/last_template", "Deleted long ago")
    reopen(harness)
    assert harness.run.template is not None and harness.run.template.name == "First steps"


def test_the_checklist_comes_before_the_first_run_of_each_template(harness: Harness) -> None:
    harness.settings.update(replace(TEST_SETTINGS, safety_checklist=True))
    harness.show()
    run = harness.run
    run.toggle()
    checklist = run.checklist
    assert checklist is not None
    assert [box.text() for box in checklist.items] == list(TRACK_ITEMS)
    assert run.state is SessionState.IDLE
    assert not checklist.start_button.isEnabled()
    for box in checklist.items[:-1]:
        box.setChecked(True)
    assert not checklist.start_button.isEnabled()
    checklist.items[-1].setChecked(True)
    checklist.start_button.click()
    assert run.checklist is None
    assert run.state is SessionState.RUNNING
    harness.run_for(2.0)
    run.stop_now()
    harness.dismiss_summary()
    run.toggle()
    run.toggle()  # the same template again: no checklist
    assert run.checklist is None
    assert run.state is SessionState.RUNNING
    run.stop_now()
    run.toggle()
    run.select_template("Treadmill steps")
    run.toggle()  # another template, on a treadmill: its own checklist
    assert run.checklist is not None
    assert [box.text() for box in run.checklist.items] == list(TREADMILL_ITEMS)
    run.checklist.reject()
    assert run.state is SessionState.IDLE


def test_the_checklist_can_be_turned_off_for_good(harness: Harness) -> None:
    harness.settings.update(replace(TEST_SETTINGS, safety_checklist=True))
    harness.show()
    run = harness.run
    run.toggle()
    assert run.checklist is not None
    run.checklist.show_again.setChecked(False)
    run.checklist.tick_all()
    run.checklist.accept()
    assert run.state is SessionState.RUNNING
    assert not SettingsStore(harness.paths).load().safety_checklist
    run.stop_now()
    run.toggle()
    run.select_template("Mixed")
    run.toggle()
    assert run.checklist is None and run.state is SessionState.RUNNING


def finish(harness: Harness, template: str = "First steps") -> list[tuple[object, object]]:
    given: list[tuple[object, object]] = []
    harness.window.review_given.connect(lambda summary, review: given.append((summary, review)))
    harness.run.select_template(template)
    harness.run.start()
    harness.run_until(lambda: harness.state() is SessionState.FINISHED)
    return given


def test_after_a_session_the_summary_asks_for_rating_stumbles_and_notes(harness: Harness) -> None:
    harness.show()
    given = finish(harness)
    dialog = harness.window.summary_dialog
    assert dialog is not None
    assert dialog.values["Result"].accessibleDescription() == "Completed"
    assert dialog.values["Time"].accessibleDescription() == "2:38 of 2:38 planned"
    assert dialog.values["Backward"].accessibleDescription() == "0.3 min"
    assert dialog.values["Backward steps"].accessibleDescription() == "30"
    dialog.rating_buttons[3].click()
    dialog.near_stumbles.setValue(2)
    harness.qtbot.keyClicks(dialog.notes, "  felt steady  ")
    dialog.save_button.click()
    assert harness.window.summary_dialog is None
    ((summary, review),) = given
    assert isinstance(summary, SessionSummary) and summary.status is SessionOutcome.FINISHED
    assert review == Review(rating=4, near_stumbles=2, notes="felt steady")


def test_the_summary_can_be_skipped(harness: Harness) -> None:
    harness.show()
    given = finish(harness)
    dialog = harness.window.summary_dialog
    assert dialog is not None
    harness.qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert given and given[0][1] is None


def test_a_rating_can_be_taken_back(harness: Harness) -> None:
    harness.show()
    finish(harness)
    dialog = harness.window.summary_dialog
    assert dialog is not None
    dialog.rating_buttons[1].click()
    dialog.rating_buttons[4].click()
    assert dialog.rating() == 5
    assert [button.isChecked() for button in dialog.rating_buttons].count(True) == 1
    dialog.rating_buttons[4].click()
    assert dialog.rating() is None
    dialog.reject()


def test_a_session_stopped_before_it_began_asks_nothing(harness: Harness) -> None:
    harness.show()
    given: list[object] = []
    harness.window.review_given.connect(lambda summary, review: given.append(review))
    harness.run.start()
    harness.run.stop_now()
    assert harness.window.summary_dialog is None
    assert given == [None]


def test_closing_the_window_mid_session_stops_it_without_a_dialog(harness: Harness) -> None:
    harness.show()
    given: list[tuple[object, object]] = []
    harness.window.review_given.connect(lambda s, f: given.append((s, f)))
    harness.run.start()
    harness.run_for(20.0)
    harness.window.close()
    assert harness.run.state is SessionState.STOPPED
    assert harness.window.summary_dialog is None
    assert len(given) == 1 and given[0][1] is None
    assert not harness.awake.held
    assert harness.run.controller is None, "no timer is left running"


def test_settings_dialog_saves_every_field_and_applies_them(harness: Harness) -> None:
    window = harness.show()
    changes: list[object] = []
    harness.settings.changed.connect(lambda new, _old: changes.append(new))
    window.settings_action.trigger()
    dialog = window.settings_dialog
    assert dialog is not None
    dialog.cadence_walk.setValue(90)
    dialog.cadence_jog.setValue(150)
    dialog.cadence_sprint.setValue(190)
    dialog.get_ready.setValue(8)
    dialog.pips.setValue(2)
    dialog.reminder.setValue(15)
    dialog.next_up_lead.setValue(6)
    dialog.voice.setChecked(False)
    dialog.beeps.setChecked(False)
    dialog.step_ticks.setChecked(True)
    dialog.next_up.setChecked(False)
    dialog.halfway.setChecked(False)
    dialog.checklist.setChecked(True)
    dialog.volume.setValue(35)
    dialog.muted.setChecked(True)
    dialog.backend.setCurrentIndex(dialog.backend.findData("qt"))
    dialog.theme.setCurrentIndex(dialog.theme.findData(Theme.LIGHT))
    dialog.venue.setCurrentIndex(dialog.venue.findData(Venue.TREADMILL))
    dialog.accept()
    saved = SettingsStore(harness.paths).load()
    expected = replace(
        TEST_SETTINGS,
        cadence_backward_walk=90,
        cadence_backward_jog=150,
        cadence_backward_sprint=190,
        get_ready_s=8,
        countdown_pips=2,
        reminder_interval_s=15,
        next_up_lead_s=6,
        voice=False,
        beeps=False,
        step_ticks=True,
        next_up=False,
        halfway=False,
        safety_checklist=True,
        volume=0.35,
        muted=True,
        audio_backend="qt",
        theme=Theme.LIGHT,
        default_venue=Venue.TREADMILL,
    )
    assert saved == expected
    assert changes == [expected]
    assert window.settings == expected
    assert harness.run.plan is not None
    assert harness.run.plan.segments[1].duration_s == pytest.approx(10.0)  # 15 steps at 90
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    assert app.palette().window().color().lightness() > 200  # the light theme is in force
    assert "MUTED" in harness.run.audio_label.text()


def test_cancelling_the_settings_dialog_changes_nothing(harness: Harness) -> None:
    window = harness.show()
    window.open_settings()
    dialog = window.settings_dialog
    assert dialog is not None
    dialog.cadence_walk.setValue(70)
    dialog.reject()
    assert SettingsStore(harness.paths).load() == TEST_SETTINGS
    assert window.settings == TEST_SETTINGS


def test_restore_defaults_in_the_dialog(harness: Harness) -> None:
    window = harness.show()
    window.open_settings()
    dialog = window.settings_dialog
    assert dialog is not None
    assert dialog.get_ready.value() == 0
    dialog.buttons.button(dialog.buttons.StandardButton.RestoreDefaults).click()
    assert dialog.get_ready.value() == 5
    assert dialog.checklist.isChecked()
    dialog.reject()


def test_a_settings_file_that_cannot_be_written_is_reported_and_the_values_still_apply(
    harness: Harness,
) -> None:
    window = harness.show()
    harness.paths.settings_file.unlink()
    harness.paths.settings_file.mkdir()  # a directory where the file should be
    harness.qtbot.keyClick(window, Qt.Key.Key_M)
    assert harness.settings.current.muted
    assert harness.cues.settings[-1].muted
    # A notice that stays, without a dialog taking the keys away from the run screen.
    assert any("could not be saved" in text for text in window.notices.texts())
    assert window.isActiveWindow()  # no dialog took the keys away from the run screen


def test_the_keys_help_lists_the_remote_keys(harness: Harness) -> None:
    from retrotimer.ui.run.keys_help import KeysHelp

    dialog = KeysHelp(harness.window)
    text = dialog.table.text()
    for key in ("PgDown", "PgUp", "Space", "F11", "Esc"):
        assert key in text
    assert "full stop" in text
    dialog.deleteLater()


def test_every_session_is_recorded_with_its_review(harness: Harness) -> None:
    harness.show()
    finish(harness)
    (entry,) = harness.history.list_sessions()
    assert entry.template_name == "First steps"
    assert entry.status.value == "completed"
    assert entry.backward_steps == 30
    assert entry.rating is None
    session = harness.history.get_session(entry.session_id)
    assert session is not None and len(session.segments) == 6
    dialog = harness.window.summary_dialog
    assert dialog is not None
    dialog.rating_buttons[2].click()
    dialog.notes.setPlainText("windy")
    dialog.save_button.click()
    (entry,) = harness.history.list_sessions()
    assert (entry.rating, entry.near_stumbles, entry.notes) == (3, 0, "windy")
    assert "saved" in harness.window.statusBar().currentMessage()


def test_a_stopped_session_is_recorded_as_stopped(harness: Harness) -> None:
    harness.show()
    harness.run.start()
    harness.run_for(65.0)
    harness.run.stop_now()
    harness.dismiss_summary()
    (entry,) = harness.history.list_sessions()
    assert entry.status.value == "stopped"
    assert entry.active_s == pytest.approx(65.0)
    assert entry.rating is None


def test_the_welcome_skipped_marks_the_first_run_done_and_changes_nothing_else(
    harness: Harness,
) -> None:
    harness.show()
    before = harness.window.settings
    harness.window.show_welcome()
    dialog = harness.window.welcome_dialog
    assert dialog is not None
    dialog.skip_button.click()
    assert harness.window.welcome_dialog is None
    saved = harness.store.load()
    assert saved.first_run_done
    assert replace(saved, first_run_done=before.first_run_done) == before


def test_the_welcome_is_on_the_help_menu(harness: Harness) -> None:
    harness.show()
    (action,) = [
        a for a in harness.window.findChildren(QAction) if a.text() == "&Welcome and cadence…"
    ]
    action.trigger()
    assert harness.window.welcome_dialog is not None
    harness.window.welcome_dialog.skip_button.click()
