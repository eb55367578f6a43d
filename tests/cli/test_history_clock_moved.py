"""A wall clock set back mid-session, and a backup holding an odd session: nothing refused whole."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import pytest

from retrotimer.cli import main
from retrotimer.core.history.session_recorder import SessionRecorder
from retrotimer.core.history.wall_time import WallTime
from retrotimer.core.model import Length, Segment, SegmentKind
from retrotimer.core.session.plan import compile_plan
from retrotimer.core.session.records import SegmentRecord, SessionOutcome, summarise
from retrotimer.core.settings import Settings
from retrotimer.storage.history.history_store import HistoryStore
from retrotimer.storage.paths import AppPaths
from tests.factories import simple
from tests.history_samples import DAY, MONDAY_2024_05_06, session

Capture = pytest.CaptureFixture[str]
SESSIONS = 51


def record(store: HistoryStore, started: float, *, set_back_s: float = 0.0) -> str:
    """A session of three one-minute walks recorded as a run records it; `set_back_s` sets
    the wall clock back after the first walk."""
    plan = compile_plan(simple(*[Segment(SegmentKind.WALK, Length.seconds(60))] * 3), Settings())
    recorder = SessionRecorder(store, str(uuid.uuid4()), plan)
    recorder.begin(WallTime(started))
    records = []
    for planned in plan.segments:
        done = SegmentRecord(planned.index, planned.kind, planned.label, 60.0, 60.0, False)
        records.append(done)
        shift = set_back_s if planned.index > 0 else 0.0
        recorder.segment_done(done, WallTime(started + 60.0 * (planned.index + 1) - shift))
    summary = summarise(plan, tuple(records), SessionOutcome.FINISHED, 180.0)
    recorder.end(summary, WallTime(started + 181.0 - set_back_s))
    return recorder.session_id


def use_home(monkeypatch: pytest.MonkeyPatch, home: Path) -> AppPaths:
    monkeypatch.setenv("RETROTIMER_HOME", str(home))
    return AppPaths.from_environment()


def test_a_clock_set_back_mid_session_still_gives_a_backup_that_restores_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Capture
) -> None:
    paths = use_home(monkeypatch, tmp_path / "first")
    store = HistoryStore(paths.history_db)
    for number in range(SESSIONS):
        record(store, MONDAY_2024_05_06 + number * DAY, set_back_s=3600.0 if number == 7 else 0)
    odd = [e for e in store.list_sessions() if e.ended_utc_s is not None]
    assert all(e.ended_utc_s >= e.started_utc_s for e in odd)  # type: ignore[operator]
    store.close()
    backup = tmp_path / "backup.json"
    assert main(["history", "export", "--format", "json", "-o", str(backup)]) == 0

    use_home(monkeypatch, tmp_path / "second")
    capsys.readouterr()
    assert main(["history", "import", str(backup)]) == 0
    assert capsys.readouterr().out.startswith(f"Imported {SESSIONS} sessions;")


def test_an_odd_session_in_a_backup_is_named_and_kept_aside_and_the_rest_imported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Capture
) -> None:
    from retrotimer.exchange.history.history_codec import sessions_to_json

    document = json.loads(
        sessions_to_json([session(n, MONDAY_2024_05_06 + n * DAY) for n in range(SESSIONS)])
    )
    # As an older RetroTimer recorded it when the clock was set back: it ends before it began.
    odd = document["sessions"][12]
    odd["ended"] = "2024-05-17T23:00:00+00:00"
    backup = tmp_path / "backup.json"
    backup.write_text(json.dumps(document), encoding="utf-8")
    paths = use_home(monkeypatch, tmp_path / "home")

    assert main(["history", "import", str(backup)]) == 2
    said = capsys.readouterr().out
    kept = paths.data / next(p.name for p in paths.data.glob("not-imported-backup-*.json"))
    assert said.splitlines()[0] == (
        f"Imported {SESSIONS - 1} sessions; skipped 0 already in the history. 1 session could "
        f"not be imported (kept as they were in {kept}): session 13: ended is before the "
        "start ('2024-05-17T23:00:00+00:00')."
    )
    assert json.loads(kept.read_text(encoding="ascii"))["sessions"] == [odd]
    store = HistoryStore(paths.history_db)
    assert len(store.list_sessions()) == SESSIONS - 1
    store.close()

    # Put right by hand, the kept file imports the last one.
    fixed = json.loads(kept.read_text(encoding="ascii"))
    fixed["sessions"][0]["ended"] = None
    kept.write_text(json.dumps(fixed), encoding="utf-8")
    assert main(["history", "import", str(kept)]) == 0
    assert capsys.readouterr().out.startswith("Imported 1 session;")
