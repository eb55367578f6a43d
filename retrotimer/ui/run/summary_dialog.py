"""After a session: what was done, and how it felt (how hard, near-stumbles, dizzy, pain)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from retrotimer.core.history.history_values import (
    MAX_NEAR_STUMBLES,
    MAX_NOTES_LENGTH,
    RATING_WORDS,
    Review,
)
from retrotimer.core.session.records import SessionOutcome, SessionSummary
from retrotimer.core.templates.text_rules import cleaned_text
from retrotimer.ui.common.formatting import total_clock_text

if TYPE_CHECKING:
    from retrotimer.core.history.program_ref import ProgramRef

STATUS_WORDS = {SessionOutcome.FINISHED: "Completed", SessionOutcome.STOPPED: "Stopped early"}
MOSTLY_SKIPPED = "Mostly skipped: less than half of it was done"
# Lines broken by hand rather than wrapped: a wrapped label's height depends on its width,
# which a dialog's size does not follow, so it would spill over the notes below it.
DIZZY_ADVICE = (
    "Stop and rest until it has passed. If the dizziness or pain<br>"
    "persists or comes back, see a doctor before you run backward<br>"
    "again. A program steps back a week after this."
)
ADVICE = f"<b>{DIZZY_ADVICE}</b>"
# Shown in the advice's place until dizziness or pain is ticked, in as many lines, so that
# ticking never moves Save and Skip.
REPORT_HINT = (
    "Tick what you felt during or after the session, even a little:<br>"
    "dizziness or pain is a reason to rest, and a program steps back<br>"
    "a week after it."
)


def plain_words(text: str) -> str:
    """Rich text of the advice as one line of words, for a screen reader."""
    return text.replace("<br>", " ").replace("<b>", "").replace("</b>", "")


def summary_lines(
    summary: SessionSummary, program: ProgramRef | None = None
) -> list[tuple[str, str]]:
    """Label and value pairs of the summary, in display order."""
    shown = [] if program is None else [("Program", program_words(program))]
    result = MOSTLY_SKIPPED if summary.mostly_skipped else STATUS_WORDS[summary.status]
    done, planned = total_clock_text(summary.active_s), total_clock_text(summary.planned_s)
    return shown + [
        ("Template", summary.template_name),
        ("Result", result),
        ("Time", f"{done} of {planned} planned"),
        ("Backward", f"{summary.backward_s / 60:.1f} min"),
        ("Backward steps", str(summary.backward_steps)),
    ]


def program_words(program: ProgramRef) -> str:
    lighter = " (lighter)" if program.lighter else ""
    return f"{program.name}, week {program.week}, session {program.session}{lighter}"


class SummaryDialog(QDialog):
    """Shows the totals; Save gives a review, Skip gives none (the session is kept anyway)."""

    def __init__(
        self,
        summary: SessionSummary,
        parent: QWidget | None = None,
        program: ProgramRef | None = None,
    ) -> None:
        super().__init__(parent)
        self.summary = summary
        self.setWindowTitle("Session summary")
        self.setAccessibleName("Session summary")
        layout = QVBoxLayout(self)
        heading = QLabel("<h2>Session summary</h2>")
        layout.addWidget(heading)
        totals = QFormLayout()
        self.values: dict[str, QLabel] = {}
        for label, value in summary_lines(summary, program):
            shown = QLabel(f"<b>{value}</b>")
            shown.setTextFormat(Qt.TextFormat.RichText)
            shown.setAccessibleName(label)
            shown.setAccessibleDescription(value)
            totals.addRow(f"{label}:", shown)
            self.values[label] = shown
        layout.addLayout(totals)

        form = QFormLayout()
        rating_row = QHBoxLayout()
        self.rating_group = QButtonGroup(self)
        self.rating_group.setExclusive(False)  # a second click takes the rating back
        self.rating_buttons: list[QPushButton] = []
        for number, words in RATING_WORDS.items():
            button = QPushButton(f"&{number}\n{words}")
            button.setCheckable(True)
            button.setAutoDefault(False)  # Enter saves the review; it never toggles a rating
            button.setMinimumSize(92, 56)
            button.setAccessibleName(f'Rating {number} "{words}"')
            self.rating_group.addButton(button, number)
            self.rating_buttons.append(button)
            rating_row.addWidget(button)
        self.rating_group.idToggled.connect(self._rating_toggled)
        rating_row.addStretch(1)
        form.addRow("How hard was it?", rating_row)
        self.near_stumbles = QSpinBox()
        self.near_stumbles.setRange(0, MAX_NEAR_STUMBLES)
        self.near_stumbles.setAccessibleName("Near-stumbles")
        form.addRow("&Near-stumbles:", self.near_stumbles)
        self.dizzy = QCheckBox("Felt &dizzy or off balance")
        self.dizzy.setAccessibleName("Felt dizzy or off balance")
        self.pain = QCheckBox("Felt &pain")
        self.pain.setAccessibleName("Felt pain")
        reports = QHBoxLayout()
        reports.addWidget(self.dizzy)
        reports.addWidget(self.pain)
        reports.addStretch(1)
        form.addRow("", reports)
        self.dizzy_advice = QLabel()
        self.dizzy_advice.setTextFormat(Qt.TextFormat.RichText)
        self.dizzy_advice.setAccessibleName("Advice")
        # As large as the larger of its two texts, so that the dialog keeps its size.
        hints = []
        for text in (ADVICE, REPORT_HINT):
            self.dizzy_advice.setText(text)
            hints.append(self.dizzy_advice.sizeHint())
        self.dizzy_advice.setMinimumSize(hints[0].expandedTo(hints[1]))
        for box in (self.dizzy, self.pain):
            box.toggled.connect(self._show_advice)
        form.addRow("", self.dizzy_advice)
        self._show_advice()
        self.notes = QPlainTextEdit()
        self.notes.setAccessibleName("Notes")
        self.notes.setPlaceholderText("How it went, what to change next time")
        self.notes.setTabChangesFocus(True)
        self.notes.installEventFilter(self)
        self.notes.setFixedHeight(110)
        form.addRow("N&otes:", self.notes)
        layout.addLayout(form)

        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton("Save", QDialogButtonBox.ButtonRole.AcceptRole)
        self.skip_button = self.buttons.addButton("Skip", QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.setAccessibleName("Save review")
        self.skip_button.setAccessibleName("Skip")
        self.save_button.setDefault(True)
        self.skip_button.setAutoDefault(False)
        save_shortcut = QShortcut(QKeySequence.StandardKey.Save, self)
        save_shortcut.activated.connect(self.accept)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.rating_buttons[0].setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter in the notes saves like everywhere else in the dialog; Shift+Enter starts a
        new line."""
        if (
            watched is self.notes
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        ):
            self.accept()
            return True
        return super().eventFilter(watched, event)

    def _rating_toggled(self, value: int, checked: bool) -> None:
        if checked:
            for button in self.rating_buttons:
                if self.rating_group.id(button) != value and button.isChecked():
                    button.setChecked(False)

    def _show_advice(self) -> None:
        shown = ADVICE if self.dizzy.isChecked() or self.pain.isChecked() else REPORT_HINT
        self.dizzy_advice.setText(shown)
        self.dizzy_advice.setAccessibleDescription(plain_words(shown))

    def rating(self) -> int | None:
        checked = self.rating_group.checkedId()
        return checked if checked > 0 else None

    def set_rating(self, value: int | None) -> None:
        for button in self.rating_buttons:
            button.setChecked(self.rating_group.id(button) == value)

    def review(self) -> Review:
        """What the runner entered (notes are cut to the longest the history keeps)."""
        return Review(
            rating=self.rating(),
            near_stumbles=self.near_stumbles.value(),
            notes=cleaned_text(self.notes.toPlainText()).strip()[:MAX_NOTES_LENGTH],
            dizzy=self.dizzy.isChecked(),
            pain=self.pain.isChecked(),
        )
