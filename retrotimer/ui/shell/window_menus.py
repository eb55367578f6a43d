"""The main window's menus: File, Go (a Ctrl+number per screen) and Help."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence

from retrotimer.ui.common.actions import text_action

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from retrotimer.ui.shell.main_window import MainWindow


def build_menus(window: MainWindow) -> None:
    """Adds the menus; the actions tests and the window use are kept on the window."""
    menu = window.menuBar()
    file_menu = menu.addMenu("&File")
    window.settings_action = _action(window, "&Settings…", window.open_settings, "Ctrl+,")
    window.watch_action = _action(window, "Export for &watch…", window.export_for_watch)
    window.session_export_action = _action(window, "Export &session…", window.export_session)
    file_menu.addAction(window.watch_action)
    file_menu.addAction(window.session_export_action)
    file_menu.addSeparator()
    file_menu.addAction(window.settings_action)
    file_menu.addSeparator()
    file_menu.addAction(_action(window, "&Quit", window.request_quit, "Ctrl+Q"))
    window.go_menu = menu.addMenu("&Go")
    screens: list[tuple[Callable[[], QWidget], str]] = [
        (lambda: window.run_screen, "&Run"),
        (lambda: window.templates_screen, "Te&mplates"),
        (lambda: window.history_screen, "Histor&y"),
        (lambda: window.programs_screen, "Pro&grams"),
    ]
    for number, (screen, text) in enumerate(screens, start=1):
        window.go_menu.addAction(_action(window, text, _show(window, screen), f"Ctrl+{number}"))
    help_menu = menu.addMenu("&Help")
    help_menu.addAction(_action(window, "&Keys and presenter remotes", window.show_keys, "F1"))
    help_menu.addAction(_action(window, "&Welcome and cadence…", window.show_welcome))


def _show(window: MainWindow, screen: Callable[[], QWidget]) -> Callable[[], None]:
    return lambda: window.tabs.setCurrentWidget(screen())


def _action(
    window: MainWindow, text: str, slot: Callable[[], None], shortcut: str | None = None
) -> QAction:
    action = text_action(text, window)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    action.triggered.connect(slot)
    return action
