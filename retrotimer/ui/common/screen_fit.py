"""Every window opens inside the screen it is on: its frame included, panels left free."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QMargins, QObject, QRect, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

# The frame a window manager adds, until the window is mapped and its own is known. A
# title bar is 20 px under openbox and 37 px under GNOME; borders and handles a few px.
FRAME_ALLOWANCE = QMargins(4, 40, 4, 8)
FITTED_KINDS = (Qt.WindowType.Window, Qt.WindowType.Dialog, Qt.WindowType.Sheet)


def frame_margins(window: QWidget) -> QMargins:
    """What the frame adds on each side: the larger of the known frame and the allowance."""
    frame, inner = window.frameGeometry(), window.geometry()
    return QMargins(
        max(inner.left() - frame.left(), FRAME_ALLOWANCE.left()),
        max(inner.top() - frame.top(), FRAME_ALLOWANCE.top()),
        max(frame.right() - inner.right(), FRAME_ALLOWANCE.right()),
        max(frame.bottom() - inner.bottom(), FRAME_ALLOWANCE.bottom()),
    )


def usable_area(window: QWidget, at: QRect | None = None) -> QRect:
    """Where the window's contents may go on the screen under `at` (its geometry): the
    available geometry (without panels and docks) less the frame."""
    where = (at or window.geometry()).center()
    screen = QGuiApplication.screenAt(where) or window.screen()
    return screen.availableGeometry().marginsRemoved(frame_margins(window))


def fit_on_screen(window: QWidget) -> None:
    """Shrink the window to its screen (not below what its layout needs, unless the screen is
    smaller) and move it so that all of it, frame too, is on that screen; a dialog not placed
    by hand stays centred over its parent's window."""
    resized = window.testAttribute(Qt.WidgetAttribute.WA_Resized)
    if not resized:
        # Qt sizes a window to its contents as it shows it, but a dialog that moves to its
        # parent's screen on another monitor comes back at its minimum size.
        window.adjustSize()
    inner = window.geometry()
    if not resized:
        # adjustSize caps a window at two thirds of its screen: Settings (585 px) would
        # scroll on a 768 px screen that has room for all of it.
        inner.setSize(inner.size().expandedTo(window.sizeHint()))
    parent = window.parentWidget()
    if parent is not None and not window.testAttribute(Qt.WidgetAttribute.WA_Moved):
        inner.moveCenter(parent.window().geometry().center())
    area = usable_area(window, inner)
    size = inner.size().expandedTo(window.minimumSizeHint()).boundedTo(area.size())
    x = max(area.left(), min(inner.x(), area.right() - size.width() + 1))
    y = max(area.top(), min(inner.y(), area.bottom() - size.height() + 1))
    fitted = QRect(x, y, size.width(), size.height())
    if fitted != window.geometry():
        window.setGeometry(fitted)


def fitted_kind(window: QWidget) -> bool:
    """A window or dialog shown at a size of its own (not full screen, not maximised)."""
    return (
        window.isWindow()
        and window.windowType() in FITTED_KINDS
        and not window.windowState()
        & (Qt.WindowState.WindowFullScreen | Qt.WindowState.WindowMaximized)
    )


class ScreenFit(QObject):
    """An application event filter: each window and dialog is fitted as it is shown, whoever
    opened it (message boxes and file dialogs too), before the window manager maps it.

    `fit_every_window()` installs it. A Python filter on the application is called for every
    event of every object, and PySide6 then looks up every Qt class (making the Python enums
    of each) to name the objects of Qt's private classes: so the main window installs it
    once it is painted, and fits itself until then (`installed`).
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.installed = False

    def fit_every_window(self) -> None:
        app = QCoreApplication.instance()
        if app is not None and not self.installed:
            app.installEventFilter(self)
            self.installed = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not (
            event.type() == QEvent.Type.Show
            and isinstance(watched, QWidget)
            and fitted_kind(watched)
        ):
            return False
        # The window's own show handling first: a dialog centres itself over its parent and a
        # message box sizes itself to its text there. Then what that chose is fitted.
        watched.event(event)
        fit_on_screen(watched)
        return True
