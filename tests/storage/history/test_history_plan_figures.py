"""Each session keeps the backward seconds of the plan it was run with: written when it starts
or is imported, read with the list, never taken from a later compile."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from retrotimer.core.history.history_values import HistorySession, plan_backward_s, plan_snapshot
from retrotimer.core.programs.builtin_programs import LEARN, builtin_program
from retrotimer.core.session.plan import compile_plan
from retrotimer.core.settings import Settings
from retrotimer.core.value import replace
from retrotimer.storage.history.history_database import connect_sqlite
from retrotimer.storage.history.history_schema import LATEST_VERSION, migrate
from retrotimer.storage.history.history_store import HistoryStore
from tests.history_samples import session, start

LEARN_PROGRAM = builtin_program(LEARN)
assert LEARN_PROGRAM is not None
LEARN_1_1 = LEARN_PROGRAM.weeks[0].sessions[0]


def slow_plan() -> str:
    return plan_snapshot(compile_plan(LEARN_1_1, Settings(cadence_backward_walk=60)))


def test_a_session_keeps_its_plans_backward_seconds_from_its_start(tmp_path: Path) -> None:
    store = HistoryStore(tmp_path / "history.sqlite")
    store.begin_session(replace(start(0), plan_json=slow_plan()))
    (entry,) = store.list_sessions()
    assert entry.planned_backward_s == 240.0  # 12 x 20 steps at 60 steps a minute
    assert compile_plan(LEARN_1_1, Settings()).backward_s == 144.0
    store.close()


def test_an_imported_session_takes_them_from_the_plan_it_brings(tmp_path: Path) -> None:
    store = HistoryStore(tmp_path / "history.sqlite")
    plain = session(0)
    store.import_sessions([HistorySession(plain.entry, slow_plan(), plain.segments)])
    assert store.list_sessions()[0].planned_backward_s == 240.0
    store.close()


@pytest.mark.parametrize(
    ("plan_json", "seconds"),
    [
        ('{"backward_s": 90.5}', 90.5),
        ('{"backward_s": 3}', 3.0),
        ("{}", 0.0),
        ("not json", 0.0),
        ('{"backward_s": "90"}', 0.0),
        ('{"backward_s": true}', 0.0),
        ('{"backward_s": -5}', 0.0),
        ('{"backward_s": 1e999}', 0.0),
        ("[1, 2]", 0.0),
        ("[" * 100_000, 0.0),
    ],
)
def test_a_plan_no_program_wrote_gives_nothing_rather_than_a_failure(
    plan_json: str, seconds: float
) -> None:
    assert plan_backward_s(plan_json) == seconds


def test_the_migration_fills_in_the_figures_of_sessions_recorded_before(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite"
    with closing(connect_sqlite(path)) as old:
        migrate(old, target=6)
        for number, plan in enumerate((slow_plan(), "{}", "{broken")):
            old.execute(
                "INSERT INTO sessions (id, template_name, plan_json, venue, started_utc, "
                "utc_offset_s, status, planned_s, updated_utc) "
                "VALUES (?, 'Old', ?, 'track', ?, 0, 'completed', 600, 0)",
                (f"{number:032d}", plan, 1_700_000_000.0 + number),
            )
    store = HistoryStore(path)
    figures = sorted(e.planned_backward_s for e in store.list_sessions())
    assert figures == [0.0, 0.0, 240.0]
    store.close()
    with closing(sqlite3.connect(path)) as raw:
        assert raw.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
