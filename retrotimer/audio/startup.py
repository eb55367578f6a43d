"""Builds the cue player from the settings: backend chain, tones, voice clips, label engine."""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from retrotimer.audio.cue_player import CuePlayer
from retrotimer.audio.label_renderer import LabelRenderer
from retrotimer.audio.pcm import AudioFileError
from retrotimer.audio.playback import BackendFactory, Playback, request_backends
from retrotimer.audio.speech_engine import SpeechEngine, find_engines
from retrotimer.audio.tone_cache import cached_tones
from retrotimer.audio.voice import VoiceLibrary

if TYPE_CHECKING:
    from retrotimer.core.ports import CueSink
    from retrotimer.core.settings import Settings

log = logging.getLogger(__name__)


def load_voice(voice_dir: Path | None = None) -> VoiceLibrary:
    """The shipped clips; without them the cues still beep, and the log says why."""
    try:
        return VoiceLibrary.load(voice_dir)
    except AudioFileError as error:
        log.warning("voice clips unavailable, cues will only beep: %s", error)
        return VoiceLibrary({})


def open_cue_player(
    settings: Settings,
    cache_dir: Path,
    *,
    environ: Mapping[str, str] | None = None,
    factories: Mapping[str, BackendFactory] | None = None,
    voice_dir: Path | None = None,
    engines: Sequence[SpeechEngine] | None = None,
) -> CuePlayer:
    """Everything decoded now, on the Qt main thread (a QCoreApplication must exist)."""
    playback = Playback(request_backends(settings.audio_backend, environ), factories)
    renderer = LabelRenderer(find_engines() if engines is None else engines, cache_dir / "voice")
    return CuePlayer(playback, cached_tones(cache_dir), load_voice(voice_dir), settings, renderer)


def as_cue_sink(player: CuePlayer) -> CueSink:
    """The player as the UI sees it (the type checker holds it to the protocol)."""
    return player
