"""The window's link to the history: records each session and saves its review."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QObject, Signal

from retrotimer.core.history import Review
from retrotimer.core.ports import HistoryRepository, HistoryUnavailable
from retrotimer.runtime.clock import Clock
from retrotimer.runtime.history_recording import HistoryRecording
from retrotimer.runtime.session_controller import SessionController
from retrotimer.runtime.wall_clock import WallClock


class SessionHistory(QObject):
    """Signals: `message(str)` for the user (saving stopped or works again); `changed()`
    when the history holds something new (a session ended, a review was saved)."""

    message = Signal(str)
    changed = Signal()

    def __init__(
        self,
        history: HistoryRepository,
        clock: Clock,
        wall_clock: WallClock,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._history = history
        self._clock = clock
        self._wall_clock = wall_clock
        self.recording: HistoryRecording | None = None
        self.session_id: str | None = None
        self._shut = False

    def attach(self, controller: SessionController) -> None:
        """Record this controller's session (the one before stops being followed)."""
        self._close_recording()
        self._shut = False
        self.session_id = str(uuid.uuid4())
        self.recording = HistoryRecording(
            controller,
            self._history,
            self.session_id,
            clock=self._clock,
            wall_clock=self._wall_clock,
            parent=self,
        )
        self.recording.message.connect(self.message.emit)

    def ended(self) -> None:
        self.changed.emit()

    def save_review(self, review: Review) -> bool:
        """Attach the runner's review to the last session; False (and a message) if the
        history refuses just now."""
        if self.session_id is None:
            return False
        try:
            self._history.set_review(self.session_id, review)
        except HistoryUnavailable as error:
            self.message.emit(f"The rating and notes could not be saved: {error}")
            return False
        self.changed.emit()
        return True

    def _close_recording(self) -> None:
        if self.recording is not None:
            self.recording.shutdown()
            self.recording = None

    def shutdown(self) -> None:
        """Stop following the session; what is still held stays with `recording.recorder`
        for the caller to keep."""
        if self.recording is not None and not self._shut:
            self._shut = True
            self.recording.shutdown()
