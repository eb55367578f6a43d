"""The voice library: the manifest, file names, and clear messages for broken files."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from retrotimer.audio.pcm import AudioFileError, silence, write_wav
from retrotimer.audio.startup import load_voice
from retrotimer.audio.voice import (
    MANIFEST_NAME,
    Manifest,
    VoiceLibrary,
    phrase_file_name,
    voice_clip_name,
)


def test_file_names_are_portable_slugs() -> None:
    assert phrase_file_name("warm-up walk") == "warm-up-walk.wav"
    assert phrase_file_name("look over your shoulder") == "look-over-your-shoulder.wav"
    assert phrase_file_name("15") == "15.wav"
    assert phrase_file_name("Café  crème!") == "caf-cr-me.wav"


def write_library(directory: Path, phrases: dict[str, str]) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    for phrase, file in phrases.items():
        write_wav(silence(phrase, 0.2, 16000), directory / file)
    (directory / MANIFEST_NAME).write_text(Manifest("test engine", phrases).to_json())


def test_a_library_loads_every_phrase_once(tmp_path: Path) -> None:
    write_library(tmp_path, {"go": "go.wav", "rest": "rest.wav"})
    library = VoiceLibrary.load(tmp_path)
    assert library.phrases == {"go", "rest"}
    clip = library.clip("go")
    assert clip is not None and clip.name == voice_clip_name("go")
    assert library.clip("unknown") is None
    assert library.engine == "test engine"
    (tmp_path / "go.wav").unlink()
    assert library.clip("go") is clip  # decoded once: later lookups never touch the disk


@pytest.mark.parametrize(
    ("manifest", "message"),
    [
        ("{not json", "cannot read the voice manifest"),
        (json.dumps({"format": 99, "phrases": {}}), "not a voice manifest of format 1"),
        (json.dumps({"format": 1, "phrases": ["go"]}), "'phrases' must map"),
    ],
)
def test_a_broken_manifest_is_named(tmp_path: Path, manifest: str, message: str) -> None:
    (tmp_path / MANIFEST_NAME).write_text(manifest)
    with pytest.raises(AudioFileError, match=message) as error:
        VoiceLibrary.load(tmp_path)
    assert str(tmp_path / MANIFEST_NAME) in str(error.value)


def test_a_missing_clip_is_named(tmp_path: Path) -> None:
    write_library(tmp_path, {"go": "go.wav"})
    (tmp_path / "go.wav").unlink()
    with pytest.raises(AudioFileError, match="go.wav"):
        VoiceLibrary.load(tmp_path)


def test_without_clips_the_cues_still_beep(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING):
        library = load_voice(tmp_path / "nowhere")
    assert library.phrases == frozenset()
    assert "cues will only beep" in caplog.text and "nowhere" in caplog.text
