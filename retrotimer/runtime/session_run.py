"""One session's whole life, for the window and the terminal alike: plan to summary."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from retrotimer.core.session.heart_rate_cue import heart_rate_fits
from retrotimer.core.session.session_machine import (
    Command,
    Event,
    SessionState,
    SessionView,
)
from retrotimer.core.value import replace
from retrotimer.runtime.footpod_steps import FootpodSteps
from retrotimer.runtime.history_recording import HistoryRecording
from retrotimer.runtime.sample_recording import SampleRecording
from retrotimer.runtime.session_controller import SessionController

if TYPE_CHECKING:
    from retrotimer.core.history.history_values import HistorySession, Review
    from retrotimer.core.history.program_ref import ProgramRef
    from retrotimer.core.session.plan import Plan
    from retrotimer.core.session.records import SessionSummary
    from retrotimer.core.settings import Settings
    from retrotimer.runtime.run_parts import RunParts

# After ten minutes of pause the screen may sleep again and the sound output is let go.
LONG_PAUSE_S = 600.0
SOUND_CHECK_MS = 100  # how often a start waiting for the speaker looks again


class SessionRun(QObject):
    """Owns one session: the Session, its controller, the history recording, the cues it
    sounds (their output held from the start to the end, let go in a long pause) and the
    screen kept awake. Every event goes first to the history (a finished segment is on disk
    before anyone hears of it), then to the cues, then to the listeners of `event_fired`.

    Signals: `event_fired(Event, actual_s)`, `view_changed(SessionView)`,
    `state_changed(SessionState)`, `ended(SessionSummary)` once when the session finishes or
    is stopped, `message(str)` for the user (history trouble).

    When the session is over, its timer, controller, sound output and screen-awake are let
    go; only a history write the disk refused is still retried, until `close()`.
    """

    event_fired = Signal(object, float)
    view_changed = Signal(object)
    state_changed = Signal(object)
    ended = Signal(object)
    message = Signal(str)

    def __init__(
        self,
        plan: Plan,
        settings: Settings,
        parts: RunParts,
        parent: QObject | None = None,
        *,
        session_id: str | None = None,
        program: ProgramRef | None = None,
    ) -> None:
        super().__init__(parent)
        self._plan = plan
        self._parts = parts
        self._clock = parts.clock
        self.session_id = session_id if session_id is not None else str(uuid.uuid4())
        # The program session this is run for (None: a template chosen by hand).
        self.program = program
        self._session = parts.new_session(plan, settings)
        self._controller: SessionController | None = SessionController(
            self._session,
            parts.clock,
            self,
            speed=parts.speed,
            precise_wait=parts.precise_wait,
            steps=FootpodSteps(parts.sensors) if parts.sensors is not None else None,
        )
        self._controller.event_fired.connect(self._on_event)
        self._controller.view_changed.connect(self.view_changed.emit)
        self._controller.state_changed.connect(self._on_state)
        self._recording: HistoryRecording | None = None
        if parts.history is not None:
            self._recording = HistoryRecording(
                parts.history,
                self.session_id,
                plan,
                parts.wall_clock,
                self,
                test_run=parts.speed != 1.0,
                program=program,
            )
            self._recording.message.connect(self.message.emit)
            self._controller.view_changed.connect(self._recording.observe_clock)
        self._samples: SampleRecording | None = None
        if parts.sensors is not None and parts.samples is not None and parts.history is not None:
            self._samples = SampleRecording(
                parts.samples, self.session_id, parts.sensors, parts.wall_clock
            )
            self._controller.view_changed.connect(self._sample)
        self._awake_held = False
        self._output_held = False
        self._paused_since: float | None = None
        self._pause_timer = QTimer(self)
        self._pause_timer.setSingleShot(True)
        self._pause_timer.timeout.connect(self.check_long_pause)
        self._sound_timer = QTimer(self)
        self._sound_timer.setInterval(SOUND_CHECK_MS)
        self._sound_timer.timeout.connect(self._check_sound)
        self._sound_waited_s = 0.0
        self._when_heard = Command.START
        self.summary: SessionSummary | None = None
        if parts.cues is not None:
            parts.cues.load(plan, self._session.get_ready_cues)

    # ---- reading ---------------------------------------------------------------------
    @property
    def plan(self) -> Plan:
        return self._plan

    @property
    def state(self) -> SessionState:
        return self._session.state

    @property
    def active(self) -> bool:
        """Started and not over: a session under way (paused included)."""
        state = self._session.state
        return state is not SessionState.IDLE and not state.is_over

    @property
    def controller(self) -> SessionController | None:
        """The controller while the session can still move (None once it has ended)."""
        return self._controller

    def view(self) -> SessionView:
        return self._session.view(self._clock())

    def can(self, command: Command) -> bool:
        return self._controller is not None and self._controller.can(command)

    # ---- commands --------------------------------------------------------------------
    def run(self, command: Command) -> bool:
        """Run the command when it is allowed now; False (and nothing changes) otherwise."""
        if not self.can(command):
            return False
        assert self._controller is not None
        self._controller.run(command)
        return True

    def start(self) -> None:
        """Start as soon as the speaker can be heard (at most `sound_wait_s`), so the
        get-ready words and pips are not lost; a second call while it waits does nothing."""
        self._once_heard(Command.START)

    def _once_heard(self, command: Command) -> None:
        """Open the sound output and run `command` once it takes sound."""
        if self._sound_timer.isActive() or not self.can(command):
            return
        self._hold_output(True)
        cues = self._parts.cues
        if cues is None or cues.wait_ready(0):
            self.run(command)
            return
        self._when_heard = command
        self._sound_waited_s = 0.0
        self._sound_timer.start()

    @property
    def waiting_for_sound(self) -> bool:
        return self._sound_timer.isActive()

    def _check_sound(self) -> None:
        cues = self._parts.cues
        self._sound_waited_s += SOUND_CHECK_MS / 1000
        ready = cues is None or cues.wait_ready(0)
        if not ready and self._sound_waited_s < self._parts.sound_wait_s:
            return
        self._sound_timer.stop()
        if not ready:
            self.message.emit(
                f"The sound output was not ready after {self._parts.sound_wait_s:.0f} s; "
                "the session goes on anyway and the first cues may not be heard."
            )
        self.run(self._when_heard)

    def toggle_pause(self) -> None:
        """Start when idle (once the speaker is ready), pause when running, resume when
        paused (once the speaker is ready again after a long pause let it go)."""
        state = self._session.state
        if state is SessionState.IDLE:
            self.start()
        elif state is SessionState.PAUSED and not self._output_held:
            self._once_heard(Command.RESUME)
        elif self._controller is not None:
            self._controller.toggle_pause()

    # ---- events ----------------------------------------------------------------------
    def _on_event(self, event: Event, actual_s: float) -> None:
        if self._recording is not None:
            self._recording.on_event(event)
        cues = self._parts.cues
        if cues is not None:
            cues.handle(event)
            sensors, record = self._parts.sensors, event.record
            if sensors is not None and record is not None:
                heart_rate = sensors.readings().heart_rate
                if heart_rate is not None and heart_rate_fits(self._plan, record.index):
                    cues.say_heart_rate(heart_rate)
        self.event_fired.emit(event, actual_s)
        if event.summary is not None:
            self.summary = event.summary

    def _on_state(self, state: SessionState) -> None:
        if state in (SessionState.COUNTDOWN, SessionState.RUNNING):
            self._paused_since = None
            self._pause_timer.stop()
            self._hold_awake(True)
            self._hold_output(True)
        elif state is SessionState.PAUSED:
            self._paused_since = self._clock()
            self._arm_pause_timer()
        self.state_changed.emit(state)
        if state.is_over:
            self._write_samples()
            self._let_go()
            if self.summary is not None:
                self.ended.emit(self.summary)

    def _hold_awake(self, hold: bool) -> None:
        awake = self._parts.awake
        if awake is None or hold == self._awake_held:
            return
        self._awake_held = hold
        if hold:
            awake.hold()
        else:
            awake.release()

    def _hold_output(self, hold: bool) -> None:
        cues = self._parts.cues
        if cues is None or hold == self._output_held:
            return
        self._output_held = hold
        cues.hold(hold)

    def _arm_pause_timer(self) -> None:
        if self._paused_since is None:
            return
        left = LONG_PAUSE_S - (self._clock() - self._paused_since)
        self._pause_timer.start(max(0, round(left * 1000 / self._parts.speed)))

    def check_long_pause(self) -> None:
        """Let the screen sleep and the sound output go once the session has been paused
        for ten minutes."""
        if self._paused_since is None or self._session.state is not SessionState.PAUSED:
            return
        if self._clock() - self._paused_since >= LONG_PAUSE_S:
            self._pause_timer.stop()
            self._hold_awake(False)
            self._hold_output(False)
        else:
            self._arm_pause_timer()

    @property
    def long_pause_pending(self) -> bool:
        return self._pause_timer.isActive()

    # ---- history ---------------------------------------------------------------------
    def _sample(self, view: SessionView) -> None:
        assert self._samples is not None
        if self._samples.observe(view):
            self._write_samples()

    def _write_samples(self) -> None:
        # Samples name their session: they wait until the session's own rows are written.
        rows_saved = self._recording is None or self._recording.is_saved
        if self._samples is not None and rows_saved:
            self._samples.flush()

    def save_review(self, review: Review) -> bool:
        """The runner's review of this very session; False when it could not be saved."""
        return self._recording is not None and self._recording.save_review(review)

    @property
    def recorded(self) -> bool:
        """True when everything of this session is in the history (or nothing is recorded)."""
        rows_saved = self._recording is None or self._recording.is_saved
        return rows_saved and (self._samples is None or not self._samples.waiting)

    def unsaved(self) -> HistorySession | None:
        """What the history still refuses of this session, after one more try: its rows,
        and the sensor samples not yet written (with the session they belong to)."""
        if self._recording is None:
            return None
        session = self._recording.unsaved()
        self._write_samples()
        if self._samples is None or not self._samples.waiting:
            return session
        whole = session if session is not None else self._recording.recorder.snapshot()
        return replace(whole, samples=self._samples.waiting)

    @property
    def retrying(self) -> bool:
        return self._recording is not None and self._recording.retrying

    # ---- lifetime --------------------------------------------------------------------
    def _let_go(self) -> None:
        """The session is over or abandoned: no timer, no controller, the screen may sleep,
        the sound output goes once the last words are out."""
        self._pause_timer.stop()
        self._sound_timer.stop()
        self._paused_since = None
        self._hold_awake(False)
        self._hold_output(False)
        controller, self._controller = self._controller, None
        if controller is not None:
            controller.shutdown()
            controller.event_fired.disconnect(self._on_event)
            controller.state_changed.disconnect(self._on_state)
            controller.deleteLater()

    def close(self) -> None:
        """Let go of everything, history retries included. A session still under way is
        stopped first, so what was done is recorded."""
        if self.active:
            self.run(Command.STOP)
        self._write_samples()
        self._let_go()
        if self._recording is not None:
            self._recording.close()
