"""`retrotimer history review ID`: shows a review, changes only what is given, in words or
numbers, refuses what cannot be, and restores an old backup's reviews on the effort scale."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from retrotimer.cli import main
from retrotimer.core.history.history_values import Review
from retrotimer.exchange.history.history_codec import sessions_to_json
from retrotimer.storage.history.history_store import HistoryStore
from retrotimer.storage.paths import AppPaths
from tests.history_samples import make_id, session

Capture = pytest.CaptureFixture[str]
REVIEWED = Review(2, 1, "steady", dizzy_or_pain=True)
ABCD = 0xABCD << 112  # a session whose id starts "abcd"


def history_with(*reviews: Review, numbers: tuple[int, ...] = (0, 1, 2)) -> Path:
    path = AppPaths.from_environment().ensure().history_db
    store = HistoryStore(path)
    store.import_sessions([session(n, review=r) for n, r in zip(numbers, reviews, strict=False)])
    store.close()
    return path


def stored(path: Path, number: int) -> Review:
    store = HistoryStore(path)
    try:
        whole = store.get_session(make_id(number))
    finally:
        store.close()
    assert whole is not None
    return whole.entry.review


def test_without_options_the_review_is_shown_and_nothing_written(capsys: Capture) -> None:
    path = history_with(REVIEWED)
    before = path.stat().st_mtime_ns
    assert main(["history", "review", make_id(0)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1:] == [
        'Rating: 2 "easy"',
        "Near-stumbles: 1",
        "Felt: dizzy or in pain (recorded before these were separate)",
        "Notes: steady",
    ]
    assert path.stat().st_mtime_ns == before


def test_only_what_is_given_changes(capsys: Capture) -> None:
    path = history_with(REVIEWED, Review(), numbers=(0, ABCD))
    assert make_id(ABCD).startswith("abcd")
    assert main(["history", "review", make_id(0)[:8], "--rating", "too hard"]) == 0
    assert stored(path, 0) == Review(5, 1, "steady", dizzy_or_pain=True)
    assert 'Rating: 5 "too hard"' in capsys.readouterr().out
    assert main(["history", "review", make_id(0), "--near-stumbles", "0", "--rating", "4"]) == 0
    assert main(["history", "review", make_id(0), "--notes", " calf sore "]) == 0
    assert stored(path, 0) == Review(4, 0, "calf sore", dizzy_or_pain=True)
    assert stored(path, ABCD) == Review(), "the other session is left alone"
    # Straight from the file, with sqlite3 alone.
    with closing(sqlite3.connect(path)) as db:
        row = db.execute(
            "SELECT rating, near_stumbles, notes, dizzy, pain, dizzy_or_pain FROM sessions "
            "WHERE id = ?",
            (make_id(0),),
        ).fetchone()
    assert row == (4, 0, "calf sore", 0, 0, 1)


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        (["--dizzy"], Review(dizzy=True)),
        (["--pain"], Review(pain=True)),
        (["--dizzy", "--pain"], Review(dizzy=True, pain=True)),
        (["--no-dizzy"], Review(dizzy_or_pain=True)),
        (["--no-dizzy", "--no-pain"], Review()),
    ],
    ids=["dizzy", "pain", "both", "not dizzy keeps the old report", "neither"],
)
def test_dizzy_and_pain_replace_the_old_report_once_said(
    capsys: Capture, options: list[str], expected: Review
) -> None:
    path = history_with(Review(dizzy_or_pain=True))
    assert main(["history", "review", make_id(0), *options]) == 0
    assert stored(path, 0) == expected
    capsys.readouterr()


def test_a_report_can_be_taken_back(capsys: Capture) -> None:
    path = history_with(Review(dizzy=True, pain=True))
    assert main(["history", "review", make_id(0), "--no-pain"]) == 0
    assert stored(path, 0) == Review(dizzy=True)
    assert "Felt: dizzy" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--rating", "9"], '--rating must be one of 1 "very easy", 2 "easy"'),
        (["--rating", "brutal"], "not 'brutal'"),
        (["--near-stumbles", "-1"], "--near-stumbles must be a whole number from 0 to 1000"),
        (["--notes", "x" * 10_001], "notes must be at most 10000 characters"),
    ],
)
def test_a_bad_value_is_named_and_nothing_changes(
    capsys: Capture, options: list[str], message: str
) -> None:
    path = history_with(REVIEWED)
    assert main(["history", "review", make_id(0), *options]) == 2
    assert message in capsys.readouterr().err
    assert stored(path, 0) == REVIEWED


def test_an_unknown_or_ambiguous_id_is_refused(capsys: Capture) -> None:
    history_with(Review(), Review())
    assert main(["history", "review", "ffff"]) == 2
    assert "no session 'ffff' in the history" in capsys.readouterr().err
    # make_id gives 00000000-0000-0000-0000-00000000000N: both start with "0000".
    assert main(["history", "review", "0000", "--rating", "3"]) == 2
    assert "2 sessions have an id starting with '0000'" in capsys.readouterr().err


def test_a_version_1_backup_is_restored_on_the_effort_scale(
    capsys: Capture, tmp_path: Path
) -> None:
    document = json.loads(
        sessions_to_json(
            [
                session(0, review=Review(5, 0, "the best")),
                session(1, review=Review(1, 3, "awful", dizzy_or_pain=True)),
                session(2),
            ]
        )
    )
    # As version 1 wrote it: 5 the best, one report of dizziness or pain, no apart ones.
    document["version"] = 1
    for written in document["sessions"]:
        del written["dizzy"], written["pain"]
    backup = tmp_path / "old-backup.json"
    backup.write_text(json.dumps(document), encoding="utf-8")
    assert main(["history", "import", str(backup)]) == 0
    assert "Imported 3 sessions" in capsys.readouterr().out
    path = AppPaths.from_environment().history_db
    assert [stored(path, n) for n in range(3)] == [
        Review(1, 0, "the best"),
        Review(5, 3, "awful", dizzy_or_pain=True),
        Review(),
    ]
    assert main(["history", "review", make_id(1)]) == 0
    assert 'Rating: 5 "too hard"' in capsys.readouterr().out
