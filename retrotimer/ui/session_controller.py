"""Drives a Session in real time: one single-shot precise QTimer armed to the next due moment."""

from __future__ import annotations

import math

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from retrotimer.core.plan import Plan
from retrotimer.core.session import Command, Event, Session, SessionState, SessionView
from retrotimer.ui.clock import Clock


class SessionController(QObject):
    """Owns exactly one timer. Emits every session event once, and a view for the display.

    Signals: `event_fired(Event, actual_s)` with the plan position at which it was emitted;
    `view_changed(SessionView)` whenever the display should be redrawn; `state_changed(state)`.
    """

    event_fired = Signal(object, float)
    view_changed = Signal(object)
    state_changed = Signal(object)

    def __init__(
        self,
        session: Session,
        clock: Clock,
        parent: QObject | None = None,
        *,
        speed: float = 1.0,
    ) -> None:
        """`speed` is how many clock seconds pass per real second (a compressed demo run)."""
        super().__init__(parent)
        self._session = session
        self._clock = clock
        self._ms_per_clock_second = 1000.0 / speed
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self.poll)

    @property
    def session(self) -> Session:
        return self._session

    @property
    def plan(self) -> Plan:
        return self._session.plan

    @property
    def state(self) -> SessionState:
        return self._session.state

    @property
    def timer_active(self) -> bool:
        return self._timer.isActive()

    @property
    def timer_interval_ms(self) -> int:
        """Milliseconds the timer was last armed for (-1 when it is not running)."""
        return self._timer.interval() if self._timer.isActive() else -1

    def view(self) -> SessionView:
        return self._session.view(self._clock())

    # ---- commands --------------------------------------------------------------------
    def start(self) -> None:
        self._command(Command.START)

    def pause(self) -> None:
        self._command(Command.PAUSE)

    def resume(self) -> None:
        self._command(Command.RESUME)

    def skip(self) -> None:
        self._command(Command.SKIP)

    def back(self) -> None:
        self._command(Command.BACK)

    def stop(self) -> None:
        self._command(Command.STOP)

    def toggle_pause(self) -> None:
        """Space bar: start when idle, pause when running, resume when paused."""
        state = self._session.state
        if state is SessionState.IDLE:
            self.start()
        elif state is SessionState.PAUSED:
            self.resume()
        elif not state.is_over:
            self.pause()

    def can(self, command: Command) -> bool:
        return self._session.allowed(command, self._clock())

    def _command(self, command: Command) -> None:
        """Run a command; raises IllegalCommand (and changes nothing) when it is not allowed."""
        now = self._clock()
        before = self._session.state
        handler = getattr(self._session, command.value)
        self._publish(handler(now), now, before)

    # ---- time ------------------------------------------------------------------------
    def poll(self) -> None:
        """Emit what fell due by now and re-arm the timer. The timer calls this."""
        now = self._clock()
        before = self._session.state
        self._publish(self._session.advance(now), now, before)

    def _publish(self, events: list[Event], now: float, before: SessionState) -> None:
        actual = self._session.plan_time(now)
        for event in events:
            self.event_fired.emit(event, actual)
        if self._session.state is not before:
            self.state_changed.emit(self._session.state)
        self.view_changed.emit(self._session.view(now))
        self._arm(now)

    def _arm(self, now: float) -> None:
        due = [
            moment
            for moment in (self._session.next_due(now), self._session.next_display_change(now))
            if moment is not None
        ]
        if not due:
            self._timer.stop()
            return
        # Round up so the timer never fires before the moment (an early wake would only
        # re-arm), but not for float noise a millionth of a millisecond above a whole one.
        delay_ms = (min(due) - now) * self._ms_per_clock_second
        self._timer.start(max(0, math.ceil(delay_ms - 1e-6)))

    def shutdown(self) -> None:
        """Stop the timer for good (window closing, tests ending)."""
        self._timer.stop()
