"""The "Stop the session?" question, asked from the Run screen and before quitting."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox

from retrotimer.ui.common.modal import open_modal

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QWidget


def ask_to_stop(parent: QWidget, answered: Callable[[bool], None]) -> QMessageBox:
    """The "Stop the session?" question; `answered(True)` when the runner confirmed."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle("Stop the session?")
    box.setAccessibleName("Stop the session?")
    box.setText("Stop this session now?")
    box.setInformativeText("What you have done so far is kept in your history.")
    stop = box.addButton("Stop session", QMessageBox.ButtonRole.AcceptRole)
    keep = box.addButton("Keep going", QMessageBox.ButtonRole.RejectRole)
    stop.setAccessibleName("Stop session")
    keep.setAccessibleName("Keep going")
    box.setDefaultButton(stop)
    box.setEscapeButton(keep)
    return open_modal(box, lambda _box, _result: answered(box.clickedButton() is stop))
