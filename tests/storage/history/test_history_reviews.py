"""Reviews in the SQLite file: every field written together, kept across reopening, the
version 5 file upgraded (ratings turned round, the old report kept), imports completing."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from retrotimer.core.history.history_values import Review
from retrotimer.storage.history.history_database import connect_sqlite
from retrotimer.storage.history.history_schema import LATEST_VERSION, migrate, schema_version
from retrotimer.storage.history.history_store import HistoryStore
from tests.history_samples import make_id, session, start

EVERY_FIELD = Review(
    rating=5,
    near_stumbles=3,
    notes="hips ached; «windy»",
    dizzy=True,
    pain=True,
)
REVIEW_COLUMNS = "rating, near_stumbles, notes, dizzy, pain, dizzy_or_pain"


def raw_review(path: Path, session_id: str) -> tuple[object, ...]:
    """The review columns straight from the file, with sqlite3 alone."""
    with closing(sqlite3.connect(path)) as db:
        row: tuple[object, ...] = db.execute(
            f"SELECT {REVIEW_COLUMNS} FROM sessions WHERE id = ?", (session_id,)
        ).fetchone()
    return row


@pytest.mark.parametrize(
    "review",
    [
        EVERY_FIELD,
        Review(rating=1),
        Review(near_stumbles=0),
        Review(notes="only notes"),
        Review(dizzy=True),
        Review(pain=True),
        Review(dizzy_or_pain=True),
    ],
    ids=["every field", "rating", "near-stumbles", "notes", "dizzy", "pain", "old report"],
)
def test_every_review_field_survives_the_file(tmp_path: Path, review: Review) -> None:
    path = tmp_path / "history.sqlite"
    store = HistoryStore(path)
    store.begin_session(start(0))
    store.set_review(make_id(0), review)
    store.close()

    reopened = HistoryStore(path)
    (entry,) = reopened.list_sessions()
    whole = reopened.get_session(make_id(0))
    reopened.close()
    assert entry.review == review
    assert whole is not None and whole.entry.review == review
    assert raw_review(path, make_id(0)) == (
        review.rating,
        review.near_stumbles,
        review.notes,
        int(review.dizzy),
        int(review.pain),
        int(review.dizzy_or_pain),
    )


def test_a_review_is_written_whole_so_a_later_one_replaces_every_field(tmp_path: Path) -> None:
    store = HistoryStore(tmp_path / "history.sqlite")
    store.begin_session(start(0))
    store.set_review(make_id(0), EVERY_FIELD)
    store.set_review(make_id(0), Review(rating=3))
    assert store.list_sessions()[0].review == Review(rating=3)
    store.close()


def test_a_review_out_of_range_writes_nothing(tmp_path: Path) -> None:
    store = HistoryStore(tmp_path / "history.sqlite")
    store.begin_session(start(0))
    store.set_review(make_id(0), EVERY_FIELD)
    with pytest.raises(ValueError, match="rating must be 1-5"):
        store.set_review(make_id(0), Review(rating=6, notes="lost?"))
    assert store.list_sessions()[0].review == EVERY_FIELD
    store.close()


# ---- the version 5 file -------------------------------------------------------------------
V5_SESSION = (
    "INSERT INTO sessions (id, template_name, plan_json, venue, started_utc, utc_offset_s, "
    "ended_utc, status, planned_s, updated_utc, rating, near_stumbles, notes, dizzy_or_pain) "
    "VALUES (?, 'Old', '{}', 'track', ?, 0, ?, 'completed', 600, ?, ?, ?, ?, ?)"
)


def version_5_file(path: Path, rows: list[tuple[object, ...]]) -> None:
    """A history written by the version before the split: schema 5, ratings 5 = best."""
    with closing(connect_sqlite(path)) as old:
        migrate(old, target=5)
        for number, (rating, stumbles, notes, dizzy_or_pain) in enumerate(rows):
            at = 1_700_000_000.0 + number * 86400
            old.execute(
                V5_SESSION,
                (make_id(number), at, at + 600, at + 600, rating, stumbles, notes, dizzy_or_pain),
            )
        assert schema_version(old) == 5


def test_a_version_5_file_turns_its_ratings_round_and_keeps_the_old_report(
    tmp_path: Path,
) -> None:
    path = tmp_path / "history.sqlite"
    old_rows = [
        (5, 0, "the best", 0),
        (4, 1, "", 0),
        (3, None, "", 1),
        (2, 2, "", 0),
        (1, 4, "the worst", 1),
        (None, None, "not rated", 1),
    ]
    version_5_file(path, old_rows)
    store = HistoryStore(path)
    reviews = {entry.session_id: entry.review for entry in store.list_sessions()}
    assert schema_version(store.database.connection()) == LATEST_VERSION
    store.close()
    assert [reviews[make_id(n)] for n in range(len(old_rows))] == [
        Review(1, 0, "the best"),
        Review(2, 1, ""),
        Review(3, None, "", dizzy_or_pain=True),
        Review(4, 2, ""),
        Review(5, 4, "the worst", dizzy_or_pain=True),
        Review(None, None, "not rated", dizzy_or_pain=True),
    ]
    # Straight from the file: the new reports are off, the old one is where it was.
    assert raw_review(path, make_id(4)) == (5, 4, "the worst", 0, 0, 1)


def test_a_version_5_rating_no_review_can_hold_is_kept_as_it_is(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite"
    # 4.5 passes the schema's check but is no rating: written by hand or by another program.
    version_5_file(path, [(4.5, None, "", 0), (4, None, "", 0)])
    store = HistoryStore(path)
    listed = store.list_sessions()
    assert schema_version(store.database.connection()) == LATEST_VERSION
    store.close()
    assert [entry.rating for entry in listed] == [2], "the odd one is left out of the list"
    assert raw_review(path, make_id(0))[0] == 4.5, "and kept in the file as it was"


# ---- imports completing a session ---------------------------------------------------------
def test_an_import_adds_the_reports_a_session_lacks(tmp_path: Path) -> None:
    store = HistoryStore(tmp_path / "history.sqlite")
    store.import_sessions([session(0, review=Review(rating=2))])
    result = store.import_sessions(
        [session(0, review=Review(rating=4, notes="from the backup", dizzy=True, pain=True))]
    )
    assert (result.completed, result.skipped) == (1, 0)
    assert store.list_sessions()[0].review == Review(
        rating=2, notes="from the backup", dizzy=True, pain=True
    )
    store.close()


def test_an_import_never_replaces_reports_already_given(tmp_path: Path) -> None:
    store = HistoryStore(tmp_path / "history.sqlite")
    store.import_sessions([session(0, review=Review(rating=3, pain=True))])
    result = store.import_sessions([session(0, review=Review(rating=3, dizzy=True))])
    assert (result.completed, result.skipped) == (0, 1)
    assert store.list_sessions()[0].review == Review(rating=3, pain=True)
    store.close()
