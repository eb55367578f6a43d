"""Every screen and dialog at 1280x800, 1366x768 and 1920x1080, measured as a window manager
would show it: inside the screen with its frame, nothing overlapping, no text cut short."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from retrotimer.core.history.calendar_days import local_day
from retrotimer.core.programs.builtin_programs import LEARN, TREADMILL, TWENTY
from retrotimer.core.programs.journey import Journey
from retrotimer.core.programs.program_choice import ProgramChoice
from retrotimer.core.session.session_machine import SessionState
from retrotimer.core.value import replace
from retrotimer.storage.program_store import ProgramLibrary
from retrotimer.ui.programs.completion_dialog import CompletionDialog
from retrotimer.ui.run.keys_help import KeysHelp
from retrotimer.ui.run.stop_question import ask_to_stop
from retrotimer.ui.run.summary_dialog import SummaryDialog
from retrotimer.ui.templates.segment_model import LABEL
from retrotimer.ui.templates.templates_screen import MESSAGE_LINES
from tests.ui.conftest import TEST_SETTINGS, Harness
from tests.ui.screen_geometry import SCREEN_SIZES, layout_problems, place_on, screen_named


@pytest.fixture(params=SCREEN_SIZES)
def on_screen(request: pytest.FixtureRequest, harness: Harness) -> Iterator[Harness]:
    """The window, following a program and with one session recorded, on a screen of the
    size asked for."""
    library = ProgramLibrary(harness.paths)
    library.choose(ProgramChoice(LEARN, local_day(harness.wall_clock())))
    harness.window.close()
    harness.parts.memory.remove("window/geometry")  # saved on the default screen: a new start
    harness.parts = replace(harness.parts, programs=library)
    harness.window = harness.make_window()
    place_on(harness.window, screen_named(request.param))
    harness.show()
    yield harness


def settle() -> None:
    QApplication.processEvents()
    QApplication.processEvents()


def test_the_window_and_every_screen_in_it_fit(on_screen: Harness) -> None:
    window = on_screen.window
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        settle()
        assert layout_problems(window) == [], window.tabs.tabText(index)


def finished_session(harness: Harness) -> QDialog:
    harness.run.select_template("Mixed")
    harness.run.start()
    harness.run_until(lambda: harness.state() is SessionState.FINISHED)
    dialog = harness.window.summary_dialog
    assert dialog is not None
    return dialog


def summary_after_dizziness(harness: Harness) -> QWidget | None:
    dialog = finished_session(harness)
    assert isinstance(dialog, SummaryDialog)
    dialog.dizzy.setChecked(True)
    dialog.pain.setChecked(True)
    assert dialog.dizzy_advice.text().startswith("<b>")
    return dialog


def today_after_a_report(harness: Harness) -> QWidget | None:
    window = harness.window
    window.tabs.setCurrentWidget(window.today_tab)
    settle()
    QTest.keyClick(window, Qt.Key.Key_Space)  # Today's session, for the program
    harness.run_until(lambda: harness.state() is SessionState.FINISHED, limit_s=2000)
    dialog = window.summary_dialog
    assert dialog is not None
    dialog.dizzy.click()
    dialog.save_button.click()
    settle()
    panel = window.today_panel
    assert window.tabs.currentWidget() is window.today_tab and panel.rest_button.isVisible()
    assert panel.rest_button.width() > 2 * panel.start_button.width()
    return window


def history_with_a_review(harness: Harness) -> QWidget | None:
    finished_session(harness).reject()
    screen = harness.window.history_screen
    harness.window.tabs.setCurrentWidget(screen)
    screen.select_session(None)
    editor = screen.details.editor
    editor.dizzy.setChecked(True)
    editor.notes.setPlainText("Felt light-headed after the third turn. " * 8)
    assert editor.isVisible() and editor.save_review.isVisible()
    settle()
    # Four segments or more in view, not one and a half between the charts and the review.
    segments = screen.details.segments
    assert segments.viewport().height() >= 4 * segments.verticalHeader().defaultSectionSize()
    return harness.window


def history_import(harness: Harness) -> QWidget | None:
    harness.window.history_screen.choose_import()
    return harness.window.history_screen.file_dialog


def history_export(harness: Harness) -> QWidget | None:
    harness.window.history_screen.choose_export("csv")
    return harness.window.history_screen.file_dialog


def long_notices(harness: Harness) -> QWidget | None:
    for words in (LONG_ERROR, "The screen may go to sleep during a session: " * 4):
        harness.window.notify(words)
    return harness.window


def settings(harness: Harness) -> QWidget | None:
    harness.window.open_settings()
    return harness.window.settings_dialog


def welcome(harness: Harness) -> QWidget | None:
    harness.window.show_welcome()
    return harness.window.welcome_dialog


def welcome_with_a_program(harness: Harness) -> QWidget | None:
    harness.window.following.choose(None)
    return welcome(harness)


def placement(harness: Harness) -> QWidget | None:
    screen = harness.window.show_programs()
    screen.select(TREADMILL)
    return screen.ask_placement()


def completion(harness: Harness) -> QWidget | None:
    # A ten-week journey with setbacks: the longest summary the dialog shows.
    done = Journey(LEARN, 33, 74, 9000.0, 144.0, 600.0, 2, 1)
    dialog = CompletionDialog(done, TWENTY, harness.window)
    dialog.open()
    return dialog


def keys_help(harness: Harness) -> QWidget | None:
    dialog = KeysHelp(harness.window)
    dialog.open()
    return dialog


def checklist(harness: Harness) -> QWidget | None:
    harness.settings.update(replace(TEST_SETTINGS, safety_checklist=True))
    harness.run.select_template("Treadmill steps")
    harness.run.toggle()
    return harness.run.checklist


def watch_export(harness: Harness) -> QWidget | None:
    harness.window.export_for_watch()
    return harness.window.templates_screen.watch_dialog


def session_export(harness: Harness) -> QWidget | None:
    finished_session(harness).reject()
    harness.window.export_session()
    return harness.window.history_screen.export_dialog


def template_import(harness: Harness) -> QWidget | None:
    harness.window.tabs.setCurrentWidget(harness.window.templates_screen)
    harness.window.templates_screen.choose_import()
    return harness.window.templates_screen.file_dialog


def refused_file(harness: Harness) -> QWidget | None:
    screen = harness.window.templates_screen
    harness.window.tabs.setCurrentWidget(screen)
    path = harness.paths.data / ("a-long-folder-name-" * 6) / "workout.toml"
    path.parent.mkdir(parents=True)
    path.write_text("format = 1\nname = 'Broken'\n[[segments]]\nkind = 'backward_crawl'\n")
    screen.import_file(str(path))
    return screen.error_box


def stop_question(harness: Harness) -> QWidget | None:
    return ask_to_stop(harness.window, lambda _stop: None)


DIALOGS: dict[str, Callable[[Harness], QWidget | None]] = {
    "settings": settings,
    "welcome": welcome,
    "welcome offering a program": welcome_with_a_program,
    "placement question": placement,
    "program complete": completion,
    "keys help": keys_help,
    "safety checklist": checklist,
    "summary": finished_session,
    "summary with dizziness and pain ticked": summary_after_dizziness,
    "today after a report of dizziness": today_after_a_report,
    "history with a session's review": history_with_a_review,
    "history import": history_import,
    "history export": history_export,
    "the window with two long notices": long_notices,
    "export for watch": watch_export,
    "export session": session_export,
    "import a template": template_import,
    "a refused file": refused_file,
    "stop question": stop_question,
}


@pytest.mark.parametrize("name", DIALOGS)
def test_every_dialog_fits(on_screen: Harness, name: str) -> None:
    dialog = DIALOGS[name](on_screen)
    assert dialog is not None and dialog.isVisible()
    settle()
    assert layout_problems(dialog) == []
    assert dialog.screen() is on_screen.window.screen()
    if isinstance(dialog, QDialog | QMessageBox):
        dialog.reject()


LONG_ERROR = (
    "/home/runner/Downloads/"
    + "a-workout-exported-from-somewhere-else/" * 4
    + "workout.toml:4: kind: 'backward_crawl' is not a kind of segment; use one of "
    "warmup, backward_walk, backward_jog, backward_sprint, forward_run, walk, rest, cooldown. "
) * 2


def test_the_templates_buttons_never_move_under_the_pointer(on_screen: Harness) -> None:
    window = on_screen.window
    screen = window.templates_screen
    window.tabs.setCurrentWidget(screen)
    settle()

    def places() -> dict[str, object]:
        return {
            name: button.mapToGlobal(button.rect().center())
            for name, button in screen.buttons.items()
        }

    before = places()
    for message in ("Saved “Mixed”.", LONG_ERROR, ""):
        screen.tell(message)
        settle()
        assert places() == before, message
    screen.tell(LONG_ERROR)
    settle()
    assert layout_problems(window) == []
    # A long message scrolls in whole lines: no sliver of a sixth under the fifth.
    shown = screen.message_area.viewport().height()
    assert shown == MESSAGE_LINES * screen.message.fontMetrics().lineSpacing()
    import_point = window.mapFromGlobal(before["import"])  # type: ignore[arg-type]
    assert window.childAt(import_point) is screen.buttons["import"]


def test_a_segment_label_is_read_whole_beside_an_empty_note(on_screen: Harness) -> None:
    window = on_screen.window
    screen = window.templates_screen
    window.tabs.setCurrentWidget(screen)
    screen.select("First steps")
    settle()
    tree = screen.editor.tree
    label = "turn around and reset"
    assert label in screen.editor.text_view.toPlainText()
    assert tree.columnWidth(LABEL) >= tree.fontMetrics().horizontalAdvance(label)
