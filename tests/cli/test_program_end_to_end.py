"""A runner follows "Learn to run backward" from its first session to complete, headlessly."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from retrotimer.core.programs.builtin_programs import LEARN, builtin_program

pytestmark = pytest.mark.slow


def retrotimer(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "RETROTIMER_HOME": str(home)}
    return subprocess.run(
        [sys.executable, "-m", "retrotimer", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )


def proposal(home: Path, today: date) -> dict[str, object]:
    result = retrotimer(home, "next", "--json", "--today", today.isoformat())
    assert result.returncode == 0, result.stderr
    data: dict[str, object] = json.loads(result.stdout)
    return data


def test_every_session_run_well_reaches_complete_after_exactly_the_planned_number(
    private_home: Path,
) -> None:
    learn = builtin_program(LEARN)
    assert learn is not None
    today = date.today()
    assert retrotimer(private_home, "program", "start", LEARN).returncode == 0
    planned = list(learn.all_sessions())
    for number, (week, session, template) in enumerate(planned, start=1):
        proposed = proposal(private_home, today)
        assert (proposed["week"], proposed["session"], proposed["complete"]) == (
            week,
            session,
            False,
        ), f"before session {number}"
        run = retrotimer(
            private_home,
            "run",
            "--next",
            "--headless",
            "--speed",
            "10000",
            "--rating",
            str(1 + number % 3),  # "very easy" to "just right": each done well
            "--near-stumbles",
            str(number % 2),
        )
        assert run.returncode == 0, run.stderr
        assert template.name in run.stdout + run.stderr
    # All of it ran today: the coach says rest today and tomorrow, complete after that.
    assert proposal(private_home, today)["decision"] == "rest"
    done = proposal(private_home, today + timedelta(days=2))
    assert (done["decision"], done["complete"], done["week"], done["session"]) == (
        "complete",
        True,
        10,
        1,
    )
    assert done["next_program"] == "Backward finishers for runners"
    history = json.loads(retrotimer(private_home, "history", "list", "--json").stdout)
    assert len(history) == len(planned) == 30
    assert sorted((h["program"]["week"], h["program"]["session"]) for h in history) == [
        (week, session) for week, session, _ in planned
    ]
