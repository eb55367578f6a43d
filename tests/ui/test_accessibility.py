"""Accessible names on every control, keyboard-only use, font scaling and contrast."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QWidget,
)

from retrotimer.core.model import ColourRole
from retrotimer.core.settings import Theme
from retrotimer.ui.common.theme import _dark_palette, apply_theme, contrast_ratio, run_colours
from retrotimer.ui.run.keys_help import KeysHelp
from retrotimer.ui.run.safety_checklist import SafetyChecklist
from retrotimer.ui.shell.settings_dialog import SettingsDialog
from tests.ui.conftest import TEST_SETTINGS, Harness

CONTROLS = (
    QAbstractButton,
    QComboBox,
    QAbstractSpinBox,
    QAbstractSlider,
    QLineEdit,
    QPlainTextEdit,
    QAbstractItemView,
    QTabBar,
)


def controls(root: QWidget) -> Iterator[QWidget]:
    """Every control a user can reach, without the parts inside composite controls."""
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, CONTROLS):
            continue
        if not widget.isVisibleTo(root):
            continue  # a combo box's closed list, a tab bar's unneeded scroll arrows
        parent = widget.parentWidget()
        if isinstance(parent, QAbstractSpinBox | QComboBox | QTabBar) or (
            parent is not None and parent.objectName().startswith("qt_scrollarea")
        ):
            continue  # parts of a composite control (its scroll bars...), named by the control
        yield widget


def unnamed(root: QWidget) -> list[str]:
    return [
        f"{type(widget).__name__} {getattr(widget, 'text', lambda: '')()!r}"
        for widget in controls(root)
        if not widget.accessibleName().strip()
    ]


def test_every_control_of_every_screen_has_an_accessible_name(harness: Harness) -> None:
    window = harness.show()
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        screen = window.tabs.currentWidget()
        assert list(controls(screen))
        assert unnamed(window) == [], window.tabs.tabText(index)
    window.templates_screen.editor.tabs.setCurrentIndex(1)  # the text tab
    assert unnamed(window) == []


def test_every_control_of_the_dialogs_has_an_accessible_name(harness: Harness) -> None:
    window = harness.show()
    dialogs: list[QWidget] = [
        SettingsDialog(TEST_SETTINGS, window),
        SafetyChecklist("First steps", harness.run.plan.venue, window),  # type: ignore[union-attr]
        KeysHelp(window),
    ]
    harness.run.start()
    harness.run_for(10.0)
    harness.run.request_stop()
    assert harness.run.stop_confirmation is not None
    dialogs.append(harness.run.stop_confirmation)
    for dialog in dialogs:
        assert dialog.accessibleName()
        assert unnamed(dialog) == [], type(dialog).__name__
    harness.run.stop_confirmation.accept()
    harness.run.stop_now()
    summary = harness.window.summary_dialog
    assert summary is not None
    assert unnamed(summary) == []
    summary.reject()
    for dialog in dialogs[:3]:
        dialog.deleteLater()


def test_the_big_buttons_are_reached_with_the_tab_key(harness: Harness) -> None:
    window = harness.show()
    harness.run.start()
    harness.run.template_box.setEnabled(True)
    harness.run.template_box.setFocus()
    reached: set[QWidget] = set()
    for _ in range(12):
        harness.qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        focused = QApplication.focusWidget()
        assert focused is not None and focused.window() is window
        reached.add(focused)
    assert set(harness.run.big_buttons) <= reached
    harness.run.stop_now()


def test_menus_open_from_the_keyboard(harness: Harness) -> None:
    window = harness.show()
    harness.qtbot.keyClick(window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    assert window.settings_dialog is not None
    window.settings_dialog.reject()
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus == ["&File", "&Go", "&Help"]  # Alt+letter opens each


def test_system_font_scaling_is_respected(qtbot: object, harness: Harness) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    normal = harness.run.audio_label.font().pointSizeF()
    button = harness.run.skip_button.keys_label.font().pointSizeF()
    previous = QFont(app.font())
    large = QFont(previous)
    large.setPointSizeF(previous.pointSizeF() * 2)
    app.setFont(large)
    try:
        scaled = harness.make_window()
        assert scaled.run_screen.audio_label.font().pointSizeF() == pytest.approx(normal * 2)
        assert scaled.run_screen.skip_button.keys_label.font().pointSizeF() == pytest.approx(
            button * 2
        )
        dialog = SettingsDialog(TEST_SETTINGS, scaled)
        assert dialog.cadence_walk.font().pointSizeF() == pytest.approx(large.pointSizeF())
        dialog.deleteLater()
        scaled.close()
    finally:
        app.setFont(previous)


def test_the_dark_theme_is_high_contrast() -> None:
    palette = _dark_palette()
    for fore, back in (
        (QPalette.ColorRole.WindowText, QPalette.ColorRole.Window),
        (QPalette.ColorRole.Text, QPalette.ColorRole.Base),
        (QPalette.ColorRole.ButtonText, QPalette.ColorRole.Button),
        (QPalette.ColorRole.HighlightedText, QPalette.ColorRole.Highlight),
    ):
        assert contrast_ratio(palette.color(fore), palette.color(back)) >= 7.0, (fore, back)


@pytest.mark.parametrize("theme", [Theme.DARK, Theme.LIGHT])
@pytest.mark.parametrize("role", list(ColourRole))
def test_run_screen_text_reads_well_on_every_kind_colour(theme: Theme, role: ColourRole) -> None:
    colours = run_colours(theme)
    if colours.dark:  # digits in the kind's colour on black
        assert contrast_ratio(colours.fill(role), colours.background) >= 4.5
    else:  # black or white on the kind's colour
        assert contrast_ratio(colours.on_fill(role), colours.fill(role)) >= 4.5


def test_applying_a_theme_sets_the_palette(qapp: QApplication) -> None:
    apply_theme(qapp, Theme.DARK)
    assert qapp.palette().window().color().name() == "#000000"
    assert "#FFD600" in qapp.styleSheet()  # a focus frame that shows on black
    apply_theme(qapp, Theme.LIGHT)
    assert qapp.palette().window().color().lightness() > 200
