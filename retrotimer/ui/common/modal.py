"""Window-modal dialogs that tidy themselves up: one way to open them everywhere."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

D = TypeVar("D", bound=QDialog)


def open_modal(dialog: D, answered: Callable[[D, int], None]) -> D:
    """Open `dialog` modal to its window and return it. When it closes, `answered(dialog,
    result)` runs and the dialog is deleted afterwards (its values can still be read then)."""
    dialog.setWindowModality(Qt.WindowModality.WindowModal)

    def finished(result: int) -> None:
        try:
            answered(dialog, result)
        finally:
            dialog.deleteLater()

    dialog.finished.connect(finished)
    dialog.open()
    return dialog


Choice = QMessageBox.StandardButton


def ask_to_save(
    parent: QWidget, title: str, question: str, answered: Callable[[Choice], None]
) -> QMessageBox:
    """Save, Discard or Cancel for unsaved changes; `answered` gets the button chosen
    (NoButton when the box was closed another way)."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        title,
        question,
        Choice.Save | Choice.Discard | Choice.Cancel,
        parent,
    )
    box.setAccessibleName(title)
    for button in box.buttons():
        button.setAccessibleName(button.text().replace("&", ""))
    box.setDefaultButton(Choice.Save)
    return open_modal(
        box, lambda shown, _result: answered(shown.standardButton(shown.clickedButton()))
    )
