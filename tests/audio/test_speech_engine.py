"""Platform speech engines: which one is found, how it is called, what it renders."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from retrotimer.audio.pcm import SOUND_RATE, rms
from retrotimer.audio.speech_engine import (
    EngineKind,
    NothingSpoken,
    SpeechEngine,
    SpeechError,
    find_engines,
)

OUT = Path("/tmp/out.wav")


def which_from(*present: str) -> Callable[[str], str | None]:
    return lambda program: f"/usr/bin/{program}" if program in present else None


def test_linux_prefers_flite_then_espeak_ng() -> None:
    both = find_engines("linux", which_from("flite", "espeak-ng"))
    assert [e.kind for e in both] == [EngineKind.FLITE, EngineKind.ESPEAK_NG]
    only_espeak = find_engines("linux", which_from("espeak-ng"))
    assert [e.kind for e in only_espeak] == [EngineKind.ESPEAK_NG]
    assert find_engines("linux", which_from()) == ()


def test_macos_uses_say_and_windows_sapi_through_powershell() -> None:
    mac = find_engines("darwin", which_from("say", "flite"))
    assert mac == (SpeechEngine(EngineKind.SAY, "/usr/bin/say"),)
    windows = find_engines("win32", which_from("powershell", "pwsh"))
    assert windows == (SpeechEngine(EngineKind.SAPI, "/usr/bin/powershell"),)


def test_the_text_never_becomes_part_of_a_command_line_it_could_break() -> None:
    label = "'; Remove-Item -Recurse C:\\ ; '"
    sapi = SpeechEngine(EngineKind.SAPI, "powershell").invocation(label, OUT)
    assert all(label not in arg for arg in sapi.args)
    assert sapi.env == {"RETROTIMER_SPEECH_TEXT": label, "RETROTIMER_SPEECH_OUT": str(OUT)}
    say = SpeechEngine(EngineKind.SAY, "say").invocation("-v Zarvox", OUT)
    assert say.stdin == "-v Zarvox" and "-v Zarvox" not in say.args
    espeak = SpeechEngine(EngineKind.ESPEAK_NG, "espeak-ng").invocation("--help", OUT)
    assert espeak.stdin == "--help" and "--stdin" in espeak.args
    flite = SpeechEngine(EngineKind.FLITE, "flite").invocation("-o elsewhere", OUT)
    assert flite.args[flite.args.index("-t") + 1] == "-o elsewhere"
    assert flite.args[-2:] == ("-o", str(OUT))


@pytest.mark.parametrize("kind", [EngineKind.FLITE, EngineKind.ESPEAK_NG])
def test_a_real_engine_renders_a_label(kind: EngineKind) -> None:
    program = shutil.which(kind.value)
    if program is None:
        pytest.skip(f"{kind.value} is not installed (packaging/system-deps.sh installs it)")
    clip = SpeechEngine(kind, program).render("zigzag drill", "label:zigzag drill")
    assert clip.rate == SOUND_RATE  # espeak-ng speaks at 22.05 kHz: resampled
    assert 0.4 < clip.duration_s < 3.0
    assert rms(clip) > 2000


def test_a_broken_engine_says_what_went_wrong(tmp_path: Path) -> None:
    script = tmp_path / "flite"
    script.write_text("#!/bin/sh\necho 'voice slt not found' >&2\nexit 3\n")
    script.chmod(0o755)
    with pytest.raises(SpeechError, match="voice slt not found"):
        SpeechEngine(EngineKind.FLITE, str(script)).render("go", "x")
    with pytest.raises(SpeechError, match="No such file|not found|Errno"):
        SpeechEngine(EngineKind.FLITE, str(tmp_path / "absent")).render("go", "x")


def test_an_engine_that_says_nothing_is_told_apart(tmp_path: Path) -> None:
    program = shutil.which("espeak-ng")
    if program is None:
        pytest.skip("espeak-ng is not installed (packaging/system-deps.sh installs it)")
    with pytest.raises(NothingSpoken):
        SpeechEngine(EngineKind.ESPEAK_NG, program).render("   ", "x")
