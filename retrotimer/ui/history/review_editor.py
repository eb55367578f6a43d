"""The review of one session in the History details: every field of it, shown and edited."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from retrotimer.core.history.history_values import (
    MAX_NEAR_STUMBLES,
    MAX_NOTES_LENGTH,
    OLD_REPORT_WORDS,
    RATING_WORDS,
    Review,
)
from retrotimer.core.templates.text_rules import cleaned_text

NOT_GIVEN = -1  # the near-stumbles box's value for "not given"
OLD_REPORT = OLD_REPORT_WORDS[:1].upper() + OLD_REPORT_WORDS[1:]


class ReviewEditor(QWidget):
    """Shows a whole review and gives back a whole review: whatever it writes, it showed.

    Signal: `save_requested` when Save review is pressed.
    """

    save_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Review")
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.rating = QComboBox()
        self.rating.setAccessibleName("Rating")
        self.rating.addItem("Not rated", None)
        for number, words in RATING_WORDS.items():
            self.rating.addItem(f"{number} · {words}", number)
        self.near_stumbles = QSpinBox()
        self.near_stumbles.setAccessibleName("Near-stumbles")
        self.near_stumbles.setRange(NOT_GIVEN, MAX_NEAR_STUMBLES)
        self.near_stumbles.setSpecialValueText("not given")
        self.dizzy = QCheckBox("Felt d&izzy or off balance")
        self.dizzy.setAccessibleName("Felt dizzy or off balance")
        self.pain = QCheckBox("Felt &pain")
        self.pain.setAccessibleName("Felt pain")
        # The one report of sessions reviewed before dizziness and pain were apart: shown
        # only for them, and replaced as soon as the runner says which it was.
        self.dizzy_or_pain = QCheckBox(OLD_REPORT)
        self.dizzy_or_pain.setAccessibleName(OLD_REPORT)
        for report in (self.dizzy, self.pain):
            report.toggled.connect(self._replace_old_report)
        reports = QHBoxLayout()
        reports.addWidget(self.dizzy)
        reports.addWidget(self.pain)
        reports.addStretch(1)
        self.notes = QPlainTextEdit()
        self.notes.setAccessibleName("Notes")
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(70)
        self.save_review = QPushButton("Sa&ve review")
        self.save_review.setAccessibleName("Save review")
        self.save_review.clicked.connect(self.save_requested.emit)
        form.addRow("Ra&ting:", self.rating)
        form.addRow("Near-st&umbles:", self.near_stumbles)
        form.addRow("Felt:", reports)
        form.addRow("", self.dizzy_or_pain)
        form.addRow("N&otes:", self.notes)
        form.addRow("", self.save_review)
        self.show_review(None)

    def show_review(self, review: Review | None) -> None:
        """Show `review` (None: no session chosen, nothing to edit)."""
        editable = (self.rating, self.near_stumbles, self.dizzy, self.pain, self.dizzy_or_pain)
        for widget in (*editable, self.notes, self.save_review):
            widget.setEnabled(review is not None)
        shown = review or Review()
        self.rating.setCurrentIndex(max(0, self.rating.findData(shown.rating)))
        stumbles = shown.near_stumbles
        self.near_stumbles.setValue(stumbles if stumbles is not None else NOT_GIVEN)
        # Ticked in this order so that showing a review never replaces its old report.
        self.dizzy_or_pain.setChecked(False)
        self.dizzy.setChecked(shown.dizzy)
        self.pain.setChecked(shown.pain)
        self.dizzy_or_pain.setChecked(shown.dizzy_or_pain)
        self.dizzy_or_pain.setVisible(shown.dizzy_or_pain)
        self.notes.setPlainText(shown.notes)

    def review(self) -> Review:
        """Everything shown, as a review (notes cut to the longest the history keeps)."""
        stumbles = self.near_stumbles.value()
        return Review(
            rating=self.rating.currentData(),
            near_stumbles=None if stumbles == NOT_GIVEN else stumbles,
            notes=cleaned_text(self.notes.toPlainText()).strip()[:MAX_NOTES_LENGTH],
            dizzy=self.dizzy.isChecked(),
            pain=self.pain.isChecked(),
            dizzy_or_pain=self.dizzy_or_pain.isChecked(),
        )

    def _replace_old_report(self, ticked: bool) -> None:
        if ticked:
            self.dizzy_or_pain.setChecked(False)
