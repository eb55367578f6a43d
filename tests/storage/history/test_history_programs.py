"""The program a session was run for, and "felt dizzy or in pain", in the database and files."""

from __future__ import annotations

import dataclasses
import json

import pytest

from retrotimer.core.history.history_values import (
    HistorySession,
    Review,
    SessionEnd,
    SessionStatus,
    SessionTotals,
    WallTime,
)
from retrotimer.core.history.program_ref import ProgramRef
from retrotimer.exchange.history.history_codec import (
    HistoryImportError,
    sessions_from_json,
    sessions_to_csv,
    sessions_to_json,
)
from retrotimer.storage.history.history_store import HistoryStore
from tests.history_samples import MONDAY_2024_05_06, segment, session, start

REF = ProgramRef("Learn to run backward", 2, 1)


def with_program(number: int, ref: ProgramRef | None, dizzy: bool = False) -> HistorySession:
    plain = session(number, segments=(segment(0),), review=Review(4, 0, "", dizzy))
    entry = dataclasses.replace(plain.entry, program=ref)
    return HistorySession(entry, plain.plan_json, plain.segments)


def test_a_recorded_session_keeps_its_program_from_the_start(store: HistoryStore) -> None:
    begun = dataclasses.replace(start(0), program=REF)
    store.begin_session(begun)
    store.end_session(
        begun.session_id,
        SessionEnd(SessionStatus.COMPLETED, WallTime(MONDAY_2024_05_06 + 600), SessionTotals()),
    )
    (entry,) = store.list_sessions()
    assert entry.program == REF
    store.begin_session(start(1))
    assert {e.session_id: e.program for e in store.list_sessions()}[start(1).session_id] is None


def test_the_review_saves_dizzy_or_pain(store: HistoryStore) -> None:
    store.begin_session(start(0))
    store.set_review(start(0).session_id, Review(2, 1, "", dizzy_or_pain=True))
    (entry,) = store.list_sessions()
    assert (entry.rating, entry.dizzy_or_pain, entry.review.dizzy_or_pain) == (2, True, True)


def test_import_keeps_program_lighter_flag_and_dizzy(store: HistoryStore) -> None:
    lighter = ProgramRef("Mine", 1, 2, lighter=True)
    store.import_sessions([with_program(0, lighter, dizzy=True), with_program(1, None)])
    listed = sorted(store.list_sessions(), key=lambda e: e.session_id)
    assert [(e.program, e.dizzy_or_pain) for e in listed] == [
        (lighter, True),
        (None, False),
    ]


def test_json_carries_program_and_dizzy_and_reads_them_back() -> None:
    sessions = [with_program(0, REF, dizzy=True), with_program(1, None)]
    document = json.loads(sessions_to_json(sessions))
    first, second = document["sessions"]
    assert first["program"] == {"name": "Learn to run backward", "week": 2, "session": 1}
    assert (first["dizzy_or_pain"], second["program"], second["dizzy_or_pain"]) == (
        True,
        None,
        False,
    )
    assert sessions_from_json(sessions_to_json(sessions)) == sessions


def test_an_older_export_without_the_fields_reads_as_no_program() -> None:
    document = json.loads(sessions_to_json([with_program(0, None)]))
    del document["sessions"][0]["program"], document["sessions"][0]["dizzy_or_pain"]
    (read,) = sessions_from_json(json.dumps(document))
    assert (read.entry.program, read.entry.dizzy_or_pain) == (None, False)


@pytest.mark.parametrize(
    ("value", "field"),
    [
        ({"name": "", "week": 1, "session": 1}, "program"),
        ({"name": "P", "week": 0, "session": 1}, "program"),
        ({"name": "P", "week": 1, "session": True}, "program"),
        ("Learn", "program"),
    ],
)
def test_a_bad_program_is_named_and_nothing_is_read(value: object, field: str) -> None:
    document = json.loads(sessions_to_json([with_program(0, REF)]))
    document["sessions"][0][field] = value
    with pytest.raises(HistoryImportError, match=r"^session 1: program must be null or"):
        sessions_from_json(json.dumps(document))


def test_dizzy_or_pain_must_be_true_or_false() -> None:
    document = json.loads(sessions_to_json([with_program(0, REF)]))
    document["sessions"][0]["dizzy_or_pain"] = "yes"
    with pytest.raises(HistoryImportError, match="dizzy_or_pain must be true or false"):
        sessions_from_json(json.dumps(document))


def test_csv_has_the_program_columns() -> None:
    rows = sessions_to_csv([with_program(0, REF, dizzy=True), with_program(1, None)]).splitlines()
    assert rows[0].endswith("program,program_week,program_session,dizzy_or_pain")
    assert rows[1].endswith("Learn to run backward,2,1,true")
    assert rows[2].endswith(",,,false")
