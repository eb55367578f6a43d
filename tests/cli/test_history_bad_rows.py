"""A history file holding values it cannot show still lists, exports and counts the rest."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing

import pytest

from retrotimer.cli import main
from retrotimer.storage.history.history_store import HistoryStore
from retrotimer.storage.paths import AppPaths
from tests.history_samples import make_id, segment, session

# Each is written straight into the file, as another program or a hand edit could.
BAD_ROWS = {
    "year 10000": "UPDATE sessions SET started_utc = 253402300800 + 86400 WHERE id = ?",
    "before year 1": "UPDATE sessions SET started_utc = -62135596800 - 86400 WHERE id = ?",
    "an offset of days": "UPDATE sessions SET utc_offset_s = 10 * 86400 WHERE id = ?",
    "an endless time": "UPDATE sessions SET active_s = 9e999 WHERE id = ?",
    "an end in year 10000": "UPDATE sessions SET ended_utc = 253402300800 + 86400 WHERE id = ?",
    "an unknown venue": "UPDATE sessions SET venue = 'moon' WHERE id = ?",
    "text for a number": "UPDATE sessions SET backward_s = 'lots' WHERE id = ?",
    "a plan that is not JSON": "UPDATE sessions SET plan_json = '{' WHERE id = ?",
}


@pytest.mark.parametrize("change", list(BAD_ROWS))
def test_listing_export_and_stats_never_break_on_a_stored_value(
    change: str, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = AppPaths.from_environment().ensure()
    store = HistoryStore(paths.history_db)
    store.import_sessions(
        [session(0, segments=(segment(0),)), session(1, 1_714_953_600.0 + 86_400)]
    )
    store.close()
    with closing(sqlite3.connect(paths.history_db)) as db, db:
        db.execute(BAD_ROWS[change], (make_id(1),))

    assert main(["history", "list"]) == 0
    assert "Sample" in capsys.readouterr().out
    assert main(["history", "list", "--json"]) == 0
    listing = capsys.readouterr()
    shown = [row["id"] for row in json.loads(listing.out)]
    assert make_id(0) in shown
    assert main(["history", "export", "--format", "json"]) == 0
    exported = capsys.readouterr()
    assert make_id(0) in {row["id"] for row in json.loads(exported.out)["sessions"]}
    assert main(["history", "export", "--format", "csv"]) == 0
    assert make_id(0) in capsys.readouterr().out
    assert main(["history", "stats", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["totals"]["sessions"] >= 1
    if make_id(1) not in shown:
        assert "cannot be shown" in listing.err and "kept in the file" in listing.err
    # Nothing was deleted from the file.
    with closing(sqlite3.connect(paths.history_db)) as db:
        assert db.execute("SELECT count(*) FROM sessions").fetchone() == (2,)
