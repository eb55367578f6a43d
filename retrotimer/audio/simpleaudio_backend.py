"""Playback through simpleaudio (the `simpleaudio-patched` distribution): ALSA, WinMM, CoreAudio."""

from __future__ import annotations

from typing import Any

from retrotimer.audio.backend import BackendUnavailable, PlaybackError
from retrotimer.audio.pcm import SOUND_RATE, Clip, scaled, silence

# Scaled copies kept per clip and gain; a volume change makes new ones as clips are played.
_MAX_SCALED = 512


class SimpleaudioBackend:
    """Each play opens its own stream, so sounds overlap freely and start within milliseconds."""

    name = "simpleaudio"
    audible = True

    def __init__(self) -> None:
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
