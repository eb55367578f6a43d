"""The main window: Today, Run, Templates, History and Programs tabs, notices, settings."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QByteArray, Signal
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QMenu,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from retrotimer.core.programs.program_choice import ProgramChoice
from retrotimer.ui.common.notice_bar import NoticeBar
from retrotimer.ui.common.screen_fit import ScreenFit, fit_on_screen, fitted_kind
from retrotimer.ui.common.theme import apply_theme, run_colours
from retrotimer.ui.programs.followed_program import FollowedProgram
from retrotimer.ui.programs.program_following import ProgramFollowing
from retrotimer.ui.run.run_screen import RunScreen
from retrotimer.ui.shell.first_paint import AfterFirstPaint
from retrotimer.ui.shell.lazy_tab import LazyTab
from retrotimer.ui.shell.notice_relay import NoticeRelay
from retrotimer.ui.shell.session_end_flow import SessionEndFlow
from retrotimer.ui.shell.settings_flow import SettingsFlow
from retrotimer.ui.shell.window_menus import build_menus

# Screens and dialogs are imported where they are first needed: not before the first paint.
if TYPE_CHECKING:
    from PySide6.QtGui import QAction, QCloseEvent, QShowEvent
    from PySide6.QtWidgets import QMessageBox

    from retrotimer.core.history.program_ref import ProgramRef
    from retrotimer.core.model import Template
    from retrotimer.core.ports import TemplateRepository
    from retrotimer.core.settings import Settings
    from retrotimer.ui.common.modal import Choice
    from retrotimer.ui.history.history_screen import HistoryScreen
    from retrotimer.ui.programs.programs_screen import ProgramsScreen
    from retrotimer.ui.programs.today_panel import TodayPanel
    from retrotimer.ui.programs.today_tab import TodayTab
    from retrotimer.ui.run.summary_dialog import SummaryDialog
    from retrotimer.ui.shell.app_parts import AppParts
    from retrotimer.ui.shell.settings_dialog import SettingsDialog
    from retrotimer.ui.templates.templates_screen import TemplatesScreen
    from retrotimer.ui.welcome.welcome_dialog import WelcomeDialog

log = logging.getLogger(__name__)

APP_TITLE = "RetroTimer"
DEFAULT_SIZE = (1280, 800)
# A status message stays long enough to be read at a glance, then goes: 4 s, and 60 ms a
# character more for a long one, up to 15 s.
STATUS_MIN_MS, STATUS_MS_PER_CHARACTER, STATUS_MAX_MS = 4000, 60, 15000


def status_timeout_ms(message: str) -> int:
    return min(STATUS_MAX_MS, STATUS_MIN_MS + STATUS_MS_PER_CHARACTER * len(message))


class MainWindow(QMainWindow):
    """Signals: `review_given(SessionSummary, Review | None)` once a session has ended and its
    summary dialog closed (None: skipped, or nothing to review); `first_painted()` once, just
    after the window's first paint, before Today is filled."""

    review_given = Signal(object, object)
    first_painted = Signal()

    def __init__(self, parts: AppParts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.parts = parts
        self._settings = parts.settings
        self._library = parts.library
        self._memory = parts.memory
        self.welcome_dialog: WelcomeDialog | None = None
        self.close_question: QMessageBox | None = None
        self.stop_question: QMessageBox | None = None
        self.closing = False  # a session that ends as the window closes asks nothing
        self._leave_unsaved = False
        self._opened: Template | None = None
        self.setWindowTitle(APP_TITLE)
        self.setAccessibleName(APP_TITLE)
        # Whoever opens a window or dialog (a file dialog, a message box), it fits the screen:
        # from the first paint on (or an earlier dialog); the window fits itself before.
        self._screen_fit = ScreenFit(self)

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Screens")
        self.tabs.setDocumentMode(True)
        self.followed = FollowedProgram(
            parts.programs,
            parts.history,
            lambda: parts.settings.current,
            parts.runs.parts.wall_clock,
        )
        self.following = ProgramFollowing(parts.programs, self.tell, self._program_changed)
        self._settings_flow = SettingsFlow(
            self,
            parts.settings,
            self.following,
            self.followed,
            sensors=parts.sensors,
            sensor_link=parts.sensor_link,
        )
        self._session_end = SessionEndFlow(self, self, self.followed, self.review_given.emit)
        # Built when a program is first followed: without one, Today is never shown.
        self._today = LazyTab(self.tabs, "To&day", self._build_today)
        self.run_screen = RunScreen(parts.settings, parts.runs, parts.memory, sensors=parts.sensors)
        if parts.sensors is not None:
            parts.sensors.readings_changed.connect(self.run_screen.show_readings)
        self.tabs.addTab(self.run_screen, "&Run")
        # Before the lazy tabs: a screen built as it is first shown was filled just then.
        self.tabs.currentChanged.connect(self._screen_shown)
        # Built when first shown: a runner who only runs never pays for them.
        self._templates_tab = LazyTab(self.tabs, "Te&mplates", self._build_templates_screen)
        self._history_tab = LazyTab(self.tabs, "Histor&y", self._build_history_screen)
        self._programs_tab = LazyTab(self.tabs, "Pro&grams", self._build_programs_screen)
        self.notices = NoticeBar()
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.notices)
        column.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        self._relay = NoticeRelay(self)
        self._relay.notice.connect(self.notify)

        self.run_screen.template_selected.connect(self._template_selected)
        self.run_screen.session_ended.connect(self._session_end.ended)
        self.run_screen.fullscreen_requested.connect(self.toggle_fullscreen)
        parts.runs.message.connect(self.notify)
        parts.settings.changed.connect(self._settings_changed)
        parts.settings.save_failed.connect(self.notify)
        self.statusBar().setAccessibleName("Messages")
        self.settings_action: QAction
        self.watch_action: QAction
        self.session_export_action: QAction
        self.go_menu: QMenu
        build_menus(self)

        self._restore_geometry()
        last = self._memory.value("run/last_template", "", type=str)
        self.reload_templates(prefer=last if isinstance(last, str) and last else None)
        # Today's figures (the program looked up, the history read, the coach's replay) come
        # after the first paint: the window shows at once, however long the history.
        followed = self._following()
        self.tabs.setTabVisible(self._today.index(), followed)
        if followed:
            self.tabs.setCurrentWidget(self.today_tab)
        AfterFirstPaint(self, self._after_first_paint)

    # ---- the screens built when first needed ----------------------------------------------
    def _build_today(self) -> QWidget:
        from retrotimer.ui.programs.today_tab import TodayTab

        tab = TodayTab(self.followed, lambda: self.parts.settings.current)
        panel = tab.panel
        panel.start_requested.connect(self.run_program_session)
        panel.resume_requested.connect(self.resume_program)
        panel.rest_requested.connect(
            lambda: self.tell("Rest day taken. Today shows the next session when you come back.")
        )
        panel.programs_requested.connect(self.show_programs)
        panel.other_requested.connect(lambda: self.tabs.setCurrentWidget(self.run_screen))
        return tab

    def _build_templates_screen(self) -> QWidget:
        from retrotimer.ui.templates.templates_screen import TemplatesScreen

        parts = self.parts
        screen = TemplatesScreen(parts.library, parts.settings.current, exchange=parts.exchange)
        screen.templates_changed.connect(lambda: self.reload_templates())
        screen.run_requested.connect(self.run_template)
        return screen

    def _build_history_screen(self) -> QWidget:
        from retrotimer.ui.history.history_screen import HistoryScreen
        from retrotimer.ui.programs.program_path_chart import ProgramPathChart

        parts = self.parts
        theme = parts.settings.current.theme
        screen = HistoryScreen(
            parts.history,
            parts.transfer,
            parts.runs.parts.wall_clock,
            theme,
            parts.history_problem,
            exchange=parts.exchange,
            programs=parts.programs,
            side_chart=ProgramPathChart(run_colours(theme), self.followed),
        )
        screen.refused.connect(self.notify)
        return screen

    def _build_programs_screen(self) -> QWidget:
        from retrotimer.ui.programs.programs_screen import ProgramsScreen

        screen = ProgramsScreen(self.following, self.followed, lambda: self.parts.settings.current)
        screen.refresh()
        return screen

    @property
    def today_tab(self) -> TodayTab:
        return cast("TodayTab", self._today.screen())

    @property
    def today_panel(self) -> TodayPanel:
        return self.today_tab.panel

    @property
    def programs_screen(self) -> ProgramsScreen:
        return cast("ProgramsScreen", self._programs_tab.screen())

    def show_today(self) -> None:
        self.tabs.setCurrentWidget(self.today_tab)

    def show_program_completion(self) -> None:
        self.show_programs().open_completion()

    def show_programs(self) -> ProgramsScreen:
        """The Programs screen, shown, with the followed program selected."""
        screen = self.programs_screen
        self.tabs.setCurrentWidget(screen)
        return screen

    @property
    def templates_screen(self) -> TemplatesScreen:
        return cast("TemplatesScreen", self._templates_tab.screen())

    @property
    def history_screen(self) -> HistoryScreen:
        return cast("HistoryScreen", self._history_tab.screen())

    @property
    def _built_history(self) -> HistoryScreen | None:
        return cast("HistoryScreen | None", self._history_tab.built)

    @property
    def _built_templates(self) -> TemplatesScreen | None:
        return cast("TemplatesScreen | None", self._templates_tab.built)

    def refresh_history(self) -> None:
        """Show the history as it is now, if its screen has been built."""
        if self._built_history is not None:
            self._built_history.refresh()

    # ---- menus (window_menus) ---------------------------------------------------------------
    def export_for_watch(self) -> None:
        """File > Export for watch: the template selected on the Templates screen."""
        self.tabs.setCurrentWidget(self.templates_screen)
        self.templates_screen.open_watch_export()

    def export_session(self) -> None:
        """File > Export session: the session selected on the History screen."""
        self.tabs.setCurrentWidget(self.history_screen)
        self.history_screen.open_session_export()

    # ---- templates and title ---------------------------------------------------------------
    @property
    def library(self) -> TemplateRepository:
        return self._library

    def reload_templates(self, prefer: str | None = None) -> None:
        """Offer every usable template of the library to the run screen (the one opened from
        a file in place of a library template of its name)."""
        templates = [entry.template for entry in self._library.entries() if entry.template]
        opened = self._opened
        if opened is not None:
            templates = [t for t in templates if t.name != opened.name] + [opened]
        self.run_screen.set_templates(templates, prefer)
        self._update_title()

    def open_template(self, template: Template) -> None:
        """Show the Run screen with `template` loaded (`retrotimer run FILE`)."""
        self._opened = template
        self.reload_templates(prefer=template.name)
        self.tabs.setCurrentWidget(self.run_screen)

    def _screen_shown(self, _index: int) -> None:
        if self._built_history is not None and self.tabs.currentWidget() is self._built_history:
            self.refresh_history()  # "this week" moves on while the app is open
        programs = self._programs_tab.built
        if programs is not None and self.tabs.currentWidget() is programs:
            cast("ProgramsScreen", programs).refresh()  # sessions run since it was last shown

    def run_template(self, name: str) -> None:
        """Show the Run screen with this template (unless a session is under way)."""
        if self.run_screen.session_active:
            self.tell("A session is under way; stop it before choosing another template.")
        elif not self.run_screen.select_template(name):
            self.tell(f"“{name}” cannot be run.")
        self.tabs.setCurrentWidget(self.run_screen)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._screen_fit.installed and fitted_kind(self):
            fit_on_screen(self)

    # ---- programs ------------------------------------------------------------------------
    def _after_first_paint(self) -> None:
        # The Run screen's session (and the session machinery's modules) is made now, so a
        # key pressed later finds it ready; one pressed earlier made it then.
        self.run_screen.prepare_at_once()
        self._screen_fit.fit_every_window()
        # Named now: the first Python hold on the tab bar makes PySide6 build QTabBar's enums.
        self.tabs.tabBar().setAccessibleName("Screens")
        self.first_painted.emit()  # what waited for it: the history, the program looked up
        self.refresh_today()

    def refresh_today(self) -> bool:
        """Show the coach's proposal on Today; False (and no Today tab) without a program."""
        followed = (self._today.built is not None or self._following()) and self.today_tab.refresh()
        self.tabs.setTabVisible(self._today.index(), followed)
        return followed

    def _following(self) -> bool:
        return self.parts.programs is not None and self.parts.programs.chosen()

    def resume_program(self) -> None:
        """Go on with the program paused after dizziness or pain."""
        try:
            self.followed.resume()
        except OSError as error:
            self.tell(f"The training program could not be saved: {error}")
            return
        self._program_changed()

    def run_program_session(self, template: Template, program: ProgramRef) -> None:
        """Start a program's session (or its lighter option) on the Run screen."""
        if not self.run_screen.run_program_session(template, program):
            self.tell("A session is under way; stop it before starting another.")
        self.tabs.setCurrentWidget(self.run_screen)

    def _template_selected(self, name: str) -> None:
        self._memory.setValue("run/last_template", name)
        self._update_title()

    def _update_title(self) -> None:
        template = self.run_screen.template
        self.setWindowTitle(f"{APP_TITLE} — {template.name}" if template else APP_TITLE)

    # ---- settings --------------------------------------------------------------------------
    @property
    def settings(self) -> Settings:
        return self._settings.current

    def show_keys(self) -> None:
        from retrotimer.ui.run.keys_help import KeysHelp

        KeysHelp(self).open()

    def open_settings(self) -> None:
        self._settings_flow.open()

    @property
    def summary_dialog(self) -> SummaryDialog | None:
        return self._session_end.dialog

    @property
    def settings_dialog(self) -> SettingsDialog | None:
        return self._settings_flow.dialog

    def _program_changed(self) -> None:
        self.refresh_today()
        self.refresh_history()
        built = cast("ProgramsScreen | None", self._programs_tab.built)
        if built is not None:
            built.refresh()

    def _settings_changed(self, settings: Settings, old: Settings) -> None:
        if settings.theme is not old.theme:
            app = QApplication.instance()
            if isinstance(app, QApplication):
                apply_theme(app, settings.theme)
            if self._built_history is not None:
                self._built_history.set_theme(settings.theme)
        if self._built_templates is not None:
            self._built_templates.set_settings(settings)

    def show_welcome(self) -> None:
        """The first-run welcome: a program (while none is followed) or the first template,
        the safety cues, the user's cadence."""
        from retrotimer.ui.welcome.welcome_dialog import open_welcome

        self._screen_fit.fit_every_window()  # the welcome may come before the first paint
        programs = self.parts.programs
        offered = None
        if programs is not None and programs.active() is None:
            offered = next(iter(programs.programs()), None)
        self.welcome_dialog = open_welcome(
            self,
            self._settings.current,
            self.parts.runs.parts.clock,
            self._welcome_answered,
            program=offered,
        )

    def _welcome_answered(
        self, settings: Settings, template: str | None, program: str | None
    ) -> None:
        self.welcome_dialog = None
        self._settings.update(settings)
        if program is not None:
            if self.following.choose(ProgramChoice(program, self.followed.today())):
                self.tabs.setCurrentWidget(self.today_tab)
        elif template is not None:
            self.run_screen.select_template(template)
            self.tabs.setCurrentWidget(self.run_screen)

    def tell(self, message: str) -> None:
        """A passing message in the status bar: it goes after a time to read it."""
        self.statusBar().showMessage(message, status_timeout_ms(message))

    def notify(self, message: str) -> None:
        """A notice the runner must see: in the band above the screens until dismissed."""
        log.info("notice: %s", message)
        self.notices.add(message)

    # ---- window ----------------------------------------------------------------------------
    def toggle_fullscreen(self) -> None:
        """Full screen hides the menu, tabs and messages so the run screen gets every pixel."""
        full = not self.isFullScreen()
        self.menuBar().setVisible(not full)
        self.statusBar().setVisible(not full)
        self.tabs.tabBar().setVisible(not full)
        if full:
            self.tabs.setCurrentWidget(self.run_screen)
            self.showFullScreen()
        else:
            self.showNormal()

    def request_quit(self) -> None:
        """Ctrl+Q or the window's close button: while a session is under way, ask first (as
        Esc does); then close, which stops and records the session."""
        if not self.run_screen.session_active:
            self.close()
        elif self.stop_question is None:
            from retrotimer.ui.run.stop_question import ask_to_stop

            self.stop_question = ask_to_stop(self, self._quit_answered)

    def _quit_answered(self, confirmed: bool) -> None:
        self.stop_question = None
        if confirmed:
            self.close()

    def _ask_before_closing(self) -> None:
        from retrotimer.ui.common.modal import ask_to_save

        self.tabs.setCurrentWidget(self.templates_screen)
        self.close_question = ask_to_save(
            self,
            "Unsaved template",
            f"Save the changes to “{self.templates_screen.editor.template.name}” before closing?",
            self._close_answered,
        )

    def _close_answered(self, choice: Choice) -> None:
        from retrotimer.ui.common.modal import Choice

        self.close_question = None
        screen = self.templates_screen
        if choice == Choice.Discard or (
            choice == Choice.Save and screen.save(screen.editor.template)
        ):
            self._leave_unsaved = True
            self.close()

    def _restore_geometry(self) -> None:
        geometry = self._memory.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(*DEFAULT_SIZE)

    def save_state(self) -> None:
        self._memory.setValue("window/geometry", self.saveGeometry())
        self._memory.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        if event.spontaneous() and self.run_screen.session_active:
            event.ignore()  # the window manager's close button: ask, as Ctrl+Q does
            self.request_quit()
            return
        templates = self._built_templates
        if templates is not None and templates.editor.is_dirty and not self._leave_unsaved:
            event.ignore()
            self._ask_before_closing()
            return
        self.closing = True
        if self.isFullScreen():
            self.showNormal()
        self.save_state()
        self.run_screen.shutdown()
        super().closeEvent(event)
