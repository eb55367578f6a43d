"""The History screen on a temporary SQLite history: table, details, review, delete, files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from retrotimer.core.history.history_values import (
    HistorySession,
    Review,
    SessionStart,
    SessionStatus,
    SessionTotals,
    plan_snapshot,
    session_from_parts,
)
from retrotimer.core.history.wall_time import WallTime
from retrotimer.core.model import Length, Segment, SegmentKind, Template, Venue
from retrotimer.core.sensors.sensor_values import SensorSample
from retrotimer.core.session.plan import compile_plan
from retrotimer.core.session.records import SegmentRecord
from retrotimer.core.session.session_machine import SessionState
from retrotimer.core.settings import Settings
from retrotimer.core.value import replace
from retrotimer.storage.history.history_store import HistoryStore
from retrotimer.ui.history.history_details import SENSOR_COLUMN
from retrotimer.ui.history.history_model import BACKWARD, FELT, TEMPLATE
from retrotimer.ui.history.history_screen import HistoryScreen
from retrotimer.ui.history.history_texts import segment_sensor_texts
from tests.ui.conftest import MONDAY_0730_UTC, Harness

DAY = 86400.0
PLAN = compile_plan(
    Template(
        "Jogs",
        (
            Segment(SegmentKind.WARMUP, Length.seconds(300)),
            Segment(SegmentKind.BACKWARD_JOG, Length.seconds(120)),
            Segment(SegmentKind.COOLDOWN, Length.seconds(180)),
        ),
        "",
        Venue.TRACK,
    ),
    Settings(),
)


def session(
    number: int, days_ago: float, backward_s: float, name: str = "Jogs", *, stopped: bool = False
) -> HistorySession:
    """A recorded session: warm-up, a backward jog of `backward_s`, and (unless stopped)
    the cool-down."""
    records = [
        SegmentRecord(0, SegmentKind.WARMUP, "Warm-up walk", 300, 300, False),
        SegmentRecord(
            1, SegmentKind.BACKWARD_JOG, "Backward jog", 120, backward_s, backward_s < 120
        ),
    ]
    if not stopped:
        records.append(SegmentRecord(2, SegmentKind.COOLDOWN, "Cool-down walk", 180, 180, False))
    start = SessionStart(
        f"00000000-0000-4000-8000-{number:012d}",
        name,
        plan_snapshot(PLAN),
        Venue.TRACK,
        WallTime(MONDAY_0730_UTC - days_ago * DAY, 7200),
        PLAN.total_s,
    )
    totals = SessionTotals.from_records(records)
    return session_from_parts(
        start,
        records,
        status=SessionStatus.STOPPED if stopped else SessionStatus.COMPLETED,
        totals=totals,
        ended_utc_s=start.started.utc_s + totals.active_s,
    )


SESSIONS = [
    session(1, 15, 60.0, "Alpha"),
    session(2, 8, 120.0, "Bravo"),
    session(3, 7.5, 90.0, "Charlie", stopped=True),
    session(4, 1, 600.0, "Delta"),
]


def open_history(harness: Harness, sessions: list[HistorySession] = SESSIONS) -> HistoryScreen:
    harness.history.import_sessions(sessions)
    window = harness.show()
    window.tabs.setCurrentWidget(window.history_screen)
    return window.history_screen


def column(screen: HistoryScreen, number: int) -> list[str]:
    rows = screen.table.model()
    return [rows.index(row, number).data() for row in range(rows.rowCount())]


def test_an_empty_history_says_how_to_fill_it(harness: Harness) -> None:
    screen = open_history(harness, [])
    assert "No sessions yet" in screen.statistics.text()
    assert screen.chart.bars == []
    assert not screen.buttons["delete"].isEnabled()
    assert screen.details.session is None


def test_sessions_newest_first_and_every_column_sorts(harness: Harness) -> None:
    screen = open_history(harness)
    assert column(screen, TEMPLATE) == ["Delta", "Charlie", "Bravo", "Alpha"]
    assert column(screen, 0)[0] == "Sun 5 May 2024, 09:30"  # local time of the session
    screen.table.sortByColumn(BACKWARD, Qt.SortOrder.DescendingOrder)
    # By minutes, not by text ("10.0" would sort before "2.0" as text).
    assert column(screen, BACKWARD) == ["10.0", "2.0", "1.5", "1.0"]
    screen.table.horizontalHeader().sectionClicked.emit(TEMPLATE)
    screen.table.sortByColumn(TEMPLATE, Qt.SortOrder.AscendingOrder)
    assert column(screen, TEMPLATE) == ["Alpha", "Bravo", "Charlie", "Delta"]
    assert column(screen, 4) == ["Completed", "Completed", "Stopped early", "Completed"]


def test_every_column_shows_beside_the_details_in_a_1280_pixel_window(harness: Harness) -> None:
    screen = open_history(harness)
    screen.window().resize(1280, 800)
    harness.qtbot.waitUntil(lambda: screen.window().width() == 1280)
    assert screen.table.horizontalScrollBar().maximum() == 0


def test_details_show_planned_against_actual(harness: Harness) -> None:
    screen = open_history(harness)
    screen.select_session(SESSIONS[2].session_id)
    table = screen.details.segments
    rows = [[table.item(row, c).text() for c in range(5)] for row in range(table.rowCount())]
    assert rows == [
        ["1", "Warm-up walk", "5:00", "5:00", ""],
        ["2", "Backward jog", "2:00", "1:30", "skipped"],
        ["3", "Cool-down walk", "3:00", "—", "not reached"],
    ]
    assert "Stopped early" in screen.details.heading.text()


def test_progress_and_the_weekly_chart(harness: Harness) -> None:
    screen = open_history(harness)
    bars = screen.chart.bars
    assert [bar.label for bar in bars[-3:]] == ["22 Apr", "29 Apr", "6 May"]
    # Sundays of the two weeks before: 1.5 + 2 minutes (two sessions), then 10 minutes.
    assert [round(bar.minutes, 1) for bar in bars[-3:]] == [3.5, 10.0, 0.0]
    assert [bar.met_target for bar in bars[-3:]] == [True, False, False]
    assert bars[-4].label == "15 Apr" and bars[-4].minutes == pytest.approx(1.0)
    text = screen.statistics.text()
    assert "Longest backward segment: 10:00 (Delta)" in text
    assert "In all: 4 sessions" in text


def test_rating_and_notes_are_editable(harness: Harness) -> None:
    screen = open_history(harness)
    details = screen.details
    assert details.session is not None and details.session.session_id == SESSIONS[3].session_id
    details.editor.rating.setCurrentIndex(details.editor.rating.findData(5))
    details.editor.near_stumbles.setValue(1)
    details.editor.notes.setPlainText("ten minutes at last")
    details.editor.save_review.click()
    entry = harness.history.get_session(SESSIONS[3].session_id)
    assert entry is not None
    assert (entry.entry.rating, entry.entry.near_stumbles, entry.entry.notes) == (
        5,
        1,
        "ten minutes at last",
    )
    assert column(screen, FELT)[0] == "5 · too hard"
    assert screen.message.text() == "Review saved."


def test_notes_typed_are_saved_when_another_row_is_chosen(harness: Harness) -> None:
    screen = open_history(harness)
    details = screen.details
    assert details.session is not None and details.session.session_id == SESSIONS[3].session_id
    harness.qtbot.keyClicks(details.editor.notes, "hips ached, slow down")
    details.editor.rating.setCurrentIndex(details.editor.rating.findData(4))
    screen.table.setFocus()
    harness.qtbot.keyClick(screen.table, Qt.Key.Key_Down)
    assert details.session is not None and details.session.session_id == SESSIONS[2].session_id
    # Straight from the SQLite file, with a store of its own.
    saved = HistoryStore(harness.paths.history_db).get_session(SESSIONS[3].session_id)
    assert saved is not None
    assert (saved.entry.notes, saved.entry.rating) == ("hips ached, slow down", 4)
    assert column(screen, FELT)[0] == "4 · hard"
    assert "saved" in screen.message.text()
    harness.qtbot.keyClick(screen.table, Qt.Key.Key_Up)
    assert details.editor.notes.toPlainText() == "hips ached, slow down"


def test_notes_typed_are_saved_when_the_screen_is_left(harness: Harness) -> None:
    screen = open_history(harness)
    harness.qtbot.keyClicks(screen.details.editor.notes, "windy")
    harness.window.tabs.setCurrentIndex(0)
    saved = harness.history.get_session(SESSIONS[3].session_id)
    assert saved is not None and saved.entry.notes == "windy"


def test_notes_typed_are_saved_when_the_window_closes(harness: Harness) -> None:
    screen = open_history(harness)
    harness.qtbot.keyClicks(screen.details.editor.notes, "last one before the race")
    harness.window.close()
    saved = HistoryStore(harness.paths.history_db).get_session(SESSIONS[3].session_id)
    assert saved is not None and saved.entry.notes == "last one before the race"


def test_a_session_left_unchanged_is_not_written(harness: Harness) -> None:
    screen = open_history(harness)
    harness.history.set_review(SESSIONS[2].session_id, Review(rating=2, notes="from elsewhere"))
    screen.table.setFocus()
    harness.qtbot.keyClick(screen.table, Qt.Key.Key_Down)
    saved = harness.history.get_session(SESSIONS[3].session_id)
    assert saved is not None and saved.entry.review == Review()
    assert screen.message.text() == ""


def test_delete_with_undo(harness: Harness) -> None:
    screen = open_history(harness)
    screen.table.setFocus()
    harness.qtbot.keyClick(screen.table, Qt.Key.Key_Delete)
    assert column(screen, TEMPLATE) == ["Charlie", "Bravo", "Alpha"]
    assert "Undo delete" in screen.message.text()
    assert len(harness.history.list_sessions()) == 3
    harness.qtbot.keyClick(screen.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert column(screen, TEMPLATE) == ["Delta", "Charlie", "Bravo", "Alpha"]
    screen.buttons["delete"].click()
    screen.buttons["delete"].click()
    assert column(screen, TEMPLATE) == ["Bravo", "Alpha"]
    screen.buttons["undo"].click()
    screen.buttons["undo"].click()
    assert len(harness.history.list_sessions()) == 4
    assert not screen.buttons["undo"].isEnabled()


@pytest.mark.parametrize("file_format", ["csv", "json"])
def test_export_through_the_file_dialog(harness: Harness, tmp_path: Path, file_format: str) -> None:
    screen = open_history(harness)
    screen.buttons[file_format].click()
    dialog = screen.file_dialog
    assert dialog is not None
    target = tmp_path / f"backup.{file_format}"
    dialog.selectFile(str(target))
    dialog.accept()
    text = target.read_text("utf-8")
    if file_format == "json":
        assert len(json.loads(text)["sessions"]) == 4
    else:
        assert len(text.strip().splitlines()) == 5  # a header and a row per session
    assert screen.message.text() == f"Exported 4 sessions to {target}."


def test_import_a_backup_skips_what_is_there(harness: Harness, tmp_path: Path) -> None:
    screen = open_history(harness, SESSIONS[:2])
    other = HistoryStore(tmp_path / "other.sqlite")
    other.import_sessions(SESSIONS)
    backup = tmp_path / "backup.json"
    from retrotimer.exchange.history.history_files import JsonCsvHistoryFiles

    JsonCsvHistoryFiles(other).export_to(str(backup), "json")
    other.close()
    screen.choose_import()
    assert screen.file_dialog is not None
    screen.file_dialog.selectFile(str(backup))
    screen.file_dialog.accept()
    assert screen.message.text() == "Imported 2 sessions; skipped 2 already in the history."
    assert len(column(screen, TEMPLATE)) == 4


def test_a_file_that_is_not_a_backup_changes_nothing(harness: Harness, tmp_path: Path) -> None:
    screen = open_history(harness)
    bad = tmp_path / "notes.json"
    bad.write_text('{"hello": 1}', "utf-8")
    screen.import_from(str(bad))
    assert screen.message.text().startswith(f"Nothing was imported from {bad}:")
    # A refused file is a notice in the window too, not only a line on this screen.
    assert harness.window.notices.texts() == [screen.message.text()]
    assert "not a RetroTimer history export" in screen.message.text()
    assert len(harness.history.list_sessions()) == 4


def test_a_session_run_in_the_window_shows_up(harness: Harness) -> None:
    screen = open_history(harness, [])
    harness.window.tabs.setCurrentWidget(harness.run)
    harness.run.start()
    harness.run_until(lambda: harness.state() is SessionState.FINISHED)
    harness.window.summary_dialog.rating_buttons[4].click()  # type: ignore[union-attr]
    harness.window.summary_dialog.save_button.click()  # type: ignore[union-attr]
    assert column(screen, TEMPLATE) == ["First steps"]
    assert column(screen, FELT) == ["5 · too hard"]
    assert column(screen, 4) == ["Completed"]


def test_without_a_history_the_screen_says_why(harness: Harness) -> None:
    screen = HistoryScreen(None, None, harness.wall_clock, Settings().theme, "locked elsewhere")
    harness.qtbot.addWidget(screen)
    assert not screen.isEnabled()
    assert screen.message.text() == "locked elsewhere"


def test_the_progress_text_counts_one_of_a_thing_in_the_singular() -> None:
    from retrotimer.core.history.statistics import compute_statistics
    from retrotimer.core.history.wall_time import WallTime
    from retrotimer.ui.history.history_texts import statistics_text
    from tests.history_samples import MONDAY_2024_05_06, entry

    one = entry(MONDAY_2024_05_06 + 3600, backward_s=60.0, longest_backward_s=60.0)
    text = statistics_text(compute_statistics([one], WallTime(MONDAY_2024_05_06 + 7200, 0)))
    assert "This week: 1 session," in text
    assert "In all: 1 session, 1 backward minute, 0 backward steps." in text


def reviewed(number: int, review: Review) -> HistorySession:
    plain = SESSIONS[number]
    return replace(plain, entry=plain.entry.with_review(review))


def test_the_review_editor_shows_every_field_and_the_rating_in_words(harness: Harness) -> None:
    review = Review(4, 2, "calf sore", dizzy=True, pain=True)
    screen = open_history(harness, [reviewed(3, review)])
    editor = screen.details.editor
    words = [editor.rating.itemText(index) for index in range(editor.rating.count())]
    assert words == [
        "Not rated",
        "1 · very easy",
        "2 · easy",
        "3 · just right",
        "4 · hard",
        "5 · too hard",
    ]
    assert editor.rating.currentText() == "4 · hard"
    assert editor.near_stumbles.value() == 2 and editor.notes.toPlainText() == "calf sore"
    assert editor.dizzy.isChecked() and editor.pain.isChecked()
    assert editor.dizzy_or_pain.isHidden(), "the old report only where there is one"
    assert editor.review() == review
    assert column(screen, FELT) == ["4 · hard · dizzy · pain"]


def test_leaving_a_session_never_drops_its_reports(harness: Harness) -> None:
    review = Review(5, 1, "", dizzy=True, pain=True)
    screen = open_history(harness, [reviewed(3, review), SESSIONS[2]])
    screen.table.setFocus()
    harness.qtbot.keyClick(screen.table, Qt.Key.Key_Down)
    harness.window.tabs.setCurrentIndex(0)
    saved = HistoryStore(harness.paths.history_db).get_session(SESSIONS[3].session_id)
    assert saved is not None and saved.entry.review == review
    assert screen.message.text() == "", "nothing was changed, so nothing was written"


def test_the_reports_are_edited_and_kept_when_the_screen_is_left(harness: Harness) -> None:
    screen = open_history(harness)
    screen.details.editor.pain.click()
    harness.window.tabs.setCurrentIndex(0)
    saved = HistoryStore(harness.paths.history_db).get_session(SESSIONS[3].session_id)
    assert saved is not None and saved.entry.review == Review(pain=True)


def test_the_old_report_is_shown_and_replaced_by_saying_which(harness: Harness) -> None:
    screen = open_history(harness, [reviewed(3, Review(2, dizzy_or_pain=True))])
    editor = screen.details.editor
    assert column(screen, FELT) == ["2 · easy · dizzy or pain"]
    assert editor.dizzy_or_pain.isVisible() and editor.dizzy_or_pain.isChecked()
    assert editor.dizzy_or_pain.text() == ("Dizzy or in pain (recorded before these were separate)")
    editor.dizzy.click()
    assert not editor.dizzy_or_pain.isChecked(), "ticking dizzy replaces the old report"
    editor.save_review.click()
    saved = HistoryStore(harness.paths.history_db).get_session(SESSIONS[3].session_id)
    assert saved is not None and saved.entry.review == Review(2, dizzy=True)
    assert editor.dizzy_or_pain.isHidden()
    assert column(screen, FELT) == ["2 · easy · dizzy"]


def test_an_odd_session_in_a_backup_is_named_in_the_window_and_the_rest_imported(
    harness: Harness, tmp_path: Path
) -> None:
    from retrotimer.exchange.history.history_codec import sessions_to_json

    screen = open_history(harness, [])
    document = json.loads(sessions_to_json(SESSIONS))
    document["sessions"][1]["venue"] = ["track"]  # any JSON where a venue belongs
    backup = tmp_path / "backup.json"
    backup.write_text(json.dumps(document), "utf-8")
    screen.import_from(str(backup))
    said = screen.message.text()
    assert said.startswith(f"Imported {len(SESSIONS) - 1} sessions; skipped 0 already")
    assert "1 session could not be imported (kept as they were in " in said
    assert "session 2: venue must be one of track, treadmill, any, not ['track']" in said
    assert len(harness.history.list_sessions()) == len(SESSIONS) - 1
    assert harness.window.notices.texts() == [said]


def test_a_session_with_sensors_shows_its_curve_and_figures_per_segment(
    harness: Harness,
) -> None:
    start = SESSIONS[1].entry.started_utc_s
    samples = tuple(
        SensorSample(start + second, 0 if second < 300 else 1, 100 + second % 20, cadence)
        for second in range(0, 360)
        for cadence in [160 if second >= 300 else None]
    )
    # The footpod's count of the second segment as it ran; the first keeps no steps.
    segments = list(SESSIONS[1].segments)
    segments[0] = replace(segments[0], steps=None)
    segments[1] = replace(segments[1], steps=158)
    sensed = replace(SESSIONS[1], samples=samples, segments=tuple(segments))
    screen = open_history(harness, [SESSIONS[0], sensed])
    screen.select_session(SESSIONS[0].session_id)
    assert screen.details.heart_rate.isHidden()
    assert screen.details.segments.isColumnHidden(SENSOR_COLUMN)
    screen.select_session(sensed.session_id)
    details = screen.details
    assert details.heart_rate.isVisible() and len(details.heart_rate.points) == 360
    assert not details.segments.isColumnHidden(SENSOR_COLUMN)
    figures = [details.segments.item(row, SENSOR_COLUMN).text() for row in range(3)]
    assert figures == ["avg 110 · max 119", "avg 110 · max 119; 158 steps counted", ""]
    # A segment without steps of its own (recorded before steps were counted as it ran):
    # 160 steps a minute held from 300 s to the last sample at 359 s, 59 s, 157 steps.
    segments[1] = replace(segments[1], steps=None)
    older = segment_sensor_texts(replace(sensed, segments=tuple(segments)))
    figures = [older.get(row, "") for row in range(3)]
    assert figures == ["avg 110 · max 119", "avg 110 · max 119; 157 steps counted", ""]
