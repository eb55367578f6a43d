"""Composition root: the real clock, stores, library and screen-awake wired into the window."""

from __future__ import annotations

import logging
import sys
from collections.abc import Sequence

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from retrotimer.audio.cues_on_demand import cues_on_demand
from retrotimer.core.history.history_ports import HistoryUnavailable
from retrotimer.core.model import Template
from retrotimer.core.ports import CueSink
from retrotimer.core.settings import Settings
from retrotimer.exchange.exchange_files import ExchangeFiles
from retrotimer.exchange.history.history_files import JsonCsvHistoryFiles, save_unsaved
from retrotimer.runtime.clock import Clock, ScaledClock, Wait, system_clock, system_wait
from retrotimer.runtime.session_run import RunParts
from retrotimer.runtime.session_runs import SessionRuns
from retrotimer.runtime.settings_source import SettingsSource
from retrotimer.storage.history.history_opening import WritableHistory, open_for_writing
from retrotimer.storage.instance_lock import AlreadyRunning
from retrotimer.storage.paths import AppPaths
from retrotimer.storage.program_store import ProgramLibrary
from retrotimer.storage.settings_store import SettingsStore
from retrotimer.storage.templates.template_library import TemplateLibrary
from retrotimer.ui.common.theme import apply_theme
from retrotimer.ui.shell.app_parts import AppParts
from retrotimer.ui.shell.main_window import MainWindow
from retrotimer.ui.shell.screen_awake import WakepyScreenAwake

log = logging.getLogger(__name__)


def window_memory(paths: AppPaths) -> QSettings:
    """Window geometry, the last template and checklist state, in the config dir."""
    return QSettings(str(paths.config / "window.ini"), QSettings.Format.IniFormat)


def open_history(paths: AppPaths) -> tuple[WritableHistory | None, list[str]]:
    """The history to write, and what the user should be told about it. Raises
    AlreadyRunning when another RetroTimer writes the history."""
    try:
        history = open_for_writing(paths)
    except HistoryUnavailable as error:
        return None, [f"History is not available: {error}. Sessions are not recorded."]
    messages = [notice[:1].upper() + notice[1:] + "." for notice in history.notices]
    if history.problem is not None:
        messages.append(f"History cannot be saved just now: {history.problem}.")
    return history, messages


def build_window(
    paths: AppPaths,
    *,
    clock: Clock | None = None,
    precise_wait: Wait | None = system_wait,
    speed: float = 1.0,
    history: WritableHistory | None = None,
    history_problem: str = "",
    cues: CueSink | None = None,
    settings_store: SettingsStore | None = None,
) -> MainWindow:
    """The main window with every real part; a QApplication must exist. A benchmark passes a
    scaled clock and its wait; the screenshots a fake clock and no wait."""
    store = settings_store if settings_store is not None else SettingsStore(paths)
    settings: Settings = store.load()
    for problem in store.problems:
        log.warning("%s", problem)
    app = QApplication.instance()
    if isinstance(app, QApplication):
        apply_theme(app, settings.theme)
    source = SettingsSource(store, settings)
    if cues is not None:
        cues.apply_settings(settings)
        source.changed.connect(lambda new, _old: cues.apply_settings(new))
    runs = SessionRuns(
        RunParts(
            clock=clock if clock is not None else system_clock(),
            history=history.store if history is not None else None,
            cues=cues,
            awake=WakepyScreenAwake(),
            precise_wait=precise_wait,
            speed=speed,
        )
    )
    parts = AppParts(
        settings=source,
        runs=runs,
        library=TemplateLibrary.from_paths(paths),
        memory=window_memory(paths),
        history=history.store if history is not None else None,
        transfer=JsonCsvHistoryFiles(history.store) if history is not None else None,
        history_problem=history_problem,
        exchange=ExchangeFiles(),
        programs=ProgramLibrary(paths),
    )
    window = MainWindow(parts)
    source.setParent(window)
    runs.setParent(window)
    return window


def keep_unsaved(window: MainWindow, paths: AppPaths) -> str | None:
    """Once the window has closed: sessions the history still refuses go to a backup file;
    returns what the user must be told, if anything."""
    runs = window.parts.runs
    unsaved = runs.unsaved()
    runs.close()
    if not unsaved:
        return None
    saved = save_unsaved(unsaved, [paths.data, paths.cache])
    what = "the last session" if len(unsaved) == 1 else f"the last {len(unsaved)} sessions"
    if saved is None:
        return f"The history could not be written, and {what} could not be saved anywhere."
    return (
        f"The history could not be written, so {what} went to {saved}. "
        f"Once it can be written, restore it with: retrotimer history import {saved}"
    )


def _show_and_wait(app: QApplication, box: QMessageBox, quit_after_s: float | None) -> None:
    box.finished.connect(lambda _result: app.quit())
    box.open()
    if quit_after_s is not None:
        QTimer.singleShot(max(0, round(quit_after_s * 1000)), box.reject)
    app.exec()


def run_gui(
    argv: Sequence[str] | None = None,
    *,
    quit_after_s: float | None = None,
    template: Template | None = None,
    speed: float = 1.0,
) -> int:
    """Open the main window and run until it closes (or `quit_after_s` has passed), with
    `template` loaded if given; `speed` other than 1 compresses session time (test runs)."""
    existing = QApplication.instance()
    app = (
        existing
        if isinstance(existing, QApplication)
        else QApplication(list(argv if argv is not None else sys.argv))
    )
    app.setApplicationName("RetroTimer")
    app.setDesktopFileName("retrotimer")
    paths = AppPaths.from_environment().ensure()
    try:
        history, notices = open_history(paths)
    except AlreadyRunning as error:
        print(f"retrotimer: {error}", file=sys.stderr)
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            "RetroTimer is already running",
            f"{str(error).capitalize()}. Use the window that is open.",
        )
        _show_and_wait(app, box, quit_after_s)
        return 1
    problem = notices[0] if history is None and notices else ""
    store = SettingsStore(paths)
    cues = cues_on_demand(store.load(), paths.cache)
    # Said before the history's notices: a settings file kept aside, folders not writable.
    startup = [text for text in (paths.problem, store.notice) if text]
    for text in startup:
        print(f"retrotimer: {text}", file=sys.stderr)
    clock = ScaledClock(system_clock(), speed)
    window = build_window(
        paths,
        clock=clock,
        precise_wait=clock.wait,
        speed=speed,
        history=history,
        history_problem=problem,
        cues=cues,
        settings_store=store,
    )
    if template is not None:
        window.open_template(template)
    window.show()
    if not window.settings.first_run_done:
        window.show_welcome()
    if startup or notices:
        window.tell(" ".join(startup + notices))
        box = QMessageBox(
            QMessageBox.Icon.Information, "History", "\n\n".join(notices), parent=window
        )
        box.open()
    if quit_after_s is not None:
        QTimer.singleShot(max(0, round(quit_after_s * 1000)), window.close)
    code = app.exec()
    cues.close()
    try:
        message = keep_unsaved(window, paths)
        if history is not None:
            history.store.purge_deleted()
    except HistoryUnavailable as error:
        message = f"The history could not be tidied up: {error}"
    finally:
        if history is not None:
            history.close()
    if message:
        print(f"retrotimer: {message}", file=sys.stderr)
        _show_and_wait(app, QMessageBox(QMessageBox.Icon.Warning, "History", message), quit_after_s)
    return code
