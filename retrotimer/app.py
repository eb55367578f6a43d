"""Composition root: the real clock, stores, library and screen-awake wired into the window."""

from __future__ import annotations

import logging
import sys
from collections.abc import Sequence

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from retrotimer.audio.startup import open_cue_player
from retrotimer.core.ports import CueSink, HistoryUnavailable
from retrotimer.core.settings import Settings
from retrotimer.exchange.exchange_files import ExchangeFiles
from retrotimer.runtime.clock import Clock, Wait, system_clock, system_wait
from retrotimer.storage.history_files import HistoryTransfer, save_unsaved
from retrotimer.storage.history_opening import WritableHistory, open_for_writing
from retrotimer.storage.instance_lock import AlreadyRunning
from retrotimer.storage.paths import AppPaths
from retrotimer.storage.settings_store import SettingsStore
from retrotimer.storage.template_library import TemplateLibrary
from retrotimer.ui.app_parts import AppParts
from retrotimer.ui.common.theme import apply_theme
from retrotimer.ui.main_window import MainWindow
from retrotimer.ui.screen_awake import WakepyScreenAwake

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
) -> MainWindow:
    """The main window with every real part; a QApplication must exist. A benchmark passes a
    scaled clock and its wait; the screenshots a fake clock and no wait."""
    store = SettingsStore(paths)
    settings: Settings = store.load()
    for problem in store.problems:
        log.warning("%s", problem)
    app = QApplication.instance()
    if isinstance(app, QApplication):
        apply_theme(app, settings.theme)
    parts = AppParts(
        settings_store=store,
        library=TemplateLibrary.from_paths(paths),
        clock=clock if clock is not None else system_clock(),
        awake=WakepyScreenAwake(),
        memory=window_memory(paths),
        history=history.store if history is not None else None,
        transfer=HistoryTransfer(history.store) if history is not None else None,
        history_problem=history_problem,
        precise_wait=precise_wait,
        speed=speed,
        cues=cues,
        exchange=ExchangeFiles(),
    )
    return MainWindow(parts, settings)


def keep_unsaved(window: MainWindow, paths: AppPaths) -> str | None:
    """Once the window has closed: records the history refused go in now, or to a backup
    file; returns what the user must be told, if anything."""
    link = window.session_history
    recording = link.recording if link is not None else None
    if recording is None or not recording.recorder.started or recording.retry():
        return None
    saved = save_unsaved([recording.recorder.snapshot()], [paths.data, paths.cache])
    if saved is None:
        return "The last session could not be saved anywhere."
    return (
        f"The history could not be written, so the last session is kept in {saved}. "
        f"Once it can be written, restore it with: retrotimer history import {saved}"
    )


def _show_and_wait(app: QApplication, box: QMessageBox, quit_after_s: float | None) -> None:
    box.finished.connect(lambda _result: app.quit())
    box.open()
    if quit_after_s is not None:
        QTimer.singleShot(max(0, round(quit_after_s * 1000)), box.reject)
    app.exec()


def run_gui(argv: Sequence[str] | None = None, *, quit_after_s: float | None = None) -> int:
    """Open the main window and run until it closes (or `quit_after_s` has passed)."""
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
    cues = open_cue_player(SettingsStore(paths).load(), paths.cache)
    window = build_window(paths, history=history, history_problem=problem, cues=cues)
    window.show()
    if not window.settings.first_run_done:
        window.show_welcome()
    if notices:
        window.tell(" ".join(notices))
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
