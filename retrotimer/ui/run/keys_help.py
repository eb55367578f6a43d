"""A dialog listing every key of the run screen, presenter-remote keys included."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from retrotimer.ui.run.run_keys import BINDINGS


def keys_table_html() -> str:
    rows = []
    for binding in BINDINGS.values():
        keys = ", ".join(
            key.toString(QKeySequence.SequenceFormat.NativeText) for key in binding.keys
        )
        rows.append(f"<tr><td><b>{keys}</b></td><td>&nbsp;&nbsp;{binding.text}</td></tr>")
    return (
        "<table>" + "".join(rows) + "</table>"
        "<p>Presenter remotes send Page Up, Page Down, B and the full stop: "
        "the arrows go back and skip, B goes back, the full stop pauses and resumes.</p>"
    )


class KeysHelp(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keys")
        self.setAccessibleName("Keys")
        layout = QVBoxLayout(self)
        self.table = QLabel(keys_table_html())
        self.table.setWordWrap(True)
        self.table.setAccessibleName("Keys of the run screen")
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName("Close")
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
