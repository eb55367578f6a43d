"""Clocks for the controller: the real one notices suspend; a scaled one compresses time."""

from __future__ import annotations

import time
from collections.abc import Callable

Clock = Callable[[], float]
Wait = Callable[[float], None]


def system_clock() -> Clock:
    """CLOCK_BOOTTIME where the system has it, so a suspend shows up as a jump; else monotonic.

    time.monotonic stops during suspend on Linux: a session would silently resume where it
    was. BOOTTIME keeps counting, and the session's jump detection pauses it instead.
    """
    boottime = getattr(time, "CLOCK_BOOTTIME", None)
    if boottime is not None:
        return lambda: time.clock_gettime(boottime)
    return time.monotonic


def system_wait(seconds: float) -> None:
    """Block briefly; the kernel's sleep is more precise than the event loop's timers."""
    time.sleep(seconds)


class ScaledClock:
    """Plan time that runs `speed` times faster than the wrapped clock, from its first reading."""

    def __init__(self, clock: Clock, speed: float, wait: Wait = system_wait) -> None:
        self._clock = clock
        self._speed = speed
        self._wait = wait
        self._origin = clock()

    def __call__(self) -> float:
        return self._origin + (self._clock() - self._origin) * self._speed

    def wait(self, seconds: float) -> None:
        """Wait `seconds` of scaled time."""
        self._wait(seconds / self._speed)


class FakeClock:
    """A clock that moves only when told to; for tests and benchmarks."""

    def __init__(self, now: float = 1000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> float:
        self.now += seconds
        return self.now

    def wait(self, seconds: float) -> None:
        """The fake counterpart of a precise wait: time simply moves on."""
        self.now += seconds
