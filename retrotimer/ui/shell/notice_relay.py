"""Notices from the parts below the window (sound, screen-awake, storage) reach it through
logging: a record that carries `extra={"notice": words}` is shown with those words."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal

NOTICE = "notice"


class NoticeRelay(QObject):
    """Signal: `notice(str)`, queued to the GUI thread whatever thread logged it. Attached to
    the root logger while it lives."""

    notice = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.handler = _RelayHandler(self)
        logging.getLogger().addHandler(self.handler)
        handler = self.handler
        self.destroyed.connect(lambda: logging.getLogger().removeHandler(handler))


class _RelayHandler(logging.Handler):
    def __init__(self, relay: NoticeRelay) -> None:
        super().__init__(logging.WARNING)
        self._relay = relay

    def emit(self, record: logging.LogRecord) -> None:
        words = getattr(record, NOTICE, None)
        if isinstance(words, str) and words:
            self._relay.notice.emit(words)
