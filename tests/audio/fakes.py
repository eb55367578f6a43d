"""A recording stand-in for an audio device: the one edge the tests make fail on purpose."""

from __future__ import annotations

from collections.abc import Callable

from retrotimer.audio.backend import PlaybackError
from retrotimer.audio.pcm import Clip


class FakeBackend:
    """A backend whose device can be made to fail (the one edge a test cannot provoke)."""

    def __init__(
        self, name: str, *, fail_on_play: bool = False, clock: Callable[[], float] = lambda: 0.0
    ) -> None:
        self.name = name
        self.clock = clock
        self.audible = True
        self.fail_on_play = fail_on_play
        self.prepared: list[str] = []
        self.played: list[tuple[str, float]] = []
        self.log: list[tuple[float, str]] = []
        self.stops = 0
        self.held: list[bool] = []
        self.closed = False
        # What `wait_ready` answers, and the timeouts it was asked with.
        self.ready = True
        self.waits: list[float] = []

    def prepare(self, clip: Clip) -> None:
        self.prepared.append(clip.name)

    def wait_ready(self, timeout_s: float) -> bool:
        self.waits.append(timeout_s)
        return self.ready

    def hold(self, held: bool) -> None:
        self.held.append(held)

    def play(self, clip: Clip, gain: float) -> None:
        if self.fail_on_play:
            raise PlaybackError("the device went away")
        self.played.append((clip.name, gain))
        self.log.append((self.clock(), clip.name))

    def stop_all(self) -> None:
        self.stops += 1

    def busy(self) -> bool:
        return False

    def close(self) -> None:
        self.closed = True
