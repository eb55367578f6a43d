"""`retrotimer diagnose`: the backend in use, and why each of the others was not chosen."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from retrotimer.cli import main
from tests.cli_runner import retrotimer


def diagnose(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    # A process of its own: ALSA and Qt read the sound configuration once per process.
    return retrotimer("diagnose", *args, env=env)


def no_sound_device(tmp_path: Path) -> dict[str, str]:
    """A machine with no sound at all, whatever this one has."""
    alsa = tmp_path / "asound.conf"
    alsa.write_text("pcm.!default {\n  type hw\n  card 99\n}\n")
    return {
        "ALSA_CONFIG_PATH": str(alsa),
        "PULSE_SERVER": f"unix:{tmp_path / 'no-such-socket'}",
        "RETROTIMER_AUDIO": "",
    }


def test_without_a_sound_device_every_reason_is_given(tmp_path: Path) -> None:
    result = diagnose(no_sound_device(tmp_path))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "audio backend in use: silent (chosen by default order)"
    simpleaudio = next(line for line in lines if line.strip().startswith("simpleaudio"))
    assert "unavailable" in simpleaudio
    assert "cannot open the default sound device" in simpleaudio or "not installed" in simpleaudio
    qt = next(line for line in lines if line.strip().startswith("qt "))
    assert "unavailable" in qt and "no audio output device" in qt
    assert "RETROTIMER_AUDIO=qt|simpleaudio|silent" in result.stdout
    # Why the order is what it is, from the measurements.
    assert "default order qt, simpleaudio, silent: the Qt stream comes first" in result.stdout


def test_json_report_and_a_bad_override(tmp_path: Path) -> None:
    env = {**no_sound_device(tmp_path), "RETROTIMER_AUDIO": "loud"}
    result = diagnose(env, "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["backend"] == "silent"
    assert report["order"] == ["qt", "simpleaudio", "silent"]
    assert [b["name"] for b in report["backends"]] == ["qt", "simpleaudio", "silent"]
    assert report["problems"] == [
        "RETROTIMER_AUDIO='loud' ignored: expected one of qt, simpleaudio, silent"
    ]
    assert "bench/audio.py" in report["why_this_order"]
    assert report["voice_phrases"] > 90


def test_a_forced_silent_backend_in_process(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diagnose"]) == 0
    out = capsys.readouterr().out
    assert "audio backend in use: silent (chosen by RETROTIMER_AUDIO=silent)" in out
    assert "not in the order chosen by RETROTIMER_AUDIO=silent" in out
    assert "settings: voice on, beeps on, step ticks off, volume 80 %" in out


def test_the_setting_chooses_when_the_environment_does_not(tmp_path: Path) -> None:
    home = tmp_path / "home"
    (home / "config").mkdir(parents=True)
    (home / "config" / "settings.toml").write_text('audio_backend = "silent"\n')
    result = diagnose({"RETROTIMER_HOME": str(home), "RETROTIMER_AUDIO": ""})
    assert result.stdout.splitlines()[0] == (
        "audio backend in use: silent (chosen by setting audio_backend = silent)"
    )
