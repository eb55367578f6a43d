"""One session in detail: its totals, segments planned against actual, and its review."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from retrotimer.core.history.history_values import (
    MAX_NEAR_STUMBLES,
    MAX_NOTES_LENGTH,
    HistorySession,
    Review,
)
from retrotimer.ui.common.formatting import clock_text, total_clock_text
from retrotimer.ui.history.history_texts import (
    date_text,
    minutes_text,
    planned_against_actual,
    status_text,
)

SEGMENT_COLUMNS = ("#", "Segment", "Planned", "Actual", "")
NOT_GIVEN = -1  # the near-stumbles box's value for "not given"


class HistoryDetails(QWidget):
    """Signal: `review_edited(session_id, Review)` when the runner saves a changed review."""

    review_edited = Signal(str, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Session details")
        self._session: HistorySession | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel("Choose a session")
        self.heading.setAccessibleName("Session")
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        self.segments = QTableWidget(0, len(SEGMENT_COLUMNS))
        self.segments.setAccessibleName("Segments planned and done")
        self.segments.horizontalHeader().setAccessibleName("Segment columns")
        self.segments.verticalHeader().setVisible(False)
        self.segments.setHorizontalHeaderLabels(list(SEGMENT_COLUMNS))
        self.segments.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.segments.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.segments, 1)

        form = QFormLayout()
        self.rating = QComboBox()
        self.rating.setAccessibleName("Rating")
        self.rating.addItem("Not rated", None)
        for stars in range(1, 6):
            self.rating.addItem(f"{stars} of 5", stars)
        self.near_stumbles = QSpinBox()
        self.near_stumbles.setAccessibleName("Near-stumbles")
        self.near_stumbles.setRange(NOT_GIVEN, MAX_NEAR_STUMBLES)
        self.near_stumbles.setSpecialValueText("not given")
        self.notes = QPlainTextEdit()
        self.notes.setAccessibleName("Notes")
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(70)
        form.addRow("Ra&ting:", self.rating)
        form.addRow("Near-st&umbles:", self.near_stumbles)
        form.addRow("N&otes:", self.notes)
        layout.addLayout(form)
        row = QHBoxLayout()
        row.addStretch(1)
        self.save_review = QPushButton("Save rating and notes")
        self.save_review.setAccessibleName("Save rating and notes")
        self.save_review.clicked.connect(self._save)
        row.addWidget(self.save_review)
        layout.addLayout(row)
        self.show_session(None)

    @property
    def session(self) -> HistorySession | None:
        return self._session

    def show_session(self, session: HistorySession | None) -> None:
        self._session = session
        for widget in (self.rating, self.near_stumbles, self.notes, self.save_review):
            widget.setEnabled(session is not None)
        if session is None:
            self.heading.setText("Choose a session in the table to see it here.")
            self.segments.setRowCount(0)
            self.rating.setCurrentIndex(0)
            self.near_stumbles.setValue(NOT_GIVEN)
            self.notes.clear()
            return
        entry = session.entry
        self.heading.setText(
            f"<b>{entry.template_name}</b>, {date_text(entry)}: {status_text(entry)}. "
            f"{total_clock_text(entry.active_s)} of {total_clock_text(entry.planned_s)} planned; "
            f"{minutes_text(entry.backward_s)} backward minutes, "
            f"{entry.backward_steps} backward steps."
        )
        rows = planned_against_actual(session)
        self.segments.setRowCount(len(rows))
        for number, row in enumerate(rows):
            cells = (
                str(row.number),
                row.label,
                clock_text(row.planned_s),
                clock_text(row.actual_s) if row.actual_s is not None else "—",
                row.remark,
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column in (0, 2, 3):
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.segments.setItem(number, column, item)
        self.rating.setCurrentIndex(max(0, self.rating.findData(entry.rating)))
        self.near_stumbles.setValue(
            entry.near_stumbles if entry.near_stumbles is not None else NOT_GIVEN
        )
        self.notes.setPlainText(entry.notes)

    def review(self) -> Review:
        stumbles = self.near_stumbles.value()
        return Review(
            rating=self.rating.currentData(),
            near_stumbles=None if stumbles == NOT_GIVEN else stumbles,
            notes=self.notes.toPlainText().strip()[:MAX_NOTES_LENGTH],
        )

    def _save(self) -> None:
        if self._session is not None:
            self.review_edited.emit(self._session.session_id, self.review())
