"""The cue player's volume preview: one short beep at the volume just set."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from retrotimer.audio.cue_player import PREVIEW_TONE
from retrotimer.audio.pcm import gain_for_volume
from retrotimer.core.value import replace
from tests.audio.test_cue_player import SETTINGS, Rig


def test_a_preview_beeps_once_at_the_volume_now_set(qtbot: QtBot) -> None:
    with Rig() as rig:
        rig.player.apply_settings(replace(SETTINGS, volume=0.3))
        before = len(rig.device.played)
        rig.player.preview_volume()
        assert rig.device.played[before:] == [(PREVIEW_TONE, gain_for_volume(0.3))]


def test_a_muted_or_closed_player_previews_nothing(qtbot: QtBot) -> None:
    rig = Rig()
    rig.player.apply_settings(replace(SETTINGS, muted=True))
    before = len(rig.device.played)
    rig.player.preview_volume()
    rig.player.apply_settings(SETTINGS)
    rig.player.close()
    rig.player.preview_volume()
    assert len(rig.device.played) == before
