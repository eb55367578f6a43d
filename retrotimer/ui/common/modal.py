"""Window-modal dialogs that tidy themselves up: one way to open them everywhere."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

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
