"""Record the controller's session in the history, and retry held writes while they wait."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from retrotimer.core.ports import HistoryWriter
from retrotimer.core.programs.program_ref import ProgramRef
from retrotimer.core.session import Event, EventKind
from retrotimer.core.session_recorder import SessionRecorder
from retrotimer.runtime.clock import Clock
from retrotimer.runtime.session_controller import SessionController
from retrotimer.runtime.wall_clock import WallClock

RETRY_INTERVAL_MS = 5000


class HistoryRecording(QObject):
    """Feeds every event of `controller` to a SessionRecorder writing to `writer`.

    Connect it before other listeners of `event_fired`: a finished segment is then committed
    before anything else hears of it. `message(str)` carries what the user should be told
    (saving stopped working, saving works again). While writes are held, a timer retries
    them every few seconds; it stops when they are written and at `shutdown()`.
    """

    message = Signal(str)

    def __init__(
        self,
        controller: SessionController,
        writer: HistoryWriter,
        session_id: str,
        *,
        clock: Clock,
        wall_clock: WallClock,
        parent: QObject | None = None,
        program: ProgramRef | None = None,
    ) -> None:
        super().__init__(parent)
        self._controller = controller
        self._clock = clock
        self._wall_clock = wall_clock
        self.recorder = SessionRecorder(
            writer, session_id, controller.plan, notify=self.message.emit, program=program
        )
        self._retry_timer = QTimer(self)
        self._retry_timer.setInterval(RETRY_INTERVAL_MS)
        self._retry_timer.timeout.connect(self.retry)
        controller.event_fired.connect(self._on_event)

    @property
    def retrying(self) -> bool:
        return self._retry_timer.isActive()

    def _on_event(self, event: Event, actual_s: float) -> None:
        at = self._wall_clock()
        self.recorder.on_event(event, at)
        if event.kind in (EventKind.FINISHED, EventKind.STOPPED):
            self.recorder.end(self._controller.session.summary(self._clock()), at)
        self._follow_up()

    def retry(self) -> bool:
        """Try the held writes now; True when everything is written."""
        saved = self.recorder.retry()
        self._follow_up()
        return saved

    def _follow_up(self) -> None:
        if self.recorder.is_saved:
            self._retry_timer.stop()
        elif not self._retry_timer.isActive():
            self._retry_timer.start()

    def shutdown(self) -> None:
        self._retry_timer.stop()
        self._controller.event_fired.disconnect(self._on_event)
