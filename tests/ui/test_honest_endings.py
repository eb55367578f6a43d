"""A session that reached its end with most of it skipped says so: on the run screen, in the
summary, in the history and in the statistics."""

from __future__ import annotations

from retrotimer.core.history.statistics import compute_statistics
from retrotimer.core.session.session_machine import SessionState
from retrotimer.ui.history.history_model import STATUS
from retrotimer.ui.history.history_texts import status_text
from tests.ui.conftest import Harness


def run_mixed(harness: Harness, seconds_before_skipping: float) -> None:
    """`Mixed` (10 s warm-up, 12 s backward jog, 8 s run, 6 s rest, 10 s cool-down), each
    segment skipped once this many seconds of it have gone."""
    harness.show()
    harness.run.select_template("Mixed")
    harness.run.start()
    while harness.state() is not SessionState.FINISHED:
        harness.run_for(seconds_before_skipping)
        if harness.state() is SessionState.RUNNING:
            harness.run.skip()


def test_skipping_every_segment_is_not_told_as_completed(harness: Harness) -> None:
    run_mixed(harness, 1.0)
    texts = harness.run._texts
    assert texts is not None
    assert (texts.word, texts.title) == ("ENDED", "Session mostly skipped")
    assert texts.info == "0:05 of 0:46 done. Space for a new start"
    dialog = harness.window.summary_dialog
    assert dialog is not None
    result = dialog.values["Result"].accessibleDescription()
    assert result == "Mostly skipped: less than half of it was done"
    assert dialog.values["Time"].accessibleDescription() == "0:05 of 0:46 planned"
    dialog.reject()
    (entry,) = harness.history.list_sessions()
    assert entry.status.value == "completed" and entry.mostly_skipped and not entry.completed
    assert status_text(entry) == "Mostly skipped"
    window = harness.window
    window.tabs.setCurrentWidget(window.history_screen)
    screen = window.history_screen
    assert screen.model.index(0, STATUS).data() == "Mostly skipped"
    stats = compute_statistics([entry], harness.wall_clock())
    assert stats.totals.sessions == 1 and stats.totals.completed == 0


def test_a_session_mostly_run_is_still_well_done(harness: Harness) -> None:
    run_mixed(harness, 7.0)  # 7 s of each segment: 33 of 46 s
    texts = harness.run._texts
    assert texts is not None and (texts.word, texts.title) == ("DONE", "Session complete")
    dialog = harness.window.summary_dialog
    assert dialog is not None
    assert dialog.values["Result"].accessibleDescription() == "Completed"
    dialog.reject()
    (entry,) = harness.history.list_sessions()
    assert entry.completed and status_text(entry) == "Completed"
