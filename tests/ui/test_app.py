"""The composition root: real parts wired, the history opened, a second instance refused."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from pytestqt.qtbot import QtBot

from retrotimer.app import build_window, keep_unsaved, open_history
from retrotimer.core.history.history_values import SessionStart, WallTime
from retrotimer.core.model import Venue
from retrotimer.core.session.session_machine import SessionState
from retrotimer.runtime.clock import FakeClock
from retrotimer.storage.instance_lock import InstanceLock
from retrotimer.storage.paths import AppPaths
from retrotimer.storage.templates.template_library import TemplateLibrary


def test_the_window_gets_the_built_in_library_and_a_history(
    qtbot: QtBot, private_home: Path
) -> None:
    paths = AppPaths.from_environment().ensure()
    history, notices = open_history(paths)
    assert history is not None and notices == []
    clock = FakeClock()
    window = build_window(paths, clock=clock, precise_wait=None, history=history)
    qtbot.addWidget(window)
    try:
        assert isinstance(window.library, TemplateLibrary)
        assert window.run_screen.template is not None
        assert window.run_screen.template.name == "First steps backward"
        assert window.parts.runs.parts.history is history.store
        window.run_screen.start()
        checklist = window.run_screen.checklist  # a first run, with the default settings
        assert checklist is not None
        checklist.tick_all()
        checklist.accept()
        controller = window.run_screen.controller
        assert controller is not None
        for _ in range(20):
            clock.advance(0.5)
            controller.poll()
        window.run_screen.stop_now()
        assert window.run_screen.state is SessionState.STOPPED
        window.summary_dialog.reject()  # type: ignore[union-attr]
        window.close()
        assert keep_unsaved(window, paths) is None  # everything is in the history
        assert [entry.status.value for entry in history.store.list_sessions()] == ["stopped"]
    finally:
        history.close()


def test_a_session_left_running_is_reported_at_start(private_home: Path) -> None:
    paths = AppPaths.from_environment().ensure()
    history, _ = open_history(paths)
    assert history is not None
    history.store.begin_session(
        SessionStart("abc", "First steps", "{}", Venue.TRACK, WallTime(1714980600.0, 0), 600.0)
    )
    history.close()  # as if the app had died mid-session
    history, notices = open_history(paths)
    assert history is not None
    try:
        assert len(notices) == 1 and "kept as interrupted" in notices[0]
        assert history.store.list_sessions()[0].status.value == "interrupted"
    finally:
        history.close()


def test_a_second_instance_refuses_with_a_message(private_home: Path) -> None:
    paths = AppPaths.from_environment().ensure()
    lock = InstanceLock.for_paths(paths)
    lock.acquire()
    try:
        result = subprocess.run(
            [sys.executable, "-m", "retrotimer", "--quit-after", "0.3"],
            capture_output=True,
            text=True,
            timeout=60,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
            check=False,
        )
    finally:
        lock.release()
    assert result.returncode == 1
    assert "another RetroTimer is running" in result.stderr
    assert not (paths.config / "window.ini").exists()
