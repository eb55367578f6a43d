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


@pytest.mark.parametrize("settings", [Settings(voice=False), Settings(voice=False, beeps=False)])
def test_the_dialog_says_what_turning_the_voice_off_costs(qtbot: QtBot, settings: Settings) -> None:
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.voice_off.isVisible() and clipped_texts(dialog) == []
    dialog.beeps.setChecked(True)
    words = dialog.voice_off.text()
    assert "nothing is said" in words
    for signal in (
        "two short high beeps, look over your shoulder",
        "three falling beeps, stop and turn around",
        "two long low notes, hold the rails",
    ):
        assert signal in words
    dialog.beeps.setChecked(False)
    assert "no cue is heard at all" in dialog.voice_off.text()
    assert "stop and turn around" in dialog.voice_off.text()


def test_the_runner_sets_the_estimates_of_open_and_distance_steps(qtbot: QtBot) -> None:
    dialog = SettingsDialog(Settings())
    qtbot.addWidget(dialog)
    assert dialog.open_step.value() == 30 and dialog.pace_jog.value() == 60
    dialog.open_step.setValue(45)
    dialog.pace_walk.setValue(100)
    dialog.pace_jog.setValue(50)
    dialog.pace_sprint.setValue(30)
    edited = dialog.settings()
    assert (edited.open_step_s, edited.pace_backward_walk) == (45, 100)
    assert (edited.pace_backward_jog, edited.pace_backward_sprint) == (50, 30)
    dialog.load(Settings())
    assert dialog.settings() == Settings()
