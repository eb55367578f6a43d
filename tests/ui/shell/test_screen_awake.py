"""The screen stays awake while a session runs; it may sleep when stopped, done or long paused."""

from __future__ import annotations

import pytest

from retrotimer.core.session.session_machine import SessionState
from retrotimer.runtime.session_run import LONG_PAUSE_S
from retrotimer.ui.shell.screen_awake import WakepyScreenAwake
from tests.ui.conftest import Harness


def test_held_while_running_released_when_stopped(harness: Harness) -> None:
    harness.show()
    assert not harness.awake.held
    harness.run.start()
    assert harness.awake.held
    harness.run_for(5.0)
    harness.run.stop_now()
    assert not harness.awake.held
    harness.dismiss_summary()


def test_released_when_the_session_finishes(harness: Harness) -> None:
    harness.show()
    harness.run.start()
    harness.run_until(lambda: harness.state() is SessionState.FINISHED)
    assert not harness.awake.held
    assert harness.awake.calls == ["hold", "release"]
    harness.dismiss_summary()


def test_a_short_pause_keeps_the_screen_awake_a_long_one_lets_it_sleep(harness: Harness) -> None:
    harness.show()
    screen = harness.run
    screen.start()
    harness.run_for(5.0)
    screen.toggle()
    run = screen.session_run
    assert run is not None
    assert harness.state() is SessionState.PAUSED
    assert harness.awake.held
    assert run.long_pause_pending
    harness.clock.advance(LONG_PAUSE_S - 1)
    run.check_long_pause()  # what the pause timer calls; the clock says not yet
    assert harness.awake.held
    assert run.long_pause_pending
    harness.clock.advance(2)
    run.check_long_pause()
    assert not harness.awake.held
    screen.toggle()  # resuming holds it again
    assert harness.state() is SessionState.RUNNING
    assert harness.awake.held
    assert not run.long_pause_pending
    screen.stop_now()
    harness.dismiss_summary()


def test_the_pause_timer_is_armed_for_the_rest_of_ten_minutes(harness: Harness) -> None:
    harness.show()
    screen = harness.run
    screen.start()
    harness.run_for(2.0)
    screen.toggle()
    run = screen.session_run
    assert run is not None
    assert run._pause_timer.interval() == round(LONG_PAUSE_S * 1000)
    screen.stop_now()
    assert not run.long_pause_pending
    harness.dismiss_summary()


def test_wakepy_holds_and_releases_a_mode(monkeypatch: pytest.MonkeyPatch) -> None:
    # wakepy's own switch for systems without a desktop session: activation reports success.
    monkeypatch.setenv("WAKEPY_FAKE_SUCCESS", "1")
    awake = WakepyScreenAwake()
    awake.hold()
    assert awake.held and awake.active
    awake.hold()  # holding twice is one hold
    awake.release()
    assert not awake.held and not awake.active
    awake.release()  # releasing twice is harmless


def test_wakepy_without_a_working_method_lets_the_session_go_on(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("WAKEPY_FORCE_FAILURE", "1")
    monkeypatch.delenv("WAKEPY_FAKE_SUCCESS", raising=False)
    awake = WakepyScreenAwake()
    awake.hold()
    assert awake.held and not awake.active
    awake.release()
    assert not awake.held
