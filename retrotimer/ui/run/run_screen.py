"""The run screen's behaviour: templates, sessions, keys, checklist, screen-awake, volume."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from retrotimer.core.model import Template
from retrotimer.core.plan import CueType, Plan, compile_plan
from retrotimer.core.ports import ScreenAwake
from retrotimer.core.session import Command, Event, EventKind, Session, SessionState, SessionView
from retrotimer.core.settings import Settings
from retrotimer.runtime.clock import Clock, Wait
from retrotimer.runtime.session_controller import SessionController
from retrotimer.ui.run.run_display import RunDisplay
from retrotimer.ui.run.run_keys import install_actions
from retrotimer.ui.run.run_texts import RunTexts, run_texts
from retrotimer.ui.run.safety_checklist import SafetyChecklist

LONG_PAUSE_S = 600.0  # the screen may sleep again after ten minutes of pause
VOLUME_STEP = 0.1
REMINDER_CUES = (CueType.SHOULDER_CHECK, CueType.HOLD_RAILS)


class RunScreen(RunDisplay):
    """Runs sessions of the selected template through a SessionController.

    Signals: `session_started(SessionController)` before the first command, so listeners hear
    every event; `session_ended(SessionSummary)`; `settings_edited(Settings)` when a key changed
    a setting (volume, mute); `template_selected(str)`; `plan_loaded(Plan)` whenever a new
    plan is ready to run (so custom labels can be rendered before it starts);
    `fullscreen_requested()`.
    """

    session_started = Signal(object)
    session_ended = Signal(object)
    settings_edited = Signal(object)
    template_selected = Signal(str)
    plan_loaded = Signal(object)
    fullscreen_requested = Signal()

    def __init__(
        self,
        settings: Settings,
        clock: Clock,
        awake: ScreenAwake,
        memory: QSettings,
        parent: QWidget | None = None,
        *,
        speed: float = 1.0,
        precise_wait: Wait | None = None,
    ) -> None:
        """`speed` compresses time (demos, benchmarks); `precise_wait` lets the controller
        wait out the last milliseconds before a cue (see SessionController)."""
        super().__init__(settings.theme, parent)
        self._precise_wait = precise_wait
        self._settings = settings
        self._clock = clock
        self._awake = awake
        self._memory = memory
        self._speed = speed
        self._templates: list[Template] = []
        self._template: Template | None = None
        self._plan: Plan | None = None
        self._controller: SessionController | None = None
        self._texts: RunTexts | None = None
        self._paused_since: float | None = None
        self.stop_confirmation: QMessageBox | None = None
        self.checklist: SafetyChecklist | None = None
        self._pause_timer = QTimer(self)
        self._pause_timer.setSingleShot(True)
        self._pause_timer.timeout.connect(self.check_long_pause)
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
        self.show_audio(settings)
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

    def _load(self, template: Template | None) -> None:
        self._discard_controller()
        self._template = template
        self._plan = compile_plan(template, self._settings) if template is not None else None
        if template is not None and self._plan is not None and self._plan.segments:
            self._prepare()
            self.template_selected.emit(template.name)
            self.plan_loaded.emit(self._plan)
        else:
            self._plan = None
        self.timeline.set_plan(self._plan)
        self._refresh()

    @property
    def template(self) -> Template | None:
        return self._template

    @property
    def plan(self) -> Plan | None:
        return self._plan

    @property
    def controller(self) -> SessionController | None:
        return self._controller

    @property
    def state(self) -> SessionState | None:
        return self._controller.state if self._controller is not None else None

    @property
    def session_active(self) -> bool:
        state = self.state
        return state is not None and state not in (SessionState.IDLE,) and not state.is_over

    @property
    def texts(self) -> RunTexts | None:
        return self._texts

    # ---- sessions --------------------------------------------------------------------------
    def _prepare(self) -> None:
        assert self._plan is not None
        session = Session.from_settings(self._plan, self._settings, speed=self._speed)
        controller = SessionController(
            session, self._clock, self, speed=self._speed, precise_wait=self._precise_wait
        )
        controller.view_changed.connect(self._render)
        controller.event_fired.connect(self._on_event)
        controller.state_changed.connect(self._on_state)
        self._controller = controller

    def _discard_controller(self) -> None:
        if self._controller is not None:
            self._controller.shutdown()
            self._controller.view_changed.disconnect(self._render)
            self._controller.event_fired.disconnect(self._on_event)
            self._controller.state_changed.disconnect(self._on_state)
            self._controller.deleteLater()
            self._controller = None

    def toggle(self) -> None:
        """Space: start (after the checklist when due), pause, resume; after the end, reset."""
        controller = self._controller
        if controller is None:
            return
        state = controller.state
        if state is SessionState.IDLE:
            self.start()
        elif state.is_over:
            self._load(self._template)
        else:
            controller.toggle_pause()

    def start(self) -> None:
        if self._controller is None or self._controller.state is not SessionState.IDLE:
            return
        if self._checklist_due():
            self._open_checklist()
            return
        self.session_started.emit(self._controller)
        self._controller.start()

    def skip(self) -> None:
        self._run(Command.SKIP)

    def back(self) -> None:
        self._run(Command.BACK)

    def _run(self, command: Command) -> None:
        controller = self._controller
        if controller is not None and controller.can(command):
            getattr(controller, command.value)()

    def request_stop(self) -> None:
        """Esc: stop after a confirmation (nothing to confirm once the session is over)."""
        if not self.session_active or self.stop_confirmation is not None:
            return
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle("Stop the session?")
        box.setAccessibleName("Stop the session?")
        box.setText("Stop this session now?")
        box.setInformativeText("What you have done so far is kept in your history.")
        stop = box.addButton("Stop session", QMessageBox.ButtonRole.AcceptRole)
        keep = box.addButton("Keep going", QMessageBox.ButtonRole.RejectRole)
        stop.setAccessibleName("Stop session")
        keep.setAccessibleName("Keep going")
        box.setDefaultButton(stop)
        box.setEscapeButton(keep)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.finished.connect(lambda _result: self._stop_answered(box, box.clickedButton() is stop))
        self.stop_confirmation = box
        box.open()

    def _stop_answered(self, box: QMessageBox, confirmed: bool) -> None:
        self.stop_confirmation = None
        box.deleteLater()
        if confirmed:
            self.stop_now()

    def stop_now(self) -> None:
        """Stop without asking (the window is closing, or the runner confirmed)."""
        self._run(Command.STOP)

    # ---- checklist -------------------------------------------------------------------------
    def _checklist_key(self) -> str:
        assert self._template is not None
        return f"checklist_done/{self._template.name}"

    def _checklist_due(self) -> bool:
        if not self._settings.safety_checklist or self._template is None:
            return False
        return not bool(self._memory.value(self._checklist_key(), False, type=bool))

    def _open_checklist(self) -> None:
        assert self._template is not None and self._plan is not None
        dialog = SafetyChecklist(self._template.name, self._plan.venue, self)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.finished.connect(lambda result: self._checklist_answered(dialog, result))
        self.checklist = dialog
        dialog.open()

    def _checklist_answered(self, dialog: SafetyChecklist, result: int) -> None:
        self.checklist = None
        dialog.deleteLater()
        if not dialog.show_again.isChecked():
            self._edit_settings(dataclasses.replace(self._settings, safety_checklist=False))
        if result == SafetyChecklist.DialogCode.Accepted:
            self._memory.setValue(self._checklist_key(), True)
            self._memory.sync()
            self.start()

    # ---- audio keys ------------------------------------------------------------------------
    def change_volume(self, delta: float) -> None:
        volume = round(min(1.0, max(0.0, self._settings.volume + delta)), 2)
        self._edit_settings(dataclasses.replace(self._settings, volume=volume, muted=False))

    def toggle_mute(self) -> None:
        self._edit_settings(dataclasses.replace(self._settings, muted=not self._settings.muted))

    def _edit_settings(self, settings: Settings) -> None:
        self._settings = settings
        self.show_audio(settings)
        self.settings_edited.emit(settings)

    @property
    def settings(self) -> Settings:
        return self._settings

    def apply_settings(self, settings: Settings) -> None:
        """New settings: the audio status now, the plan from the next session on."""
        theme_changed = settings.theme is not self._settings.theme
        self._settings = settings
        self.show_audio(settings)
        if theme_changed:
            self.set_theme(settings.theme)
        if not self.session_active:
            self._load(self._template)

    # ---- reacting to the session ------------------------------------------------------------
    def _on_event(self, event: Event, actual_s: float) -> None:
        cue = event.cue
        if event.kind is EventKind.CUE and cue is not None and cue.type in REMINDER_CUES:
            self.banner.flash()

    def _on_state(self, state: SessionState) -> None:
        if state in (SessionState.COUNTDOWN, SessionState.RUNNING):
            self._paused_since = None
            self._pause_timer.stop()
            self._awake.hold()
        elif state is SessionState.PAUSED:
            self._paused_since = self._clock()
            self._arm_pause_timer()
        else:
            self._paused_since = None
            self._pause_timer.stop()
            self._awake.release()
            self.banner.stop_flashing()
            if self.stop_confirmation is not None:
                self.stop_confirmation.reject()
            if state.is_over and self._controller is not None:
                self.session_ended.emit(self._controller.session.summary(self._clock()))

    def _arm_pause_timer(self) -> None:
        if self._paused_since is None:
            return
        left = LONG_PAUSE_S - (self._clock() - self._paused_since)
        self._pause_timer.start(max(0, round(left * 1000 / self._speed)))

    def check_long_pause(self) -> None:
        """Release the screen once the session has been paused for ten minutes."""
        if self._paused_since is None or self.state is not SessionState.PAUSED:
            return
        if self._clock() - self._paused_since >= LONG_PAUSE_S:
            self._awake.release()
        else:
            self._arm_pause_timer()

    @property
    def long_pause_pending(self) -> bool:
        return self._pause_timer.isActive()

    def _refresh(self) -> None:
        if self._controller is not None:
            self._render(self._controller.view())
        else:
            self._texts = None
            self.show_empty()

    def _render(self, view: SessionView) -> None:
        assert self._plan is not None
        self._texts = run_texts(view, self._plan)
        self.show_texts(self._texts, view.state, self._plan, view.position_s)

    # ---- lifetime --------------------------------------------------------------------------
    def shutdown(self) -> None:
        """Stop timers and let the screen sleep (the window is closing)."""
        self._pause_timer.stop()
        self.banner.stop_flashing()
        if self._controller is not None:
            self._controller.shutdown()
        self._awake.release()
