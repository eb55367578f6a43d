"""Real sound through a private PulseAudio null sink at its default latency, one core busy.

A headless run (the real controller, cue player and backend) plays a step-counted session
into the sink while `parec` records its monitor and a burner process keeps a core busy.
The recording is searched for the shipped clips themselves: every safety phrase must be
found whole, on time (within 150 ms of where the speech plan puts it) and not stretched.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from retrotimer.audio.clip_timing import speech_timing
from retrotimer.audio.playback import BACKEND_ORDER
from retrotimer.audio.tones import synthesise_tones
from retrotimer.audio.voice import VoiceLibrary
from retrotimer.core.model import Direction
from retrotimer.core.session.cue_script import script_cues
from retrotimer.core.session.cue_sounds import SAFETY_CUES, upcoming_direction
from retrotimer.core.session.plan import Cue, CueType, Plan, compile_plan
from retrotimer.core.session.session_machine import get_ready_cues
from retrotimer.core.session.speech_plan import PHRASE_GAP_S, SpeechPlan
from retrotimer.core.session.tone_names import FINISH, go_name, pip_name
from retrotimer.core.settings import Settings
from retrotimer.core.templates.template_formats import read_template
from tests.audio.hearing import MATCH, Hearing, audible
from tests.audio.pulse_sink import PrivatePulse, busy_core, missing_tools
from tests.cli_runner import retrotimer, start_retrotimer

pytestmark = [pytest.mark.audio, pytest.mark.slow]

TEMPLATE = Path(__file__).parent.parent / "data" / "step_session.toml"
# 11 s, for the tests that need a session but not its words.
SHORT_TEMPLATE = Path(__file__).parent.parent / "data" / "audio_check.toml"
SETTINGS = Settings(get_ready_s=5, countdown_pips=3)
SETTINGS_TOML = "get_ready_s = 5\ncountdown_pips = 3\n"
ON_TIME_S = 0.150
MAX_STRETCH = 1.10
# Every backend that is the first choice anywhere (one order for every platform).
DEFAULT_BACKENDS = [BACKEND_ORDER[0]]

VOICE = VoiceLibrary.load()
TONES = synthesise_tones().by_name()


def environment(pulse: PrivatePulse, home: Path, backend: str) -> dict[str, str]:
    (home / "config").mkdir(parents=True, exist_ok=True)
    (home / "config" / "settings.toml").write_text(SETTINGS_TOML, encoding="utf-8")
    return {
        **os.environ,
        **pulse.env,
        "RETROTIMER_AUDIO": backend,
        "RETROTIMER_HOME": str(home),
        "QT_QPA_PLATFORM": "offscreen",
    }


def backend_in_use(env: dict[str, str]) -> str:
    result = retrotimer("diagnose", "--json", env=env)
    assert result.returncode == 0, result.stderr
    return str(json.loads(result.stdout)["backend"])


def session_plan() -> tuple[Plan, SpeechPlan]:
    reading = read_template(TEMPLATE.read_text(encoding="utf-8"), TEMPLATE.name)
    assert reading.template is not None
    plan = compile_plan(reading.template, SETTINGS)
    get_ready = get_ready_cues(SETTINGS.get_ready_s, SETTINGS.countdown_pips)
    return plan, script_cues(plan, get_ready, SETTINGS, speech_timing(VOICE, TONES)).speech


@dataclass
class HeadlessRun:
    events: list[dict[str, Any]]
    stderr: str
    hearing: Hearing
    # When the session's position 0 was, on the monotonic clock.
    zero: float


def run_session(pulse: PrivatePulse, home: Path, backend: str) -> HeadlessRun:
    env = environment(pulse, home, backend)
    arrivals: list[float] = []
    events: list[dict[str, Any]] = []
    with (
        busy_core(),
        pulse.recording() as recording,
        start_retrotimer(
            "run", str(TEMPLATE), "--headless", "--json-events", "--no-history", env=env
        ) as process,
    ):
        assert process.stdout is not None and process.stderr is not None
        for line in process.stdout:
            arrivals.append(time.monotonic())
            events.append(json.loads(line))
        stderr = process.stderr.read()
        process.wait(timeout=60)
        time.sleep(0.5)  # the monitor delivers the last milliseconds a little later
    assert process.returncode == 0, stderr
    assert events[-1]["type"] == "summary" and events[-1]["status"] == "finished"
    timed = list(zip(events[:-1], arrivals, strict=False))
    # A line is read after its event fired, never before: the earliest is the closest.
    zero = min(arrived - event["actual_s"] for event, arrived in timed)
    recording.settle(after=arrivals[0], before=arrivals[-2])
    return HeadlessRun(events[:-1], stderr, Hearing(recording), zero)


def check_heard(run: HeadlessRun, clip_name: str, at_s: float, what: str) -> None:
    """The phrase is in the recording whole, within ON_TIME_S of `at_s`, and not stretched."""
    clip = VOICE.clip(clip_name)
    assert clip is not None, clip_name
    moment = run.zero + at_s
    heard = run.hearing.find(clip, moment - 0.3, moment + 0.5)
    if heard is None:
        found, score = run.hearing.find_part(audible(clip), moment - 0.3, moment + 0.5)
        pytest.fail(
            f"{what}: {clip_name!r} due at {at_s:.2f} s was not heard whole (best match "
            f"{score:.2f} at {(found - moment) * 1000:+.0f} ms)"
        )
    late = heard.start - moment
    assert abs(late) <= ON_TIME_S, f"{what}: {clip_name!r} {late * 1000:.0f} ms off schedule"
    assert heard.stretch <= MAX_STRETCH, f"{what}: {clip_name!r} took {heard.stretch:.2f}x"


def check_tone(run: HeadlessRun, tone: str, at_s: float, what: str) -> None:
    """The tone is in the recording, starting within ON_TIME_S of `at_s`.

    Pips may sound over a next-up sentence and words follow a tone closely, so a tone is
    found by its first tenth of a second: where it starts is what is checked.
    """
    moment = run.zero + at_s
    onset = audible(TONES[tone])[: TONES[tone].rate // 10]
    found, score = run.hearing.find_part(onset, moment - 0.3, moment + 0.5)
    assert score >= MATCH, f"{what}: {tone!r} due at {at_s:.2f} s was not heard"
    late = found - moment
    assert abs(late) <= ON_TIME_S, f"{what}: {tone!r} {late * 1000:.0f} ms off schedule"


def first_sound(cue: Cue, plan: Plan) -> str | None:
    """The tone a cue opens with under SETTINGS (beeps on), or None for words alone."""
    if cue.type is CueType.COUNTDOWN:
        return pip_name(upcoming_direction(cue, plan))
    if cue.type is CueType.ANNOUNCE:
        return go_name(plan.segments[cue.segment_index].kind.direction)
    if cue.type is CueType.FINISH:
        return FINISH
    return None


@pytest.mark.parametrize("backend", DEFAULT_BACKENDS)
def test_a_step_counted_session_is_heard_word_for_word_on_time_under_load(
    pulse: PrivatePulse, tmp_path: Path, backend: str
) -> None:
    env = environment(pulse, tmp_path / "home", backend)
    in_use = backend_in_use(env)
    assert in_use == backend, (
        f"{backend} did not start (diagnose chose {in_use}); for simpleaudio, `make test` "
        "builds simpleaudio-patched, which needs gcc, libasound2-dev and the Python headers"
    )
    plan, speech = session_plan()
    run = run_session(pulse, tmp_path / "home", backend)
    assert "failed" not in run.stderr, run.stderr  # no fallback happened
    fired = {(e["type"], round(e["scheduled_s"], 3)) for e in run.events}
    cues = [*get_ready_cues(SETTINGS.get_ready_s, SETTINGS.countdown_pips), *plan.cues]
    assert all((c.type.value, round(c.at_s, 3)) in fired for c in cues)

    # Every safety phrase, whole and on time.
    safety = [line for line in speech.lines if line.cue.type in SAFETY_CUES]
    assert len(safety) >= 2 * 2  # a shoulder check and a turn cue per backward walk
    for line in safety:
        check_heard(run, line.phrases[0], line.start_s, f"{line.cue.type.value} {line.cue.at_s}")
    # Get ready, its pips, and every tone a cue opens with.
    for cue in cues:
        tone = first_sound(cue, plan)
        if tone is not None:
            check_tone(run, tone, cue.at_s, f"{cue.type.value} {cue.at_s}")
    # Every phrase of every sentence (get ready among them) where the speech plan put it,
    # whole and at its length; a phrase a countdown pip sounds over cannot match whole and
    # is left to the sentence's other phrases.
    tones = [cue.at_s for cue in cues if first_sound(cue, plan) is not None]
    checked = 0
    for line in speech.lines:
        at = line.start_s
        for phrase in line.phrases:
            clip = VOICE.clip(phrase)
            assert clip is not None
            end = at + clip.duration_s
            if not any(at - 0.2 < tone < end for tone in tones):
                check_heard(run, phrase, at, f"{line.cue.type.value} {line.cue.at_s}")
                checked += 1
            at = end + PHRASE_GAP_S
    assert checked >= 0.8 * sum(len(line.phrases) for line in speech.lines)
    assert any(line.cue.type is CueType.GET_READY for line in speech.lines)


@pytest.mark.parametrize("backend", ["simpleaudio", "qt"])
def test_a_sound_server_that_dies_does_not_stop_the_session(tmp_path: Path, backend: str) -> None:
    # A daemon of its own: this test kills it halfway through the session.
    if missing_tools():
        pytest.skip(f"real-audio tests need PulseAudio ({', '.join(missing_tools())} not found)")
    pulse = PrivatePulse(tmp_path / "pulse")
    pulse.start()
    try:
        env = environment(pulse, tmp_path / "home", backend)
        with start_retrotimer(
            "run", str(SHORT_TEMPLATE), "--headless", "--json-events", "--no-history", env=env
        ) as process:
            assert process.stdout is not None
            for line in process.stdout:
                if json.loads(line)["type"] == "shoulder_check":
                    break
            pulse.stop()
            out, err = process.communicate(timeout=90)
    finally:
        pulse.stop()
    assert process.returncode == 0, err
    last = json.loads(out.strip().splitlines()[-1])
    assert last["type"] == "summary" and last["status"] == "finished"
    # Logged once, then the session goes on without sound (the server is gone for all).
    assert err.count(f"audio: {backend} failed") == 1, err
    assert "playing through silent from now on" in err
    assert "Traceback" not in err


def test_with_a_sound_server_the_qt_stream_plays_and_diagnose_says_why(
    pulse: PrivatePulse,
) -> None:
    env = {**os.environ, **pulse.env, "RETROTIMER_AUDIO": "", "QT_QPA_PLATFORM": "offscreen"}
    result = retrotimer("diagnose", "--json", env=env)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    states = {b["name"]: (b["state"], b["detail"]) for b in report["backends"]}
    assert report["backend"] == BACKEND_ORDER[0], states
    assert states["simpleaudio"][0] == "fallback", states
    assert "Qt stream comes first" in report["why_this_order"]
    text = retrotimer("diagnose", env=env)
    assert "Qt stream comes first" in text.stdout


# The cue player as a session opens it: load a plan, hold the output, wait until ready, then
# the first sound.
READY_SCRIPT = """
import json, sys, time
from pathlib import Path
from PySide6.QtCore import QCoreApplication
from retrotimer.core.session.cue_sounds import CueSound
from retrotimer.audio.startup import open_cue_player
from retrotimer.audio.tones import pip_name
from retrotimer.core.model import Direction, Length, Segment, SegmentKind, Template
from retrotimer.core.session.plan import compile_plan
from retrotimer.core.settings import Settings

app = QCoreApplication([])
settings = Settings(audio_backend=sys.argv[1])
player = open_cue_player(settings, Path(sys.argv[2]))
plan = compile_plan(Template("One", (Segment(SegmentKind.WALK, Length.seconds(5)),)), settings)
player.load(plan, ())
player.hold(True)
waited = time.monotonic()
ready = player.wait_ready(5.0)
played = time.monotonic()
player.play_sound(CueSound(tone=pip_name(Direction.NONE)))
print(json.dumps({"ready": ready, "waited_s": played - waited, "played": played}), flush=True)
player.drain(3.0)
player.close()
"""


@pytest.mark.parametrize("backend", DEFAULT_BACKENDS)
def test_after_wait_ready_the_first_sound_is_heard_on_time_under_load(
    pulse: PrivatePulse, tmp_path: Path, backend: str
) -> None:
    env = {**environment(pulse, tmp_path / "home", backend), "RETROTIMER_AUDIO": ""}
    with busy_core(), pulse.recording() as recording:
        result = subprocess.run(
            [sys.executable, "-c", READY_SCRIPT, backend, str(tmp_path / "cache")],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        time.sleep(0.5)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["ready"], result.stderr
    recording.settle(after=report["played"] - 0.2, before=report["played"] + 1.0)
    found, score = Hearing(recording).find_part(
        audible(TONES[pip_name(Direction.NONE)]), report["played"] - 0.3, report["played"] + 1.0
    )
    assert score >= MATCH, "the first sound after wait_ready was not heard"
    assert abs(found - report["played"]) <= ON_TIME_S, found - report["played"]
