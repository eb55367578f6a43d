"""A tree model of a template's items for the editor: cells edit in place, rows drag and drop."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from retrotimer.core.model import Item, Length, LengthUnit, Repeat, Segment, SegmentKind, Template
from retrotimer.core.templates.template_edits import (
    EditError,
    ItemPath,
    children,
    item_at,
    move_items,
    replace_item,
)
from retrotimer.core.value import builder, replace

MIME_TYPE = "application/x-retrotimer-item-paths"
COLUMNS = ("Kind", "Length", "Unit", "Max s", "Label", "Note")
KIND, LENGTH, UNIT, CAP, LABEL, NOTE = range(len(COLUMNS))
AnyIndex = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()  # the invisible root, as Qt's default argument


def _shape(items: tuple[Item, ...]) -> tuple[Any, ...]:
    """The tree's structure without its values: equal shapes keep every path meaningful."""
    return tuple(_shape(item.items) if isinstance(item, Repeat) else None for item in items)


@builder
class _Node:
    path: ItemPath
    parent: int  # -1 for top-level items
    children: list[int]


class SegmentModel(QAbstractItemModel):
    """Shows a template; edits come out as `edited(new_template, description)` and, for cell
    edits, are applied at once (so the editor does not close on a reset). Structural changes
    (and undo) come in through `set_template`.

    `moved(new_template, description, new_paths)` is emitted for a drop; the caller applies it.
    """

    edited = Signal(object, str)
    moved = Signal(object, str, object)

    def __init__(self, template: Template, parent: Any = None) -> None:
        super().__init__(parent)
        self._template = template
        self._read_only = False
        self._problems: dict[ItemPath, str] = {}
        self._nodes: list[_Node] = []
        self._top: list[int] = []
        self._by_path: dict[ItemPath, int] = {}
        self._index_nodes()

    # ---- the template ------------------------------------------------------------------
    @property
    def template(self) -> Template:
        return self._template

    def set_template(self, template: Template) -> None:
        """Show `template`; keeps selections and expansions when only values changed."""
        if _shape(template.items) == _shape(self._template.items):
            self._template = template
            if self._nodes:
                self._changed_all()
            return
        self.beginResetModel()
        self._template = template
        self._index_nodes()
        self.endResetModel()

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only

    def set_problems(self, problems: dict[ItemPath, str]) -> None:
        """Rows with a problem are tinted and tell it in their tooltip (and to screen readers)."""
        if problems != self._problems:
            self._problems = dict(problems)
            if self._nodes:
                self._changed_all()

    def problem_at(self, path: ItemPath) -> str | None:
        return self._problems.get(path)

    def _changed_all(self) -> None:
        for number, node in enumerate(self._nodes):
            first = self.createIndex(self._row(node), 0, number)
            last = first.siblingAtColumn(len(COLUMNS) - 1)
            self.dataChanged.emit(first, last)

    def _index_nodes(self) -> None:
        self._nodes, self._top, self._by_path = [], [], {}

        def add(items: tuple[Item, ...], parent_path: ItemPath, parent: int) -> list[int]:
            ids: list[int] = []
            for index, item in enumerate(items):
                path = (*parent_path, index)
                number = len(self._nodes)
                node = _Node(path, parent, [])
                self._nodes.append(node)
                self._by_path[path] = number
                ids.append(number)
                if isinstance(item, Repeat):
                    node.children = add(item.items, path, number)
            return ids

        self._top = add(self._template.items, (), -1)

    def _row(self, node: _Node) -> int:
        return node.path[-1]

    # ---- paths and indexes --------------------------------------------------------------
    def path_of(self, index: AnyIndex) -> ItemPath:
        if not index.isValid():
            return ()
        return self._nodes[index.internalId()].path

    def index_of(self, path: ItemPath, column: int = 0) -> QModelIndex:
        number = self._by_path.get(path)
        if number is None:
            return QModelIndex()
        return self.createIndex(path[-1], column, number)

    def item(self, index: AnyIndex) -> Item:
        return item_at(self._template, self.path_of(index))

    # ---- the model interface ----------------------------------------------------------
    def index(self, row: int, column: int, parent: AnyIndex = ROOT) -> QModelIndex:
        siblings = self._nodes[parent.internalId()].children if parent.isValid() else self._top
        if not (0 <= row < len(siblings) and 0 <= column < len(COLUMNS)):
            return QModelIndex()
        return self.createIndex(row, column, siblings[row])

    def parent(self, index: AnyIndex = ROOT) -> QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        parent = self._nodes[index.internalId()].parent
        if parent < 0:
            return QModelIndex()
        return self.createIndex(self._row(self._nodes[parent]), 0, parent)

    def rowCount(self, parent: AnyIndex = ROOT) -> int:
        if parent.isValid():
            return len(self._nodes[parent.internalId()].children) if parent.column() == 0 else 0
        return len(self._top)

    def columnCount(self, parent: AnyIndex = ROOT) -> int:
        return len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self.item(index)
        column = index.column()
        problem = self._problems.get(self.path_of(index))
        if role == Qt.ItemDataRole.BackgroundRole:
            return QColor(230, 40, 40, 70) if problem else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return problem
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            return f"Problem: {problem}" if problem else None
        if role == Qt.ItemDataRole.AccessibleTextRole:
            role = Qt.ItemDataRole.DisplayRole
        if isinstance(item, Repeat):
            if role == Qt.ItemDataRole.DisplayRole:
                return {KIND: "Repeat", LENGTH: f"{item.count} ×", UNIT: "times"}.get(column, "")
            if role == Qt.ItemDataRole.EditRole and column == LENGTH:
                return item.count
            return None
        length = item.length
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                KIND: item.kind.label,
                # An open step has no amount: it lasts until the runner presses.
                LENGTH: "" if length.is_open else str(length.amount),
                UNIT: length.unit.value,
                CAP: "" if length.cap_s is None else str(length.cap_s),
                LABEL: item.label or "",
                NOTE: item.note or "",
            }[column]
        if role == Qt.ItemDataRole.EditRole:
            return {
                KIND: item.kind.value,
                LENGTH: length.amount,
                UNIT: length.unit.value,
                CAP: length.cap_s or 0,
                LABEL: item.label or "",
                NOTE: item.note or "",
            }[column]
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self._read_only:
            return flags
        flags |= Qt.ItemFlag.ItemIsDragEnabled
        item = self.item(index)
        if isinstance(item, Repeat):
            flags |= Qt.ItemFlag.ItemIsDropEnabled
            if index.column() == LENGTH:
                flags |= Qt.ItemFlag.ItemIsEditable
        else:
            # An open step's length is the press, and only a step that ends on one has a cap.
            editable = {LENGTH: not item.length.is_open, CAP: item.length.ends_on_press}
            if editable.get(index.column(), True):
                flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self._read_only:
            return False
        path = self.path_of(index)
        item = self.item(index)
        try:
            new = edited_item(item, index.column(), value)
        except (ValueError, TypeError):
            return False
        if new == item:
            return False
        template = replace_item(self._template, path, new)
        self._template = template
        self.dataChanged.emit(self.index_of(path), self.index_of(path, len(COLUMNS) - 1))
        self.edited.emit(template, f"Change {COLUMNS[index.column()].lower()}")
        return True

    # ---- drag and drop ----------------------------------------------------------------
    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        paths = sorted({self.path_of(index) for index in indexes if index.isValid()})
        data = QMimeData()
        data.setData(MIME_TYPE, json.dumps([list(path) for path in paths]).encode())
        return data

    def dropMimeData(
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: AnyIndex,
    ) -> bool:
        if self._read_only or action != Qt.DropAction.MoveAction or not data.hasFormat(MIME_TYPE):
            return False
        sources = [tuple(path) for path in json.loads(bytes(data.data(MIME_TYPE).data()))]
        target = self.path_of(parent)
        if target and not isinstance(item_at(self._template, target), Repeat):
            # Dropped onto a segment: place the rows after it, in its block.
            target, row = target[:-1], target[-1] + 1
        if row < 0:
            row = len(children(self._template.items, target))
        try:
            template, paths = move_items(self._template, sources, target, row)
        except EditError:
            return False
        if template == self._template:
            return False
        self.moved.emit(template, "Move", paths)
        return True


def edited_item(item: Item, column: int, value: Any) -> Item:
    """The item with one cell changed; raises ValueError for a value that does not fit."""
    if isinstance(item, Repeat):
        if column != LENGTH:
            raise ValueError("only the repeat count can be changed")
        return replace(item, count=int(value))
    if column == KIND:
        return replace(item, kind=SegmentKind(value))
    length = item.length
    if column == LENGTH:
        return replace(item, length=replace(length, amount=int(value)))
    if column == UNIT:
        return replace(item, length=length_in_unit(length, LengthUnit(value)))
    if column == CAP:
        if not length.ends_on_press:
            raise ValueError("only an open or distance step has a most time")
        cap = int(value) or None  # 0: no most time
        return replace(item, length=replace(length, cap_s=cap))
    text = str(value).strip() or None
    if column == LABEL:
        return replace(item, label=text)
    if column == NOTE:
        return replace(item, note=text)
    raise ValueError(f"no column {column}")


NEW_DISTANCE_M = 100


def length_in_unit(length: Length, unit: LengthUnit) -> Length:
    """The length in another unit: the amount kept where the unit has one (an open step has
    none), the most time kept where the unit ends on a press."""
    changed = Length(0 if unit is LengthUnit.OPEN else length.amount, unit, length.cap_s)
    if not changed.ends_on_press:
        return replace(changed, cap_s=None)
    if length.is_open and changed.amount == 0:
        # From open to a distance: a length to start from, as a new segment has one.
        return replace(changed, amount=NEW_DISTANCE_M)
    return changed


def new_segment(kind: SegmentKind = SegmentKind.WALK) -> Segment:
    return Segment(kind, Length.seconds(30))
