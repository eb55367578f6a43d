"""Notices a runner must see stay in a band above the screens until dismissed; passing
messages leave the status bar once read."""

from __future__ import annotations

import logging
import sys
import threading

from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from retrotimer.ui.common.notice_bar import MAX_NOTICES, NoticeBar
from retrotimer.ui.shell.main_window import status_timeout_ms
from retrotimer.ui.shell.screen_awake import SLEEP_NOTICE, WakepyScreenAwake
from tests.ui.conftest import Harness
from tests.ui.screen_geometry import layout_problems

HISTORY_TROUBLE = "The history cannot be written just now: the disk is full."


def dismiss_buttons(band: NoticeBar) -> list[QPushButton]:
    return [button for button in band.findChildren(QPushButton) if button.isVisible()]


def test_a_notice_stays_until_dismissed_and_is_shown_once(harness: Harness) -> None:
    window = harness.show()
    assert not window.notices.isVisible()
    window.notify(HISTORY_TROUBLE)
    window.notify(HISTORY_TROUBLE)
    assert window.notices.isVisible() and window.notices.texts() == [HISTORY_TROUBLE]
    window.notify("The screen may go dark.")
    assert layout_problems(window) == []
    first, _second = dismiss_buttons(window.notices)
    first.click()
    assert window.notices.texts() == ["The screen may go dark."]
    dismiss_buttons(window.notices)[0].click()
    assert not window.notices.isVisible()


def test_the_band_keeps_the_latest_few(qtbot: QtBot) -> None:
    band = NoticeBar()
    qtbot.addWidget(band)
    for number in range(MAX_NOTICES + 2):
        band.add(f"notice {number}")
    assert band.texts() == [f"notice {number}" for number in range(2, MAX_NOTICES + 2)]


def test_a_run_s_history_trouble_is_a_notice(harness: Harness) -> None:
    window = harness.show()
    harness.runs.message.emit(HISTORY_TROUBLE)
    assert window.notices.texts() == [HISTORY_TROUBLE]


def test_words_logged_for_the_runner_reach_the_window_from_any_thread(
    harness: Harness,
) -> None:
    window = harness.show()
    worker = threading.Thread(
        target=lambda: logging.getLogger("retrotimer.audio").warning(
            "audio: qt failed", extra={"notice": "The sound output failed."}
        )
    )
    worker.start()
    worker.join()
    harness.qtbot.waitUntil(lambda: window.notices.texts() == ["The sound output failed."])
    logging.getLogger("retrotimer.audio").warning("only for the log file")
    assert window.notices.texts() == ["The sound output failed."]


def test_a_screen_that_cannot_stay_awake_is_told_once(harness: Harness) -> None:
    """A real wakepy mode, asked for through a method of another system only: it cannot be
    activated here, as on a desktop wakepy does not know."""
    window = harness.show()
    elsewhere = "caffeinate" if sys.platform != "darwin" else "SetThreadExecutionState"
    awake = WakepyScreenAwake(methods=[elsewhere])
    for _session in range(2):
        awake.hold()
        assert not awake.active
        awake.release()
    harness.qtbot.waitUntil(lambda: window.notices.texts() == [SLEEP_NOTICE])


def test_a_status_message_goes_once_read(harness: Harness) -> None:
    window = harness.show()
    assert status_timeout_ms("Saved.") == 4000 + 60 * len("Saved.")
    assert status_timeout_ms("x" * 1000) == 15000
    window.tell("Saved.")
    assert window.statusBar().currentMessage() == "Saved."
    harness.qtbot.waitUntil(lambda: window.statusBar().currentMessage() == "", timeout=6000)
