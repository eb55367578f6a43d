"""A runner follows "Learn to run backward" from its first session to complete, headlessly."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from retrotimer.core.programs.builtin_programs import LEARN, builtin_program
from tests.cli_runner import retrotimer

pytestmark = pytest.mark.slow


def proposal(today: date) -> dict[str, object]:
    result = retrotimer("next", "--json", "--today", today.isoformat())
    assert result.returncode == 0, result.stderr
    data: dict[str, object] = json.loads(result.stdout)
    return data


def test_every_session_run_well_reaches_complete_after_exactly_the_planned_number() -> None:
    learn = builtin_program(LEARN)
    assert learn is not None
    today = date.today()
    assert retrotimer("program", "start", LEARN).returncode == 0
    planned = list(learn.all_sessions())
    for number, (week, session, template) in enumerate(planned, start=1):
        proposed = proposal(today)
        assert (proposed["week"], proposed["session"], proposed["complete"]) == (
            week,
            session,
            False,
        ), f"before session {number}"
        run = retrotimer(
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
    assert proposal(today)["decision"] == "rest"
    done = proposal(today + timedelta(days=2))
    assert (done["decision"], done["complete"], done["week"], done["session"]) == (
        "complete",
        True,
        10,
        1,
    )
    assert done["next_program"] == "Backward finishers for runners"
    history = json.loads(retrotimer("history", "list", "--json").stdout)
    assert len(history) == len(planned) == 30
    assert sorted((h["program"]["week"], h["program"]["session"]) for h in history) == [
        (week, session) for week, session, _ in planned
    ]
