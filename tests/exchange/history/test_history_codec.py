"""Export and import: JSON round trips with everything, CSV columns, files that are not ours."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from retrotimer.core.history.history_ports import HistoryFiles, HistoryUnavailable
from retrotimer.core.history.history_values import HistorySession, Review, SessionStatus
from retrotimer.core.model import SegmentKind
from retrotimer.exchange.history.history_codec import (
    CSV_COLUMNS,
    FORMAT_NAME,
    HistoryImportError,
    iso,
    sessions_from_json,
    sessions_to_csv,
    sessions_to_json,
)
from retrotimer.exchange.history.history_files import (
    JsonCsvHistoryFiles,
    read_import_file,
    save_unsaved,
)
from retrotimer.storage.history.history_store import HistoryStore
from retrotimer.storage.user_files import not_utf8_words
from tests.history_samples import (
    MONDAY_2024_05_06,
    make_id,
    read_whole,
    refusals,
    segment,
    session,
    sessions,
)

DOCS = Path(__file__).parents[3] / "docs" / "history.md"


def as_text(value: str) -> str:
    """What a CSV cell holds: text a spreadsheet would run as a formula gets an apostrophe."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") and value else value


def sample() -> HistorySession:
    return session(
        0,
        MONDAY_2024_05_06 + 0.25,
        offset_s=7200,
        segments=(
            segment(0, SegmentKind.WARMUP, 300.0),
            segment(1, SegmentKind.BACKWARD_WALK, 9.0, steps=15),
            segment(2, SegmentKind.BACKWARD_JOG, 2.5, planned_s=6.0, skipped=True, steps=16),
        ),
        review=Review(4, 2, 'gusty, "wet" track,\nslipped once'),
        template="Retro 10 × 15 steps",
    )


def test_json_holds_everything_and_reads_back_the_same() -> None:
    original = sample()
    text = sessions_to_json([original])
    document = json.loads(text)
    assert document["format"] == FORMAT_NAME and document["version"] == 2
    (written,) = document["sessions"]
    assert written["started"] == "2024-05-06T02:00:00.250000+02:00"
    assert written["plan"] == json.loads(original.plan_json)
    assert written["segments"][2] == {
        "index": 2,
        "kind": "backward_jog",
        "label": "Backward jog",
        "planned_s": 6.0,
        "actual_s": 2.5,
        "skipped": True,
        "steps": 16,
    }
    assert read_whole(text) == [original]


@settings(max_examples=60, deadline=None)
@given(st.lists(sessions(), max_size=4, unique_by=lambda s: s.session_id))
def test_any_history_survives_a_json_round_trip(history: list[HistorySession]) -> None:
    assert read_whole(sessions_to_json(history)) == history


@settings(max_examples=40, deadline=None)
@given(st.lists(sessions(), max_size=4, unique_by=lambda s: s.session_id))
def test_csv_has_a_row_per_session_with_the_documented_columns(
    history: list[HistorySession],
) -> None:
    rows = list(csv.DictReader(io.StringIO(sessions_to_csv(history), newline="")))
    assert len(rows) == len(history)
    for row, original in zip(rows, history, strict=True):
        assert tuple(row) == CSV_COLUMNS
        entry = original.entry
        assert row["id"] == entry.session_id and row["template"] == as_text(entry.template_name)
        assert row["started_local"] == iso(entry.started)
        assert float(row["backward_s"]) == entry.backward_s
        assert int(row["segments"]) == len(original.segments)
        assert int(row["skipped_segments"]) == sum(r.skipped for r in original.segments)
        assert row["rating"] == ("" if entry.rating is None else str(entry.rating))
        assert row["notes"] == as_text(entry.notes)


def test_csv_sample_row() -> None:
    (row,) = csv.DictReader(io.StringIO(sessions_to_csv([sample()]), newline=""))
    assert row["started_utc"] == "2024-05-06T00:00:00.250000Z"
    assert row["ended_utc"] == "2024-05-06T00:05:11.750000Z"
    assert (row["status"], row["backward_s"], row["backward_steps"]) == (
        "completed",
        "11.5",
        "22",
    )  # 15 + 16 * 2.5 / 6
    assert (row["longest_backward_s"], row["segments"], row["skipped_segments"]) == (
        "9.0",
        "3",
        "1",
    )
    assert row["notes"] == 'gusty, "wet" track,\nslipped once'
    assert row["near_stumbles"] == "2"


def test_every_csv_column_is_documented() -> None:
    text = DOCS.read_text(encoding="utf-8")
    for column in CSV_COLUMNS:
        assert f"`{column}`" in text, f"docs/history.md does not describe {column}"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("name,started\nx,y\n", "not JSON"),
        ('{"sessions": []}', 'no "format": "retrotimer-history"'),
        ("[1, 2, 3]", 'no "format"'),
        ('{"format": "retrotimer-history", "version": 7, "sessions": []}', "version 7"),
        ('{"format": "retrotimer-history", "version": 1}', "no list of sessions"),
        ('{"format": "retrotimer-history", "version": true, "sessions": []}', "version True"),
        ('{"format": "retrotimer-history", "version": 1.0, "sessions": []}', "version 1.0"),
        ("[" * 100_000 + "]" * 100_000, "nested far too deeply"),
        (
            '{"format": "retrotimer-history", "version": 1, "sessions": '
            + "[" * 100_000
            + "]" * 100_000
            + "}",
            "nested far too deeply",
        ),
    ],
)
def test_a_file_that_is_not_ours_is_refused(text: str, message: str) -> None:
    with pytest.raises(HistoryImportError, match=message):
        sessions_from_json(text)


def test_every_bad_value_is_named_with_its_session_and_field() -> None:
    document = json.loads(sessions_to_json([sample(), session(1)]))
    first, second = document["sessions"]
    first["id"] = "not-a-uuid"
    first["rating"] = 9
    first["segments"][1]["kind"] = "moonwalk"
    second["started"] = "2024-05-06T10:00:00"  # no offset
    second["active_s"] = -3
    second["backward_steps"] = 10**30
    problems = refusals(json.dumps(document))
    assert "session 1: id must be a UUID, not 'not-a-uuid'" in problems
    assert "session 1: rating must be 1-5" in problems
    assert any(p.startswith("session 1 > segment 2: kind must be one of") for p in problems)
    assert any(
        p.startswith("session 2: started must be a date and time with its UTC") for p in problems
    )
    assert any(p.startswith("session 2: active_s must be a number from 0 to") for p in problems)
    assert any(p.startswith("session 2: backward_steps must be a whole number") for p in problems)


def one_session_with(**changes: object) -> str:
    document = json.loads(sessions_to_json([sample()]))
    document["sessions"][0].update(changes)
    return json.dumps(document, ensure_ascii=True)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"started": "9999-12-31T23:00:00-23:59"}, "started must be a date from 1970 to 9999"),
        ({"started": "9999-12-31T23:59:59+00:00"}, "started must be a date from 1970 to 9999"),
        ({"started": "0001-01-01T00:30:00+01:00"}, "started must be a date from 1970 to 9999"),
        ({"started": "1969-12-31T23:59:59+00:00"}, "started must be a date from 1970 to 9999"),
        ({"ended": "9999-12-31T23:00:00-23:59"}, "ended must be a date from 1970 to 9999"),
        ({"ended": "2024-05-06T01:59:00+02:00"}, "ended is before the start"),
        ({"notes": "\ud800 after a lone surrogate"}, "the notes holds U+D800 at character 1"),
        ({"template": "Jogs \udfff"}, "the template holds U+DFFF at character 6"),
        ({"template": "\x1b[31mJogs"}, "the template holds U+001B (ESCAPE) at character 1"),
        ({"template": "Jogs" * 20}, "the template is 80 characters long; keep it to 60"),
        ({"venue": ["track"]}, "venue must be one of track, treadmill, any, not ['track']"),
        ({"status": {"done": True}}, "status must be one of running, completed, stopped"),
        ({"template": {"name": "x"}}, "template must be non-empty text"),
        (
            {"program": {"name": "Learn \ud800", "week": 1, "session": 1}},
            "the program's name holds U+D800 at character 7",
        ),
        ({"planned_s": 10**400}, "planned_s must be a number from 0 to 1000000000, not 1000"),
        ({"plan": {"segments": ["\ud83d"]}}, "plan holds a character that is not"),
    ],
)
def test_a_value_the_history_cannot_keep_or_show_is_refused(
    changes: dict[str, object], message: str
) -> None:
    assert any(message in problem for problem in refusals(one_session_with(**changes)))


@settings(max_examples=300, deadline=None)
@given(
    moment=st.builds(
        lambda day, minutes: day.replace(tzinfo=timezone(timedelta(minutes=minutes))),
        st.datetimes(),
        st.integers(-(24 * 60 - 1), 24 * 60 - 1),
    )
)
def test_any_start_is_refused_or_shown_everywhere(moment: datetime) -> None:
    text = one_session_with(started=moment.isoformat(), ended=None)
    reading = sessions_from_json(text)
    if reading.refused:
        assert "started must be a date" in reading.refused[0].describe()
        return
    (read,) = reading.sessions
    # Everything that shows a session works on what was accepted.
    assert read_whole(sessions_to_json([read])) == [read]
    sessions_to_csv([read])
    iso(read.entry.started)


def test_a_session_exported_while_running_comes_back_interrupted() -> None:
    document = json.loads(sessions_to_json([session(0, status=SessionStatus.RUNNING)]))
    (restored,) = read_whole(json.dumps(document))
    assert restored.entry.status is SessionStatus.INTERRUPTED


def test_import_file_errors_are_messages(tmp_path: Path) -> None:
    with pytest.raises(HistoryImportError, match="cannot read the file"):
        read_import_file(tmp_path / "missing.json")
    binary = tmp_path / "photo.jpg"
    binary.write_bytes(b"\xff\xd8\xff\xe0 JFIF \x00\x81\xfe")
    with pytest.raises(HistoryImportError, match="not UTF-8 text"):
        read_import_file(binary)
    # One byte an editor changed in a real backup is placed, as in any other file read.
    text = sessions_to_json([sample()])
    line = text[: text.index('"Sample"')].count("\n") + 1
    column = text.splitlines()[line - 1].index('"Sample"') + 4  # the byte after "Sa, from 1
    edited = tmp_path / "edited.json"
    edited.write_bytes(text.encode().replace(b'"Sample"', b'"Sa\xe9ple"', 1))
    with pytest.raises(HistoryImportError) as refused:
        read_import_file(edited)
    assert str(refused.value) == f"line {line}:{column}: {not_utf8_words()}"
    good = tmp_path / "backup.json"
    good.write_text(sessions_to_json([sample()]), encoding="utf-8")
    assert read_import_file(good).sessions == (sample(),)


def test_an_import_restores_a_backup_into_an_empty_history(tmp_path: Path) -> None:
    source = HistoryStore(tmp_path / "old.sqlite")
    source.import_sessions([sample(), session(1, MONDAY_2024_05_06 + 60)])
    backup = sessions_to_json(source.all_sessions())
    source.close()
    target = HistoryStore(tmp_path / "new.sqlite")
    result = target.import_sessions(read_whole(backup))
    assert (result.added, result.skipped) == (2, 0)
    assert target.get_session(make_id(0)) == sample()
    again = target.import_sessions(read_whole(backup))
    assert (again.added, again.skipped) == (0, 2)
    target.close()


def test_unsaved_sessions_go_to_the_first_folder_that_takes_them(tmp_path: Path) -> None:
    blocked = tmp_path / "blocked"
    blocked.write_text("a file, not a folder")
    saved = save_unsaved([sample()], [blocked / "data", tmp_path / "cache"])
    assert saved == tmp_path / "cache" / f"unsaved-session-{make_id(0)}.json"
    assert read_import_file(saved).sessions == (sample(),)
    assert save_unsaved([], [tmp_path]) is None


def test_transfer_exports_and_imports_files_for_the_window(tmp_path: Path) -> None:
    store = HistoryStore(tmp_path / "history.sqlite")
    store.import_sessions([sample(), session(1, MONDAY_2024_05_06 + 60)])
    transfer: HistoryFiles = JsonCsvHistoryFiles(store)
    assert transfer.export_to(str(tmp_path / "all.csv"), "csv") == 2
    with (tmp_path / "all.csv").open(encoding="utf-8", newline="") as stream:
        assert len(list(csv.DictReader(stream))) == 2
    assert transfer.export_to(str(tmp_path / "all.json"), "json") == 2
    with pytest.raises(ValueError, match="unknown export format"):
        transfer.export_to(str(tmp_path / "all.xml"), "xml")
    blocked = tmp_path / "blocked"
    blocked.write_text("a file")
    with pytest.raises(HistoryUnavailable, match="is not a folder; x.json was not written"):
        transfer.export_to(str(blocked / "x.json"), "json")
    store.close()

    other = HistoryStore(tmp_path / "other.sqlite")
    result = JsonCsvHistoryFiles(other).import_from(str(tmp_path / "all.json"))
    assert (result.added, result.skipped) == (2, 0)
    with pytest.raises(ValueError, match="not a RetroTimer history export"):
        JsonCsvHistoryFiles(other).import_from(str(tmp_path / "all.csv"))
    assert len(other.list_sessions()) == 2
    other.close()


def test_csv_cells_a_spreadsheet_would_run_as_formulas_stay_text() -> None:
    risky = session(
        0,
        MONDAY_2024_05_06,
        segments=(segment(0, SegmentKind.WARMUP, 60.0),),
        review=Review(None, None, '=HYPERLINK("http://x")'),
        template="+1 backward mile",
    )
    (row,) = csv.DictReader(io.StringIO(sessions_to_csv([risky]), newline=""))
    assert row["template"] == "'+1 backward mile"
    assert row["notes"] == '\'=HYPERLINK("http://x")'


def test_a_segment_kind_of_any_json_type_is_refused_by_name() -> None:
    document = json.loads(sessions_to_json([sample()]))
    document["sessions"][0]["segments"][0]["kind"] = {"backward": True}
    (problem,) = refusals(json.dumps(document))
    assert problem.startswith("session 1 > segment 1: kind must be one of warmup,")


def test_a_number_of_thousands_of_digits_refuses_the_file_in_one_line() -> None:
    text = one_session_with(planned_s=1).replace('"planned_s": 1', '"planned_s": ' + "9" * 5000)
    with pytest.raises(HistoryImportError) as refused:
        sessions_from_json(text)
    assert str(refused.value) == (
        "not a RetroTimer history export: it holds a number of thousands of digits"
    )
