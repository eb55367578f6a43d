"""`retrotimer history ...` and the recording of `retrotimer run --headless`."""

from __future__ import annotations

import datetime
import json
import subprocess
import time
from pathlib import Path

import pytest

from retrotimer.cli import main
from retrotimer.core.history.history_values import (
    HistoryEntry,
    HistorySession,
    Review,
    SessionStatus,
    SessionTotals,
)
from retrotimer.core.model import Length, Segment, SegmentKind
from retrotimer.core.templates.template_toml import template_to_toml
from retrotimer.storage.history.history_schema import LATEST_VERSION
from retrotimer.storage.history.history_store import HistoryStore
from retrotimer.storage.instance_lock import InstanceLock
from retrotimer.storage.paths import AppPaths
from tests.cli_runner import retrotimer
from tests.factories import simple
from tests.history_samples import DAY, WEEK, make_id, segment, session, start

Capture = pytest.CaptureFixture[str]


def history() -> HistoryStore:
    return HistoryStore(AppPaths.from_environment().history_db)


def listed() -> list[HistoryEntry]:
    store = history()
    try:
        return store.list_sessions()
    finally:
        store.close()


def fetched(session_id: str) -> HistorySession | None:
    store = history()
    try:
        return store.get_session(session_id)
    finally:
        store.close()


def fill(*sessions_to_add: object) -> None:
    store = history()
    store.import_sessions(sessions_to_add)  # type: ignore[arg-type]
    store.close()


def recent(number: int, days_ago: float, backward_s: float = 120.0) -> object:
    return session(
        number,
        time.time() - days_ago * DAY,
        segments=(segment(0, SegmentKind.WARMUP, 60.0), segment(1, actual_s=backward_s)),
        review=Review(rating=4),
        template=f"Template {number}",
    )


def test_list_of_an_empty_history(capsys: Capture) -> None:
    assert main(["history", "list"]) == 0
    assert capsys.readouterr().out.strip() == "No sessions yet."


def test_list_as_a_table_and_as_json(capsys: Capture) -> None:
    fill(recent(0, 3), recent(1, 1))
    assert main(["history", "list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[:2] == ["started", "template"]
    assert "Template 1" in lines[1] and make_id(1)[:8] in lines[1]
    assert " hard " in lines[1] and "completed" in lines[1] and "2:00" in lines[1]
    assert main(["history", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [item["id"] for item in listed] == [make_id(1), make_id(0)]
    assert set(listed[0]) == {
        "program",
        "dizzy",
        "pain",
        "dizzy_or_pain",
        "id",
        "template",
        "venue",
        "started",
        "ended",
        "status",
        "planned_s",
        "active_s",
        "backward_s",
        "forward_s",
        "backward_steps",
        "longest_backward_s",
        "rating",
        "near_stumbles",
        "notes",
        "test_run",
    }
    assert listed[0]["backward_s"] == 120.0 and listed[0]["rating"] == 4


def test_export_and_import_restore_a_backup(
    capsys: Capture, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill(recent(0, 3), recent(1, 1))
    assert main(["history", "export", "--format", "csv"]) == 0
    csv_lines = capsys.readouterr().out.splitlines()
    assert csv_lines[0].startswith("id,template,venue,started_local") and len(csv_lines) == 3
    backup = tmp_path / "backup.json"
    assert main(["history", "export", "--format", "json", "-o", str(backup)]) == 0
    assert "Exported 2 sessions" in capsys.readouterr().err

    monkeypatch.setenv("RETROTIMER_HOME", str(tmp_path / "another-computer"))
    fill(recent(1, 1))
    assert main(["history", "import", str(backup)]) == 0
    assert capsys.readouterr().out.strip() == (
        "Imported 1 session; skipped 1 already in the history."
    )
    restored = fetched(make_id(0))
    assert restored is not None and len(restored.segments) == 2
    assert restored.entry.rating == 4


def test_a_file_that_is_not_ours_is_refused_and_nothing_changes(
    capsys: Capture, tmp_path: Path
) -> None:
    fill(recent(0, 1))
    before = listed()
    strange = tmp_path / "strange.json"
    strange.write_text('{"sessions": [{"id": "x"}]}', encoding="utf-8")
    assert main(["history", "import", str(strange)]) == 2
    err = capsys.readouterr().err
    assert "not a RetroTimer history export" in err and "Nothing was imported" in err
    assert listed() == before


def test_import_waits_for_the_instance_that_writes(capsys: Capture, tmp_path: Path) -> None:
    backup = tmp_path / "backup.json"
    fill(recent(0, 1))
    assert main(["history", "export", "--format", "json", "-o", str(backup)]) == 0
    with InstanceLock.for_paths(AppPaths.from_environment()):
        assert main(["history", "import", str(backup)]) == 2
        assert "another RetroTimer is running" in capsys.readouterr().err
        assert main(["history", "list", "--json"]) == 0, "reading still works"
        assert len(json.loads(capsys.readouterr().out)) == 1


def test_stats_as_text_and_json(capsys: Capture) -> None:
    fill(*(recent(n, n * WEEK / DAY + 0.01, backward_s=60.0 * (n + 1)) for n in range(3)))
    fill(recent(9, 0.02, backward_s=30.0))
    assert main(["history", "stats", "--json"]) == 0
    stats = json.loads(capsys.readouterr().out)
    assert stats["weekly_target_sessions"] == 2
    assert stats["totals"]["sessions"] == 4
    assert stats["totals"]["backward_min"] == pytest.approx((60 + 120 + 180 + 30) / 60, abs=0.01)
    assert stats["longest_backward_segment"]["seconds"] == 180.0
    assert stats["longest_backward_segment"]["template"] == "Template 2"
    assert len(stats["trend"]["weeks"]) == 8
    # The two newest sessions started 14 and 29 minutes ago: early on a Monday, one or both
    # fall in last week.
    monday = datetime.date.today() - datetime.timedelta(days=datetime.date.today().weekday())
    this_week = [
        days_ago
        for days_ago in (0.01, 0.02)
        if datetime.datetime.fromtimestamp(time.time() - days_ago * DAY).date() >= monday
    ]
    assert stats["current_week"]["sessions"] == len(this_week)
    assert {"week", "monday", "sessions", "backward_min", "forward_min", "met_target"} == set(
        stats["weeks"][0]
    )
    assert main(["history", "stats"]) == 0
    text = capsys.readouterr().out
    assert text.startswith("Sessions: 4 (4 completed)")
    assert "Longest backward segment: 3:00 (Template 2" in text
    assert "Backward minutes, last 8 full weeks:" in text


def test_stats_of_an_empty_history(capsys: Capture) -> None:
    assert main(["history", "stats"]) == 0
    assert capsys.readouterr().out.strip() == "No sessions yet."


def test_a_session_left_running_becomes_interrupted_on_start_up(capsys: Capture) -> None:
    store = history()
    store.begin_session(start(0, time.time() - 600, template="Crashed"))
    store.record_segment(
        make_id(0), segment(0, actual_s=45.0), SessionTotals(45, 45, 0, 0), time.time() - 500
    )
    store.close()
    assert main(["history", "list", "--json"]) == 0
    out, err = capsys.readouterr()
    assert "(Crashed) did not finish; it is kept as interrupted" in err
    (listed,) = json.loads(out)
    assert listed["status"] == "interrupted" and listed["backward_s"] == 45


def test_a_damaged_database_is_moved_aside_and_the_user_told(capsys: Capture) -> None:
    paths = AppPaths.from_environment().ensure()
    paths.history_db.write_bytes(b"definitely not SQLite" * 50)
    assert main(["history", "list"]) == 0
    out, err = capsys.readouterr()
    assert "No sessions yet." in out
    moved = [p for p in paths.data.iterdir() if p.name.startswith("history-corrupt-")]
    assert len(moved) == 1 and str(moved[0]) in err and "nothing was deleted" in err
    assert moved[0].read_bytes() == b"definitely not SQLite" * 50


def test_a_history_from_a_newer_version_is_a_clear_error(capsys: Capture) -> None:
    store = history()
    store.list_sessions()
    store.database.connection().execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    store.close()
    assert main(["history", "list"]) == 1
    assert "newer than this version of RetroTimer" in capsys.readouterr().err


def test_history_needs_an_action(capsys: Capture) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["history"])
    assert exit_info.value.code == 2
    assert "ACTION" in capsys.readouterr().err


# ---- run --headless records ----------------------------------------------------------------
def template_file(folder: Path) -> Path:
    path = folder / "short-retro.toml"
    template = simple(
        Segment(SegmentKind.WALK, Length.seconds(4)),
        Segment(SegmentKind.BACKWARD_WALK, Length.steps(10)),  # 6 s at 100 steps a minute
        Segment(SegmentKind.WALK, Length.seconds(4)),
    )
    path.write_text(template_to_toml(template), encoding="utf-8")
    return path


def run_headless(*args: str) -> subprocess.CompletedProcess[str]:
    return retrotimer("run", *args, "--headless", "--speed", "40")


@pytest.mark.slow
def test_a_headless_run_is_recorded_unless_told_not_to(tmp_path: Path) -> None:
    template = template_file(tmp_path)
    result = run_headless(str(template))
    assert result.returncode == 0, result.stderr
    (recorded,) = listed()
    assert recorded.status is SessionStatus.COMPLETED and recorded.template_name == "Simple"
    assert (recorded.backward_s, recorded.backward_steps) == (6.0, 10)
    whole = fetched(recorded.session_id)
    assert whole is not None and [r.actual_s for r in whole.segments] == [4.0, 6.0, 4.0]

    result = run_headless(str(template), "--no-history")
    assert result.returncode == 0, result.stderr
    assert len(listed()) == 1


@pytest.mark.slow
def test_a_second_writer_is_refused_with_a_way_out(tmp_path: Path) -> None:
    with InstanceLock.for_paths(AppPaths.from_environment()):
        result = run_headless(str(template_file(tmp_path)))
    assert result.returncode == 2
    assert "another RetroTimer is running" in result.stderr and "--no-history" in result.stderr


@pytest.mark.slow
def test_an_unwritable_history_keeps_the_session_for_later(tmp_path: Path, capsys: Capture) -> None:
    paths = AppPaths.from_environment()
    paths.data.parent.mkdir(parents=True, exist_ok=True)
    paths.data.write_text("a file where the data folder should be")
    result = run_headless(str(template_file(tmp_path)))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1].startswith("finished: 14 s active")
    assert "History cannot be saved just now" in result.stderr
    (kept,) = list(paths.cache.glob("unsaved-session-*.json"))
    assert f"retrotimer history import {kept}" in result.stderr

    paths.data.unlink()  # the disk is fixed
    assert main(["history", "import", str(kept)]) == 0
    assert "Imported 1 session;" in capsys.readouterr().out
    (restored,) = listed()
    assert restored.status is SessionStatus.COMPLETED and restored.backward_steps == 10
