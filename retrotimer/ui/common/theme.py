"""Themes: the application palette and one colour per kind of segment, for dark and light."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from retrotimer.core.model import ColourRole
from retrotimer.core.settings import Theme
from retrotimer.core.value import value

# Every platform draws the app the same way: big keys, thick focus frames.
STYLE = "Fusion"


@value
class RunColours:
    """Colours of the run screen: a background, its text, and a fill plus text per kind."""

    dark: bool
    background: QColor
    foreground: QColor
    muted: QColor
    fills: dict[ColourRole, QColor]
    # A paused session greys the whole screen out; get-ready inverts it, so that neither
    # can be taken for a segment (every segment has its kind's colour) from across a room.
    paused_background: QColor
    paused_frame: QColor
    paused_ink: QColor
    get_ready_background: QColor
    get_ready_ink: QColor

    def fill(self, role: ColourRole) -> QColor:
        return self.fills[role]

    def on_fill(self, role: ColourRole) -> QColor:
        """Black or white, whichever reads better on the kind's fill."""
        return text_colour_on(self.fills[role])


# Vivid, saturated fills: backward kinds are magenta and red, a hue no other kind uses, so
# the difference shows from across a room; words and arrows repeat it for colour-blind eyes.
_DARK_FILLS = {
    ColourRole.WARMUP: "#FFB300",
    ColourRole.BACKWARD_EASY: "#E040FB",
    ColourRole.BACKWARD_HARD: "#FF1744",
    ColourRole.FORWARD: "#2E8BFF",
    ColourRole.RECOVERY: "#00E676",
    ColourRole.REST: "#B0B0B0",
    ColourRole.COOLDOWN: "#18FFFF",
}
_LIGHT_FILLS = {
    ColourRole.WARMUP: "#FFC233",
    ColourRole.BACKWARD_EASY: "#C51FD9",
    ColourRole.BACKWARD_HARD: "#E0002B",
    ColourRole.FORWARD: "#1565C0",
    ColourRole.RECOVERY: "#00A844",
    ColourRole.REST: "#8A8A8A",
    ColourRole.COOLDOWN: "#00ACC1",
}


def relative_luminance(colour: QColor) -> float:
    """WCAG relative luminance of an sRGB colour."""

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def contrast_ratio(first: QColor, second: QColor) -> float:
    """WCAG contrast ratio, 1 to 21."""
    high, low = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def text_colour_on(fill: QColor) -> QColor:
    black, white = QColor("#000000"), QColor("#FFFFFF")
    return black if contrast_ratio(fill, black) >= contrast_ratio(fill, white) else white


def is_dark(theme: Theme) -> bool:
    """Whether a theme ends up dark; "system" follows the desktop's colour scheme."""
    if theme is Theme.SYSTEM:
        hints = QGuiApplication.styleHints()
        return hints.colorScheme() is Qt.ColorScheme.Dark
    return theme is Theme.DARK


def run_colours(theme: Theme) -> RunColours:
    dark = is_dark(theme)
    fills = _DARK_FILLS if dark else _LIGHT_FILLS
    return RunColours(
        dark=dark,
        background=QColor("#000000" if dark else "#FFFFFF"),
        foreground=QColor("#FFFFFF" if dark else "#000000"),
        muted=QColor("#C8C8C8" if dark else "#3A3A3A"),
        fills={role: QColor(fills[role]) for role in ColourRole},
        paused_background=QColor("#3A3A3A" if dark else "#A6A6A6"),
        paused_frame=QColor("#8C8C8C" if dark else "#5E5E5E"),
        paused_ink=QColor("#E6E6E6" if dark else "#000000"),
        get_ready_background=QColor("#FFFFFF" if dark else "#000000"),
        get_ready_ink=QColor("#000000" if dark else "#FFFFFF"),
    )


def _dark_palette() -> QPalette:
    """Black and white with a bright yellow focus colour: contrast well above WCAG AAA."""
    palette = QPalette()
    black, white = QColor("#000000"), QColor("#FFFFFF")
    panel, grey = QColor("#121212"), QColor("#9A9A9A")
    highlight = QColor("#FFD600")
    roles = {
        QPalette.ColorRole.Window: black,
        QPalette.ColorRole.WindowText: white,
        QPalette.ColorRole.Base: panel,
        QPalette.ColorRole.AlternateBase: QColor("#1E1E1E"),
        QPalette.ColorRole.ToolTipBase: white,
        QPalette.ColorRole.ToolTipText: black,
        QPalette.ColorRole.PlaceholderText: grey,
        QPalette.ColorRole.Text: white,
        QPalette.ColorRole.Button: QColor("#1A1A1A"),
        QPalette.ColorRole.ButtonText: white,
        QPalette.ColorRole.BrightText: highlight,
        QPalette.ColorRole.Highlight: highlight,
        QPalette.ColorRole.HighlightedText: black,
        QPalette.ColorRole.Link: QColor("#7CC4FF"),
        QPalette.ColorRole.Light: QColor("#E0E0E0"),
        QPalette.ColorRole.Midlight: QColor("#5A5A5A"),
        QPalette.ColorRole.Mid: QColor("#8A8A8A"),
        QPalette.ColorRole.Dark: QColor("#D0D0D0"),
        QPalette.ColorRole.Shadow: white,
    }
    for role, colour in roles.items():
        palette.setColor(role, colour)
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, grey)
    return palette


def _light_palette() -> QPalette:
    palette = QPalette()
    black, white = QColor("#000000"), QColor("#FFFFFF")
    roles = {
        QPalette.ColorRole.Window: QColor("#F4F4F4"),
        QPalette.ColorRole.WindowText: black,
        QPalette.ColorRole.Base: white,
        QPalette.ColorRole.AlternateBase: QColor("#EDEDED"),
        QPalette.ColorRole.Text: black,
        QPalette.ColorRole.Button: QColor("#E6E6E6"),
        QPalette.ColorRole.ButtonText: black,
        QPalette.ColorRole.Highlight: QColor("#0B57D0"),
        QPalette.ColorRole.HighlightedText: white,
        QPalette.ColorRole.PlaceholderText: QColor("#5F5F5F"),
    }
    for role, colour in roles.items():
        palette.setColor(role, colour)
    return palette


# Focus must show clearly when the app is driven from the keyboard alone. A tab's border is
# as wide without focus as with it: the focus frame only colours it, and never takes room
# from the label.
_DARK_STYLE = """
QWidget:focus { outline: none; }
QPushButton:focus, QToolButton:focus, QComboBox:focus, QSpinBox:focus, QCheckBox:focus,
QLineEdit:focus, QPlainTextEdit:focus, QTableView:focus, QListView:focus, QSlider:focus,
QTabBar::tab:focus, QDoubleSpinBox:focus, QRadioButton:focus {
    border: 3px solid #FFD600;
}
QPushButton { border: 2px solid #FFFFFF; border-radius: 6px; padding: 6px 14px; }
QPushButton:disabled { border-color: #5A5A5A; }
QPushButton:checked { background: #FFFFFF; color: #000000; }
QTabBar::tab { padding: 8px 22px; border: 3px solid #5A5A5A; }
QTabBar::tab:selected { background: #FFFFFF; color: #000000; border-color: #FFFFFF; }
"""
_LIGHT_STYLE = """
QPushButton:focus, QToolButton:focus, QComboBox:focus, QSpinBox:focus, QCheckBox:focus,
QLineEdit:focus, QPlainTextEdit:focus, QTableView:focus, QListView:focus, QSlider:focus,
QTabBar::tab:focus, QDoubleSpinBox:focus, QRadioButton:focus {
    border: 3px solid #0B57D0;
}
QPushButton:checked {
    background: #000000; color: #FFFFFF; border: 2px solid #000000; border-radius: 4px;
}
QTabBar { outline: none; }
QTabBar::tab { padding: 8px 22px; border: 3px solid transparent; }
QTabBar::tab:selected { background: #FFFFFF; border-bottom-color: #0B57D0; }
"""


def new_application(argv: Sequence[str]) -> QApplication:
    """The application, on the Fusion style. The style is asked for on Qt's command line, so
    that Qt makes it without Python ever holding it: the first QStyle PySide6 hands to Python
    costs it QStyle's ten enums, about 7 ms of the start."""
    return QApplication([*argv, "-style", STYLE])


def use_style(app: QApplication) -> None:
    """The Fusion style for an application made elsewhere (`new_application` asks for it)."""
    app.setStyle(STYLE)


def apply_theme(app: QApplication, theme: Theme) -> None:
    """The theme's palette and style sheet; "system" is dark or light as the desktop is."""
    dark = is_dark(theme)
    app.setPalette(_dark_palette() if dark else _light_palette())
    app.setStyleSheet(_DARK_STYLE if dark else _LIGHT_STYLE)
