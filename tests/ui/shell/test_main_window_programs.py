"""The window with a program followed: it opens on Today, Space starts the proposal, the
summary asks about dizziness and pain, and Today moves on from what was recorded (to rest
first after a report)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from retrotimer.core.history.calendar_days import local_day
from retrotimer.core.history.program_ref import ProgramRef
from retrotimer.core.programs.builtin_programs import LEARN, TREADMILL, builtin_program
from retrotimer.core.programs.program_choice import ProgramChoice
from retrotimer.core.session.session_machine import SessionState
from retrotimer.core.value import replace
from retrotimer.storage.program_store import ProgramLibrary
from retrotimer.ui.shell.settings_dialog import SettingsDialog
from tests.core.programs.program_history import START, ran, recorded
from tests.ui.conftest import Harness


def following(harness: Harness, name: str = LEARN) -> ProgramLibrary:
    """The harness's window made again with a program followed from today."""
    library = ProgramLibrary(harness.paths)
    library.choose(ProgramChoice(name, local_day(harness.wall_clock())))
    harness.window.close()
    harness.parts = replace(harness.parts, programs=library)
    harness.window = harness.make_window()
    return library


def test_without_a_program_there_is_no_today_tab(harness: Harness) -> None:
    tabs = harness.window.tabs
    assert not tabs.isTabVisible(tabs.indexOf(harness.window.today_tab))
    assert tabs.currentWidget() is harness.window.run_screen


def test_space_on_today_runs_the_proposal_and_the_review_moves_the_program(
    harness: Harness,
) -> None:
    following(harness)
    window = harness.show()
    assert window.tabs.currentWidget() is window.today_tab
    view = window.today_panel.view
    assert view is not None and view.place == "Week 1 of 10 · Session 1 of 3"
    harness.qtbot.keyClick(window, Qt.Key.Key_Space)
    assert window.tabs.currentWidget() is window.run_screen
    run = window.run_screen.session_run
    assert run is not None and run.program == ProgramRef(LEARN, 1, 1)
    harness.run_until(lambda: harness.state() is SessionState.FINISHED, limit_s=2000)
    dialog = window.summary_dialog
    assert dialog is not None
    assert dialog.values["Program"].accessibleDescription() == f"{LEARN}, week 1, session 1"
    dialog.rating_buttons[3].click()
    dialog.dizzy.click()
    dialog.save_button.click()
    (entry,) = harness.history.list_sessions()
    assert (entry.program, entry.rating, entry.dizzy, entry.pain) == (
        ProgramRef(LEARN, 1, 1),
        4,
        True,
        False,
    )
    # Right after the report: Today, where resting is the big choice and Space rests.
    assert window.tabs.currentWidget() is window.today_tab
    panel = window.today_panel
    view = panel.view
    assert view is not None and view.decision == "REST DAY"
    assert "you felt dizzy" in view.reasons
    assert view.caution.startswith("You reported dizziness after a session. Rest today")
    assert panel.rest_button.isVisible() and panel.start_button.action() == "Start anyway"
    assert panel.rest_button.width() > 2 * panel.start_button.width()
    with harness.qtbot.waitSignal(panel.rest_requested):
        harness.qtbot.keyClick(window, Qt.Key.Key_Space)
    assert window.isVisible() and window.tabs.currentWidget() is window.today_tab
    assert panel.rest_button.action() == "Resting today"
    assert window.statusBar().currentMessage().startswith("Rest day taken.")
    assert len(harness.history.list_sessions()) == 1, "Space started nothing"


def test_lighter_runs_the_lighter_option(harness: Harness) -> None:
    following(harness)
    window = harness.show()
    window.today_panel.lighter_button.click()
    run = window.run_screen.session_run
    assert run is not None and run.program == ProgramRef(LEARN, 1, 1, lighter=True)
    assert run.plan.template_name == "Learn backward 1.1 (lighter)"
    window.run_screen.stop_now()


def test_settings_choose_another_program(harness: Harness) -> None:
    library = following(harness)
    window = harness.show()
    window.open_settings()
    dialog = window.settings_dialog
    assert isinstance(dialog, SettingsDialog) and dialog.programs is not None
    box = dialog.programs
    box.program.setCurrentIndex(box.program.findData(TREADMILL))
    box.week.setValue(2)
    dialog.accept()
    active = library.active()
    assert active is not None and (active[0].name, active[1].start_week) == (TREADMILL, 2)
    view = window.today_panel.view
    assert view is not None and view.program == TREADMILL and view.place.startswith("Week 2 of 6")


def test_a_paused_program_resumes_by_a_click_on_today(harness: Harness) -> None:
    learn = builtin_program(LEARN)
    assert learn is not None
    today = local_day(harness.wall_clock())
    on = today - START  # the days of the program histories count from START
    reports = [ran(learn, on - 6, 1, 1, "dizzy"), ran(learn, on - 2, 1, 1, "pain", number=1)]
    harness.history.import_sessions(recorded(learn, entry) for entry in reports)
    library = ProgramLibrary(harness.paths)
    library.choose(ProgramChoice(LEARN, today - 10))
    harness.window.close()
    harness.parts = replace(harness.parts, programs=library)
    harness.window = harness.make_window()
    window = harness.show()
    panel = window.today_panel
    view = panel.view
    assert view is not None and view.decision == "PAUSED" and view.start_label == "Resume"
    assert "See a doctor or physiotherapist" in view.reasons
    assert not panel.lighter_button.isEnabled()
    started: list[object] = []
    panel.start_requested.connect(lambda *args: started.append(args))
    harness.qtbot.keyClick(window, Qt.Key.Key_Space)
    assert started == [] and panel.view is view, "a key does not resume"
    panel.start_button.click()
    active = library.active()
    assert active is not None and active[1].resumed == (harness.wall_clock(),)
    resumed = panel.view
    assert resumed is not None and resumed.decision == "REPEAT" and resumed.start_label == "Start"
    assert resumed.reasons.startswith("You resumed the program on ")
    assert panel.lighter_button.isEnabled()
