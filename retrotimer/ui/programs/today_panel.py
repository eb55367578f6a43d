"""Today: the program session the coach proposes, why, and big Start / Lighter / Other."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QFont, QKeySequence, QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from retrotimer.core.history.program_ref import ProgramRef
from retrotimer.core.model import Template
from retrotimer.core.programs.coach import Proposal
from retrotimer.core.settings import Settings
from retrotimer.ui.common.big_button import BigButton
from retrotimer.ui.programs.today_texts import TodayView, today_view

# Text heights as shares of the panel's height: the place and the session read from 3 m.
_SHARES = {
    "program": 0.04,
    "place": 0.085,
    "decision": 0.055,
    "focus": 0.04,
    "session": 0.044,
    "outline": 0.033,
    "reasons": 0.034,
    "lighter": 0.03,
}
_BOLD = {"place", "decision", "session"}


def _label(*, mono: bool = False) -> QLabel:
    label = QLabel()
    if mono:
        label.setFont(QFont("monospace"))
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    return label


class TodayPanel(QWidget):
    """Shows a proposal; Space (while the panel is shown) or Start runs it.

    `start_requested` carries the template and the program session it is run for;
    `other_requested` asks for the template list instead. While the program is paused the
    Start button resumes it (`resume_requested`), by a click only: a key pressed in passing
    must not go past the advice to see a doctor.
    """

    start_requested = Signal(object, object)
    other_requested = Signal()
    resume_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Today")
        self.proposal: Proposal | None = None
        self.view: TodayView | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.setSpacing(10)
        self.program_label = _label()
        self.place_label = _label()
        self.decision_label = _label()
        self.focus_label = _label()
        self.session_label = _label()
        self.outline_label = _label(mono=True)
        self.reasons_label = _label()
        self.lighter_label = _label()
        self.labels = {
            "program": self.program_label,
            "place": self.place_label,
            "decision": self.decision_label,
            "focus": self.focus_label,
            "session": self.session_label,
            "outline": self.outline_label,
            "reasons": self.reasons_label,
            "lighter": self.lighter_label,
        }
        for label in self.labels.values():
            layout.addWidget(label)
        layout.addStretch(1)
        buttons = QHBoxLayout()
        buttons.setSpacing(16)
        self.start_button = BigButton("Start", "Space")
        self.lighter_button = BigButton("Lighter", "L")
        self.other_button = BigButton("Other template", "O")
        for button in (self.start_button, self.lighter_button, self.other_button):
            buttons.addWidget(button)
        for index, stretch in enumerate((3, 2, 2)):
            buttons.setStretch(index, stretch)
        layout.addLayout(buttons)
        self.start_button.clicked.connect(self.start)
        self.lighter_button.clicked.connect(self.start_lighter)
        self.other_button.clicked.connect(self.other_requested.emit)
        self.actions_by_key: dict[str, QAction] = {}
        for key, slot in (("Space", self.start), ("L", self.start_lighter), ("O", self.other)):
            action = QAction(key, self)
            action.setShortcut(QKeySequence(key))
            # Like the run screen's keys: while the panel is shown, whatever has the focus.
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.setAutoRepeat(False)
            action.triggered.connect(slot)
            self.addAction(action)
            self.actions_by_key[key] = action
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        height = max(self.height(), 300)
        for name, label in self.labels.items():
            font = QFont(label.font())
            font.setPixelSize(max(12, round(height * _SHARES[name])))
            font.setBold(name in _BOLD)
            label.setFont(font)
        for button in (self.start_button, self.lighter_button, self.other_button):
            button.setMinimumHeight(max(72, round(height * 0.14)))
            for label, share in ((button.action_label, 0.044), (button.keys_label, 0.026)):
                font = QFont(label.font())
                font.setPixelSize(max(12, round(height * share)))
                label.setFont(font)

    def show_proposal(self, proposal: Proposal, settings: Settings) -> None:
        self.proposal = proposal
        view = today_view(proposal, settings)
        self.view = view
        self.program_label.setText(view.program)
        self.place_label.setText(view.place)
        self.decision_label.setText(view.decision)
        self.focus_label.setText(view.focus)
        self.session_label.setText(view.session)
        self.outline_label.setText("\n".join(view.outline))
        self.reasons_label.setText(view.reasons)
        self.lighter_label.setText(view.lighter)
        self.start_button.set_action(view.start_label)
        paused = proposal.paused
        self.lighter_button.setEnabled(not paused)
        for key in ("Space", "L"):
            self.actions_by_key[key].setEnabled(not paused)
        self.start_button.keys_label.setText("click" if paused else "Space")
        self.setAccessibleDescription(f"{view.place}. {view.reasons}")

    def _emit(self, template: Template, ref: ProgramRef) -> None:
        self.start_requested.emit(template, ref)

    def start(self) -> None:
        if self.proposal is not None and self.proposal.paused:
            self.resume_requested.emit()
        elif self.proposal is not None:
            self._emit(self.proposal.template, self.proposal.ref)

    def start_lighter(self) -> None:
        if self.proposal is not None and not self.proposal.paused:
            self._emit(self.proposal.lighter, self.proposal.lighter_ref)

    def other(self) -> None:
        self.other_requested.emit()
