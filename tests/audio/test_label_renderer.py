"""Custom labels: rendered off the UI thread by a real engine, once, into the cache dir."""

from __future__ import annotations

import logging
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from retrotimer.audio.label_renderer import LabelRenderer, cache_file
from retrotimer.audio.pcm import silence, write_wav
from retrotimer.audio.speech_engine import EngineKind, SpeechEngine

FLITE = shutil.which("flite")
ESPEAK = shutil.which("espeak-ng")
needs_engines = pytest.mark.skipif(
    FLITE is None or ESPEAK is None,
    reason="flite and espeak-ng are not installed (packaging/system-deps.sh installs them)",
)


@pytest.fixture
def renderers() -> Iterator[list[LabelRenderer]]:
    made: list[LabelRenderer] = []
    yield made
    for renderer in made:
        renderer.close()


def fake_engine(tmp_path: Path, body: str) -> SpeechEngine:
    """A stand-in for a flite that fails or records being called."""
    script = tmp_path / "fake-flite"
    script.write_text(f"#!/bin/sh\necho called >> {tmp_path / 'calls'}\n{body}\n")
    script.chmod(0o755)
    return SpeechEngine(EngineKind.FLITE, str(script))


@needs_engines
def test_a_label_is_rendered_off_the_ui_thread_and_cached(
    qtbot: QtBot, tmp_path: Path, renderers: list[LabelRenderer]
) -> None:
    # A slow engine (flite after a pause) shows that asking does not wait for the answer.
    engine = fake_engine(tmp_path, f'sleep 1; exec {FLITE} "$@"')
    renderer = LabelRenderer([engine], tmp_path / "cache")
    renderers.append(renderer)
    with qtbot.waitSignal(renderer.rendered, timeout=20_000) as signal:
        asked = time.monotonic()
        renderer.request(["zigzag drill"])
        assert time.monotonic() - asked < 0.5
        assert renderer.clip("zigzag drill") is None
    assert signal.args == ["zigzag drill"]
    clip = renderer.clip("zigzag drill")
    assert clip is not None and clip.duration_s > 0.3
    assert cache_file(tmp_path / "cache", engine, "zigzag drill").is_file()


@needs_engines
def test_a_cached_label_is_not_rendered_again(
    qtbot: QtBot, tmp_path: Path, renderers: list[LabelRenderer]
) -> None:
    assert FLITE is not None
    first = LabelRenderer([SpeechEngine(EngineKind.FLITE, FLITE)], tmp_path / "cache")
    renderers.append(first)
    with qtbot.waitSignal(first.rendered, timeout=20_000):
        first.request(["easy strides"])
    # A later run, with an engine that would fail if it were asked.
    broken = fake_engine(tmp_path, "exit 1")
    later = LabelRenderer([broken], tmp_path / "cache")
    renderers.append(later)
    with qtbot.waitSignal(later.rendered, timeout=20_000):
        later.request(["easy strides"])
    assert later.clip("easy strides") == first.clip("easy strides")
    assert not (tmp_path / "calls").exists()


@needs_engines
def test_a_failing_engine_is_dropped_for_the_next(
    qtbot: QtBot, tmp_path: Path, renderers: list[LabelRenderer], caplog: pytest.LogCaptureFixture
) -> None:
    assert ESPEAK is not None
    broken = fake_engine(tmp_path, "echo 'no voices here' >&2; exit 2")
    espeak = SpeechEngine(EngineKind.ESPEAK_NG, ESPEAK)
    renderer = LabelRenderer([broken, espeak], tmp_path / "cache")
    renderers.append(renderer)
    with caplog.at_level(logging.WARNING), qtbot.waitSignal(renderer.rendered, timeout=20_000):
        renderer.request(["carioca"])
    assert renderer.clip("carioca") is not None
    assert renderer.engine == espeak
    assert "no voices here" in caplog.text
    assert cache_file(tmp_path / "cache", espeak, "carioca").is_file()


def test_a_label_the_engine_cannot_say_is_not_tried_again(
    tmp_path: Path, renderers: list[LabelRenderer]
) -> None:
    quiet = tmp_path / "quiet.wav"
    write_wav(silence("quiet", 0.5, 16000), quiet)
    # Like flite, the output file is the last argument; this one only ever writes silence.
    silent = fake_engine(tmp_path, f'eval out=\\${{$#}}; cp {quiet} "$out"')
    renderer = LabelRenderer([silent], tmp_path / "cache")
    renderers.append(renderer)
    renderer.request(["???"])
    assert renderer.wait(20)
    renderer.request(["???"])
    assert renderer.wait(20)
    assert renderer.clip("???") is None
    assert (tmp_path / "calls").read_text().count("called") == 1
    assert renderer.engine == silent  # the engine works; it is the label that cannot be said


def test_without_an_engine_nothing_is_rendered(
    tmp_path: Path, renderers: list[LabelRenderer]
) -> None:
    renderer = LabelRenderer([], tmp_path / "cache")
    renderers.append(renderer)
    renderer.request(["anything"])
    assert renderer.wait(1) and renderer.clip("anything") is None
    assert renderer.engine is None
    assert not (tmp_path / "cache").exists()
