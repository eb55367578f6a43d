"""Several processes opening an old history at once: one upgrades it, the others wait and read."""

from __future__ import annotations

import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest

from retrotimer.storage.history.history_database import connect_sqlite
from retrotimer.storage.history.history_schema import LATEST_VERSION, migrate, schema_version
from retrotimer.storage.history.history_store import HistoryStore
from tests.storage.history.test_history_schema import DATA_AT_VERSION

PROCESSES = 8
# Each child waits for the "go" file, then opens the history and prints what it lists.
OPENER = """
import sys, time
from pathlib import Path
from retrotimer.storage.history.history_store import HistoryStore
database, folder, number = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
(folder / f"ready-{number}").touch()
while not (folder / "go").exists():
    time.sleep(0.001)
store = HistoryStore(database)
print(len(store.list_sessions()))
store.close()
"""


def open_at_once(database: Path, folder: Path) -> list[tuple[int, str, str]]:
    children = [
        subprocess.Popen(
            [sys.executable, "-c", OPENER, str(database), str(folder), str(number)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for number in range(PROCESSES)
    ]
    deadline = time.monotonic() + 60
    while len(list(folder.glob("ready-*"))) < PROCESSES and time.monotonic() < deadline:
        time.sleep(0.01)
    (folder / "go").touch()
    results = []
    for child in children:
        out, err = child.communicate(timeout=120)
        results.append((child.returncode, out.strip(), err.strip()))
    return results


@pytest.mark.slow
@pytest.mark.parametrize("version", [0, 1, LATEST_VERSION - 1])
def test_parallel_first_opens_of_an_old_history_all_succeed(tmp_path: Path, version: int) -> None:
    database = tmp_path / "data" / "history.sqlite"
    database.parent.mkdir()
    with closing(connect_sqlite(database)) as old:
        migrate(old, target=version)
        for statement in DATA_AT_VERSION[version]:
            old.execute(statement)
    sessions = "1" if version >= 1 else "0"

    results = open_at_once(database, tmp_path)

    assert results == [(0, sessions, "")] * PROCESSES
    store = HistoryStore(database)
    assert schema_version(store.database.connection()) == LATEST_VERSION
    assert len(store.list_sessions()) == int(sessions)
    store.close()
