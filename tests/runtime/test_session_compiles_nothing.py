"""Once a session is prepared, running it compiles nothing: every record it makes already has
its constructor (retrotimer.core.value compiles one when its first instance is made)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from retrotimer.core.settings import Settings
from retrotimer.core.value import compile_constructors, value
from tests.runtime.test_session_run import make

ROOT = Path(__file__).resolve().parents[2]

# A fresh process (one where no record was ever made) prepares a session as the window does,
# then runs it to the end on a fake clock, recording into a real history file, and reports
# what Python compiled once the session started.
SCRIPT = """
import json, sys
from pathlib import Path
compiled = []
watching = False


def watch(event, args):
    if watching and event == "compile":
        compiled.append(str(args[0])[:80])


sys.addaudithook(watch)
from PySide6.QtCore import QCoreApplication
from retrotimer.core.session.session_machine import SessionState
from retrotimer.core.settings import Settings
from retrotimer.runtime.session_runs import SessionRuns
from retrotimer.storage.history.history_store import HistoryStore
from tests.runtime.test_session_run import make

app = QCoreApplication([])
store = HistoryStore(Path(sys.argv[1]))
sample, clock = make(store)
runs = SessionRuns(sample._parts)
run = runs.prepare(sample.plan, Settings(get_ready_s=0))
watching = True
run.start()
while run.controller is not None and run.state is not SessionState.FINISHED:
    clock.now += 0.25
    run.controller.poll()
watching = False
saved = [entry.status.name for entry in store.list_sessions()]
print(json.dumps({"compiled": compiled, "state": run.state.name, "saved": saved}))
"""


def test_a_prepared_session_runs_to_its_end_without_compiling(tmp_path: Path) -> None:
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(tmp_path / "history.sqlite")],
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    found = json.loads(out.stdout.splitlines()[-1])
    assert (found["state"], found["saved"]) == ("FINISHED", ["COMPLETED"])
    assert found["compiled"] == []


def test_preparing_a_session_compiles_the_constructors_not_yet_made(tmp_path: Path) -> None:
    @value
    class Fresh:
        seconds: float

    from retrotimer.runtime.session_runs import SessionRuns

    sample, _clock = make(None)
    SessionRuns(sample._parts).prepare(sample.plan, Settings())
    assert compile_constructors() == 0, "preparing left a constructor to compile"
    assert Fresh(1.0).seconds == 1.0
