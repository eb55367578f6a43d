"""A check for tests: every label, check box and button of a dialog shows all of its text."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget


def clipped_texts(dialog: QWidget) -> list[str]:
    """The texts of visible widgets whose size is smaller than the text needs."""
    dialog.layout().activate()
    clipped = []
    for widget in dialog.findChildren(QWidget):
        if not widget.isVisible() or not isinstance(widget, QLabel | QAbstractButton):
            continue
        if not widget.text():
            continue
        hint = widget.sizeHint()
        if isinstance(widget, QLabel) and widget.wordWrap():
            if widget.heightForWidth(widget.width()) > widget.height() + 1:
                clipped.append(widget.text())
        elif hint.width() > widget.width() + 1 or hint.height() > widget.height() + 1:
            clipped.append(widget.text())
    return clipped
