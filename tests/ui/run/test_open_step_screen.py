"""Open and distance steps in the window: counted up, ended by a press, recorded as run."""

from __future__ import annotations

import json
import sqlite3

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from retrotimer.core.model import Length, Segment, SegmentKind, Template, Venue
from retrotimer.core.session.session_machine import SessionState
from retrotimer.core.value import replace
from tests.ui.conftest import TEST_SETTINGS, Harness

OPEN_STEPS = Template(
    "Open steps",
    (
        Segment(SegmentKind.WALK, Length.seconds(5)),
        Segment(SegmentKind.BACKWARD_WALK, Length.open(), "to the cone"),
        Segment(SegmentKind.BACKWARD_JOG, Length.metres(100, cap_s=90)),
        Segment(SegmentKind.WALK, Length.seconds(5)),
    ),
    venue=Venue.TREADMILL,
)


def test_an_open_step_counts_up_says_press_when_done_and_ends_on_the_lap_key(
    harness: Harness,
) -> None:
    harness.settings.update(replace(TEST_SETTINGS, open_step_s=20))
    harness.library.save(OPEN_STEPS)
    harness.window.reload_templates()
    harness.show()
    run = harness.run
    assert run.select_template("Open steps")
    run.start()
    harness.run_for(5.0)
    assert run.title.text() == "To the cone"
    assert run.shout.isVisible() and run.shout.text() == "PRESS WHEN DONE"
    assert run.skip_button.accessibleName() == "Done"
    harness.run_for(33.0)  # past its 20 s estimate: it waits, counting up
    assert run.title.text() == "To the cone"
    assert run.digits.text() == "0:33"
    assert run.banner.isVisible() and run.banner.text() == "HOLD THE RAILS"
    flashes = run.banner.flash_count
    harness.run_for(30.0)
    # The reminders go on while it waits: on a treadmill, once a minute (60 s into the step).
    assert run.banner.flash_count > flashes
    QTest.keyClick(harness.window, Qt.Key.Key_L)
    assert run.title.text() == "Backward jog · 100 m · max 1:30"
    assert run.steps_left.isVisible() and run.steps_left.text() == "100 m"
    assert run.digits.text() == "0:00"
    assert run.next_label.text() == "Next: Walk · 5 s"
    harness.run_for(95.0)  # the cap ends it, then the walk
    assert run.state is SessionState.FINISHED
    harness.dismiss_summary()

    [entry] = harness.history.list_sessions()
    with sqlite3.connect(harness.paths.history_db) as db:
        rows = db.execute(
            "SELECT idx, planned_s, actual_s, skipped FROM segments WHERE session_id = ? "
            "ORDER BY idx",
            (entry.session_id,),
        ).fetchall()
        [plan_json] = db.execute(
            "SELECT plan_json FROM sessions WHERE id = ?", (entry.session_id,)
        ).fetchone()
    assert rows == [(0, 5.0, 5.0, 0), (1, 20.0, 63.0, 0), (2, 60.0, 90.0, 0), (3, 5.0, 5.0, 0)]
    segments = json.loads(plan_json)["segments"]
    assert segments[1]["ends_on_press"] and segments[1]["cap_s"] is None
    assert segments[2]["metres"] == 100 and segments[2]["cap_s"] == 90.0
