#!/usr/bin/env python3
"""Render the stock voice clips into retrotimer/assets/voice with flite (slt) or espeak-ng.

Run from the repository with the project's environment, e.g.
`.venv/bin/python packaging/render_voice.py` (Debian: `apt-get install flite espeak-ng`).
It renders every phrase of the vocabulary (and the labels of the built-in templates),
writes a manifest from phrase to file, and removes clips no longer in the vocabulary.
Re-running with the same engine version gives the same files.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from retrotimer.audio.pcm import write_wav
from retrotimer.audio.speech_engine import EngineKind, SpeechEngine, SpeechError, find_engines
from retrotimer.audio.vocabulary import builtin_templates, stock_phrases, template_phrases
from retrotimer.audio.voice import (
    MANIFEST_NAME,
    Manifest,
    default_voice_dir,
    phrase_file_name,
    voice_clip_name,
)


def engine_version(engine: SpeechEngine) -> str:
    result = subprocess.run(
        [engine.program, "--version"], capture_output=True, text=True, timeout=30, check=False
    )
    lines = [line.strip() for line in (result.stdout or result.stderr).splitlines() if line.strip()]
    versioned = [line for line in lines if "version" in line.lower()] or lines
    return versioned[0] if versioned else engine.kind.value


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engine", choices=["flite", "espeak-ng"], help="default: flite")
    parser.add_argument("--out", type=Path, default=default_voice_dir(), help="clip directory")
    args = parser.parse_args(argv)

    engines = [
        e for e in find_engines("linux") if e.kind in (EngineKind.FLITE, EngineKind.ESPEAK_NG)
    ]
    if args.engine:
        engines = [e for e in engines if e.kind.value == args.engine]
    if not engines:
        print("render_voice: install flite or espeak-ng (apt-get install flite)", file=sys.stderr)
        return 1
    engine = engines[0]
    phrases = stock_phrases(template_phrases(builtin_templates()))
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    files: dict[str, str] = {}
    for phrase in phrases:
        name = phrase_file_name(phrase)
        if name in files.values():
            print(f"render_voice: two phrases share the file {name}", file=sys.stderr)
            return 1
        try:
            clip = engine.render(phrase, voice_clip_name(phrase))
        except SpeechError as error:
            print(f"render_voice: {phrase!r}: {error}", file=sys.stderr)
            return 1
        write_wav(clip, out / name)
        files[phrase] = name
    for stale in sorted(set(p.name for p in out.glob("*.wav")) - set(files.values())):
        (out / stale).unlink()
    description = f"{engine.description.split(' at ')[0]}, {engine_version(engine)}"
    (out / MANIFEST_NAME).write_text(Manifest(description, files).to_json(), encoding="utf-8")
    total = sum((out / name).stat().st_size for name in files.values())
    print(f"{len(files)} clips, {total / 1024:.0f} KiB, in {out} ({description})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
