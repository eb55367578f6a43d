"""Composition root: the real clock, stores, library and screen-awake wired into the window."""

from __future__ import annotations

import logging
import sys
from collections.abc import Sequence

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from retrotimer.core.settings import Settings
from retrotimer.storage.paths import AppPaths
from retrotimer.storage.settings_store import SettingsStore
from retrotimer.storage.template_library import TemplateLibrary
from retrotimer.ui.clock import Clock, Wait, system_clock, system_wait
from retrotimer.ui.main_window import MainWindow
from retrotimer.ui.screen_awake import WakepyScreenAwake
from retrotimer.ui.theme import apply_theme

log = logging.getLogger(__name__)


def window_memory(paths: AppPaths) -> QSettings:
    """Window geometry, the last template and checklist state, in the config dir."""
    return QSettings(str(paths.config / "window.ini"), QSettings.Format.IniFormat)


def build_window(
    paths: AppPaths,
    *,
    clock: Clock | None = None,
    precise_wait: Wait | None = system_wait,
    speed: float = 1.0,
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
    return MainWindow(
        settings_store=store,
        library=TemplateLibrary.from_paths(paths),
        clock=clock if clock is not None else system_clock(),
        awake=WakepyScreenAwake(),
        memory=window_memory(paths),
        settings=settings,
        speed=speed,
        precise_wait=precise_wait,
    )


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
    window = build_window(paths)
    window.show()
    if quit_after_s is not None:
        QTimer.singleShot(max(0, round(quit_after_s * 1000)), window.close)
    return app.exec()
