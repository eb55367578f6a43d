"""Work held back until a window's first paint: what the runner sees first comes first."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget


class AfterFirstPaint(QObject):
    """Calls `then` once, when `window` has been painted for the first time (just after that
    frame, not inside it). A window never shown never calls it."""

    def __init__(self, window: QWidget, then: Callable[[], object]) -> None:
        super().__init__(window)
        self._then = then
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            # Owned by this object: a window closed and deleted first never hears it.
            QTimer.singleShot(0, self, self._then)
        return False
