"""Choosing a training program, its start week, start day and training days in Settings."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from retrotimer.core.history.calendar_days import days_from_civil
from retrotimer.core.programs.builtin_programs import BUILTIN_PROGRAMS, LEARN, TREADMILL
from retrotimer.core.programs.program_choice import ProgramChoice
from retrotimer.core.programs.training_rhythm import rhythm_advice
from retrotimer.ui.programs.program_settings_box import ProgramSettingsBox
from retrotimer.ui.programs.training_days_row import USUAL_ADVICE

TODAY = days_from_civil(2026, 3, 4)


def test_no_program_gives_no_choice_and_disables_the_fields(qtbot: QtBot) -> None:
    box = ProgramSettingsBox(BUILTIN_PROGRAMS, None, TODAY)
    qtbot.addWidget(box)
    assert box.choice() is None
    assert not box.week.isEnabled() and not box.days["mon"].isEnabled()


def test_a_current_choice_is_shown_and_given_back(qtbot: QtBot) -> None:
    current = ProgramChoice(LEARN, days_from_civil(2026, 3, 2), 3, ("tue", "sat"))
    box = ProgramSettingsBox(BUILTIN_PROGRAMS, current, TODAY)
    qtbot.addWidget(box)
    assert box.choice() == current
    assert box.week.maximum() == 10


def test_choosing_a_program_sets_its_weeks_and_takes_the_days_ticked(qtbot: QtBot) -> None:
    box = ProgramSettingsBox(BUILTIN_PROGRAMS, None, TODAY)
    qtbot.addWidget(box)
    box.program.setCurrentIndex(box.program.findData(TREADMILL))
    assert box.week.maximum() == 6
    box.week.setValue(2)
    box.days["mon"].setChecked(False)
    box.days["sun"].setChecked(True)
    assert box.choice() == ProgramChoice(TREADMILL, TODAY, 2, ("wed", "fri", "sun"))
    assert box.days_row.advice.text() == USUAL_ADVICE


def test_the_days_carry_the_advice_on_two_or_three_a_week(qtbot: QtBot) -> None:
    box = ProgramSettingsBox(BUILTIN_PROGRAMS, ProgramChoice(LEARN, TODAY), TODAY)
    qtbot.addWidget(box)
    for day in ("mon", "wed"):
        box.days[day].setChecked(False)
    assert box.days_row.advice.text() == rhythm_advice(("fri",))
    assert box.days_row.advice.text().startswith("2-3 sessions a week, with a rest day between")


def test_the_settings_dialog_carries_the_program_box(qtbot: QtBot) -> None:
    from retrotimer.core.settings import Settings
    from retrotimer.ui.shell.settings_dialog import SettingsDialog

    box = ProgramSettingsBox(BUILTIN_PROGRAMS, None, TODAY)
    dialog = SettingsDialog(Settings(), programs=box)
    qtbot.addWidget(dialog)
    assert dialog.isAncestorOf(box) and dialog.programs is box
