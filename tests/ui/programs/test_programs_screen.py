"""The Programs screen: reached from Today and the Go menu, it shows the weeks, starts a
program at the week the placement question proposes, changes the days, stops, and after the
last week celebrates and offers what comes next."""

from __future__ import annotations

from PySide6.QtCore import Qt

from retrotimer.core.history.calendar_days import local_day
from retrotimer.core.programs.beyond_program import keep_level_days
from retrotimer.core.programs.builtin_programs import LEARN, TREADMILL, TWENTY, builtin_program
from retrotimer.core.programs.placement import Experience
from retrotimer.core.programs.program_choice import DEFAULT_DAYS, ProgramChoice
from retrotimer.core.session.session_machine import SessionState
from retrotimer.core.value import replace
from retrotimer.storage.program_store import ProgramLibrary
from retrotimer.ui.programs.programs_screen import ProgramsScreen
from tests.core.programs.program_history import START, ran, recorded
from tests.ui.conftest import Harness


def following(harness: Harness, choice: ProgramChoice | None) -> ProgramLibrary:
    library = ProgramLibrary(harness.paths)
    if choice is not None:
        library.choose(choice)
    harness.window.close()
    harness.parts = replace(harness.parts, programs=library)
    harness.window = harness.make_window()
    harness.show()
    return library


def today(harness: Harness) -> int:
    return local_day(harness.wall_clock())


def learn_week_10_with_two_done(harness: Harness) -> ProgramLibrary:
    """Learning followed from week 10, its first two sessions done well in the last days."""
    learn = builtin_program(LEARN)
    assert learn is not None
    on = today(harness) - START
    done = [ran(learn, on - 4, 10, 1, number=0), ran(learn, on - 2, 10, 2, number=1)]
    harness.history.import_sessions(recorded(learn, entry) for entry in done)
    return following(harness, ProgramChoice(LEARN, today(harness) - 5, 10))


def test_today_opens_the_programs_screen_on_the_program_followed(harness: Harness) -> None:
    following(harness, ProgramChoice(LEARN, today(harness)))
    window = harness.window
    assert window.today_panel.schedule_label.text().startswith("This week: 1.1 today · 1.2 ")
    harness.qtbot.keyClick(window, Qt.Key.Key_G)
    screen = window.tabs.currentWidget()
    assert isinstance(screen, ProgramsScreen)
    assert screen.selected is not None and screen.selected.name == LEARN
    assert screen.grid.rowCount() == 10 and screen.grid.columnCount() == 1 + 3
    learn = builtin_program(LEARN)
    assert learn is not None
    assert screen.grid.item(0, 0).text() == learn.weeks[0].focus
    assert screen.grid.verticalHeaderItem(2).text() == "Week 3 (walking)"
    assert screen.grid.item(0, 1).text() == "2.4 min next"
    assert screen.grid.item(9, 3).text() == "10 min"
    assert "week 1 of 10, next session 1.1" in screen.status_label.text()
    assert screen.stop_button.isVisible() and not screen.start_button.isVisible()


def test_starting_asks_what_you_have_done_and_proposes_a_week(harness: Harness) -> None:
    library = following(harness, None)
    window = harness.window
    window.go_menu.actions()[3].trigger()
    screen = window.programs_screen
    assert window.tabs.currentWidget() is screen
    screen.select(TREADMILL)
    assert screen.start_button.isVisible() and screen.advice_label.text().startswith(
        "New to backward running: start at week 1."
    )
    screen.start_button.click()
    dialog = screen.placement_dialog
    assert dialog is not None and dialog.week.value() == 1
    dialog.experience[Experience.WALKED].click()
    dialog.minutes.setValue(7)  # weeks 1-3 hold at most 7 backward minutes, week 4 more
    assert dialog.week.value() == 3
    assert dialog.proposal.text().startswith("Start at week 3 of 6: backward walks of three")
    dialog.days.boxes["fri"].click()
    assert (
        dialog.days.advice.text()
        == "2-3 sessions a week, with a rest day between, is the usual advice."
    )
    dialog.accept()
    active = library.active()
    assert active is not None
    assert (active[0].name, active[1].start_week, active[1].training_days) == (
        TREADMILL,
        3,
        ("mon", "wed"),
    )
    assert window.today_panel.view is not None
    assert window.today_panel.view.place.startswith("Week 3 of 6")
    assert screen.stop_button.isVisible() and "(following)" in screen.catalogue.item(1).text()


def test_the_days_change_and_stopping_ends_the_program(harness: Harness) -> None:
    library = following(harness, ProgramChoice(LEARN, today(harness)))
    screen = harness.window.show_programs()
    screen.days.boxes["sat"].click()
    screen.days_button.click()
    active = library.active()
    assert active is not None and active[1].training_days == (*DEFAULT_DAYS, "sat")
    assert screen.days.advice.text().startswith("2-3 sessions a week, with a rest day between")
    screen.stop_button.click()
    assert library.active() is None
    tabs = harness.window.tabs
    assert not tabs.isTabVisible(tabs.indexOf(harness.window.today_tab))
    assert screen.start_button.isVisible()


def test_the_session_that_completes_a_program_opens_the_celebration(harness: Harness) -> None:
    library = learn_week_10_with_two_done(harness)
    window = harness.window
    harness.qtbot.keyClick(window, Qt.Key.Key_Space)
    harness.run_until(lambda: harness.state() is SessionState.FINISHED, limit_s=2000)
    summary = window.summary_dialog
    assert summary is not None
    summary.rating_buttons[2].click()  # "just right"
    summary.save_button.click()
    screen = window.programs_screen
    assert window.tabs.currentWidget() is screen
    dialog = screen.completion_dialog
    assert dialog is not None
    lines = dialog.summary.text().split("\n")
    assert lines[0].startswith(f"You finished {LEARN}: 3 sessions in 1 week, 30 backward minutes")
    assert lines[1] == "Your first session held 10 backward minutes; your longest, 10."
    assert dialog.next_button is not None and TWENTY in dialog.next_button.text()
    dialog.next_button.click()
    active = library.active()
    assert active is not None
    assert active[1] == ProgramChoice(TWENTY, today(harness), 1, DEFAULT_DAYS)
    assert window.today_panel.view is not None and window.today_panel.view.program == TWENTY


def test_keeping_the_level_trains_twice_a_week(harness: Harness) -> None:
    learn = builtin_program(LEARN)
    assert learn is not None
    on = today(harness) - START
    done = [ran(learn, on - 6 + 2 * n, 10, n + 1, number=n) for n in range(3)]
    harness.history.import_sessions(recorded(learn, entry) for entry in done)
    library = following(harness, ProgramChoice(LEARN, today(harness) - 7, 10))
    screen = harness.window.show_programs()
    assert screen.status_label.text() == "Complete: all 10 weeks done. Well done!"
    assert screen.next_button.isVisible()
    assert "Programs shows your journey" in harness.window.today_panel.schedule_label.text()
    screen.next_button.click()
    dialog = screen.completion_dialog
    assert dialog is not None
    dialog.keep_button.click()
    active = library.active()
    assert active is not None
    assert active[1] == ProgramChoice(LEARN, today(harness) - 7, 10, keep_level_days(DEFAULT_DAYS))


def test_the_welcome_offers_learning_first_and_follows_it(harness: Harness) -> None:
    library = following(harness, None)
    window = harness.window
    window.show_welcome()
    dialog = window.welcome_dialog
    assert dialog is not None and dialog.follow_program is not None
    assert dialog.follow_program.isChecked() and LEARN in dialog.follow_program.text()
    dialog.done_button.click()
    active = library.active()
    assert active is not None and active[1] == ProgramChoice(LEARN, today(harness))
    assert window.tabs.currentWidget() is window.today_tab


def test_the_grid_shows_the_sessions_run_since_it_was_last_shown(harness: Harness) -> None:
    following(harness, ProgramChoice(LEARN, today(harness)))
    window = harness.window
    screen = window.show_programs()
    assert screen.grid.item(0, 1).text() == "2.4 min next"
    window.tabs.setCurrentWidget(window.run_screen)
    learn = builtin_program(LEARN)
    assert learn is not None
    first = ran(learn, today(harness) - START, 1, 1)
    harness.history.import_sessions([recorded(learn, first)])
    window.tabs.setCurrentWidget(screen)
    assert screen.grid.item(0, 1).text() == "2.4 min done"
    assert screen.grid.item(0, 2).text().endswith("next")
