"""The simpleaudio backend's carrier stream and its wait, on a recording stand-in module."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from retrotimer.audio.backend import BackendUnavailable
from retrotimer.audio.pcm import silence
from retrotimer.audio.simpleaudio_backend import (
    CARRIER_RATE,
    CARRIER_SETTLE_S,
    SimpleaudioBackend,
)
from retrotimer.runtime.clock import FakeClock


@dataclass
class Stream:
    rate: int
    playing: bool = True

    def is_playing(self) -> bool:
        return self.playing

    def stop(self) -> None:
        self.playing = False


@dataclass
class FakeSimpleaudio:
    """Records every stream opened; `fail` makes opening one raise, as a missing device does."""

    streams: list[Stream] = field(default_factory=list)
    fail: bool = False

    def play_buffer(self, pcm: bytes, channels: int, width: int, rate: int) -> Stream:
        if self.fail:
            raise RuntimeError("Error opening PCM device")
        stream = Stream(rate)
        self.streams.append(stream)
        return stream


def carriers(module: FakeSimpleaudio) -> list[Stream]:
    return [s for s in module.streams if s.rate == CARRIER_RATE]


def test_a_silent_carrier_runs_while_held_and_stops_when_let_go() -> None:
    module = FakeSimpleaudio()
    backend = SimpleaudioBackend(module)
    assert carriers(module) == []  # only the warm-up so far
    backend.hold(True)
    assert [s.playing for s in carriers(module)] == [True]
    backend.play(silence("pip", 0.1, 16000), 1.0)
    assert len(carriers(module)) == 1  # still the same one
    carriers(module)[0].playing = False  # it ran out
    backend.play(silence("pip", 0.1, 16000), 1.0)
    assert [s.playing for s in carriers(module)] == [False, True]
    backend.stop_all()
    assert carriers(module)[-1].playing  # silencing the cues leaves the carrier
    assert not backend.busy()
    backend.hold(False)
    assert not any(s.playing for s in carriers(module))


def test_wait_ready_gives_the_carrier_time_to_settle() -> None:
    clock = FakeClock(10.0)
    backend = SimpleaudioBackend(FakeSimpleaudio(), clock=clock, sleep=clock.wait)
    assert backend.wait_ready(0.0)  # not held: nothing to wait for
    backend.hold(True)
    assert not backend.wait_ready(0.5)  # not yet, and it said so after waiting 0.5 s
    assert clock.now == pytest.approx(10.5)
    assert backend.wait_ready(5.0)
    assert clock.now == pytest.approx(10.0 + CARRIER_SETTLE_S)
    assert backend.wait_ready(0.0)  # settled: at once


def test_without_a_device_it_is_unavailable() -> None:
    with pytest.raises(BackendUnavailable, match="cannot open the default sound device"):
        SimpleaudioBackend(FakeSimpleaudio(fail=True))
