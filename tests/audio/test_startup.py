"""Building the cue player from the settings, as the app and the headless run do."""

from __future__ import annotations

import shutil
from pathlib import Path

from pytestqt.qtbot import QtBot

from retrotimer.audio.startup import as_cue_sink, open_cue_player
from retrotimer.core.settings import Settings


def test_the_player_starts_with_everything_decoded(qtbot: QtBot, tmp_path: Path) -> None:
    player = open_cue_player(Settings(), tmp_path / "cache", environ={"RETROTIMER_AUDIO": "silent"})
    try:
        assert as_cue_sink(player) is player
        assert player.backend_name == "silent"
        assert player.playback.request.reason == "RETROTIMER_AUDIO=silent"
        assert len(player.voice.phrases) > 90
        engine = player.label_engine
        if shutil.which("flite"):
            assert engine is not None and "flite" in engine.description
    finally:
        player.close()


def test_the_setting_is_used_when_the_environment_is_quiet(qtbot: QtBot, tmp_path: Path) -> None:
    player = open_cue_player(
        Settings(audio_backend="silent"), tmp_path / "cache", environ={}, engines=()
    )
    try:
        assert player.playback.request.reason == "setting audio_backend = silent"
        assert player.label_engine is None
    finally:
        player.close()
