"""Open and distance steps in `run --headless`: Enter ends them on a terminal; without one they
end at their estimate or cap, and the output says which. The history keeps what they lasted."""

from __future__ import annotations

import json
import os
import pty
import sqlite3
import subprocess
import threading
from pathlib import Path

import pytest

from retrotimer.cli import main
from retrotimer.storage.paths import AppPaths
from tests.cli_runner import retrotimer, start_retrotimer

TEMPLATE = """# Open steps
5s walk
open backward walk "to the cone"
100 metres max 30s backward jog
5s walk
"""


def template_file(tmp_path: Path) -> Path:
    path = tmp_path / "open-steps.txt"
    path.write_text(TEMPLATE, encoding="utf-8")
    return path


def recorded_lengths() -> list[tuple[int, float, float, int]]:
    with sqlite3.connect(AppPaths.from_environment().history_db) as db:
        return db.execute(
            "SELECT idx, planned_s, actual_s, skipped FROM segments ORDER BY idx"
        ).fetchall()


def test_without_a_terminal_open_steps_end_at_their_estimate_or_cap(tmp_path: Path) -> None:
    result = retrotimer(
        "run",
        str(template_file(tmp_path)),
        "--headless",
        "--speed",
        "20",
        "--json-events",
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 0, result.stderr
    assert "no terminal to press Enter in" in result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    done = [line for line in lines if line["type"] == "segment_done"]
    assert [line.get("ended_by") for line in done] == [
        None,
        "its estimate",
        "its most time",
        None,
    ]
    summary = lines[-1]
    assert [s["actual_s"] for s in summary["segments"]] == [5.0, 30.0, 30.0, 5.0]
    assert recorded_lengths() == [
        (0, 5.0, 5.0, 0),
        (1, 30.0, 30.0, 0),
        (2, 30.0, 30.0, 0),
        (3, 5.0, 5.0, 0),
    ]


def test_on_a_terminal_enter_ends_the_open_step(tmp_path: Path) -> None:
    controller, terminal = pty.openpty()
    process = start_retrotimer(
        "run", str(template_file(tmp_path)), "--headless", "--speed", "20", stdin=terminal
    )
    os.close(terminal)
    # A session that never ends would leave the test waiting on its output: it is killed.
    watchdog = threading.Timer(60, process.kill)
    watchdog.start()
    try:
        assert process.stdout is not None
        seen: list[str] = []
        while not any("press when done" in line for line in seen):
            line = process.stdout.readline()
            assert line, f"the open step never started: {seen}"
            seen.append(line)
        # Its reminders at 0, 10 and 20 s, then on past its 30 s estimate at 30 and 40 s:
        # it still waits, and Enter ends it.
        reminders = 0
        while reminders < 5:
            line = process.stdout.readline()
            assert line, f"the open step ended by itself: {seen}"
            seen.append(line)
            reminders += "shoulder_check" in line
        os.write(controller, b"\n")
        out, err = process.communicate(timeout=60)
    finally:
        watchdog.cancel()
        os.close(controller)
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == 0, err
    assert "end when you press Enter" in err
    output = "".join(seen) + out
    assert "segment_done    to the cone (ended by Enter)" in output
    assert "segment_done    Backward jog (ended by its most time)" in output
    [(index, planned, actual, skipped)] = [row for row in recorded_lengths() if row[0] == 1]
    assert (planned, skipped) == (30.0, 0)
    assert actual >= 40.0


def test_the_plan_table_marks_what_is_reckoned(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["plan", str(template_file(tmp_path))]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "~0:30  backward_walk    to the cone" in lines[3]
    assert "100 m~  backward_jog" in lines[4]
    assert lines[-1].startswith("~ an open or distance step, reckoned at its estimate")
