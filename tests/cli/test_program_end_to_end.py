"""A runner follows "Learn to run backward" from its first session to complete, through the
command line: the sessions come in as a backup of what they ran, `next --today` is asked along
the way, and a compressed-speed test run changes nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from retrotimer.core.history.calendar_days import days_from_civil, iso_date
from retrotimer.core.programs.builtin_programs import LEARN, builtin_program
from retrotimer.exchange.history.history_codec import sessions_to_json
from tests.cli_runner import retrotimer
from tests.core.programs.program_history import day, ran, recorded

pytestmark = pytest.mark.slow

MONDAY = days_from_civil(2026, 3, 2)
LEARN_PROGRAM = builtin_program(LEARN)
assert LEARN_PROGRAM is not None


def proposal(today: int) -> dict[str, object]:
    result = retrotimer("next", "--json", "--today", iso_date(today))
    assert result.returncode == 0, result.stderr
    data: dict[str, object] = json.loads(result.stdout)
    return data


def test_every_session_run_well_on_mon_wed_fri_reaches_complete_after_ten_weeks(
    tmp_path: Path,
) -> None:
    assert LEARN_PROGRAM is not None
    start = ("program", "start", LEARN, "--on", iso_date(MONDAY), "--days", "mon,wed,fri")
    assert retrotimer(*start).returncode == 0
    places = list(LEARN_PROGRAM.all_sessions())
    run_on = [7 * (n // 3) + 2 * (n % 3) for n in range(len(places))]  # Mon, Wed, Fri
    sessions = [
        recorded(LEARN_PROGRAM, ran(LEARN_PROGRAM, on, week, session, number=n))
        for n, (on, (week, session, _)) in enumerate(zip(run_on, places, strict=True))
    ]
    backup = tmp_path / "ran.json"
    backup.write_text(sessions_to_json(sessions), encoding="utf-8")
    imported = retrotimer("history", "import", str(backup))
    assert imported.returncode == 0, imported.stderr
    # Asked on each Sunday, the coming week is the next one (after 3 sessions in 7 days, a
    # rest day first).
    for week in range(2, 11):
        sunday = proposal(day(7 * (week - 1) - 1))
        assert (sunday["week"], sunday["session"], sunday["decision"]) == (week, 1, "rest")
    done = proposal(day(run_on[-1] + 3))
    assert (done["decision"], done["complete"], done["week"], done["session"]) == (
        "complete",
        True,
        10,
        1,
    )
    assert done["next_program"] == "Twenty backward minutes"


def test_a_test_run_is_recorded_and_never_counts() -> None:
    assert retrotimer("program", "start", LEARN).returncode == 0
    before = json.loads(retrotimer("next", "--json").stdout)
    run = retrotimer(
        *("run", "--next", "--headless", "--speed", "10000", "--rating", "too hard", "--pain"),
    )
    assert run.returncode == 0, run.stderr
    (entry,) = json.loads(retrotimer("history", "list", "--json").stdout)
    assert entry["test_run"] and entry["program"] == {"name": LEARN, "week": 1, "session": 1}
    after = json.loads(retrotimer("next", "--json").stdout)
    assert after == before
