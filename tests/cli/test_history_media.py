"""The history on read-only media: listing and export still work; writing is refused clearly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from retrotimer.storage.history.history_store import HistoryStore
from retrotimer.storage.paths import AppPaths
from tests.cli_runner import retrotimer
from tests.history_samples import make_id, segment, session
from tests.storage.disk_faults import make_read_only, make_writable, small_disk


@pytest.mark.slow
def test_list_and_export_run_on_read_only_media(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with small_disk(tmp_path / "stick", size_kb=4096) as stick:
        monkeypatch.setenv("RETROTIMER_HOME", str(stick / "home"))
        paths = AppPaths.from_environment().ensure()
        store = HistoryStore(paths.history_db)
        store.import_sessions([session(0, segments=(segment(0), segment(1)))])
        store.close()
        make_read_only(stick)
        csv = str(tmp_path / "h.csv")
        try:
            listing = retrotimer("history", "list", "--json")
            exported = retrotimer("history", "export", "--format", "json")
            saved = retrotimer("history", "export", "--format", "csv", "-o", csv)
            stats = retrotimer("history", "stats")
            refused = retrotimer("history", "import", csv)
        finally:
            make_writable(stick)
    assert listing.returncode == 0, listing.stderr
    assert [row["id"] for row in json.loads(listing.stdout)] == [make_id(0)]
    assert "read without changing anything" in listing.stderr
    assert "read-only" in listing.stderr
    assert exported.returncode == 0, exported.stderr
    assert len(json.loads(exported.stdout)["sessions"][0]["segments"]) == 2
    assert saved.returncode == 0 and len((tmp_path / "h.csv").read_text().splitlines()) == 2
    assert stats.returncode == 0 and stats.stdout.startswith("Sessions: 1")
    assert refused.returncode != 0 and "Traceback" not in refused.stderr
