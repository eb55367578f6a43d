"""A session paused mid-segment, recorded into a real history file and exported by the CLI."""

from __future__ import annotations

from pathlib import Path

import defusedxml.ElementTree as SafeXml
import pytest
from tcxreader.tcxreader import TCXReader

from retrotimer.core.history.history_values import Pause
from retrotimer.core.history.session_recorder import SessionRecorder
from retrotimer.core.history.wall_time import WallTime
from retrotimer.core.model import Length, Segment, SegmentKind
from retrotimer.core.session.plan import compile_plan
from retrotimer.core.session.session_machine import Event, Session
from retrotimer.core.settings import Settings
from retrotimer.exchange.activities.tcx_activity import NAMESPACE
from retrotimer.storage.history.history_store import HistoryStore
from retrotimer.storage.paths import AppPaths
from tests.cli_runner import retrotimer
from tests.exchange.fit_reading import fit_messages
from tests.factories import simple

ID = "5d1e4a7c-0b61-4c44-9a57-3f0a8e2b6c11"
WALL_START = 1_714_953_600.0  # Monday 2024-05-06 00:00 UTC
GET_READY_S = 5.0


def record_paused_session(path: Path) -> None:
    """A 60 s warm-up and 20 s backward walk after 5 s of get-ready, paused for 30 s 20 s
    into the warm-up: the core session and recorder on a fake clock, into `path`."""
    plan = compile_plan(
        simple(
            Segment(SegmentKind.WARMUP, Length.seconds(60)),
            Segment(SegmentKind.BACKWARD_WALK, Length.seconds(20)),
        ),
        Settings(),
    )
    session = Session(plan, get_ready_s=GET_READY_S)
    store = HistoryStore(path)
    recorder = SessionRecorder(store, ID, plan)
    now = 0.0

    def feed(events: list[Event]) -> None:
        for event in events:
            recorder.on_event(event, WallTime(WALL_START + now, 7200))

    def run_until(moment: float) -> None:
        nonlocal now
        while now < moment:
            now = min(moment, now + 0.5)
            feed(session.advance(now))

    feed(session.start(now))
    run_until(GET_READY_S + 20.0)
    feed(session.pause(now))
    now += 30.0
    feed(session.resume(now))
    run_until(GET_READY_S + 30.0 + 80.0 + 1.0)
    assert session.state.value == "finished" and recorder.is_saved
    store.close()


def test_the_pause_is_in_the_history_where_it_happened() -> None:
    path = AppPaths.from_environment().ensure().history_db
    record_paused_session(path)
    store = HistoryStore(path)
    recorded = store.get_session(ID)
    store.close()
    assert recorded is not None
    assert recorded.pauses == (Pause(WALL_START + 25.0, WALL_START + 55.0),)
    assert [record.actual_s for record in recorded.segments] == [60.0, 20.0]
    assert recorded.entry.ended_utc_s == WALL_START + 115.0


@pytest.mark.slow
def test_a_session_paused_mid_segment_exports_its_pause(tmp_path: Path) -> None:
    record_paused_session(AppPaths.from_environment().ensure().history_db)
    fit, tcx = tmp_path / "run.fit", tmp_path / "run.tcx"
    for target, file_format in ((fit, "fit"), (tcx, "tcx")):
        done = retrotimer("history", "export", ID, "--format", file_format, "-o", str(target))
        assert done.returncode == 0, done.stderr

    messages = fit_messages(fit.read_bytes())
    (summary,) = messages["session_mesgs"]
    assert summary["total_timer_time"] == pytest.approx(80.0, abs=1.0)
    assert summary["total_elapsed_time"] == pytest.approx(115.0, abs=1.0)
    events = [
        (e["event_type"], e["timestamp"].timestamp() - WALL_START) for e in messages["event_mesgs"]
    ]
    assert events == [("start", 5.0), ("stop", 25.0), ("start", 55.0), ("stop_all", 115.0)]
    warm_up, backward = messages["lap_mesgs"]
    assert warm_up["start_time"].timestamp() == WALL_START + 5.0
    assert (warm_up["total_timer_time"], warm_up["total_elapsed_time"]) == (60.0, 90.0)
    assert backward["start_time"].timestamp() == WALL_START + 95.0

    root = SafeXml.fromstring(tcx.read_bytes())
    timer = sum(float(n.text or 0) for n in root.iter(f"{{{NAMESPACE}}}TotalTimeSeconds"))
    assert timer == pytest.approx(80.0, abs=1.0)
    read = TCXReader().read(str(tcx), only_gps=False)
    assert len(read.laps) == 2
    assert read.duration == pytest.approx(80.0 + 30.0, abs=1.0), "the pause is in the elapsed"
    assert read.laps[0].duration == pytest.approx(90.0, abs=1.0)
