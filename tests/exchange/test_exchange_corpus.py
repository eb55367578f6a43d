"""The shared corpus of other tools' files: every workout imports, nothing else does."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.exchange.corpus import corpus_folder

BENCH = Path(__file__).resolve().parents[2] / "bench" / "exchange_corpus.py"


@pytest.mark.slow
def test_every_workout_of_the_corpus_imports_and_only_other_files_are_refused() -> None:
    folder = corpus_folder()
    if folder is None:
        pytest.skip("the exchange corpus is not on this machine")
    done = subprocess.run(
        [sys.executable, str(BENCH), str(folder), "--json"],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    report = json.loads(done.stdout)
    refused = [f["path"] for f in report["files"] if f["holds_workout"] and not f["imported"]]
    assert refused == []
    totals = report["totals"]["total"]
    assert totals["others imported"] == 0
    assert totals["imported"] == totals["workouts"] > 0
