"""A row of weekday boxes for the training days, with the 2-3 a week advice beneath."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from retrotimer.core.programs.program_choice import DEFAULT_DAYS, WEEKDAYS
from retrotimer.core.programs.training_rhythm import rhythm_advice

USUAL_ADVICE = "2-3 sessions a week, with a rest day between, is the usual advice."


class TrainingDaysRow(QWidget):
    """`days()` is the days ticked, or the default days when none is."""

    def __init__(self, chosen: tuple[str, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.boxes: dict[str, QCheckBox] = {}
        for day in WEEKDAYS:
            box = QCheckBox(day.capitalize())
            box.setAccessibleName(f"Train on {day.capitalize()}")
            box.setChecked(day in chosen)
            box.toggled.connect(self._update_advice)
            self.boxes[day] = box
            row.addWidget(box)
        column.addLayout(row)
        self.advice = QLabel()
        self.advice.setWordWrap(True)
        self.advice.setTextFormat(Qt.TextFormat.PlainText)
        self.advice.setAccessibleName("Advice on training days")
        column.addWidget(self.advice)
        self._update_advice()

    def days(self) -> tuple[str, ...]:
        return tuple(day for day, box in self.boxes.items() if box.isChecked()) or DEFAULT_DAYS

    def _update_advice(self) -> None:
        self.advice.setText(rhythm_advice(self.days()) or USUAL_ADVICE)
