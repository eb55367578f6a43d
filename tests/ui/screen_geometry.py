"""Checks for tests: a window measured as a window manager would place it on a given screen."""

from __future__ import annotations

from itertools import combinations

from PySide6.QtCore import QMargins, QRect
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QTabBar,
    QWidget,
)

from tests.ui.common.text_fit import clipped_texts

# The three screens runners reported from (tests/offscreen_screens.json lays them out).
SCREEN_SIZES = ("1280x800", "1366x768", "1920x1080")
# What openbox adds around a window, measured under Xvfb: a 20 px title bar, 1 px borders
# and a 5 px handle at the bottom.
OPENBOX_FRAME = QMargins(1, 20, 1, 5)
SEEN = (
    QLabel,
    QAbstractButton,
    QLineEdit,
    QPlainTextEdit,
    QComboBox,
    QAbstractSpinBox,
    QAbstractSlider,
    QAbstractItemView,
    QTabBar,
)


def screen_named(name: str) -> QScreen:
    for screen in QGuiApplication.screens():
        if screen.name() == name:
            return screen
    raise AssertionError(f"no offscreen screen {name}: is tests/offscreen_screens.json in use?")


def place_on(window: QWidget, screen: QScreen) -> None:
    """Put a window on `screen` before it is shown, as a window manager would open it."""
    window.setScreen(screen)
    window.move(screen.availableGeometry().topLeft())


def outside_screen(window: QWidget) -> str | None:
    """How the window with its frame goes past the available part of its screen, if it does."""
    screen = QGuiApplication.screenAt(window.geometry().center())
    assert screen is not None, f"{window.windowTitle()} is on no screen: {window.geometry()}"
    framed = window.geometry().marginsAdded(OPENBOX_FRAME)
    available = screen.availableGeometry()
    if available.contains(framed):
        return None
    return f"{window.windowTitle()!r} framed {framed} is not inside {available}"


def _seen_rect(widget: QWidget) -> QRect:
    """The part of the widget that can be seen, in the coordinates of its window."""
    visible = widget.visibleRegion().boundingRect()
    return visible.translated(widget.mapTo(widget.window(), visible.topLeft()) - visible.topLeft())


def overlaps(window: QWidget) -> list[str]:
    """Pairs of visible controls and texts that cover each other (a control and the widgets
    it is made of are one)."""
    seen = [
        widget
        for widget in window.findChildren(QWidget)
        if isinstance(widget, SEEN) and widget.isVisible() and not widget.visibleRegion().isEmpty()
    ]
    seen = [w for w in seen if not any(o is not w and o.isAncestorOf(w) for o in seen)]
    found = []
    for one, other in combinations(seen, 2):
        shared = _seen_rect(one).intersected(_seen_rect(other))
        if shared.width() > 1 and shared.height() > 1:
            found.append(f"{_name(one)} and {_name(other)} share {shared}")
    return found


def _name(widget: QWidget) -> str:
    text = widget.text() if isinstance(widget, QLabel | QAbstractButton) else ""
    return f"{type(widget).__name__}({widget.accessibleName() or text!r})"


def needless_scrolling(window: QWidget) -> list[str]:
    """A dialog's scroll areas that hide part of what they hold while the screen has room
    for all of it (a main window's message area scrolls by design: it never grows)."""
    if not isinstance(window, QDialog):
        return []
    screen = QGuiApplication.screenAt(window.geometry().center())
    assert screen is not None
    room = (
        screen.availableGeometry().bottom() - window.geometry().marginsAdded(OPENBOX_FRAME).bottom()
    )
    room += window.geometry().top() - screen.availableGeometry().top() - OPENBOX_FRAME.top()
    return [
        f"{_name(area)} scrolls {hidden} px with {room} px free on the screen"
        for area in window.findChildren(QScrollArea)
        if area.isVisible() and 0 < (hidden := area.verticalScrollBar().maximum()) <= room
    ]


def layout_problems(window: QWidget) -> list[str]:
    """What a runner would see wrong: off the screen, overlapping, cut short, or scrolled
    when the screen has room."""
    problems = [problem for problem in [outside_screen(window)] if problem]
    problems += needless_scrolling(window)
    problems += overlaps(window)
    problems += [f"clipped: {text!r}" for text in clipped_texts(window)]
    return problems
