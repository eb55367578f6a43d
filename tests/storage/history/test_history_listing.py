"""The list of sessions counted, ordered, paged and placed by SQLite, as `list_sessions`
gives it: the same sessions, in the order the History table shows."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from retrotimer.core.history.history_values import HistoryEntry, Review, SessionStatus
from retrotimer.core.history.session_order import SessionKey, SessionOrder
from retrotimer.storage.history.history_store import HistoryStore
from tests.history_samples import DAY, MONDAY_2024_05_06, make_id, segment, session

TEMPLATES = ("apple", "Banana", "cherry", "Éclair", "banana", "Apple")
STATUSES = list(SessionStatus)
PYTHON_KEYS: dict[SessionKey, Callable[[HistoryEntry], Any]] = {
    SessionKey.STARTED: lambda e: (e.started_utc_s, e.session_id),
    SessionKey.TEMPLATE: lambda e: e.template_name.casefold(),
    SessionKey.ACTIVE: lambda e: e.active_s,
    SessionKey.BACKWARD: lambda e: e.backward_s,
    SessionKey.STATUS: lambda e: (STATUSES.index(e.status), e.test_run),
    SessionKey.RATING: lambda e: e.rating or 0,
}
ORDERS = [SessionOrder(key, descending) for key in SessionKey for descending in (False, True)]


@pytest.fixture
def store(tmp_path: Path) -> Iterator[HistoryStore]:
    history = HistoryStore(tmp_path / "history.sqlite")
    sessions = [
        session(
            number,
            MONDAY_2024_05_06 + (number // 3) * DAY,  # three sessions a day start together
            segments=(segment(0, actual_s=30.0 * (number % 4)), segment(1, actual_s=5.0)),
            status=STATUSES[number % len(STATUSES)],
            review=Review(rating=None if number % 5 == 0 else number % 5),
            template=TEMPLATES[number % len(TEMPLATES)],
            deleted_utc_s=MONDAY_2024_05_06 if number == 7 else None,
        )
        for number in range(23)
    ]
    history.import_sessions(sessions)
    with closing(sqlite3.connect(history.path)) as db, db:
        db.execute("UPDATE sessions SET test_run = 1 WHERE id IN (?, ?)", (make_id(1), make_id(4)))
    yield history
    history.close()


def ids(entries: list[HistoryEntry]) -> list[str]:
    return [entry.session_id for entry in entries]


@pytest.mark.parametrize("order", ORDERS, ids=lambda o: f"{o.key.value}-{o.descending}")
def test_every_order_is_the_list_sorted_with_ties_newest_first(
    store: HistoryStore, order: SessionOrder
) -> None:
    listed = store.list_sessions()
    expected = sorted(listed, key=PYTHON_KEYS[order.key], reverse=order.descending)
    assert store.session_page(order, 0, 100) == expected
    pages = [store.session_page(order, offset, 4) for offset in range(0, len(listed), 4)]
    assert [entry for page in pages for entry in page] == expected
    assert store.session_page(order, len(listed), 4) == []
    for position, entry in enumerate(expected):
        assert store.session_position(entry.session_id, order) == position


def test_the_plain_order_is_the_list_and_the_count_is_its_length(store: HistoryStore) -> None:
    listed = store.list_sessions()
    assert len(listed) == 22 and make_id(7) not in ids(listed), "the deleted one is left out"
    assert store.count_sessions() == len(listed)
    assert store.session_page(SessionOrder(), 0, len(listed)) == listed
    assert store.session_position(make_id(7), SessionOrder()) is None
    assert store.session_position("no such session", SessionOrder()) is None


# Values a hand-edited or foreign file can hold, in any column.
ODD_VALUES: tuple[object, ...] = (
    None,
    "text",
    b"\x00blob",
    0,
    1,
    -1,
    2**63 - 1,
    -(2**63),
    1.5,
    -0.5,
    1e300,
    float("inf"),
    float("-inf"),
    "running",
    "track",
    86_340,
    86_341,
    253_402_128_000.0,
    253_402_128_001.0,
)


def test_a_row_is_counted_and_paged_exactly_when_the_list_shows_it(tmp_path: Path) -> None:
    """Every column of every session row, set to every odd value: SQLite's idea of what can
    be shown is Python's, so counts and pages never disagree with the list."""
    history = HistoryStore(tmp_path / "history.sqlite")
    assert history.count_sessions() == 0  # the file and its tables are made
    with closing(sqlite3.connect(history.path)) as db:
        columns = [row[1] for row in db.execute("PRAGMA table_info(sessions)")]
    changes = [(column, value) for column in columns for value in ODD_VALUES]
    history.import_sessions(
        [session(number, MONDAY_2024_05_06 + number * 60) for number in range(len(changes))]
    )
    with closing(sqlite3.connect(history.path)) as db, db:
        db.execute("PRAGMA ignore_check_constraints = ON")
        for number, (column, value) in enumerate(changes):
            # NOT NULL and uniqueness hold whatever wrote the file: such values never occur.
            with contextlib.suppress(sqlite3.IntegrityError):
                db.execute(
                    f"UPDATE sessions SET {column} = ? WHERE id = ?", (value, make_id(number))
                )
    listed = history.list_sessions()
    assert 0 < len(listed) < len(changes), "some rows are shown, some are left out"
    assert history.count_sessions() == len(listed)
    for order in ORDERS:
        paged = history.session_page(order, 0, len(changes))
        assert sorted(ids(paged)) == sorted(ids(listed)), order
    history.close()
