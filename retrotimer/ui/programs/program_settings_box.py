"""The Settings dialog's training program: which one, the week to start at, the training days."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QSpinBox,
    QWidget,
)

from retrotimer.core.history.calendar_days import civil_from_days, days_from_civil
from retrotimer.core.programs.program_choice import DEFAULT_DAYS, ProgramChoice
from retrotimer.core.value import replace
from retrotimer.ui.programs.training_days_row import TrainingDaysRow

if TYPE_CHECKING:
    from retrotimer.core.programs.program_model import Program

NO_PROGRAM = "No program: choose templates myself"


class ProgramSettingsBox(QGroupBox):
    """Edits a program choice; `choice()` is None when no program is chosen.

    Choosing another program or week starts it anew from the start day shown (today for a
    new choice); leaving both as they were keeps the program's own start day.
    """

    def __init__(
        self,
        programs: Sequence[Program],
        current: ProgramChoice | None,
        today: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Training program", parent)
        self._programs = list(programs)
        self._current = current
        form = QFormLayout(self)
        self.program = QComboBox()
        self.program.setAccessibleName("Training program")
        self.program.addItem(NO_PROGRAM, None)
        for program in self._programs:
            self.program.addItem(f"{program.name} ({len(program.weeks)} weeks)", program.name)
        form.addRow("&Program:", self.program)
        self.week = QSpinBox()
        self.week.setAccessibleName("Week to start at")
        form.addRow("Start at &week:", self.week)
        self.start_day = QDateEdit()
        self.start_day.setCalendarPopup(True)
        self.start_day.setDisplayFormat("yyyy-MM-dd")
        self.start_day.setAccessibleName("Start day")
        form.addRow("Start &day:", self.start_day)
        # The same row, and the same advice on 2-3 days a week, as the Programs screen's.
        self.days_row = TrainingDaysRow(current.training_days if current else DEFAULT_DAYS)
        self.days = self.days_row.boxes
        form.addRow("Training days:", self.days_row)
        self.program.currentIndexChanged.connect(self._program_changed)
        start = current.start_day if current else today
        self.start_day.setDate(QDate(*civil_from_days(start)))
        index = self.program.findData(current.name) if current else 0
        self.program.setCurrentIndex(max(index, 0))
        self._program_changed()
        if current is not None:
            self.week.setValue(current.start_week)

    def _selected(self) -> Program | None:
        name = self.program.currentData()
        return next((p for p in self._programs if p.name == name), None)

    def _program_changed(self) -> None:
        program = self._selected()
        enabled = program is not None
        for widget in (self.week, self.start_day, self.days_row):
            widget.setEnabled(enabled)
        self.week.setRange(1, len(program.weeks) if program else 1)
        self.week.setValue(1)

    def choice(self) -> ProgramChoice | None:
        program = self._selected()
        if program is None:
            return None
        date = self.start_day.date()
        choice = ProgramChoice(
            program.name,
            days_from_civil(date.year(), date.month(), date.day()),
            self.week.value(),
            self.days_row.days(),
        )
        current = self._current
        same = current is not None and (choice.name, choice.start_day, choice.start_week) == (
            current.name,
            current.start_day,
            current.start_week,
        )
        # The same program from the same day: the times it was resumed still hold.
        return replace(choice, resumed=current.resumed) if same and current else choice
