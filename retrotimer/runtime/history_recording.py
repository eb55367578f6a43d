"""Record one session's events in the history, and retry held writes while they wait."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from retrotimer.core.history.session_recorder import SessionRecorder

if TYPE_CHECKING:
    from retrotimer.core.history.history_ports import HistoryWriter
    from retrotimer.core.history.history_values import HistorySession, Review
    from retrotimer.core.history.program_ref import ProgramRef
    from retrotimer.core.session.plan import Plan
    from retrotimer.core.session.session_machine import Event
    from retrotimer.runtime.wall_clock import WallClock

RETRY_INTERVAL_MS = 5000


class HistoryRecording(QObject):
    """Feeds the events it is given to a SessionRecorder writing to `writer`.

    `message(str)` carries what the user should be told (saving stopped working, saving
    works again). While writes are held, a timer retries them every few seconds, also after
    the session has ended; it stops once they are written and at `close()`.
    """

    message = Signal(str)

    def __init__(
        self,
        writer: HistoryWriter,
        session_id: str,
        plan: Plan,
        wall_clock: WallClock,
        parent: QObject | None = None,
        *,
        test_run: bool = False,
        program: ProgramRef | None = None,
    ) -> None:
        super().__init__(parent)
        self._wall_clock = wall_clock
        self.recorder = SessionRecorder(
            writer,
            session_id,
            plan,
            notify=self.message.emit,
            test_run=test_run,
            program=program,
        )
        self._retry_timer = QTimer(self)
        self._retry_timer.setInterval(RETRY_INTERVAL_MS)
        self._retry_timer.timeout.connect(self.retry)

    @property
    def retrying(self) -> bool:
        return self._retry_timer.isActive()

    @property
    def is_saved(self) -> bool:
        return self.recorder.is_saved

    def on_event(self, event: Event) -> None:
        self.recorder.on_event(event, self._wall_clock())
        self._follow_up()

    def observe_clock(self) -> None:
        """Show the recorder the wall clock (every displayed second), so a clock set back
        mid-session is caught where it happened."""
        self.recorder.observe(self._wall_clock())

    def save_review(self, review: Review) -> bool:
        """Attach the runner's review to this session; False when the history refuses just
        now (it is kept with the session's other held writes, and in its backup)."""
        saved = self.recorder.review(review)
        self._follow_up()
        return saved

    def retry(self) -> bool:
        """Try the held writes now; True when everything is written."""
        saved = self.recorder.retry()
        self._follow_up()
        return saved

    def unsaved(self) -> HistorySession | None:
        """What the history still lacks of this session, after one more try (None: nothing)."""
        if not self.recorder.started or self.retry():
            return None
        return self.recorder.snapshot()

    def _follow_up(self) -> None:
        if self.recorder.is_saved:
            self._retry_timer.stop()
        elif not self._retry_timer.isActive():
            self._retry_timer.start()

    def close(self) -> None:
        self._retry_timer.stop()
