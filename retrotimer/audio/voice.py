"""The shipped voice clips: a manifest from phrase to WAV file, decoded once into memory."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from retrotimer.audio.pcm import AudioFileError, Clip, read_wav
from retrotimer.core.value import value

MANIFEST_NAME = "manifest.json"
MANIFEST_FORMAT = 1


def default_voice_dir() -> Path:
    """`retrotimer/assets/voice`, shipped inside the package."""
    return Path(__file__).resolve().parent.parent / "assets" / "voice"


def voice_clip_name(phrase: str) -> str:
    return f"voice:{phrase}"


def phrase_file_name(phrase: str) -> str:
    """A portable file name for a phrase: "warm-up walk" -> "warm-up-walk.wav"."""
    slug = "".join(c if c.isascii() and c.isalnum() else "-" for c in phrase.lower())
    return "-".join(part for part in slug.split("-") if part) + ".wav"


@value
class Manifest:
    """What `packaging/render_voice.py` wrote: the engine and the file of each phrase."""

    engine: str
    files: dict[str, str]

    def to_json(self) -> str:
        data = {"format": MANIFEST_FORMAT, "engine": self.engine, "phrases": self.files}
        return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def read_manifest(directory: Path) -> Manifest:
    path = directory / MANIFEST_NAME
    try:
        data: Any = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise AudioFileError(f"{path}: cannot read the voice manifest ({error})") from None
    if not isinstance(data, dict) or data.get("format") != MANIFEST_FORMAT:
        raise AudioFileError(f"{path}: not a voice manifest of format {MANIFEST_FORMAT}")
    phrases = data.get("phrases")
    if not isinstance(phrases, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in phrases.items()
    ):
        raise AudioFileError(f"{path}: 'phrases' must map each phrase to a file name")
    return Manifest(str(data.get("engine", "")), dict(phrases))


class VoiceLibrary:
    """Stock phrases as clips; looked up by phrase, never read from disk after loading."""

    def __init__(self, clips: Mapping[str, Clip], engine: str = "") -> None:
        self._clips = dict(clips)
        self.engine = engine

    @classmethod
    def load(cls, directory: Path | None = None) -> VoiceLibrary:
        """Decode every clip of the manifest; AudioFileError names the file that failed."""
        directory = directory or default_voice_dir()
        manifest = read_manifest(directory)
        clips = {
            phrase: read_wav(directory / file, voice_clip_name(phrase))
            for phrase, file in manifest.files.items()
        }
        return cls(clips, manifest.engine)

    @property
    def phrases(self) -> frozenset[str]:
        return frozenset(self._clips)

    def clip(self, phrase: str) -> Clip | None:
        return self._clips.get(phrase)

    def all(self) -> tuple[Clip, ...]:
        return tuple(self._clips.values())
