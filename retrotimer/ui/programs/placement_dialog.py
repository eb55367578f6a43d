"""Starting a program: what the runner has done backward proposes the week to start at."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from retrotimer.core.programs.placement import Experience, placement_text, placement_week
from retrotimer.core.programs.program_choice import DEFAULT_DAYS, ProgramChoice
from retrotimer.ui.programs.training_days_row import TrainingDaysRow

if TYPE_CHECKING:
    from retrotimer.core.programs.program_model import Program
    from retrotimer.core.settings import Settings

QUESTION = "Have you walked or jogged backward before?"


def _wrapped(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class PlacementDialog(QDialog):
    """Start proposes a week from the answers; the runner may change it before starting."""

    def __init__(
        self,
        program: Program,
        settings: Settings,
        days: tuple[str, ...] = DEFAULT_DAYS,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.program = program
        self._settings = settings
        title = f"Start {program.name}"
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        layout = QVBoxLayout(self)
        layout.addWidget(_wrapped(QUESTION))
        self.answers = QButtonGroup(self)
        self.experience: dict[Experience, QRadioButton] = {}
        for experience in Experience:
            button = QRadioButton(experience.question_text)
            button.setAccessibleName(experience.question_text)
            self.answers.addButton(button)
            self.experience[experience] = button
            layout.addWidget(button)
        self.experience[Experience.NEVER].setChecked(True)
        form = QFormLayout()
        self.minutes = QDoubleSpinBox()
        self.minutes.setRange(0.5, 120)
        self.minutes.setSingleStep(0.5)
        self.minutes.setDecimals(1)
        self.minutes.setValue(2)
        self.minutes.setSuffix(" min")
        self.minutes.setAccessibleName("Backward minutes in one session, comfortably")
        form.addRow("Backward minutes in one session, &comfortably:", self.minutes)
        self.week = QSpinBox()
        self.week.setRange(1, len(program.weeks))
        self.week.setAccessibleName("Week to start at")
        form.addRow("Start at &week:", self.week)
        self.days = TrainingDaysRow(days)
        form.addRow("Training days:", self.days)
        layout.addLayout(form)
        self.proposal = _wrapped()
        self.proposal.setAccessibleName("Proposed week")
        layout.addWidget(self.proposal)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        start = buttons.button(QDialogButtonBox.StandardButton.Ok)
        start.setText("Start")
        start.setAccessibleName("Start the program")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.answers.buttonToggled.connect(self._propose)
        self.minutes.valueChanged.connect(self._propose)
        self.week.valueChanged.connect(self._describe)
        self._propose()

    def answer(self) -> Experience:
        return next(e for e, button in self.experience.items() if button.isChecked())

    def _propose(self) -> None:
        experience = self.answer()
        self.minutes.setEnabled(experience is not Experience.NEVER)
        self.week.setValue(
            placement_week(self.program, experience, self.minutes.value(), self._settings)
        )
        self._describe()

    def _describe(self) -> None:
        self.proposal.setText(placement_text(self.program, self.week.value()))

    def choice(self, today: int) -> ProgramChoice:
        return ProgramChoice(self.program.name, today, self.week.value(), self.days.days())
