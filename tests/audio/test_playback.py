"""Choosing the backend and falling back: an error is logged once and sound moves on."""

from __future__ import annotations

import logging
from collections.abc import Callable

import pytest

from retrotimer.audio.backend import AudioBackend, BackendUnavailable
from retrotimer.audio.pcm import silence
from retrotimer.audio.playback import (
    Playback,
    default_choice,
    default_order,
    request_backends,
)
from tests.audio.fakes import FakeBackend

MAC = "darwin"
MAC_ORDER = ("simpleaudio", "qt", "silent")


def unavailable(reason: str) -> Callable[[], AudioBackend]:
    def factory() -> AudioBackend:
        raise BackendUnavailable(reason)

    return factory


def test_the_environment_beats_the_setting_which_beats_the_default_order() -> None:
    assert request_backends("auto", {}, MAC).order == MAC_ORDER
    assert request_backends("auto", {}, MAC).reason == "default order"
    by_setting = request_backends("qt", {}, MAC)
    assert by_setting.order == ("qt", "silent")
    assert by_setting.reason == "setting audio_backend = qt"
    by_env = request_backends("qt", {"RETROTIMER_AUDIO": "simpleaudio"}, MAC)
    assert by_env.order == MAC_ORDER and by_env.reason == "RETROTIMER_AUDIO=simpleaudio"
    assert request_backends("auto", {"RETROTIMER_AUDIO": " Silent "}).order == ("silent",)


def test_on_linux_the_qt_stream_comes_first_and_diagnose_can_say_why() -> None:
    assert default_order("linux") == ("qt", "simpleaudio", "silent")
    assert default_order("win32") == default_order("darwin") == MAC_ORDER
    assert request_backends("auto", {}, "linux").order[0] == "qt"
    # Forcing simpleaudio on Linux leaves only what comes after it there.
    assert request_backends("simpleaudio", {}, "linux").order == ("simpleaudio", "silent")
    assert "Qt stream comes first" in default_choice("linux")
    assert "simpleaudio comes first" in default_choice("win32")


def test_a_bad_environment_value_is_reported_and_ignored() -> None:
    request = request_backends("qt", {"RETROTIMER_AUDIO": "loud"}, MAC)
    assert request.order == ("qt", "silent")
    assert request.problems == (
        "RETROTIMER_AUDIO='loud' ignored: expected one of simpleaudio, qt, silent",
    )


def test_the_first_backend_that_starts_is_used_and_the_others_say_why() -> None:
    qt = FakeBackend("qt")
    playback = Playback(
        request_backends("auto", {}, MAC),
        {"simpleaudio": unavailable("no ALSA device"), "qt": lambda: qt},
    )
    assert playback.backend_name == "qt"
    states = {s.name: (s.state, s.detail) for s in playback.statuses()}
    assert states == {
        "simpleaudio": ("unavailable", "no ALSA device"),
        "qt": ("in use", "chosen by default order"),
        "silent": ("fallback", "not started"),
    }


def test_a_forced_backend_leaves_the_earlier_ones_untried() -> None:
    playback = Playback(request_backends("auto", {"RETROTIMER_AUDIO": "silent"}, MAC), {})
    assert playback.backend_name == "silent" and not playback.audible
    states = {s.name: (s.state, s.detail) for s in playback.statuses()}
    assert states["simpleaudio"] == (
        "not tried",
        "not in the order chosen by RETROTIMER_AUDIO=silent",
    )


def test_a_playback_error_is_logged_once_and_the_next_backend_plays(
    caplog: pytest.LogCaptureFixture,
) -> None:
    broken, spare = FakeBackend("simpleaudio", fail_on_play=True), FakeBackend("qt")
    playback = Playback(
        request_backends("auto", {}, MAC), {"simpleaudio": lambda: broken, "qt": lambda: spare}
    )
    pip, word = silence("pip", 0.1, 16000), silence("word", 0.3, 16000)
    playback.prepare([pip, word])
    playback.hold(True)
    with caplog.at_level(logging.WARNING):
        playback.play(pip, 0.5)
        playback.play(word, 0.5)
    assert playback.backend_name == "qt"
    assert spare.prepared == ["pip", "word"]  # everything the failed one had
    assert spare.held == [True]
    assert spare.played == [("pip", 0.5), ("word", 0.5)]  # the failed cue is not lost
    assert broken.closed
    failures = [r for r in caplog.records if "failed" in r.getMessage()]
    assert len(failures) == 1
    assert "simpleaudio failed (the device went away); playing through qt" in (
        failures[0].getMessage()
    )
    states = {s.name: s.state for s in playback.statuses()}
    assert states == {"simpleaudio": "failed", "qt": "in use", "silent": "fallback"}


def test_when_everything_fails_playback_goes_silent_and_never_raises() -> None:
    playback = Playback(
        request_backends("auto", {}, MAC),
        {
            "simpleaudio": lambda: FakeBackend("simpleaudio", fail_on_play=True),
            "qt": lambda: FakeBackend("qt", fail_on_play=True),
        },
    )
    playback.play(silence("pip", 0.1, 16000), 1.0)
    assert playback.backend_name == "silent"
    assert not playback.busy()


def test_a_backend_that_crashes_while_starting_is_skipped(
    caplog: pytest.LogCaptureFixture,
) -> None:
    def crashing() -> AudioBackend:
        raise RuntimeError("segfault avoided")

    with caplog.at_level(logging.WARNING):
        playback = Playback(
            request_backends("auto", {}, MAC), {"simpleaudio": crashing, "qt": unavailable("no Qt")}
        )
    assert playback.backend_name == "silent"
    assert "simpleaudio failed to start: segfault avoided" in caplog.text
