"""One session in detail: its totals, segments planned against actual, and its review."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from retrotimer.ui.common.formatting import clock_text, total_clock_text
from retrotimer.ui.history.heart_rate_curve import HeartRateCurve
from retrotimer.ui.history.history_texts import (
    date_text,
    decimal_minutes_text,
    planned_against_actual,
    segment_sensor_texts,
    status_text,
)
from retrotimer.ui.history.review_editor import ReviewEditor

if TYPE_CHECKING:
    from retrotimer.core.history.history_values import HistorySession, Review

SEGMENT_COLUMNS = ("#", "Segment", "Planned", "Actual", "", "Heart rate and steps")
# Shown for a session recorded with a heart-rate strap or a footpod.
SENSOR_COLUMN = 5


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
        self.heart_rate = HeartRateCurve()
        layout.addWidget(self.heart_rate)
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

        self.editor = ReviewEditor()
        self.editor.save_requested.connect(self._save)
        layout.addWidget(self.editor)
        self.show_session(None)

    @property
    def session(self) -> HistorySession | None:
        return self._session

    def show_session(self, session: HistorySession | None) -> None:
        self._session = session
        self.editor.show_review(None if session is None else session.entry.review)
        self.heart_rate.show_samples(session.samples if session is not None else ())
        if session is None:
            self.heading.setText("Choose a session in the table to see it here.")
            self.segments.setRowCount(0)
            return
        entry = session.entry
        self.heading.setText(
            f"<b>{entry.template_name}</b>, {date_text(entry)}: {status_text(entry)}. "
            f"{total_clock_text(entry.active_s)} of {total_clock_text(entry.planned_s)} planned; "
            f"{decimal_minutes_text(entry.backward_s)} backward minutes, "
            f"{entry.backward_steps} backward steps."
        )
        rows = planned_against_actual(session)
        sensed = segment_sensor_texts(session)
        self.segments.setColumnHidden(SENSOR_COLUMN, not sensed)
        self.segments.setRowCount(len(rows))
        for number, row in enumerate(rows):
            cells = (
                str(row.number),
                row.label,
                clock_text(row.planned_s),
                clock_text(row.actual_s) if row.actual_s is not None else "—",
                row.remark,
                sensed.get(row.number - 1, ""),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column in (0, 2, 3):
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.segments.setItem(number, column, item)

    def review(self) -> Review:
        return self.editor.review()

    def _save(self) -> None:
        if self._session is not None:
            self.review_edited.emit(self._session.session_id, self.review())
