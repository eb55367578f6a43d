"""An idle window costs no sound: nothing of the audio stack before a session, and after one
no stream open and no timer of the audio parts running. Real window, real Qt stream, a
private PulseAudio null sink."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.audio.pulse_sink import PrivatePulse

pytestmark = [pytest.mark.audio, pytest.mark.slow]

TEMPLATE = Path(__file__).parent.parent / "data" / "audio_check.toml"
SETTINGS = "first_run_done = true\nsafety_checklist = false\nget_ready_s = 0\n"

# The window as `retrotimer run FILE --speed 4` opens it; it runs the session, waits for the
# output to close, reports, and closes itself.
SCRIPT = """
import json, sys, time
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from retrotimer.app import run_gui
from retrotimer.core.templates.template_formats import read_template

app = QApplication(sys.argv[:1])
path = Path(sys.argv[1])
template = read_template(path.read_text(encoding="utf-8"), path.name).template
report = {}


def audio_modules():
    return sorted(
        m for m in sys.modules
        if m.startswith(("PySide6.QtMultimedia", "retrotimer.audio.cue_player", "simpleaudio"))
    )


def window():
    return next(w for w in app.topLevelWidgets() if hasattr(w, "run_screen"))


def idle_parts(cues):
    player = cues.built
    backend = player.playback.in_use
    return {
        "backend": backend.name,
        "streaming": backend.streaming,
        "backend_timers": backend.timers_running(),
        "player_timers": sum(t.isActive() for t in player.findChildren(QTimer)),
    }


def started():
    shown = window()
    report["after_start"] = {"built": shown.parts.runs.parts.cues.built is not None,
                             "modules": audio_modules()}
    shown.run_screen.session_ended.connect(ended)
    shown.run_screen.start()


def ended(_run):
    shown = window()
    if shown.summary_dialog is not None:
        QTimer.singleShot(0, shown.summary_dialog.reject)
    cues = shown.parts.runs.parts.cues
    report["at_the_end"] = idle_parts(cues)
    deadline = time.monotonic() + 10.0

    def look():
        parts = idle_parts(cues)
        if parts["streaming"] and time.monotonic() < deadline:
            return
        poller.stop()
        report["after_the_end"] = parts
        shown.close()

    poller = QTimer()
    poller.timeout.connect(look)
    poller.start(100)
    report["poller"] = poller


QTimer.singleShot(500, started)
code = run_gui(sys.argv[:1], template=template, speed=4.0)
report.pop("poller")
print(json.dumps(report))
sys.exit(code)
"""


def run_window(pulse: PrivatePulse, home: Path) -> dict[str, Any]:
    (home / "config").mkdir(parents=True)
    (home / "config" / "settings.toml").write_text(SETTINGS, encoding="utf-8")
    env = {
        **os.environ,
        **pulse.env,
        "QT_QPA_PLATFORM": "offscreen",
        "RETROTIMER_HOME": str(home),
        "RETROTIMER_AUDIO": "qt",
    }
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(TEMPLATE)],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    report: dict[str, Any] = json.loads(result.stdout.strip().splitlines()[-1])
    return report


def test_the_window_opens_no_sound_until_a_session_and_closes_it_after(
    pulse: PrivatePulse, tmp_path: Path
) -> None:
    report = run_window(pulse, tmp_path / "home")
    assert report["after_start"] == {"built": False, "modules": []}
    at_the_end = report["at_the_end"]
    assert at_the_end["backend"] == "qt" and at_the_end["streaming"], "held for the session"
    assert report["after_the_end"] == {
        "backend": "qt",
        "streaming": False,
        "backend_timers": 0,
        "player_timers": 0,
    }


# The Qt backend alone: held and quiet, playing, held and quiet again, let go.
BACKEND_SCRIPT = """
import json, time
from PySide6.QtCore import QCoreApplication, QEventLoop
from retrotimer.audio.qt_backend import QtBackend
from retrotimer.audio.tones import synthesise_tones

app = QCoreApplication([])
backend = QtBackend()
seen = {}


def settle(until):
    deadline = time.monotonic() + 10.0
    while not until() and time.monotonic() < deadline:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        time.sleep(0.02)


def look(name):
    seen[name] = {
        "streaming": backend.streaming,
        "suspended": backend.suspended,
        "timers": backend.timers_running(),
    }


backend.hold(True)
assert backend.wait_ready(10.0)
settle(lambda: backend.timers_running() == 0)
look("held, quiet")
backend.play(synthesise_tones().finish, 0.5)
settle(lambda: backend.timers_running() == 1)
look("playing")
settle(lambda: not backend.busy() and backend.timers_running() == 0)
look("held, quiet again")
backend.hold(False)
settle(lambda: not backend.streaming)
look("let go")
backend.close()
print(json.dumps(seen))
"""


def test_a_held_stream_runs_no_timer_between_sounds(pulse: PrivatePulse) -> None:
    env = {**os.environ, **pulse.env, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", BACKEND_SCRIPT],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {
        "held, quiet": {"streaming": True, "suspended": True, "timers": 0},
        "playing": {"streaming": True, "suspended": False, "timers": 1},
        "held, quiet again": {"streaming": True, "suspended": True, "timers": 0},
        "let go": {"streaming": False, "suspended": False, "timers": 0},
    }
