"""The keyboard focus frame on a tab is drawn around its label, never over it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from retrotimer.core.settings import Theme
from retrotimer.ui.common.theme import apply_theme
from tests.ui.conftest import Harness

# The frame is 3 px wide: inside it, a focused tab must look exactly as it does unfocused.
FRAME_PX = 3


def inside_of_tab(harness: Harness, index: int) -> QImage:
    bar = harness.window.tabs.tabBar()
    QApplication.processEvents()
    rect = bar.tabRect(index).adjusted(FRAME_PX + 1, FRAME_PX + 1, -FRAME_PX - 1, -FRAME_PX - 1)
    return bar.grab(rect).toImage()


@pytest.mark.parametrize("theme", [Theme.DARK, Theme.LIGHT])
def test_the_focus_frame_leaves_the_tab_labels_whole(harness: Harness, theme: Theme) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_theme(app, theme)
    window = harness.show()
    bar = window.tabs.tabBar()
    for index in range(bar.count()):
        if not bar.isTabVisible(index):
            continue
        window.tabs.setCurrentIndex(index)
        window.menuBar().setFocus(Qt.FocusReason.OtherFocusReason)
        assert not bar.hasFocus()
        calm = inside_of_tab(harness, index)
        bar.setFocus(Qt.FocusReason.TabFocusReason)
        assert bar.hasFocus()
        assert inside_of_tab(harness, index) == calm, bar.tabText(index)
