"""The platform's own speech engines (flite, espeak-ng, say, SAPI) turning text into a clip."""

from __future__ import annotations

import enum
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from retrotimer.audio.pcm import (
    SOUND_RATE,
    AudioFileError,
    Clip,
    normalised,
    read_wav,
    resampled,
    trimmed,
)
from retrotimer.core.value import value

RENDER_TIMEOUT_S = 30.0
# Speech peaks a little under full scale: as loud as it can be without clipping.
VOICE_PEAK = 0.89

_SAPI_SCRIPT = (
    "Add-Type -AssemblyName System.Speech; "
    "$s = New-Object System.Speech.Synthesis.SpeechSynthesizer; "
    "$f = New-Object System.Speech.AudioFormat.SpeechAudioFormatInfo(16000, "
    "[System.Speech.AudioFormat.AudioBitsPerSample]::Sixteen, "
    "[System.Speech.AudioFormat.AudioChannel]::Mono); "
    "$s.SetOutputToWaveFile($env:RETROTIMER_SPEECH_OUT, $f); "
    "$s.Speak($env:RETROTIMER_SPEECH_TEXT); $s.Dispose()"
)


class EngineKind(enum.Enum):
    FLITE = "flite"
    ESPEAK_NG = "espeak-ng"
    SAY = "say"
    SAPI = "sapi"


class SpeechError(Exception):
    """An engine that failed to render a phrase, with what it said."""


class NothingSpoken(SpeechError):
    """The engine ran but produced only silence for this text (the engine itself works)."""


@value
class Invocation:
    """How to run an engine once: arguments, text on standard input, extra environment."""

    args: tuple[str, ...]
    stdin: str | None
    env: dict[str, str]


@value
class SpeechEngine:
    """An engine found on this machine."""

    kind: EngineKind
    program: str

    @property
    def description(self) -> str:
        names = {
            EngineKind.FLITE: "flite (voice slt)",
            EngineKind.ESPEAK_NG: "espeak-ng",
            EngineKind.SAY: "macOS say",
            EngineKind.SAPI: "Windows SAPI (PowerShell)",
        }
        return f"{names[self.kind]} at {self.program}"

    def invocation(self, text: str, output: Path) -> Invocation:
        """The command that writes `text` as speech to the WAV file `output`."""
        out = str(output)
        if self.kind is EngineKind.FLITE:
            return Invocation((self.program, "-voice", "slt", "-t", text, "-o", out), None, {})
        if self.kind is EngineKind.ESPEAK_NG:
            return Invocation((self.program, "-v", "en-us", "-w", out, "--stdin"), text, {})
        if self.kind is EngineKind.SAY:
            return Invocation(
                (self.program, "--file-format=WAVE", "--data-format=LEI16@16000", "-o", out),
                text,
                {},
            )
        # The text travels in the environment, never inside the script: no quoting to escape.
        return Invocation(
            (self.program, "-NoProfile", "-NonInteractive", "-Command", _SAPI_SCRIPT),
            None,
            {"RETROTIMER_SPEECH_TEXT": text, "RETROTIMER_SPEECH_OUT": out},
        )

    def render(self, text: str, name: str) -> Clip:
        """Speak `text` into a clip: trimmed of silence and brought to a common loudness."""
        with tempfile.TemporaryDirectory(prefix="retrotimer-speech-") as scratch:
            output = Path(scratch) / "speech.wav"
            call = self.invocation(text, output)
            try:
                result = subprocess.run(
                    call.args,
                    input=call.stdin,
                    env={**os.environ, **call.env},
                    capture_output=True,
                    text=True,
                    timeout=RENDER_TIMEOUT_S,
                    check=False,
                )
            except (OSError, subprocess.TimeoutExpired) as error:
                raise SpeechError(f"{self.description}: {error}") from None
            if result.returncode != 0 or not output.is_file():
                message = result.stderr.strip() or f"exit status {result.returncode}"
                raise SpeechError(f"{self.description}: {message}")
            try:
                clip = read_wav(output, name)
            except AudioFileError as error:
                raise SpeechError(f"{self.description}: {error}") from None
        clip = normalised(trimmed(resampled(clip, SOUND_RATE)), VOICE_PEAK)
        if clip.frames == 0:
            raise NothingSpoken(f"{self.description}: rendered only silence for {text!r}")
        return clip


def find_engines(
    platform: str = sys.platform, which: Callable[[str], str | None] = shutil.which
) -> tuple[SpeechEngine, ...]:
    """The engines present, best first: Linux flite then espeak-ng, macOS say, Windows SAPI."""
    if platform == "darwin":
        wanted = [(EngineKind.SAY, "say")]
    elif platform == "win32":
        wanted = [(EngineKind.SAPI, "powershell"), (EngineKind.SAPI, "pwsh")]
    else:
        wanted = [(EngineKind.FLITE, "flite"), (EngineKind.ESPEAK_NG, "espeak-ng")]
    engines: list[SpeechEngine] = []
    for kind, program in wanted:
        path = which(program)
        if path and all(engine.kind is not kind for engine in engines):
            engines.append(SpeechEngine(kind, path))
    return tuple(engines)
