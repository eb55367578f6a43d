"""The window's cue sink builds the player only when sound is first wanted, and hands it the
plan and the settings it was given before."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from retrotimer.audio.cue_player import PREVIEW_TONE, CuePlayer
from retrotimer.audio.cues_on_demand import CuesOnDemand
from retrotimer.audio.pcm import gain_for_volume
from retrotimer.audio.playback import Playback, request_backends
from retrotimer.audio.tones import synthesise_tones
from retrotimer.audio.voice import VoiceLibrary
from retrotimer.core.session.plan import compile_plan
from retrotimer.core.session.session_events import Event, EventKind, SessionState
from retrotimer.core.settings import Settings
from retrotimer.core.value import replace
from tests.audio.fakes import FakeBackend
from tests.factories import first_steps

TONES = synthesise_tones()
VOICE = VoiceLibrary.load()
SETTINGS = Settings(volume=0.5)


class Builds:
    """Makes real cue players on a recording backend, and remembers with what."""

    def __init__(self) -> None:
        self.players: list[CuePlayer] = []
        self.settings: list[Settings] = []
        self.device = FakeBackend("qt")

    def __call__(self, settings: Settings) -> CuePlayer:
        self.settings.append(settings)
        playback = Playback(request_backends("auto", {}), {"qt": lambda: self.device})
        self.players.append(CuePlayer(playback, TONES, VOICE, settings))
        return self.players[-1]


@pytest.fixture
def builds() -> Iterator[Builds]:
    made = Builds()
    yield made
    for player in made.players:
        player.close()


def test_nothing_is_built_until_a_session_holds_the_output(qtbot: QtBot, builds: Builds) -> None:
    cues = CuesOnDemand(builds, SETTINGS)
    plan = compile_plan(first_steps(), SETTINGS)
    quieter = replace(SETTINGS, volume=0.2)
    cues.load(plan, ())
    cues.apply_settings(quieter)
    cues.hold(False)
    assert cues.wait_ready(0.0)
    cues.close()
    assert builds.players == [] and cues.built is None
    cues.hold(True)
    (player,) = builds.players
    assert cues.built is player and builds.settings == [quieter], "the settings of now"
    assert player.speech_plan is not None, "the plan loaded before is the player's"
    assert builds.device.held == [True]
    cues.handle(Event(EventKind.FINISHED, plan.total_s, "finished", SessionState.FINISHED, 0))
    cues.hold(False)
    cues.hold(True)
    assert len(builds.players) == 1, "built once"


def test_a_volume_key_builds_the_player_to_beep(qtbot: QtBot, builds: Builds) -> None:
    cues = CuesOnDemand(builds, SETTINGS)
    cues.preview_volume()
    (player,) = builds.players
    assert player is cues.built
    assert builds.device.played == [(PREVIEW_TONE, gain_for_volume(0.5))]
    assert cues.backend_name == "qt"
