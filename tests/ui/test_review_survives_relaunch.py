"""A review with dizziness and pain given in the summary survives the History screen's
auto-save and a new launch of the window over the same RetroTimer home."""

from __future__ import annotations

import sqlite3
from contextlib import closing

from pytestqt.qtbot import QtBot

from retrotimer.app import build_window, open_history
from retrotimer.core.history.history_values import Review
from retrotimer.core.session.session_machine import SessionState
from retrotimer.runtime.clock import FakeClock
from retrotimer.storage.paths import AppPaths
from retrotimer.ui.shell.main_window import MainWindow
from tests.ui.conftest import Harness

GIVEN = Review(rating=5, near_stumbles=2, notes="dizzy on the turns", dizzy=True, pain=True)


def look_at_history_and_leave(window: MainWindow) -> None:
    """Show History with the session chosen, then another screen: what the runner does when
    they only look, and when History saves a review it thinks was changed."""
    window.tabs.setCurrentWidget(window.history_screen)
    editor = window.history_screen.details.editor
    assert editor.review() == GIVEN, "History shows every field of the review"
    assert editor.dizzy.isChecked() and editor.pain.isChecked()
    window.tabs.setCurrentWidget(window.run_screen)


def test_dizziness_and_pain_survive_history_and_a_relaunch(
    qtbot: QtBot, app_paths: AppPaths, harness: Harness
) -> None:
    window = harness.show()
    harness.run.start()
    harness.run_until(lambda: harness.state() is SessionState.FINISHED)
    dialog = window.summary_dialog
    assert dialog is not None
    dialog.rating_buttons[4].click()
    dialog.near_stumbles.setValue(2)
    dialog.dizzy.click()
    dialog.pain.click()
    qtbot.keyClicks(dialog.notes, "dizzy on the turns")
    dialog.save_button.click()
    look_at_history_and_leave(window)
    window.close()
    harness.history.close()

    # Launched again as app.py does: the composition root, the instance lock, the same home.
    history, messages = open_history(app_paths)
    assert history is not None and messages == []
    try:
        again = build_window(app_paths, clock=FakeClock(), precise_wait=None, history=history)
        qtbot.addWidget(again)
        again.show()
        qtbot.waitExposed(again)
        look_at_history_and_leave(again)
        again.close()
        (entry,) = history.store.list_sessions()
        assert entry.review == GIVEN
    finally:
        history.close()
    # Straight from the file, with sqlite3 alone.
    with closing(sqlite3.connect(app_paths.history_db)) as db:
        row = db.execute(
            "SELECT rating, near_stumbles, notes, dizzy, pain, dizzy_or_pain FROM sessions"
        ).fetchall()
    assert row == [(5, 2, "dizzy on the turns", 1, 1, 0)]
