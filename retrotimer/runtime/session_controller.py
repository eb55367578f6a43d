"""Drives a Session in real time: one single-shot precise QTimer armed to the next due moment."""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from retrotimer.core.session.session_machine import (
    Command,
    Event,
    Session,
    SessionState,
    SessionView,
)

if TYPE_CHECKING:
    from retrotimer.core.session.plan import Plan
    from retrotimer.runtime.clock import Clock, Wait

# Qt's precise timers can wake several milliseconds late (2-8 ms seen on a virtual
# machine), while a short sleep is accurate to a fraction of a millisecond.
INITIAL_LEAD_S = 0.005
LEAD_MARGIN_S = 0.001
MAX_LEAD_S = 0.020

# The footpod's count of one visit's steps: given the clock moment, the session's visit and
# whether the session runs (a pause counts nothing), the steps counted in that visit by then
# (None when no footpod is heard).
StepSource = Callable[[float, int, bool], int | None]


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
        precise_wait: Wait | None = None,
        steps: StepSource | None = None,
    ) -> None:
        """`steps` tells the session the footpod's count at every wake-up and command.
        `speed`: clock seconds per real second (a compressed demo run).

        `precise_wait(seconds)` blocks for a few clock milliseconds, more accurately than the
        event loop's timers wake. With it, the timer is armed early by the largest recent
        overshoot of its wake-ups plus a margin, and the rest is waited out, so cues land on
        time even where timers wake late.
        """
        super().__init__(parent)
        self._session = session
        self._clock = clock
        self._ms_per_clock_second = 1000.0 / speed
        self._precise_wait = precise_wait
        self._steps = steps
        self._overshoots: deque[float] = deque([INITIAL_LEAD_S - LEAD_MARGIN_S], maxlen=32)
        self._intended_wake: float | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._on_timeout)

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
    def run(self, command: Command) -> None:
        """Run a command now; raises IllegalCommand (and changes nothing) when it is not
        allowed."""
        now = self._clock()
        before = self._session.state
        events = self._session.apply(command, now)
        self._publish(events + self._count_steps(now), now, before)

    def start(self) -> None:
        self.run(Command.START)

    def pause(self) -> None:
        self.run(Command.PAUSE)

    def resume(self) -> None:
        self.run(Command.RESUME)

    def skip(self) -> None:
        self.run(Command.SKIP)

    def back(self) -> None:
        self.run(Command.BACK)

    def stop(self) -> None:
        self.run(Command.STOP)

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

    # ---- time ------------------------------------------------------------------------
    def _lead(self) -> float:
        if self._precise_wait is None:
            return 0.0
        return min(MAX_LEAD_S, max(self._overshoots) + LEAD_MARGIN_S)

    def _on_timeout(self) -> None:
        if self._precise_wait is not None and self._intended_wake is not None:
            now = self._clock()
            self._overshoots.append(max(0.0, now - self._intended_wake))
            due = self._next_moment(now)
            if due is not None and 0.0 < due - now <= MAX_LEAD_S:
                self._precise_wait(due - now)
        self.poll()

    def poll(self) -> None:
        """Emit what fell due by now and re-arm the timer. The timer calls this."""
        now = self._clock()
        before = self._session.state
        # The count up to now ends the visit under way, and starts the one it leads to.
        events = self._count_steps(now)
        events += self._session.advance(now)
        self._publish(events + self._count_steps(now), now, before)

    def _count_steps(self, now: float) -> list[Event]:
        if self._steps is None:
            return []
        session = self._session
        steps = self._steps(now, session.visit, session.state is SessionState.RUNNING)
        return session.count_steps(now, steps)

    def _publish(self, events: list[Event], now: float, before: SessionState) -> None:
        actual = self._session.plan_time(now)
        for event in events:
            self.event_fired.emit(event, actual)
        if self._session.state is not before:
            self.state_changed.emit(self._session.state)
        self.view_changed.emit(self._session.view(now))
        self._arm(now)

    def _next_moment(self, now: float) -> float | None:
        """The next cue or display change, in clock time."""
        moments = [
            moment
            for moment in (self._session.next_due(now), self._session.next_display_change(now))
            if moment is not None
        ]
        return min(moments) if moments else None

    def _arm(self, now: float) -> None:
        due = self._next_moment(now)
        if due is None:
            self._timer.stop()
            self._intended_wake = None
            return
        # Measured from a fresh reading: the signal handlers may have taken a while.
        now = self._clock()
        # Without a precise wait, round up so the timer never fires before the moment (an
        # early wake would only re-arm), but not for float noise just above a whole ms.
        delay_ms = max(0, math.ceil((due - now - self._lead()) * self._ms_per_clock_second - 1e-6))
        self._intended_wake = now + delay_ms / self._ms_per_clock_second
        self._timer.start(delay_ms)

    def shutdown(self) -> None:
        """Stop the timer for good (window closing, tests ending)."""
        self._timer.stop()
