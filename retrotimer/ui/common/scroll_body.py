"""A frameless scroll area that asks for all of its contents: it scrolls only on a screen too
small for them."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget


class ScrollBody(QScrollArea):
    """Holds `body` at the width and height it is given; below the body's minimum height it
    scrolls (never sideways: it is as wide as the body needs)."""

    def __init__(self, body: QWidget) -> None:
        super().__init__()
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidget(body)
        self.setAccessibleName(body.accessibleName())

    def sizeHint(self) -> QSize:
        # QScrollArea caps its hint at 36 x 24 lines of text, so a dialog would open
        # scrolling on a screen that has room for everything.
        body = self.widget()
        if body is None:
            return super().sizeHint()
        return body.sizeHint()

    def minimumSizeHint(self) -> QSize:
        body = self.widget()
        if body is None:
            return super().minimumSizeHint()
        scrollbar = self.verticalScrollBar().sizeHint().width()
        return QSize(body.minimumSizeHint().width() + scrollbar, super().minimumSizeHint().height())
