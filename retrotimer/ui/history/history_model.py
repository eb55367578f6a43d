"""The sessions table of the History screen: one row per session, read a page at a time as
rows are shown, and sorted by any column by the history itself."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QHeaderView, QTableView

from retrotimer.core.history.history_ports import HistoryRepository, HistoryUnavailable
from retrotimer.core.history.session_order import SessionKey, SessionOrder
from retrotimer.ui.common.formatting import clock_text
from retrotimer.ui.history.history_texts import (
    date_text,
    decimal_minutes_text,
    felt_text,
    status_text,
)

if TYPE_CHECKING:
    from retrotimer.core.history.history_values import HistoryEntry, Review

COLUMNS = ("Date", "Template", "Duration", "Backward min", "Status", "How it felt")
DATE, TEMPLATE, DURATION, BACKWARD, STATUS, FELT = range(len(COLUMNS))
COLUMN_KEYS = (
    SessionKey.STARTED,
    SessionKey.TEMPLATE,
    SessionKey.ACTIVE,
    SessionKey.BACKWARD,
    SessionKey.STATUS,
    SessionKey.RATING,
)
# The widest text each column shows, to size it without reading every row.
WIDEST = (
    "Wed 30 Sep 2026, 23:59",
    "",  # the template's name takes the room left
    "10:00:00",
    "Backward min",
    # The usual longest: a rarer longer text is cut short with "…" (the details show it whole).
    "Stopped early",
    "3 · just right · pain",
)
ID_ROLE = Qt.ItemDataRole.UserRole + 1
PAGE_ROWS = 200
AnyIndex = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()


class HistoryTableModel(QAbstractTableModel):
    """Display text per cell. The history counts, orders and pages the sessions; a page is
    read the first time one of its rows is shown, and kept until the next `reload` or sort.

    `unreadable(str)` says why rows could not be read (they show empty until a reload).
    """

    unreadable = Signal(str)

    def __init__(self, history: HistoryRepository | None, parent: Any = None) -> None:
        super().__init__(parent)
        self._history = history
        self._order = SessionOrder()
        self._count = 0
        self._pages: dict[int, list[HistoryEntry]] = {}

    @property
    def order(self) -> SessionOrder:
        return self._order

    def reload(self) -> None:
        """Count the sessions again and forget the rows read; HistoryUnavailable when the
        history cannot be read."""
        count = self._history.count_sessions() if self._history is not None else 0
        self.beginResetModel()
        self._count = count
        self._pages.clear()
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Order the rows by `column`; the selected and current sessions stay selected."""
        wanted = SessionOrder(COLUMN_KEYS[column], order is Qt.SortOrder.DescendingOrder)
        if wanted == self._order:
            return
        self.layoutAboutToBeChanged.emit()
        kept = self.persistentIndexList()
        ids = [self._entry_at(index.row()) for index in kept]
        self._order = wanted
        self._pages.clear()
        moved = []
        for index, entry in zip(kept, ids, strict=True):
            row = self.row_of(entry.session_id) if entry is not None else None
            moved.append(self.index(row, index.column()) if row is not None else QModelIndex())
        self.changePersistentIndexList(kept, moved)
        self.layoutChanged.emit()

    def row_of(self, session_id: str) -> int | None:
        """The row of the session in the order shown, or None when it is not listed."""
        if self._history is None:
            return None
        try:
            return self._history.session_position(session_id, self._order)
        except HistoryUnavailable as error:
            self.unreadable.emit(str(error))
            return None

    def set_review(self, session_id: str, review: Review) -> None:
        """Show a review saved for one session without reading the history again (its row
        and the selection stay where they are)."""
        for page, entries in self._pages.items():
            for offset, entry in enumerate(entries):
                if entry.session_id == session_id:
                    entries[offset] = entry.with_review(review)
                    row = page * PAGE_ROWS + offset
                    self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def _entry_at(self, row: int) -> HistoryEntry | None:
        page, offset = divmod(row, PAGE_ROWS)
        if page not in self._pages:
            self._pages[page] = self._read_page(page)
        entries = self._pages[page]
        return entries[offset] if offset < len(entries) else None

    def _read_page(self, page: int) -> list[HistoryEntry]:
        if self._history is None:
            return []
        try:
            return self._history.session_page(self._order, page * PAGE_ROWS, PAGE_ROWS)
        except HistoryUnavailable as error:
            self.unreadable.emit(str(error))
            return []

    def rowCount(self, parent: AnyIndex = ROOT) -> int:
        return 0 if parent.isValid() else self._count

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
        column = index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column in (DURATION, BACKWARD):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        if role not in (ID_ROLE, Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return None
        entry = self._entry_at(index.row())
        if entry is None:
            return None
        if role == ID_ROLE:
            return entry.session_id
        return (
            date_text(entry),
            entry.template_name,
            clock_text(entry.active_s),
            decimal_minutes_text(entry.backward_s),
            status_text(entry),
            felt_text(entry),
        )[column]


def fit_columns(table: QTableView) -> None:
    """Columns as wide as their widest text (the template's name takes the rest), measured
    on sample texts: sizing to the contents would read every row."""
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setSectionResizeMode(TEMPLATE, QHeaderView.ResizeMode.Stretch)
    metrics = table.fontMetrics()
    padding = 3 * metrics.horizontalAdvance("M")  # the cell's margins and the sort arrow
    for column, sample in enumerate(WIDEST):
        if column != TEMPLATE:
            widest = max(sample, COLUMNS[column], key=metrics.horizontalAdvance)
            table.setColumnWidth(column, metrics.horizontalAdvance(widest) + padding)
