"""The sessions table of the History screen: one row per session, sortable by every column."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from retrotimer.core.history.history_values import HistoryEntry, Review
from retrotimer.ui.common.formatting import clock_text
from retrotimer.ui.history.history_texts import date_text, felt_text, minutes_text, status_text

COLUMNS = ("Date", "Template", "Duration", "Backward min", "Status", "How it felt")
DATE, TEMPLATE, DURATION, BACKWARD, STATUS, FELT = range(len(COLUMNS))
SORT_ROLE = Qt.ItemDataRole.UserRole
ID_ROLE = Qt.ItemDataRole.UserRole + 1
AnyIndex = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()


class HistoryTableModel(QAbstractTableModel):
    """Display text per cell; `SORT_ROLE` gives the raw value a proxy sorts by."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._entries: list[HistoryEntry] = []

    def set_entries(self, entries: Sequence[HistoryEntry]) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self.endResetModel()

    def set_review(self, session_id: str, review: Review) -> None:
        """Show a review saved for one session without resetting the table (and its
        selection)."""
        for row, entry in enumerate(self._entries):
            if entry.session_id == session_id:
                self._entries[row] = entry.with_review(review)
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def entry(self, row: int) -> HistoryEntry:
        return self._entries[row]

    def rowCount(self, parent: AnyIndex = ROOT) -> int:
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: AnyIndex = ROOT) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry = self._entries[index.row()]
        column = index.column()
        if role == ID_ROLE:
            return entry.session_id
        if role == SORT_ROLE:
            return (
                entry.started_utc_s,
                entry.template_name.casefold(),
                entry.active_s,
                entry.backward_s,
                status_text(entry),
                entry.rating if entry.rating is not None else 0,
            )[column]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return (
                date_text(entry),
                entry.template_name,
                clock_text(entry.active_s),
                minutes_text(entry.backward_s),
                status_text(entry),
                felt_text(entry),
            )[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (DURATION, BACKWARD):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
