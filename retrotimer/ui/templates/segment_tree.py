"""The segments table: Left and Right move between its cells, so F2 edits any of them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QAbstractItemView, QTreeView

if TYPE_CHECKING:
    from PySide6.QtCore import QModelIndex, Qt

Move = QAbstractItemView.CursorAction


class SegmentTree(QTreeView):
    """A tree whose rows are selected whole, yet whose current cell follows the arrow keys:
    a plain QTreeView keeps the keyboard in the first column (Left and Right only fold a
    repeat), so F2 could edit nothing but the kind."""

    def moveCursor(
        self, cursorAction: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier
    ) -> QModelIndex:
        current = self.currentIndex()
        if current.isValid() and cursorAction in (Move.MoveLeft, Move.MoveRight):
            step = 1 if cursorAction is Move.MoveRight else -1
            folds = current.column() == 0 and self.model().hasChildren(current)
            # A repeat's first cell still folds and unfolds it: Right opens it, Left closes it.
            opening = step > 0 and folds and not self.isExpanded(current)
            closing = step < 0 and folds and self.isExpanded(current)
            beside = self._next_shown_column(current, step)
            if not (opening or closing) and beside is not None:
                return beside
        return super().moveCursor(cursorAction, modifiers)

    def _next_shown_column(self, current: QModelIndex, step: int) -> QModelIndex | None:
        header = self.header()
        visual = header.visualIndex(current.column()) + step
        while 0 <= visual < header.count():
            column = header.logicalIndex(visual)
            if not self.isColumnHidden(column):
                return current.sibling(current.row(), column)
            visual += step
        return None
