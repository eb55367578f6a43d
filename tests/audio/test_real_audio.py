"""Real sound through a private PulseAudio null sink: cues on time, complete, never stopping.

A headless run (the real controller under a QCoreApplication, the real cue player and
backend) plays a session of about 11 s into the sink while `parec` records its monitor.
The template is made so that no two cues sound within 0.3 s of each other: each cue is a
burst of sound in the recording, whose start is its onset and whose length is its sound.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import pytest

from retrotimer.audio.pcm import Clip, rms, samples_of
from retrotimer.audio.speech_queue import PHRASE_GAP_S, SENTENCE_GAP_S
from retrotimer.audio.tones import FINISH, go_name, pip_name, synthesise_tones
from retrotimer.audio.voice import VoiceLibrary
from retrotimer.core.model import Direction
from tests.audio.pulse_sink import Burst, PrivatePulse, Recording, bursts, missing_tools

pytestmark = [pytest.mark.audio, pytest.mark.slow]

TEMPLATE = Path(__file__).parent.parent / "data" / "audio_check.toml"
SETTINGS = "get_ready_s = 2\ncountdown_pips = 1\nnext_up = false\n"
ONSET_TOLERANCE_S = 0.060
LENGTH_TOLERANCE_S = 0.15
SOUNDING = {"get_ready", "countdown", "announce", "turn_around", "finish"}

VOICE = VoiceLibrary.load()
TONES = synthesise_tones().by_name()


def sentence(*phrases: str) -> float:
    clips = [VOICE.clip(p) for p in phrases]
    assert all(clip is not None for clip in clips)
    return sum(c.duration_s for c in clips if c) + PHRASE_GAP_S * (len(phrases) - 1)


def tone(name: str) -> float:
    return TONES[name].duration_s


# What each cue moment of the audio-check template sounds like, and for how long: tones
# start at once, words after the tone, a second sentence after the first.
EXPECTED_LENGTHS = {
    -2.0: sentence("get ready"),
    -1.0: tone(pip_name(Direction.BACKWARD)),
    0.0: tone(go_name(Direction.BACKWARD))
    + sentence("backward walk", "6", "seconds")
    + SENTENCE_GAP_S
    + sentence("look over your shoulder"),
    5.0: tone(pip_name(Direction.NONE)),
    6.0: max(
        tone(go_name(Direction.NONE)),
        sentence("stop and turn around") + SENTENCE_GAP_S + sentence("walk", "5", "seconds"),
    ),
    10.0: tone(pip_name(Direction.NONE)),
    11.0: tone(FINISH) + sentence("session complete"),
}


def environment(pulse: PrivatePulse, home: Path, backend: str) -> dict[str, str]:
    (home / "config").mkdir(parents=True, exist_ok=True)
    (home / "config" / "settings.toml").write_text(SETTINGS, encoding="utf-8")
    return {
        **os.environ,
        **pulse.env,
        "RETROTIMER_AUDIO": backend,
        "RETROTIMER_HOME": str(home),
        "QT_QPA_PLATFORM": "offscreen",
    }


def retrotimer(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "retrotimer", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def backend_in_use(env: dict[str, str]) -> str:
    result = retrotimer(env, "diagnose", "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    return str(report["backend"])


def loudness(recording: Recording, burst: Burst) -> float:
    samples = recording.snapshot()
    first = int((burst.start - recording.start_time) * recording.rate)
    last = int((burst.end - recording.start_time) * recording.rate)
    return rms(Clip("burst", samples[first:last].tobytes(), recording.rate))


@pytest.mark.parametrize("backend", ["simpleaudio", "qt"])
def test_a_session_sounds_every_cue_on_time_and_whole(
    pulse: PrivatePulse, tmp_path: Path, backend: str
) -> None:
    env = environment(pulse, tmp_path / "home", backend)
    in_use = backend_in_use(env)
    assert in_use == backend, (
        f"{backend} did not start (diagnose chose {in_use}); for simpleaudio, `make test` "
        "builds simpleaudio-patched, which needs gcc, libasound2-dev and the Python headers"
    )
    with pulse.recording() as recording:
        result = retrotimer(env, "run", str(TEMPLATE), "--headless", "--json-events")
        time.sleep(0.3)  # the monitor delivers the last milliseconds a little later
    assert result.returncode == 0, result.stderr
    assert "failed" not in result.stderr, result.stderr  # no fallback happened
    events = [json.loads(line) for line in result.stdout.splitlines()][:-1]
    moments = sorted({e["scheduled_s"] for e in events if e["type"] in SOUNDING})
    assert moments == sorted(EXPECTED_LENGTHS)

    found = bursts(recording, min_silence_s=0.3)
    starts = [round(b.start - found[0].start, 3) for b in found]
    assert len(found) == len(moments), f"cue onsets {moments}, sounds heard at {starts}"
    offsets = [burst.start - moment for burst, moment in zip(found, moments, strict=True)]
    median = statistics.median(offsets)
    late = [round((offset - median) * 1000) for offset in offsets]
    assert all(abs(ms) <= ONSET_TOLERANCE_S * 1000 for ms in late), f"ms off schedule: {late}"

    for burst, moment in zip(found, moments, strict=True):
        expected = EXPECTED_LENGTHS[moment]
        assert burst.length == pytest.approx(expected, abs=LENGTH_TOLERANCE_S), moment
        assert loudness(recording, burst) > 1000, moment  # sound, not a whisper


@pytest.mark.parametrize("backend", ["simpleaudio", "qt"])
def test_a_sound_server_that_dies_does_not_stop_the_session(tmp_path: Path, backend: str) -> None:
    # A daemon of its own: this test kills it halfway through the session.
    if missing_tools():
        pytest.skip(f"real-audio tests need PulseAudio ({', '.join(missing_tools())} not found)")
    pulse = PrivatePulse(tmp_path / "pulse")
    pulse.start()
    try:
        env = environment(pulse, tmp_path / "home", backend)
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "retrotimer",
                "run",
                str(TEMPLATE),
                "--headless",
                "--json-events",
            ],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert process.stdout is not None
        for line in process.stdout:
            if json.loads(line)["type"] == "shoulder_check":
                break
        pulse.stop()
        out, err = process.communicate(timeout=60)
    finally:
        pulse.stop()
    assert process.returncode == 0, err
    last = json.loads(out.strip().splitlines()[-1])
    assert last["type"] == "summary" and last["status"] == "finished"
    # Logged once, then the session goes on without sound (the server is gone for all).
    assert err.count(f"audio: {backend} failed") == 1, err
    assert "playing through silent from now on" in err
    assert "Traceback" not in err


def test_the_voice_clips_play_at_their_length(
    pulse: PrivatePulse, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Through simpleaudio in this process: each phrase sounds as long as its clip.
    from retrotimer.audio.simpleaudio_backend import SimpleaudioBackend

    for name, value in pulse.env.items():
        monkeypatch.setenv(name, value)
    backend = SimpleaudioBackend()
    phrases = ["look over your shoulder", "hold the rails", "session complete", "15"]
    with pulse.recording() as recording:
        moments = []
        for phrase in phrases:
            clip = VOICE.clip(phrase)
            assert clip is not None and rms(clip) > 0
            moments.append(time.monotonic())
            backend.play(clip, 1.0)
            time.sleep(clip.duration_s + 0.5)
    backend.close()
    found = bursts(recording, min_silence_s=0.3)
    assert len(found) == len(phrases)
    for burst, phrase in zip(found, phrases, strict=True):
        clip = VOICE.clip(phrase)
        assert clip is not None
        assert burst.length == pytest.approx(clip.duration_s, abs=0.08), phrase
        assert max(abs(s) for s in samples_of(clip)) > 20000


def test_with_a_sound_server_simpleaudio_plays_and_qt_stands_by(pulse: PrivatePulse) -> None:
    env = {**os.environ, **pulse.env, "RETROTIMER_AUDIO": "", "QT_QPA_PLATFORM": "offscreen"}
    result = retrotimer(env, "diagnose", "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    states = {b["name"]: (b["state"], b["detail"]) for b in report["backends"]}
    assert report["backend"] == "simpleaudio", states
    assert states["qt"] == ("fallback", "would start if needed")
    assert backend_in_use({**env, "RETROTIMER_AUDIO": "qt"}) == "qt"
