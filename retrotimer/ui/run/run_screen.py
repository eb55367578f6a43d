"""The run screen's behaviour: templates, the session's keys, the checklist, volume keys."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Signal

from retrotimer.core.session.plan import CueType, Plan, compile_plan
from retrotimer.core.session.session_machine import (
    Command,
    Event,
    EventKind,
    SessionState,
    SessionView,
)
from retrotimer.core.settings import Settings, changes_sessions
from retrotimer.core.value import replace
from retrotimer.ui.run.run_display import RunDisplay
from retrotimer.ui.run.run_keys import install_actions
from retrotimer.ui.run.run_texts import RunTexts, run_texts
from retrotimer.ui.run.sensor_readout import sensor_readout_text

# The session machinery comes with the first session prepared: after the first paint.
if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox, QWidget

    from retrotimer.core.history.program_ref import ProgramRef
    from retrotimer.core.model import Template
    from retrotimer.core.sensors.sensor_ports import SensorSource
    from retrotimer.core.sensors.sensor_values import SensorReadings
    from retrotimer.runtime.session_controller import SessionController
    from retrotimer.runtime.session_run import SessionRun
    from retrotimer.runtime.session_runs import SessionRuns
    from retrotimer.runtime.settings_source import SettingsSource
    from retrotimer.ui.run.safety_checklist import SafetyChecklist

VOLUME_STEP = 0.1
REMINDER_CUES = (CueType.SHOULDER_CHECK, CueType.HOLD_RAILS)


class RunScreen(RunDisplay):
    """Runs sessions of the selected template, each through its own SessionRun. Until
    `prepare_at_once()` (the window calls it once painted), a template's session is made
    when it is first wanted (a key, a button), so the first frame shows the plan without it.

    Signals: `session_ended(SessionRun)` once a session has finished or been stopped (its
    summary is `run.summary`); `template_selected(str)`; `fullscreen_requested()`.
    """

    session_ended = Signal(object)
    template_selected = Signal(str)
    fullscreen_requested = Signal()

    def __init__(
        self,
        settings: SettingsSource,
        runs: SessionRuns,
        memory: QSettings,
        parent: QWidget | None = None,
        *,
        sensors: SensorSource | None = None,
    ) -> None:
        super().__init__(settings.current.theme, parent)
        self._settings = settings
        self._runs = runs
        self._memory = memory
        self._sensors = sensors
        self._templates: list[Template] = []
        self._template: Template | None = None
        # The plan loaded and the program session it is for, while its run is not yet made.
        self._pending: tuple[Plan, ProgramRef | None] | None = None
        self._prepare_at_once = False
        self._run: SessionRun | None = None
        self._texts: RunTexts | None = None
        self.stop_confirmation: QMessageBox | None = None
        self.checklist: SafetyChecklist | None = None
        self.setAccessibleName("Run screen")
        self.template_box.currentIndexChanged.connect(self._template_index_changed)
        self.toggle_button.clicked.connect(self.toggle)
        self.back_button.clicked.connect(self.back)
        self.skip_button.clicked.connect(self.skip)
        self.stop_button.clicked.connect(self.request_stop)
        self.actions_by_name = install_actions(
            self,
            {
                "toggle": self.toggle,
                "skip": self.skip,
                "back": self.back,
                "stop": self.request_stop,
                "fullscreen": self.fullscreen_requested.emit,
                "volume_up": lambda: self.change_volume(VOLUME_STEP),
                "volume_down": lambda: self.change_volume(-VOLUME_STEP),
                "mute": self.toggle_mute,
            },
        )
        settings.changed.connect(self._settings_changed)
        self.show_audio(settings.current)
        self._refresh()

    # ---- templates -------------------------------------------------------------------------
    def set_templates(self, templates: Sequence[Template], prefer: str | None = None) -> None:
        """The templates to choose from. Loads `prefer`, else the one loaded before, else the
        first; a session under way keeps its template and plan."""
        self._templates = list(templates)
        names = [template.name for template in self._templates]
        current = self._template.name if self._template is not None else None
        self.template_box.blockSignals(True)
        self.template_box.clear()
        self.template_box.addItems(names)
        if current in names:
            self.template_box.setCurrentIndex(names.index(current))
        self.template_box.blockSignals(False)
        if self.session_active:
            return
        for wanted in (prefer, current, names[0] if names else None):
            if wanted is not None and self.select_template(wanted):
                return
        self._load(None)

    def select_template(self, name: str) -> bool:
        """Load the template of that name (not while a session is under way)."""
        for index, template in enumerate(self._templates):
            if template.name == name:
                if self.session_active:
                    return False
                self.template_box.blockSignals(True)  # loaded once, here
                self.template_box.setCurrentIndex(index)
                self.template_box.blockSignals(False)
                self._load(template)
                return True
        return False

    def _template_index_changed(self, index: int) -> None:
        if 0 <= index < len(self._templates) and not self.session_active:
            self._load(self._templates[index])

    def run_program_session(self, template: Template, program: ProgramRef) -> bool:
        """Load a program's session (not from the template list) and start it; False while
        another session is under way."""
        if self.session_active:
            return False
        self.template_box.blockSignals(True)
        self.template_box.setCurrentIndex(-1)
        self.template_box.blockSignals(False)
        self._load(template, program)
        self.start()
        return True

    def _load(self, template: Template | None, program: ProgramRef | None = None) -> None:
        """A fresh session of `template` (the one before is let go), ready to start."""
        self._release_run()
        self._template = template
        plan = compile_plan(template, self._settings.current) if template is not None else None
        if template is not None and plan is not None and plan.segments:
            self._pending = (plan, program)
            if self._prepare_at_once:
                self._prepared()
            self.template_selected.emit(template.name)
        self.timeline.set_plan(self.plan)
        self._refresh()

    def prepare_at_once(self) -> None:
        """From now on each template's session is made as soon as it is loaded (the one
        loaded now too), so a key press finds it ready."""
        self._prepare_at_once = True
        self._prepared()

    def _prepared(self) -> SessionRun | None:
        """The loaded template's session, made now if it was not yet; None without one."""
        if self._pending is not None:
            (plan, program), self._pending = self._pending, None
            run = self._runs.prepare(plan, self._settings.current, program=program)
            run.view_changed.connect(self._render)
            run.event_fired.connect(self._on_event)
            run.state_changed.connect(self._on_state)
            run.ended.connect(lambda _summary: self.session_ended.emit(run))
            self._run = run
        return self._run

    def _release_run(self) -> None:
        self._pending = None
        run, self._run = self._run, None
        if run is not None:
            run.view_changed.disconnect(self._render)
            run.event_fired.disconnect(self._on_event)
            run.state_changed.disconnect(self._on_state)
            self._runs.release(run)

    @property
    def template(self) -> Template | None:
        return self._template

    @property
    def plan(self) -> Plan | None:
        if self._pending is not None:
            return self._pending[0]
        return self._run.plan if self._run is not None else None

    @property
    def session_run(self) -> SessionRun | None:
        return self._prepared()

    @property
    def controller(self) -> SessionController | None:
        """The running session's controller (tests drive its timer through it)."""
        run = self._prepared()
        return run.controller if run is not None else None

    @property
    def state(self) -> SessionState | None:
        if self._pending is not None:
            return SessionState.IDLE
        return self._run.state if self._run is not None else None

    @property
    def session_active(self) -> bool:
        return self._run is not None and self._run.active

    @property
    def texts(self) -> RunTexts | None:
        return self._texts

    # ---- sessions --------------------------------------------------------------------------
    def toggle(self) -> None:
        """Space: start (after the checklist when due), pause, resume; after the end, reset."""
        run = self._prepared()
        if run is None:
            return
        if run.state is SessionState.IDLE:
            self.start()
        elif run.state.is_over:
            self._load(self._template)
        else:
            run.toggle_pause()

    def start(self) -> None:
        run = self._prepared()
        if run is None or run.state is not SessionState.IDLE:
            return
        if self._checklist_due():
            self._open_checklist()
            return
        run.start()

    def skip(self) -> None:
        self._command(Command.SKIP)

    def back(self) -> None:
        self._command(Command.BACK)

    def _command(self, command: Command) -> None:
        # A session not yet made is made for a key, not for a stop (the window closing).
        run = self._run if command is Command.STOP else self._prepared()
        if run is not None:
            run.run(command)

    def request_stop(self) -> None:
        """Esc: stop after a confirmation (nothing to confirm once the session is over)."""
        if not self.session_active or self.stop_confirmation is not None:
            return
        from retrotimer.ui.run.stop_question import ask_to_stop

        self.stop_confirmation = ask_to_stop(self, self._stop_answered)

    def _stop_answered(self, confirmed: bool) -> None:
        self.stop_confirmation = None
        if confirmed:
            self.stop_now()

    def stop_now(self) -> None:
        """Stop without asking (the window is closing, or the runner confirmed)."""
        self._command(Command.STOP)

    # ---- checklist -------------------------------------------------------------------------
    def _checklist_key(self) -> str:
        assert self._template is not None
        return f"checklist_done/{self._template.name}"

    def _checklist_due(self) -> bool:
        if not self._settings.current.safety_checklist or self._template is None:
            return False
        return not bool(self._memory.value(self._checklist_key(), False, type=bool))

    def _open_checklist(self) -> None:
        from retrotimer.ui.common.modal import open_modal
        from retrotimer.ui.run.safety_checklist import SafetyChecklist

        plan = self.plan
        assert self._template is not None and plan is not None
        dialog = SafetyChecklist(self._template.name, plan.venue, self)
        self.checklist = open_modal(dialog, self._checklist_answered)

    def _checklist_answered(self, dialog: SafetyChecklist, result: int) -> None:
        self.checklist = None
        if not dialog.show_again.isChecked():
            self._settings.update(replace(self._settings.current, safety_checklist=False))
        if result == dialog.DialogCode.Accepted:
            self._memory.setValue(self._checklist_key(), True)
            self._memory.sync()
            self.start()

    # ---- settings and audio keys -------------------------------------------------------------
    def change_volume(self, delta: float) -> None:
        """+ and -: the new volume (unmuted), and a short beep at it to judge it by."""
        settings = self._settings.current
        volume = round(min(1.0, max(0.0, settings.volume + delta)), 2)
        self._settings.update(replace(settings, volume=volume, muted=False))
        cues = self._runs.parts.cues
        if cues is not None:
            cues.preview_volume()  # after `update`: the cues have the new volume by now

    def toggle_mute(self) -> None:
        settings = self._settings.current
        self._settings.update(replace(settings, muted=not settings.muted))

    def _settings_changed(self, settings: Settings, old: Settings) -> None:
        """The audio status at once; a new plan only when one would differ, and never while
        a session is under way or its result is on the screen."""
        self.show_audio(settings)
        if settings.theme is not old.theme:
            self.set_theme(settings.theme)
        run = self._run
        idle = run is None or run.state is SessionState.IDLE
        if idle and changes_sessions(old, settings):
            self._load(self._template)

    # ---- reacting to the session ------------------------------------------------------------
    def _on_event(self, event: Event, actual_s: float) -> None:
        cue = event.cue
        if event.kind is EventKind.CUE and cue is not None and cue.type in REMINDER_CUES:
            self.banner.flash()

    def _on_state(self, state: SessionState) -> None:
        if state not in (SessionState.COUNTDOWN, SessionState.RUNNING, SessionState.PAUSED):
            self.banner.stop_flashing()
            if self.stop_confirmation is not None:
                self.stop_confirmation.reject()

    def _refresh(self) -> None:
        if self._run is not None:
            self._render(self._run.view())
        elif self._pending is not None:
            self._render(self._waiting_view(self._pending[0]))
        else:
            self._texts = None
            self.show_empty()

    def _waiting_view(self, plan: Plan) -> SessionView:
        """What the session of `plan` will show when it is made: it has not started."""
        parts = self._runs.parts
        return parts.new_session(plan, self._settings.current).view(parts.clock())

    def _render(self, view: SessionView) -> None:
        plan = self.plan
        assert plan is not None
        summary = self._run.summary if self._run is not None else None
        self._texts = run_texts(view, plan, summary)
        self.show_texts(self._texts, view.state, plan, view.position_s)
        # Each displayed second looks again, so a sensor that fell silent says so. While the
        # line is hidden no sensor is paired: a pairing shows it (the feed tells its news).
        if self._sensors is not None and not self.sensor_readout.isHidden():
            self.show_readings(self._sensors.readings())

    def show_readings(self, readings: SensorReadings) -> None:
        self.show_sensors(sensor_readout_text(readings))

    # ---- lifetime --------------------------------------------------------------------------
    def shutdown(self) -> None:
        """The window is closing: a session under way is stopped (and so recorded)."""
        self.banner.stop_flashing()
        self.stop_now()
