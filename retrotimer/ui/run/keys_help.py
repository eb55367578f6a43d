"""A dialog listing every key of the run screen, presenter-remote keys included."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from retrotimer.ui.run.run_keys import BINDINGS, KEYPAD


def key_names(keys: tuple[QKeySequence, ...]) -> str:
    """Keys as a runner reads them: "+ (also on the keypad)", never Qt's "Num++"."""
    names: list[str] = []
    for key in keys:
        combination = key[0]  # type: ignore[index]  # the stubs lack __getitem__
        if combination.keyboardModifiers() & KEYPAD:
            plain = QKeySequence(combination.key()).toString(QKeySequence.SequenceFormat.NativeText)
            if plain in names:
                names[names.index(plain)] = f"{plain} (also on the keypad)"
            else:
                names.append(f"{plain} on the keypad")
            continue
        names.append(key.toString(QKeySequence.SequenceFormat.NativeText))
    return ", ".join(names)


def keys_table_html() -> str:
    rows = []
    for binding in BINDINGS.values():
        keys = key_names(binding.keys)
        rows.append(f"<tr><td><b>{keys}</b></td><td width=16></td><td>{binding.text}</td></tr>")
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
