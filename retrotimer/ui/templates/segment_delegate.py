"""Cell editors of the segments table: a list of kinds, a list of units, a number, text."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from retrotimer.core.model import LengthUnit, Repeat, SegmentKind
from retrotimer.ui.templates.segment_model import CAP, KIND, LENGTH, UNIT, SegmentModel

AnyIndex = QModelIndex | QPersistentModelIndex
MAX_AMOUNT = 100_000  # validation says what is too long; the editor only keeps it a number


class SegmentDelegate(QStyledItemDelegate):
    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex
    ) -> QWidget:
        column = index.column()
        model = index.model()
        is_repeat = isinstance(model, SegmentModel) and isinstance(model.item(index), Repeat)
        if column == KIND and not is_repeat:
            box = QComboBox(parent)
            box.setAccessibleName("Kind")
            for kind in SegmentKind:
                box.addItem(kind.label, kind.value)
            return box
        if column == UNIT and not is_repeat:
            box = QComboBox(parent)
            box.setAccessibleName("Unit")
            box.addItem("seconds", LengthUnit.SECONDS.value)
            box.addItem("steps", LengthUnit.STEPS.value)
            box.addItem("metres (ends on a press)", LengthUnit.METRES.value)
            box.addItem("open (ends on a press)", LengthUnit.OPEN.value)
            return box
        if column == CAP:
            spin = QSpinBox(parent)
            spin.setRange(0, MAX_AMOUNT)
            spin.setSpecialValueText("none")  # 0: the step waits for the press however long
            spin.setAccessibleName("Most time in seconds")
            return spin
        if column == LENGTH:
            spin = QSpinBox(parent)
            spin.setRange(0, MAX_AMOUNT)
            spin.setAccessibleName("Repeat count" if is_repeat else "Length")
            return spin
        editor = super().createEditor(parent, option, index)
        editor.setAccessibleName(str(model.headerData(column, Qt.Orientation.Horizontal)))
        return editor

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))
            return
        super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
            return
        super().setModelData(editor, model, index)
