"""A real process killed with SIGKILL mid-segment: what it recorded is kept, as interrupted."""

from __future__ import annotations

import json
import signal
from pathlib import Path

import pytest

from retrotimer.cli import main
from retrotimer.core.history.history_values import SessionStatus
from retrotimer.core.model import Length, Segment, SegmentKind
from retrotimer.core.templates.template_toml import template_to_toml
from retrotimer.storage.history.history_store import HistoryStore
from retrotimer.storage.paths import AppPaths
from tests.cli_runner import start_retrotimer
from tests.factories import simple


@pytest.mark.slow
def test_sigkill_mid_segment_loses_only_the_segment_in_progress(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    template = tmp_path / "crash.toml"
    template.write_text(
        template_to_toml(
            simple(
                Segment(SegmentKind.WARMUP, Length.seconds(20)),
                Segment(SegmentKind.BACKWARD_WALK, Length.steps(15)),  # 9 s at 100 a minute
                Segment(SegmentKind.WALK, Length.seconds(60)),  # killed in here
                Segment(SegmentKind.BACKWARD_JOG, Length.steps(16)),
                Segment(SegmentKind.COOLDOWN, Length.seconds(20)),
            )
        ),
        encoding="utf-8",
    )
    child = start_retrotimer("run", str(template), "--headless", "--speed", "20", "--json-events")
    assert child.stdout is not None
    finished: list[int] = []
    try:
        for line in child.stdout:
            event = json.loads(line)
            if event["type"] == "segment_done":
                finished.append(len(finished))
            if len(finished) == 2:
                break  # 0 s into the 60 s walk (3 s of real time at 20x)
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait(timeout=30)
        child.stdout.close()
        assert child.stderr is not None
        child.stderr.close()
    assert child.returncode == -signal.SIGKILL
    assert finished == [0, 1]

    path = AppPaths.from_environment().history_db
    # What the killed process left: its session still marked running, both segments in.
    before = HistoryStore(path)
    (left,) = before.list_sessions(include_deleted=True)
    assert left.status is SessionStatus.RUNNING
    before.close()

    # The next start keeps it as interrupted, with what was recorded.
    assert main(["history", "list", "--json"]) == 0
    out, err = capsys.readouterr()
    assert "did not finish; it is kept as interrupted" in err
    (listed,) = json.loads(out)
    assert listed["status"] == "interrupted" and listed["template"] == "Simple"
    store = HistoryStore(path)
    whole = store.get_session(listed["id"])
    store.close()
    assert whole is not None
    assert [(r.index, r.kind, r.skipped) for r in whole.segments] == [
        (0, SegmentKind.WARMUP, False),
        (1, SegmentKind.BACKWARD_WALK, False),
    ]
    assert [r.actual_s for r in whole.segments] == [pytest.approx(20.0), pytest.approx(9.0)]
    entry = whole.entry
    assert (entry.backward_s, entry.backward_steps) == (pytest.approx(9.0), 15)
    assert entry.longest_backward_s == pytest.approx(9.0)
    assert entry.ended_utc_s is not None and entry.ended_utc_s >= entry.started_utc_s
    assert json.loads(whole.plan_json)["total_s"] == pytest.approx(20 + 9 + 60 + 6 + 20)
