"""Playback through simpleaudio (the `simpleaudio-patched` distribution): ALSA, WinMM, CoreAudio."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from retrotimer.audio.backend import BackendUnavailable, PlaybackError
from retrotimer.audio.pcm import SOUND_RATE, Clip, scaled, silence

# Scaled copies kept per clip and gain; a volume change makes new ones as clips are played.
_MAX_SCALED = 512
# While a session is on, a silent stream keeps the output open: a sound server whose last
# stream closed goes back to its long latency, and the next sound's new stream then starts
# late and in pieces. Low-rate silence is cheap to hold; it is started again when it ends.
CARRIER_S = 300.0
CARRIER_RATE = 8000
# A sound server takes a while to bring its latency down for a new stream (PulseAudio with
# a core busy: about a second); nothing tells simpleaudio when it has, so `wait_ready`
# gives the carrier this long before the first cue.
CARRIER_SETTLE_S = 1.5


class SimpleaudioBackend:
    """Each play opens its own stream, so sounds overlap freely and start within milliseconds.

    While held, a silent carrier stream runs under them (see CARRIER_S).
    """

    name = "simpleaudio"
    audible = True

    def __init__(
        self,
        module: Any = None,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        """`module` stands in for the simpleaudio module (tests pass a recording one)."""
        if module is None:
            try:
                import simpleaudio
            except ImportError as error:
                raise BackendUnavailable(
                    f"the simpleaudio-patched package is not installed ({error})"
                ) from None
            module = simpleaudio
        self._sa: Any = module
        self._clock = clock
        self._sleep = sleep
        self._playing: list[Any] = []
        self._scaled: dict[tuple[str, float], bytes] = {}
        self._carrier_clip = silence("carrier", CARRIER_S, CARRIER_RATE)
        self._carrier: Any = None
        self._carrier_since = 0.0
        self._held = False
        # The first stream a process opens can lose its start: open one now, with silence.
        try:
            self._start(silence("warm-up", 0.05, SOUND_RATE), 1.0)
        except PlaybackError as error:
            raise BackendUnavailable(f"cannot open the default sound device: {error}") from None

    def prepare(self, clip: Clip) -> None:
        """Nothing to do: simpleaudio plays PCM straight from memory."""

    def wait_ready(self, timeout_s: float) -> bool:
        """While held, let the carrier run for CARRIER_SETTLE_S first."""
        if self._carrier is None:
            return True
        left = self._carrier_since + CARRIER_SETTLE_S - self._clock()
        if left > timeout_s:
            self._sleep(max(0.0, timeout_s))
            return False
        self._sleep(max(0.0, left))
        return True

    def hold(self, held: bool) -> None:
        """Keep a silent stream open under the sounds while held (a session is on)."""
        self._held = held
        if held:
            self._keep_carrier()
        elif self._carrier is not None:
            self._carrier.stop()
            self._carrier = None

    def _keep_carrier(self) -> None:
        if not self._held or (self._carrier is not None and self._carrier.is_playing()):
            return
        try:
            self._carrier = self._sa.play_buffer(self._carrier_clip.pcm, 1, 2, CARRIER_RATE)
        except Exception as error:
            raise PlaybackError(str(error)) from error
        self._carrier_since = self._clock()

    def play(self, clip: Clip, gain: float) -> None:
        self._keep_carrier()
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
        self.hold(False)
        self.stop_all()
