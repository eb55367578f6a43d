"""A program complete: the celebration, the journey, and what comes next."""

from __future__ import annotations

import enum

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QVBoxLayout, QWidget

from retrotimer.core.programs.beyond_program import KEEP_LEVEL_PER_WEEK
from retrotimer.core.programs.journey import Journey, journey_lines


class AfterProgram(enum.Enum):
    """What the runner chose: the level kept twice a week, the next program, or nothing yet."""

    KEEP_LEVEL = "keep_level"
    NEXT_STEP = "next_step"
    LATER = "later"


class CompletionDialog(QDialog):
    """`after` holds the runner's choice once the dialog is closed."""

    def __init__(self, done: Journey, next_program: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = f"{done.program}: complete"
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.after = AfterProgram.LATER
        layout = QVBoxLayout(self)
        heading = QLabel("Well done: every week of the program is behind you.")
        font = QFont(heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        heading.setFont(font)
        heading.setWordWrap(True)
        layout.addWidget(heading)
        self.summary = QLabel("\n".join(journey_lines(done)))
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setAccessibleName("Your journey")
        layout.addWidget(self.summary)
        self.keep_button = QPushButton(
            f"Keep the level: {KEEP_LEVEL_PER_WEEK} sessions a week of the last week"
        )
        self.keep_button.clicked.connect(lambda: self._chosen(AfterProgram.KEEP_LEVEL))
        layout.addWidget(self.keep_button)
        self.next_button: QPushButton | None = None
        if next_program:
            self.next_button = QPushButton(f"Next step: {next_program}, from where you are")
            self.next_button.clicked.connect(lambda: self._chosen(AfterProgram.NEXT_STEP))
            layout.addWidget(self.next_button)
        later = QPushButton("Decide later")
        later.clicked.connect(self.reject)
        layout.addWidget(later)
        for button in (self.keep_button, self.next_button, later):
            if button is not None:
                button.setAccessibleName(button.text())
        (self.next_button or self.keep_button).setDefault(True)

    def _chosen(self, after: AfterProgram) -> None:
        self.after = after
        self.accept()
