"""A window's first paint, watched from inside its process without loading anything first.

    python bench/first_paint.py bare|face|app [--exit-at-paint]

opens the bare PySide6 window (QApplication + an empty 1280x800 QMainWindow), the same with
a timer face in it (`timer_face`), or RetroTimer's (`retrotimer.cli.main([])`, what the
`retrotimer` command runs), prints one JSON line at the first paint (resident memory, and
the CPU time so far), and closes the window (or, with --exit-at-paint, ends the process
there).

As a benchmark's child this module must cost neither contender anything the other does not
pay: it imports only `sys` and `time` before the contender runs. RetroTimer imports PySide6
itself, late (its command line and settings come first); the watcher on the first shown
window is installed the moment RetroTimer's own import of QtWidgets finishes. A child that
imported PySide6, or the benchmark's helpers, before `main` would both slow the bare window
by what it loads and spare RetroTimer what it needs anyway, and would make PySide6 examine
every module RetroTimer imports before it, which the command does not do.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable

WIDGETS = "PySide6.QtWidgets"
EXIT_AT_PAINT = "--exit-at-paint"


def rss_mb() -> float:
    """Resident memory of this process now (Linux)."""
    with open("/proc/self/status", encoding="ascii") as stream:
        for line in stream:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS in /proc/self/status")


def watch_first_show(at_first_paint: Callable[[], None]) -> None:
    """Call `at_first_paint` from the event loop just after the first QMainWindow shown is
    first painted. The window is watched, not the application: a Python filter on the
    application would be called for every event of every object, and PySide6 would then
    look up every Qt class to name the objects of Qt's private classes, a cost neither
    program has."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QMainWindow, QWidget

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                watched.removeEventFilter(self)
                QTimer.singleShot(0, at_first_paint)
            return False

    show = QMainWindow.show

    def watched_show(window: QWidget) -> None:
        QMainWindow.show = show  # type: ignore[method-assign]
        window.installEventFilter(FirstPaint(window))  # the window keeps its watcher
        show(window)

    QMainWindow.show = watched_show  # type: ignore[method-assign]


class _WhenWidgetsLoad:
    """A finder that serves no module: once the process imports QtWidgets, it installs the
    watcher and steps aside."""

    def __init__(self, at_first_paint: Callable[[], None]) -> None:
        self._at_first_paint = at_first_paint

    def find_spec(self, name: str, path: object = None, target: object = None) -> object:
        if name != WIDGETS:
            return None
        sys.meta_path.remove(self)
        from importlib.util import find_spec

        spec = find_spec(name)
        assert spec is not None and spec.loader is not None, "PySide6 is installed"
        load = spec.loader.exec_module
        at_first_paint = self._at_first_paint

        def exec_module(module: object) -> None:
            load(module)  # type: ignore[arg-type]
            watch_first_show(at_first_paint)

        spec.loader.exec_module = exec_module  # type: ignore[method-assign]
        return spec


def timer_face() -> object:
    """The least a timer shows: one time in big digits, in colour, on a coloured ground.
    What it costs above the bare window (Qt's font database, PySide6's `Qt` enums that any
    painted colour makes, glyphs drawn) is the floor of every window that shows a number."""
    from PySide6.QtGui import QColor, QFont, QPainter
    from PySide6.QtWidgets import QWidget

    class Face(QWidget):
        def paintEvent(self, event: object) -> None:  # noqa: N802 (Qt's name)
            painter = QPainter(self)
            painter.fillRect(self.rect(), QColor(16, 18, 24))
            font = QFont()
            font.setPixelSize(300)
            painter.setFont(font)
            painter.setPen(QColor(245, 245, 245))
            painter.drawText(self.rect(), 0x84, "12:34")  # centred
            painter.end()

    return Face()


def open_window(app: object, kind: str, at_first_paint: Callable[[], None]) -> None:
    """Open the bare window (`kind` "bare", on `app`), the same with a timer face in it
    ("face"), or RetroTimer's as the `retrotimer` command does (on `app` if one was made,
    else on the one it makes), and call `at_first_paint` from the event loop just after the
    window is first painted; returns when the event loop ends. Before RetroTimer has
    imported QtWidgets, the watcher waits for that import."""
    if kind in ("bare", "face"):
        from PySide6.QtWidgets import QMainWindow

        watch_first_show(at_first_paint)
        window = QMainWindow()
        if kind == "face":
            window.setCentralWidget(timer_face())
        window.resize(1280, 800)
        window.show()
        app.exec()  # type: ignore[attr-defined]
        return
    if WIDGETS in sys.modules:
        watch_first_show(at_first_paint)
    else:
        sys.meta_path.insert(0, _WhenWidgetsLoad(at_first_paint))
    from retrotimer.cli import main

    main([])


def _report() -> None:
    from PySide6.QtWidgets import QApplication

    print(f'{{"rss_mb": {rss_mb():.1f}, "cpu_s": {time.process_time()}}}', flush=True)
    if EXIT_AT_PAINT in sys.argv:
        # Counted work (instructions under callgrind) stops at the first paint: the two
        # contenders' teardowns are not part of a start.
        import os

        os._exit(0)
    for widget in QApplication.topLevelWidgets():
        widget.close()


if __name__ == "__main__":
    kind = sys.argv[1] if len(sys.argv) > 1 else ""
    if kind not in ("bare", "face", "app") or sys.argv[2:] not in ([], [EXIT_AT_PAINT]):
        sys.exit(f"usage: first_paint.py bare|face|app [{EXIT_AT_PAINT}]")
    if kind != "app":
        from PySide6.QtWidgets import QApplication

        open_window(QApplication(sys.argv[:1]), kind, _report)
    else:
        open_window(None, "app", _report)
