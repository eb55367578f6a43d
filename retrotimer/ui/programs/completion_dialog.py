"""A program complete: the celebration, the journey, and what comes next."""

from __future__ import annotations

import enum

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QVBoxLayout, QWidget

from retrotimer.core.programs.beyond_program import KEEP_LEVEL_PER_WEEK
from retrotimer.core.programs.journey import Journey, journey_lines

MINIMUM_WIDTH = 640


def _scaled(font: QFont, scale: float, *, bold: bool = False) -> QFont:
    scaled = QFont(font)
    scaled.setPointSizeF(font.pointSizeF() * scale)
    scaled.setBold(bold)
    return scaled


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
        # Read standing up, perhaps from a step or two away: larger than the window's text.
        self.setFont(_scaled(self.font(), 1.2))
        self.setMinimumWidth(MINIMUM_WIDTH)
        layout = QVBoxLayout(self)
        layout.setSpacing(14)
        heading = QLabel("Well done: every week of the program is behind you.")
        heading.setFont(_scaled(self.font(), 1.5, bold=True))
        heading.setWordWrap(True)
        layout.addWidget(heading)
        self.summary = QLabel("\n".join(journey_lines(done)))
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setAccessibleName("Your journey")
        self.summary.setFont(self.font())
        layout.addWidget(self.summary)
        self.keep_button = QPushButton(
            f"Keep the level: the last week's sessions, {KEEP_LEVEL_PER_WEEK} a week"
        )
        self.keep_button.clicked.connect(lambda: self._chosen(AfterProgram.KEEP_LEVEL))
        layout.addWidget(self.keep_button)
        self.next_button: QPushButton | None = None
        if next_program:
            self.next_button = QPushButton(f"Next step: {next_program}, from where you are now")
            self.next_button.clicked.connect(lambda: self._chosen(AfterProgram.NEXT_STEP))
            layout.addWidget(self.next_button)
        later = QPushButton("Decide later")
        later.clicked.connect(self.reject)
        layout.addWidget(later)
        for button in (self.keep_button, self.next_button, later):
            if button is not None:
                button.setAccessibleName(button.text())
                button.setFont(self.font())
                button.setMinimumHeight(48)
        (self.next_button or self.keep_button).setDefault(True)

    def _chosen(self, after: AfterProgram) -> None:
        self.after = after
        self.accept()
