"""The run screen: huge countdown, kind colour, arrow and words, banner, big buttons and keys."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QKeySequence, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from retrotimer.core.model import Template
from retrotimer.core.plan import CueType, Plan, compile_plan
from retrotimer.core.ports import ScreenAwake
from retrotimer.core.session import Command, Event, EventKind, Session, SessionState, SessionView
from retrotimer.core.settings import Settings
from retrotimer.ui.clock import Clock
from retrotimer.ui.kind_style import arrow_description
from retrotimer.ui.run_keys import BINDINGS, install_actions
from retrotimer.ui.run_texts import RunTexts, run_texts
from retrotimer.ui.run_widgets import DirectionBadge, FillBar, FittedText, SafetyBanner
from retrotimer.ui.safety_checklist import SafetyChecklist
from retrotimer.ui.session_controller import SessionController
from retrotimer.ui.theme import run_colours
from retrotimer.ui.timeline_bar import TimelineBar

LONG_PAUSE_S = 600.0  # the screen may sleep again after ten minutes of pause
VOLUME_STEP = 0.1
REMINDER_CUES = (CueType.SHOULDER_CHECK, CueType.HOLD_RAILS)


class RunScreen(QWidget):
    """Runs sessions of the selected template through a SessionController.

    Signals: `session_started(SessionController)` before the first command, so listeners hear
    every event; `session_ended(SessionSummary)`; `settings_edited(Settings)` when a key changed
    a setting (volume, mute); `template_selected(str)`; `fullscreen_requested()`.
    """

    session_started = Signal(object)
    session_ended = Signal(object)
    settings_edited = Signal(object)
    template_selected = Signal(str)
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
    ) -> None:
        super().__init__(parent)
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
        self._colours = run_colours(settings.theme)
        self._paused_since: float | None = None
        self.stop_confirmation: QMessageBox | None = None
        self.checklist: SafetyChecklist | None = None
        self._pause_timer = QTimer(self)
        self._pause_timer.setSingleShot(True)
        self._pause_timer.timeout.connect(self.check_long_pause)
        self.setAccessibleName("Run screen")
        self.setAutoFillBackground(False)
        self._build()
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
        self._show_audio_status()
        self._refresh()

    # ---- building ------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 16, 28, 16)
        layout.setSpacing(6)

        top = QHBoxLayout()
        self.template_box = QComboBox()
        self.template_box.setAccessibleName("Template to run")
        self.template_box.setMinimumContentsLength(24)
        self.template_box.currentIndexChanged.connect(self._template_index_changed)
        template_label = QLabel("&Template:")
        template_label.setBuddy(self.template_box)
        self.plan_label = QLabel()
        self.plan_label.setAccessibleName("Plan totals")
        self.audio_label = QLabel()
        self.audio_label.setAccessibleName("Volume")
        self._top_labels = (template_label, self.plan_label, self.audio_label)
        top_font = QFont(self.font())
        top_font.setPointSizeF(top_font.pointSizeF() * 1.15)
        for label in self._top_labels:
            label.setFont(top_font)
        top.addWidget(template_label)
        top.addWidget(self.template_box)
        top.addSpacing(12)
        top.addWidget(self.plan_label, 1)
        top.addWidget(self.audio_label)
        layout.addLayout(top)

        self.badge = DirectionBadge()
        self.badge.setAccessibleName("Direction")
        self.title = FittedText("Backward walk · 15 steps", align=Qt.AlignmentFlag.AlignLeft)
        self.title.setAccessibleName("Segment")
        self.rep = FittedText("Rep 10 of 10")
        self.rep.setAccessibleName("Repetition")
        title_row = QHBoxLayout()
        title_row.addWidget(self.title, 5)
        title_row.addWidget(self.rep, 2)

        self.slot = QStackedWidget()
        self.info = FittedText("Stop, then turn around and reset")
        self.info.setAccessibleName("Note")
        self.banner = SafetyBanner()
        self.slot.addWidget(self.info)
        self.slot.addWidget(self.banner)
        self.slot.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

        self.digits = FittedText("0:00", height_share=0.98)
        self.digits.setAccessibleName("Time left in the segment")
        self.segment_bar = FillBar()
        self.segment_bar.setAccessibleName("Segment progress")
        self.segment_bar.setMinimumHeight(22)
        self.next_label = FittedText("Next: Backward walk · 15 steps")
        self.next_label.setAccessibleName("Next segment")
        self.timeline = TimelineBar(self._colours)
        self.timeline.setAccessibleName("Session progress")
        self.timeline.setMinimumHeight(26)
        self.session_label = QLabel()
        self.session_label.setAccessibleName("Session position")
        self.session_label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        # Stretch shares: the digits take about half of the screen's height.
        layout.addWidget(self.badge, 11)
        layout.addLayout(title_row, 8)
        layout.addWidget(self.slot, 8)
        layout.addWidget(self.digits, 62)
        layout.addWidget(self.segment_bar)
        layout.addWidget(self.next_label, 7)
        layout.addWidget(self.timeline)
        layout.addWidget(self.session_label)

        buttons = QHBoxLayout()
        buttons.setSpacing(14)
        self.toggle_button = self._button("Start", "toggle")
        self.back_button = self._button("Back", "back")
        self.skip_button = self._button("Skip", "skip")
        self.stop_button = self._button("Stop", "stop")
        self.toggle_button.clicked.connect(self.toggle)
        self.back_button.clicked.connect(self.back)
        self.skip_button.clicked.connect(self.skip)
        self.stop_button.clicked.connect(self.request_stop)
        for button in (self.back_button, self.toggle_button, self.skip_button, self.stop_button):
            buttons.addWidget(button, 2 if button is self.toggle_button else 1)
        layout.addLayout(buttons)

    def _button(self, text: str, binding: str) -> QPushButton:
        keys = BINDINGS[binding].keys
        hint = " / ".join(key.toString(QKeySequence.SequenceFormat.NativeText) for key in keys[:3])
        button = QPushButton(f"{text}   [{hint}]")
        button.setAccessibleName(text)
        button.setAccessibleDescription(f"{BINDINGS[binding].text}. Keys: {hint}")
        button.setMinimumHeight(76)
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.7)
        font.setBold(True)
        button.setFont(font)
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        return button

    # ---- templates -------------------------------------------------------------------------
    def set_templates(self, templates: Sequence[Template]) -> None:
        current = self._template.name if self._template is not None else None
        self._templates = list(templates)
        self.template_box.blockSignals(True)
        self.template_box.clear()
        for template in self._templates:
            self.template_box.addItem(template.name)
        self.template_box.blockSignals(False)
        if not (current and self.select_template(current)) and self._templates:
            self.template_box.setCurrentIndex(0)
            self._template_index_changed(0)
        elif not self._templates:
            self._load(None)

    def select_template(self, name: str) -> bool:
        """Load the template of that name (not while a session is under way)."""
        for index, template in enumerate(self._templates):
            if template.name == name:
                if self.session_active:
                    return False
                self.template_box.setCurrentIndex(index)
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
        controller = SessionController(session, self._clock, self, speed=self._speed)
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
        self._show_audio_status()
        self.settings_edited.emit(settings)

    def _show_audio_status(self) -> None:
        if self._settings.muted:
            self.audio_label.setText("<b>MUTED</b>  [M]")
        else:
            self.audio_label.setText(f"Volume {round(self._settings.volume * 100)} %  [+ / −]")

    @property
    def settings(self) -> Settings:
        return self._settings

    def apply_settings(self, settings: Settings) -> None:
        """New settings: the audio status now, the plan from the next session on."""
        theme_changed = settings.theme is not self._settings.theme
        self._settings = settings
        self._show_audio_status()
        if theme_changed:
            self.apply_theme()
        if not self.session_active:
            self._load(self._template)

    def apply_theme(self) -> None:
        self._colours = run_colours(self._settings.theme)
        self.timeline.set_colours(self._colours)
        self._refresh()

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
            self._render_empty()

    def _render_empty(self) -> None:
        self._texts = None
        self.badge.set_direction(self.badge.arrow, "NO TEMPLATE")
        self.title.set_text("Choose or create a template")
        self.rep.set_text("")
        self.digits.set_text("–:––")
        self.info.set_text("")
        self.next_label.set_text("")
        self.session_label.setText("")
        self.plan_label.setText("")
        self.slot.setCurrentWidget(self.info)
        for button in (self.toggle_button, self.back_button, self.skip_button, self.stop_button):
            button.setEnabled(False)
        self._apply_colours(None)

    def _render(self, view: SessionView) -> None:
        assert self._plan is not None
        texts = run_texts(view, self._plan)
        self._texts = texts
        self.badge.set_direction(texts.arrow, texts.word)
        self.badge.setAccessibleDescription(f"{texts.word}, {arrow_description(texts.arrow)}")
        self.title.set_sample(texts.title)
        self.title.set_text(texts.title)
        self.rep.set_text(texts.rep)
        self.digits.set_sample(texts.digits_sample)
        self.digits.set_text(texts.digits)
        self.info.set_sample(texts.info or " ")
        self.info.set_text(texts.info)
        self.next_label.set_sample(texts.next or " ")
        self.next_label.set_text(texts.next)
        self.session_label.setText(texts.session)
        if texts.banner is not None:
            self.banner.set_text(texts.banner)
            self.slot.setCurrentWidget(self.banner)
        else:
            self.slot.setCurrentWidget(self.info)
        self.segment_bar.set_fraction(texts.segment_fraction)
        state = view.state
        self.timeline.set_position(None if state is SessionState.IDLE else view.position_s)
        plan = self._plan
        minutes = round(plan.backward_s / 60, 1)
        self.plan_label.setText(
            f"{plan.venue.value.capitalize()}  ·  {round(plan.total_s / 60)} min  ·  "
            f"{minutes:g} min backward"
        )
        self._update_buttons(state)
        self._apply_colours(texts)

    def _update_buttons(self, state: SessionState) -> None:
        labels = {
            SessionState.IDLE: "Start",
            SessionState.COUNTDOWN: "Pause",
            SessionState.RUNNING: "Pause",
            SessionState.PAUSED: "Resume",
            SessionState.FINISHED: "New start",
            SessionState.STOPPED: "New start",
        }
        text = labels[state]
        self.toggle_button.setText(f"{text}   [Space]")
        self.toggle_button.setAccessibleName(text)
        self.toggle_button.setEnabled(True)
        active = state not in (SessionState.IDLE,) and not state.is_over
        for button in (self.back_button, self.skip_button, self.stop_button):
            button.setEnabled(active)
        self.template_box.setEnabled(not active)

    def _apply_colours(self, texts: RunTexts | None) -> None:
        colours = self._colours
        role = texts.role if texts is not None else None
        if role is None:
            background, ink, accent = colours.background, colours.foreground, colours.foreground
        elif colours.dark:
            background, ink, accent = colours.background, colours.foreground, colours.fill(role)
        else:
            background = colours.fill(role)
            ink = accent = colours.on_fill(role)
        if texts is not None and texts.word == "PAUSED":
            accent = colours.muted if role is None or colours.dark else accent
        self._background = QColor(background)
        self._frame = QColor(colours.fill(role)) if role is not None else QColor(background)
        self.badge.set_colour(accent)
        self.digits.set_colour(accent if colours.dark else ink)
        for widget in (self.title, self.rep, self.info, self.next_label):
            widget.set_colour(ink)
        self.segment_bar.set_colours(
            accent, QColor(ink).darker(250) if colours.dark else QColor(0, 0, 0, 60)
        )
        # Style sheets override palettes, so the small labels get their colour directly.
        style = f"color: {QColor(ink).name()};"
        for label in (*self._top_labels, self.session_label):
            if label.styleSheet() != style:
                label.setStyleSheet(style)
        self.update()

    @property
    def background_colour(self) -> QColor:
        return QColor(self._background)

    @property
    def frame_colour(self) -> QColor:
        return QColor(self._frame)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self._background)
        if self._frame != self._background:
            width = max(10, min(self.width(), self.height()) // 45)
            rect = self.rect()
            painter.fillRect(0, 0, rect.width(), width, self._frame)
            painter.fillRect(0, rect.height() - width, rect.width(), width, self._frame)
            painter.fillRect(0, 0, width, rect.height(), self._frame)
            painter.fillRect(rect.width() - width, 0, width, rect.height(), self._frame)
        painter.end()

    # ---- lifetime --------------------------------------------------------------------------
    def shutdown(self) -> None:
        """Stop timers and let the screen sleep (the window is closing)."""
        self._pause_timer.stop()
        self.banner.stop_flashing()
        if self._controller is not None:
            self._controller.shutdown()
        self._awake.release()
