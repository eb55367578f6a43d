"""Today: the program session the coach proposes, why, and big Start / Lighter / Other; after
a report of dizziness or pain, a big Rest and a small Start anyway."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QFont, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from retrotimer.ui.common.actions import text_action
from retrotimer.ui.common.big_button import BigButton

# The coach's words are imported with the first proposal: after the window's first paint.
if TYPE_CHECKING:
    from retrotimer.core.history.program_ref import ProgramRef
    from retrotimer.core.model import Template
    from retrotimer.core.programs.coach import Proposal
    from retrotimer.core.settings import Settings
    from retrotimer.ui.programs.today_texts import TodayView

# Text heights as shares of the panel's height: the place and the session read from 3 m.
_SHARES = {
    "caution": 0.04,
    "program": 0.04,
    "place": 0.075,
    "schedule": 0.028,
    "decision": 0.05,
    "focus": 0.04,
    "session": 0.044,
    "outline": 0.033,
    "reasons": 0.034,
    "lighter": 0.03,
}
# How far the texts may shrink to fit a long session and its reasons.
_SMALLEST_SCALE = 0.6
_BOLD = {"caution", "place", "decision", "session"}
# Button widths in the row: Rest (shown only after a report), Start, Lighter, Other.
_STRETCH = (0, 3, 2, 2)
_STRETCH_AFTER_REPORT = (5, 2, 2, 2)
START_ANYWAY_KEYS = "Shift+S"
REST = "Rest today"
RESTING = "Resting today"


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

    While the coach rests for a report of dizziness or pain, Space is Rest instead: the button
    then says the rest is taken and `rest_requested` tells the window, which stays open; starting
    is a smaller button on Shift+S. `start_requested` carries the template and the program
    session it is run for; `other_requested` asks for the template list instead.
    While the program is paused the Start button resumes it (`resume_requested`), by a click
    only: a key pressed in passing must not go past the advice to see a doctor.
    """

    start_requested = Signal(object, object)
    other_requested = Signal()
    rest_requested = Signal()
    resume_requested = Signal()
    programs_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Today")
        # The height the texts fill: the panel's own, or that of the view it scrolls in, as
        # its holder tells it (the view, asked of Qt as the parent widget, is of a class Qt
        # keeps private, which PySide6 would look up among every Qt class).
        self.room: Callable[[], int] = self.height
        self.proposal: Proposal | None = None
        self.view: TodayView | None = None
        layout = QVBoxLayout(self)
        self._column = layout
        layout.setContentsMargins(32, 24, 32, 24)
        layout.setSpacing(10)
        self.caution_label = _label()
        self.caution_label.setAccessibleName("Caution")
        self.caution_label.setVisible(False)
        self.program_label = _label()
        self.place_label = _label()
        self.schedule_label = _label()
        self.schedule_label.setAccessibleName("This week's sessions")
        self.decision_label = _label()
        self.focus_label = _label()
        self.session_label = _label()
        self.outline_label = _label(mono=True)
        self.reasons_label = _label()
        self.lighter_label = _label()
        self.labels = {
            "caution": self.caution_label,
            "program": self.program_label,
            "place": self.place_label,
            "schedule": self.schedule_label,
            "decision": self.decision_label,
            "focus": self.focus_label,
            "session": self.session_label,
            "outline": self.outline_label,
            "reasons": self.reasons_label,
            "lighter": self.lighter_label,
        }
        header = QHBoxLayout()
        header.addWidget(self.program_label, 1)
        self.programs_button = QPushButton("Programs and weeks (G)")
        self.programs_button.setAccessibleName("Programs and weeks")
        self.programs_button.clicked.connect(self.programs_requested.emit)
        header.addWidget(self.programs_button, 0, Qt.AlignmentFlag.AlignTop)
        for name, label in self.labels.items():
            if name == "program":
                layout.addLayout(header)
            else:
                layout.addWidget(label)
        layout.addStretch(1)
        buttons = QHBoxLayout()
        buttons.setSpacing(16)
        self.rest_button = BigButton(REST, "Space")
        self.start_button = BigButton("Start", "Space")
        self.lighter_button = BigButton("Lighter", "L")
        self.other_button = BigButton("Other template", "O")
        self.buttons = (self.rest_button, self.start_button, self.lighter_button, self.other_button)
        for button in self.buttons:
            buttons.addWidget(button)
        self.button_row = buttons
        layout.addLayout(buttons)
        self.rest_button.clicked.connect(self.rest)
        self.start_button.clicked.connect(self.start)
        self.lighter_button.clicked.connect(self.start_lighter)
        self.other_button.clicked.connect(self.other_requested.emit)
        self.actions_by_key: dict[str, QAction] = {}
        for key, slot in (
            ("Space", self.space),
            (START_ANYWAY_KEYS, self.start),
            ("L", self.start_lighter),
            ("O", self.other),
            ("G", self.programs_requested.emit),
        ):
            action = text_action(key, self)
            action.setShortcut(QKeySequence(key))
            # Like the run screen's keys: while the panel is shown, whatever has the focus.
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.setAutoRepeat(False)
            action.triggered.connect(slot)
            self.addAction(action)
            self.actions_by_key[key] = action
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._arrange_buttons()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_texts()

    def _room(self) -> int:
        """The height to fill: in a scroll area the panel grows to what its texts need, so
        their room is the view's."""
        return self.room()

    def _fit_texts(self) -> None:
        """Texts at their shares of the height; a session with more to say than the height
        holds gets them all a little smaller, never cut short."""
        room = self._room()
        height = max(room, 300)
        scale = 1.0
        while True:
            for name, label in self.labels.items():
                font = QFont(label.font())
                font.setPixelSize(max(12, round(height * _SHARES[name] * scale)))
                font.setBold(name in _BOLD)
                label.setFont(font)
            self._size_buttons()
            needed = self._column.totalHeightForWidth(self.width())
            if needed <= room or scale <= _SMALLEST_SCALE:
                return
            scale -= 0.05

    def _size_buttons(self) -> None:
        """The first choice's words at full size; after a report the other choices' smaller,
        so that they fit their narrower buttons."""
        height = max(self._room(), 300)
        first = self.rest_button if self.rest_first else self.start_button
        for button in self.buttons:
            button.setMinimumHeight(max(72, round(height * 0.14)))
            action = 0.044 if button is first or not self.rest_first else 0.03
            for label, share in ((button.action_label, action), (button.keys_label, 0.026)):
                font = QFont(label.font())
                font.setPixelSize(max(12, round(height * share)))
                label.setFont(font)

    def show_proposal(self, proposal: Proposal, settings: Settings) -> None:
        """Show `proposal`; while it rests for a report of dizziness or pain, resting is the
        first choice."""
        from retrotimer.ui.programs.today_texts import today_view

        self.proposal = proposal
        view = today_view(proposal, settings)
        self.view = view
        self.caution_label.setText(view.caution)
        self.caution_label.setVisible(bool(view.caution))
        # Resting first, the outline gives way to why: the session line still names it.
        self.outline_label.setVisible(not view.caution)
        self.program_label.setText(view.program)
        self.place_label.setText(view.place)
        self.decision_label.setText(view.decision)
        self.focus_label.setText(view.focus)
        self.session_label.setText(view.session)
        self.outline_label.setText("\n".join(view.outline))
        self.reasons_label.setText(view.reasons)
        self.lighter_label.setText(view.lighter)
        self.start_button.set_action(view.start_label)
        self._arrange_buttons()
        self._fit_texts()
        caution = f"{view.caution} " if view.caution else ""
        self.setAccessibleDescription(f"{caution}{view.place}. {view.reasons}")

    def show_schedule(self, text: str) -> None:
        """The week's sessions in one line (nothing while paused)."""
        self.schedule_label.setText(text)
        self.schedule_label.setVisible(bool(text))
        self._fit_texts()

    @property
    def rest_first(self) -> bool:
        return self.view is not None and bool(self.view.caution)

    def _arrange_buttons(self) -> None:
        """Rest big and first on Space after a report; otherwise Start is."""
        rest_first = self.rest_first
        paused = self.proposal is not None and self.proposal.paused
        self.rest_button.setVisible(rest_first)
        self.rest_button.set_action(REST)
        self.rest_button.setEnabled(True)
        self.start_button.set_keys(
            "click" if paused else START_ANYWAY_KEYS if rest_first else "Space"
        )
        self.lighter_button.setEnabled(not paused)
        for key in (START_ANYWAY_KEYS, "L"):
            self.actions_by_key[key].setEnabled(not paused)
        for index, stretch in enumerate(_STRETCH_AFTER_REPORT if rest_first else _STRETCH):
            self.button_row.setStretch(index, stretch)
        self._size_buttons()

    def space(self) -> None:
        """Space: rest after a report of dizziness or pain; otherwise start, unless the
        program is paused (then only a click resumes it)."""
        if self.rest_first:
            self.rest()
        elif self.proposal is not None and not self.proposal.paused:
            self.start()

    def rest(self) -> None:
        """Take the rest the coach asks for, once: the button says so until the next
        proposal."""
        if self.rest_first and self.rest_button.isEnabled():
            self.rest_button.set_action(RESTING)
            self.rest_button.setEnabled(False)
            self.rest_requested.emit()

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
