"""The settings dialog shows every label and check box whole, at any theme."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from retrotimer.core.settings import Settings
from retrotimer.ui.shell.settings_dialog import SettingsDialog
from tests.ui.common.text_fit import clipped_texts


@pytest.mark.parametrize("settings", [Settings(), Settings(muted=True, volume=1.0)])
def test_no_text_of_the_settings_dialog_is_clipped(qtbot: QtBot, settings: Settings) -> None:
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert clipped_texts(dialog) == []
