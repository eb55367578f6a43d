"""Choosing the backend and falling back: an error is logged once and sound moves on."""

from __future__ import annotations

import logging
from collections.abc import Callable

import pytest

from retrotimer.audio.backend import AudioBackend, BackendUnavailable
from retrotimer.audio.pcm import silence
from retrotimer.audio.playback import (
    BACKEND_ORDER,
    DEFAULT_CHOICE,
    FALLBACK_NOTICE,
    SILENT_NOTICE,
    Playback,
    request_backends,
)
from tests.audio.fakes import FakeBackend


def unavailable(reason: str) -> Callable[[], AudioBackend]:
    def factory() -> AudioBackend:
        raise BackendUnavailable(reason)

    return factory


def test_the_environment_beats_the_setting_which_beats_the_default_order() -> None:
    assert request_backends("auto", {}).order == BACKEND_ORDER
    assert request_backends("auto", {}).reason == "default order"
    by_setting = request_backends("simpleaudio", {})
    assert by_setting.order == ("simpleaudio", "silent")
    assert by_setting.reason == "setting audio_backend = simpleaudio"
    by_env = request_backends("simpleaudio", {"RETROTIMER_AUDIO": "qt"})
    assert by_env.order == BACKEND_ORDER and by_env.reason == "RETROTIMER_AUDIO=qt"
    assert request_backends("auto", {"RETROTIMER_AUDIO": " Silent "}).order == ("silent",)


def test_the_qt_stream_comes_first_and_diagnose_can_say_why() -> None:
    assert BACKEND_ORDER == ("qt", "simpleaudio", "silent")
    # Forcing simpleaudio leaves only what comes after it.
    assert request_backends("simpleaudio", {}).order == ("simpleaudio", "silent")
    assert "Qt stream comes first" in DEFAULT_CHOICE and "bench/audio.py" in DEFAULT_CHOICE


def test_a_bad_environment_value_is_reported_and_ignored() -> None:
    request = request_backends("simpleaudio", {"RETROTIMER_AUDIO": "loud"})
    assert request.order == ("simpleaudio", "silent")
    assert request.problems == (
        "RETROTIMER_AUDIO='loud' ignored: expected one of qt, simpleaudio, silent",
    )


def test_no_backend_starts_until_the_output_is_held_or_a_sound_played() -> None:
    started: list[FakeBackend] = []

    def qt() -> AudioBackend:
        started.append(FakeBackend("qt"))
        return started[-1]

    playback = Playback(request_backends("auto", {}), {"qt": qt})
    playback.prepare([silence("pip", 0.1, 16000)])
    playback.hold(False)
    playback.stop_all()
    assert playback.wait_ready(0.0) and not playback.busy() and not playback.audible
    playback.close()
    assert started == [] and playback.in_use is None
    playback.hold(True)
    (backend,) = started
    assert playback.in_use is backend
    assert backend.prepared == ["pip"] and backend.held == [True]
    playback.play(silence("go", 0.1, 16000), 1.0)
    assert started == [backend] and backend.played == [("go", 1.0)]


def test_the_first_backend_that_starts_is_used_and_the_others_say_why() -> None:
    simpleaudio = FakeBackend("simpleaudio")
    playback = Playback(
        request_backends("auto", {}),
        {"qt": unavailable("no audio output device"), "simpleaudio": lambda: simpleaudio},
    )
    assert playback.backend_name == "simpleaudio"
    states = {s.name: (s.state, s.detail) for s in playback.statuses()}
    assert states == {
        "qt": ("unavailable", "no audio output device"),
        "simpleaudio": ("in use", "chosen by default order"),
        "silent": ("fallback", "not started"),
    }


def test_a_forced_backend_leaves_the_earlier_ones_untried() -> None:
    playback = Playback(request_backends("auto", {"RETROTIMER_AUDIO": "silent"}), {})
    assert playback.backend_name == "silent" and not playback.audible
    states = {s.name: (s.state, s.detail) for s in playback.statuses()}
    assert states["qt"] == (
        "not tried",
        "not in the order chosen by RETROTIMER_AUDIO=silent",
    )


def test_a_playback_error_is_logged_once_and_the_next_backend_plays(
    caplog: pytest.LogCaptureFixture,
) -> None:
    broken, spare = FakeBackend("qt", fail_on_play=True), FakeBackend("simpleaudio")
    playback = Playback(
        request_backends("auto", {}), {"qt": lambda: broken, "simpleaudio": lambda: spare}
    )
    pip, word = silence("pip", 0.1, 16000), silence("word", 0.3, 16000)
    playback.prepare([pip, word])
    playback.hold(True)
    with caplog.at_level(logging.WARNING):
        playback.play(pip, 0.5)
        playback.play(word, 0.5)
    assert playback.backend_name == "simpleaudio"
    assert spare.prepared == ["pip", "word"]  # everything the failed one had
    assert spare.held == [True]
    assert spare.played == [("pip", 0.5), ("word", 0.5)]  # the failed cue is not lost
    assert broken.closed
    failures = [r for r in caplog.records if "failed" in r.getMessage()]
    assert len(failures) == 1
    assert "qt failed (the device went away); playing through simpleaudio" in (
        failures[0].getMessage()
    )
    states = {s.name: s.state for s in playback.statuses()}
    assert states == {"qt": "failed", "simpleaudio": "in use", "silent": "fallback"}


def test_when_everything_fails_playback_goes_silent_and_never_raises() -> None:
    playback = Playback(
        request_backends("auto", {}),
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
            request_backends("auto", {}), {"qt": crashing, "simpleaudio": unavailable("no ALSA")}
        )
    assert playback.backend_name == "silent"
    assert "qt failed to start: segfault avoided" in caplog.text


def notices(caplog: pytest.LogCaptureFixture) -> list[str]:
    """What the window would show: the words records carry for it."""
    return [getattr(record, "notice", "") for record in caplog.records if hasattr(record, "notice")]


def test_the_runner_is_told_when_sound_moves_on_and_when_it_goes_silent(
    caplog: pytest.LogCaptureFixture,
) -> None:
    playback = Playback(
        request_backends("auto", {}),
        {
            "qt": lambda: FakeBackend("qt", fail_on_play=True),
            "simpleaudio": lambda: FakeBackend("simpleaudio", fail_on_play=True),
        },
    )
    with caplog.at_level(logging.WARNING):
        playback.play(silence("pip", 0.1, 16000), 1.0)
    assert notices(caplog) == [FALLBACK_NOTICE, SILENT_NOTICE]
    assert "qt" not in SILENT_NOTICE + FALLBACK_NOTICE  # words for a runner, not a developer


def test_silence_at_start_is_told_unless_it_was_asked_for(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level(logging.WARNING):
        playback = Playback(request_backends("auto", {}), {"qt": unavailable("no device")})
        assert notices(caplog) == []  # nothing is started before sound is first wanted
        assert playback.backend_name == "silent"
    assert notices(caplog) == [SILENT_NOTICE]
    caplog.clear()
    with caplog.at_level(logging.WARNING):
        chosen = Playback(request_backends("auto", {"RETROTIMER_AUDIO": "silent"}), {})
        assert chosen.backend_name == "silent"
    assert notices(caplog) == []
