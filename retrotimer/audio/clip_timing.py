"""The speech plan's timing, measured from the clips: each phrase, and the tones words wait for."""

from __future__ import annotations

from typing import TYPE_CHECKING

from retrotimer.core.model import Direction
from retrotimer.core.session.speech_plan import SpeechTiming
from retrotimer.core.session.tone_names import FINISH, go_name, pip_name

if TYPE_CHECKING:
    from retrotimer.audio.pcm import Clip
    from retrotimer.audio.voice import VoiceLibrary


def speech_timing(voice: VoiceLibrary, tones: dict[str, Clip]) -> SpeechTiming:
    """How long the shipped clips, the announcement tone and the pips sound, for the speech plan."""
    phrases = {p: clip.duration_s for p in voice.phrases if (clip := voice.clip(p)) is not None}
    go_tones = [tones[name].duration_s for d in Direction if (name := go_name(d)) in tones]
    pips = [tones[name].duration_s for d in Direction if (name := pip_name(d)) in tones]
    finish = tones[FINISH].duration_s if FINISH in tones else 0.0
    return SpeechTiming(phrases, max(go_tones, default=0.0), finish, max(pips, default=0.0))
