"""Several sessions in one launch of the real window: each recorded with its own review,
settings keys that leave a finished session alone, mute that silences at once, and the
summary and quit keys."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from retrotimer.audio.cue_player import CuePlayer
from retrotimer.audio.playback import Playback, request_backends
from retrotimer.audio.tones import synthesise_tones
from retrotimer.audio.voice import VoiceLibrary
from retrotimer.core.history.history_values import Review, SessionStatus
from retrotimer.core.session.session_machine import SessionState
from retrotimer.core.value import replace
from retrotimer.storage.paths import AppPaths
from tests.audio.fakes import FakeBackend
from tests.ui.conftest import TEST_SETTINGS, Harness


def finish_and_review(harness: Harness, template: str, review: Review | None) -> None:
    harness.run.select_template(template)
    harness.run.start()
    harness.run_until(lambda: harness.state() is SessionState.FINISHED)
    dialog = harness.window.summary_dialog
    assert dialog is not None
    if review is None:
        harness.qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        return
    dialog.set_rating(review.rating)
    dialog.near_stumbles.setValue(review.near_stumbles or 0)
    harness.qtbot.keyClicks(dialog.notes, review.notes)
    harness.qtbot.keyClick(dialog.notes, Qt.Key.Key_Return)  # Enter in the notes saves
    assert harness.window.summary_dialog is None


def test_three_sessions_in_one_launch_each_keep_their_own_review(harness: Harness) -> None:
    harness.show()
    reviews = [Review(5, 0, "first"), None, Review(2, 3, "third, wobbly")]
    for template, review in zip(("First steps", "Mixed", "First steps"), reviews, strict=True):
        finish_and_review(harness, template, review)
        harness.run.toggle()  # a new start: a fresh session of the next template
    entries = sorted(harness.history.list_sessions(), key=lambda e: e.started_utc_s)
    assert [e.template_name for e in entries] == ["First steps", "Mixed", "First steps"]
    assert all(e.status is SessionStatus.COMPLETED for e in entries)
    assert [e.review for e in entries] == [reviews[0], Review(), reviews[2]]
    assert len({e.session_id for e in entries}) == 3
    assert harness.runs.held == 1, "the sessions before let go of everything they held"


def test_a_volume_key_after_the_end_leaves_the_done_screen(harness: Harness) -> None:
    window = harness.show()
    finish_and_review(harness, "First steps", None)
    run = harness.run.session_run
    words = harness.run.badge.word()
    assert words == "DONE"
    harness.qtbot.keyClick(window, Qt.Key.Key_Plus)
    harness.qtbot.keyClick(window, Qt.Key.Key_M)
    assert harness.settings.current.muted
    assert harness.run.session_run is run, "no new plan, no new session"
    assert harness.run.badge.word() == "DONE" and harness.run.state is SessionState.FINISHED


def test_a_plan_setting_reloads_an_idle_plan_but_volume_does_not(harness: Harness) -> None:
    harness.show()
    before = harness.run.session_run
    harness.settings.update(replace(harness.settings.current, volume=0.3))
    assert harness.run.session_run is before
    slower = replace(harness.settings.current, cadence_backward_walk=60)
    harness.settings.update(slower)
    assert harness.run.session_run is not before
    assert harness.run.plan is not None and harness.run.plan.total_s == 60 + 2 * (15 + 30) + 20


def test_mute_silences_a_sounding_clip_at_once(qtbot: QtBot, app_paths: AppPaths) -> None:
    device = FakeBackend("simpleaudio")
    playback = Playback(request_backends("auto", {}), {"simpleaudio": lambda: device})
    player = CuePlayer(playback, synthesise_tones(), VoiceLibrary.load(), TEST_SETTINGS)
    harness = Harness(qtbot, app_paths, TEST_SETTINGS, speaker=player)
    try:
        window = harness.show()
        harness.run.start()
        harness.run_for(1.0)
        assert device.played, "the session's first words are sounding"
        stops = device.stops
        harness.qtbot.keyClick(window, Qt.Key.Key_M)
        assert device.stops == stops + 1, "what was sounding stopped at the key"
        played = len(device.played)
        harness.run_for(30.0)
        assert len(device.played) == played, "nothing sounds while muted"
        harness.run.stop_now()
    finally:
        harness.window.close()
        harness.history.close()
        player.close()


def test_the_summary_saves_with_enter_from_any_field_and_ctrl_s(harness: Harness) -> None:
    harness.show()
    for press in ("rating", "stumbles", "ctrl+s"):
        harness.run.start()
        harness.run_until(lambda: harness.state() is SessionState.FINISHED)
        dialog = harness.window.summary_dialog
        assert dialog is not None
        dialog.rating_buttons[3].click()
        if press == "rating":
            dialog.rating_buttons[3].setFocus()
            harness.qtbot.keyClick(dialog.rating_buttons[3], Qt.Key.Key_Return)
        elif press == "stumbles":
            dialog.near_stumbles.setFocus()
            harness.qtbot.keyClick(dialog.near_stumbles, Qt.Key.Key_Enter)
        else:
            dialog.activateWindow()
            harness.qtbot.waitUntil(dialog.isActiveWindow)
            harness.qtbot.keyClick(dialog.notes, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
        assert harness.window.summary_dialog is None, press
        harness.run.toggle()
    ratings = [entry.rating for entry in harness.history.list_sessions()]
    assert ratings == [4, 4, 4], "Enter saved the rating it did not toggle"


def test_shift_enter_in_the_notes_starts_a_new_line(harness: Harness) -> None:
    harness.show()
    harness.run.start()
    harness.run_until(lambda: harness.state() is SessionState.FINISHED)
    dialog = harness.window.summary_dialog
    assert dialog is not None
    harness.qtbot.keyClicks(dialog.notes, "one")
    harness.qtbot.keyClick(dialog.notes, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    harness.qtbot.keyClicks(dialog.notes, "two")
    assert harness.window.summary_dialog is dialog
    harness.qtbot.keyClick(dialog.notes, Qt.Key.Key_Return)
    (entry,) = harness.history.list_sessions()
    assert entry.notes == "one\ntwo"


def test_quitting_mid_session_asks_first(harness: Harness) -> None:
    window = harness.show()
    harness.run.start()
    harness.run_for(5.0)
    harness.qtbot.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    question = window.stop_question
    assert question is not None and window.isVisible()
    assert harness.state() is SessionState.RUNNING
    question.reject()  # keep going
    assert window.isVisible() and harness.state() is SessionState.RUNNING
    window.request_quit()  # as closing the window by its title bar does
    question = window.stop_question
    assert question is not None
    (stop,) = [button for button in question.buttons() if button.text() == "Stop session"]
    stop.click()
    harness.qtbot.waitUntil(lambda: not window.isVisible())
    assert harness.state() is SessionState.STOPPED
    (entry,) = harness.history.list_sessions()
    assert entry.status is SessionStatus.STOPPED


def test_quitting_when_no_session_runs_asks_nothing(harness: Harness) -> None:
    window = harness.show()
    harness.qtbot.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    harness.qtbot.waitUntil(lambda: not window.isVisible())
    assert window.stop_question is None
