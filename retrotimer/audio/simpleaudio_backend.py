"""Playback through simpleaudio (the `simpleaudio-patched` distribution): ALSA, WinMM, CoreAudio."""

from __future__ import annotations

import os
import sys
from collections.abc import MutableMapping
from typing import Any

from retrotimer.audio.backend import BackendUnavailable, PlaybackError
from retrotimer.audio.pcm import SOUND_RATE, Clip, scaled, silence

# Scaled copies kept per clip and gain; a volume change makes new ones as clips are played.
_MAX_SCALED = 512
# Through ALSA's pulse plugin simpleaudio's streams ask PulseAudio for no latency, so the
# sound server keeps the one it has (about 2 s on a quiet desktop): with a core busy, its
# sounds then came late, in pieces, and took twice their length (bench/audio.py). Asking for
# this much makes every stream start within milliseconds and play whole.
PULSE_LATENCY_MS = 60
PULSE_LATENCY_VARIABLE = "PULSE_LATENCY_MSEC"


class SimpleaudioBackend:
    """Each play opens its own stream, so sounds overlap freely and start within milliseconds."""

    name = "simpleaudio"
    audible = True

    def __init__(
        self,
        pulse_latency_ms: int | None = PULSE_LATENCY_MS,
        environ: MutableMapping[str, str] | None = None,
    ) -> None:
        # Only on Linux (where ALSA may lead to PulseAudio or PipeWire's pulse server), and
        # never over a latency the user chose. libpulse reads it whenever a stream connects,
        # which simpleaudio does on a thread of its own: it is set for the process. A Qt
        # stream opened later (a fallback) keeps working with it (bench/audio.py).
        environ = os.environ if environ is None else environ
        if pulse_latency_ms and sys.platform.startswith("linux"):
            environ.setdefault(PULSE_LATENCY_VARIABLE, str(pulse_latency_ms))
        try:
            import simpleaudio
        except ImportError as error:
            raise BackendUnavailable(
                f"the simpleaudio-patched package is not installed ({error})"
            ) from None
        self._sa: Any = simpleaudio
        self._playing: list[Any] = []
        self._scaled: dict[tuple[str, float], bytes] = {}
        # The first stream a process opens can lose its start: open one now, with silence.
        try:
            self._start(silence("warm-up", 0.05, SOUND_RATE), 1.0)
        except PlaybackError as error:
            raise BackendUnavailable(f"cannot open the default sound device: {error}") from None

    def prepare(self, clip: Clip) -> None:
        """Nothing to do: simpleaudio plays PCM straight from memory."""

    def wait_ready(self, timeout_s: float) -> bool:
        return True

    def hold(self, held: bool) -> None:
        """Nothing to hold: each sound opens its own short-lived stream."""

    def play(self, clip: Clip, gain: float) -> None:
        self._start(clip, gain)

    def _start(self, clip: Clip, gain: float) -> None:
        key = (clip.name, gain)
        pcm = self._scaled.get(key)
        if pcm is None:
            if len(self._scaled) >= _MAX_SCALED:
                self._scaled.clear()
            pcm = self._scaled[key] = scaled(clip, gain).pcm
        try:
            play = self._sa.play_buffer(pcm, 1, 2, clip.rate)
        except Exception as error:  # SimpleaudioError, or ValueError for a rate the device refuses
            raise PlaybackError(str(error)) from error
        self._playing = [p for p in self._playing if p.is_playing()]
        self._playing.append(play)

    def stop_all(self) -> None:
        for play in self._playing:
            play.stop()
        self._playing.clear()

    def busy(self) -> bool:
        self._playing = [p for p in self._playing if p.is_playing()]
        return bool(self._playing)

    def close(self) -> None:
        self.stop_all()
