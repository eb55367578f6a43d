"""The program a session was run for, and the reports of dizziness and pain, in the database
and files."""

from __future__ import annotations

import json

import pytest

from retrotimer.core.history.history_values import (
    HistorySession,
    Review,
    SessionEnd,
    SessionStatus,
    SessionTotals,
)
from retrotimer.core.history.program_ref import ProgramRef
from retrotimer.core.history.wall_time import WallTime
from retrotimer.core.value import replace
from retrotimer.exchange.history.history_codec import (
    sessions_to_csv,
    sessions_to_json,
)
from retrotimer.storage.history.history_store import HistoryStore
from tests.history_samples import MONDAY_2024_05_06, read_whole, refusals, segment, session, start

REF = ProgramRef("Learn to run backward", 2, 1)


REPORTS = Review(2, 0, "", dizzy=True, pain=True)
PLAIN = Review(2, 0)


def with_program(number: int, ref: ProgramRef | None, review: Review = PLAIN) -> HistorySession:
    plain = session(number, segments=(segment(0),), review=review)
    entry = replace(plain.entry, program=ref)
    return HistorySession(entry, plain.plan_json, plain.segments)


def test_a_recorded_session_keeps_its_program_from_the_start(store: HistoryStore) -> None:
    begun = replace(start(0), program=REF)
    store.begin_session(begun)
    store.end_session(
        begun.session_id,
        SessionEnd(SessionStatus.COMPLETED, WallTime(MONDAY_2024_05_06 + 600), SessionTotals()),
    )
    (entry,) = store.list_sessions()
    assert entry.program == REF
    store.begin_session(start(1))
    assert {e.session_id: e.program for e in store.list_sessions()}[start(1).session_id] is None


def test_import_keeps_program_lighter_flag_and_reports(store: HistoryStore) -> None:
    lighter = ProgramRef("Mine", 1, 2, lighter=True)
    old_report = Review(dizzy_or_pain=True)
    store.import_sessions(
        [
            with_program(0, lighter, REPORTS),
            with_program(1, None),
            with_program(2, None, old_report),
        ]
    )
    listed = sorted(store.list_sessions(), key=lambda e: e.session_id)
    assert [(e.program, e.review) for e in listed] == [
        (lighter, REPORTS),
        (None, PLAIN),
        (None, old_report),
    ]


def test_json_carries_program_and_reports_and_reads_them_back() -> None:
    old_report = Review(dizzy_or_pain=True)
    sessions = [with_program(0, REF, REPORTS), with_program(1, None, old_report)]
    document = json.loads(sessions_to_json(sessions))
    first, second = document["sessions"]
    assert first["program"] == {"name": "Learn to run backward", "week": 2, "session": 1}
    reports = [(s["dizzy"], s["pain"], s["dizzy_or_pain"]) for s in (first, second)]
    assert reports == [(True, True, False), (False, False, True)]
    assert second["program"] is None
    assert read_whole(sessions_to_json(sessions)) == sessions


def test_an_export_without_the_fields_reads_as_no_program_and_no_reports() -> None:
    document = json.loads(sessions_to_json([with_program(0, None)]))
    for field in ("program", "dizzy", "pain", "dizzy_or_pain"):
        del document["sessions"][0][field]
    (read,) = read_whole(json.dumps(document))
    assert (read.entry.program, read.entry.felt_unwell) == (None, False)


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
    (problem,) = refusals(json.dumps(document))
    assert problem.startswith("session 1: program must be null or")


@pytest.mark.parametrize("field", ["dizzy", "pain", "dizzy_or_pain"])
def test_a_report_must_be_true_or_false(field: str) -> None:
    document = json.loads(sessions_to_json([with_program(0, REF)]))
    document["sessions"][0][field] = "yes"
    (problem,) = refusals(json.dumps(document))
    assert problem.startswith(f"session 1: {field} must be true or false")


def test_csv_has_the_program_and_report_columns() -> None:
    old_report = Review(dizzy_or_pain=True)
    rows = sessions_to_csv(
        [with_program(0, REF, REPORTS), with_program(1, None, old_report)]
    ).splitlines()
    assert rows[0].endswith("program,program_week,program_session,dizzy_or_pain,dizzy,pain")
    assert rows[1].endswith("Learn to run backward,2,1,false,true,true")
    assert rows[2].endswith(",,,true,false,false")
