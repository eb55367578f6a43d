"""The list of a template's problems, errors first; choosing one shows where it is."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

if TYPE_CHECKING:
    from retrotimer.core.templates.validation import Problem

PROBLEM_ROLE = Qt.ItemDataRole.UserRole
# Rows shown at most: text with thousands of bad lines is read again after every key, and a
# row for each problem would make every key wait for the list.
MAX_SHOWN = 200


def problem_text(problem: Problem) -> str:
    """ "Error: line 3, column 5: ..." or "Warning: Segment 2.1: ..."."""
    kind = "Error" if problem.is_error else "Warning"
    place = f"line {problem.line}, column {problem.column or 1}: " if problem.line else ""
    return f"{kind}: {place}{problem.sentence()}"


class ProblemList(QListWidget):
    """Emits `chosen(Problem)` when the user clicks a row or activates it (Enter)."""

    chosen = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Problems")
        self.setWordWrap(True)
        self.setMaximumHeight(110)
        # One click, as on a link: a double click is what the style may ask for activation.
        self.itemClicked.connect(self._activated)
        self.itemActivated.connect(self._activated)
        self._problems: tuple[Problem, ...] = ()

    @property
    def problems(self) -> tuple[Problem, ...]:
        return self._problems

    def texts(self) -> list[str]:
        return [self.item(row).text() for row in range(self.count())]

    def show_problems(self, problems: Sequence[Problem]) -> None:
        ordered = tuple(sorted(problems, key=lambda problem: not problem.is_error))
        if ordered == self._problems:
            return
        self._problems = ordered
        self.clear()
        for problem in ordered[:MAX_SHOWN]:
            item = QListWidgetItem(problem_text(problem))
            item.setData(PROBLEM_ROLE, problem)
            self.addItem(item)
        if len(ordered) > MAX_SHOWN:
            more = len(ordered) - MAX_SHOWN
            self.addItem(f"…and {more} more; fix the ones above first.")
        self.setVisible(bool(ordered))

    def _activated(self, item: QListWidgetItem) -> None:
        problem = item.data(PROBLEM_ROLE)
        if problem is not None:
            self.chosen.emit(problem)
