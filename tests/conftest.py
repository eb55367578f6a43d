"""Shared test set-up: Qt offscreen, hypothesis profiles, private app dirs, and a guard
against running QTimers."""

from __future__ import annotations

import os
import traceback
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import settings

pytest_plugins = ["pytester"]

# Offscreen, with the laptop and desktop screens runners have beside a large default one
# that leaves windows at the size a test gives them (tests/ui/test_screen_sizes.py opens
# every window on each of the others).
SCREENS = Path(__file__).with_name("offscreen_screens.json")
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={SCREENS}"

# HYPOTHESIS_PROFILE chooses. "ci" (`make test`): a loaded machine never fails a property on
# time, the examples are the same in every run, and a failure prints the blob that replays
# it. "dev", the default: a deadline loose enough for a busy laptop that still catches a
# property gone slow. Every setting is explicit: hypothesis tunes its own defaults when it
# sees a CI service (CI=true), and "dev" must not inherit them there.
settings.register_profile("ci", deadline=None, derandomize=True, print_blob=True)
settings.register_profile("dev", deadline=timedelta(seconds=2), derandomize=False, print_blob=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))


@pytest.fixture(autouse=True)
def private_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own RETROTIMER_HOME; no test touches the user's real files."""
    home = tmp_path / "retrotimer-home"
    monkeypatch.setenv("RETROTIMER_HOME", str(home))
    return home


@pytest.fixture(autouse=True)
def silent_audio(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests never sound on the speakers; real-audio tests choose a backend themselves."""
    monkeypatch.setenv("RETROTIMER_AUDIO", "silent")


def _started_at() -> str:
    """Where the test started something: the first frame outside this file."""
    for frame in reversed(traceback.extract_stack()[:-1]):
        if frame.filename != __file__:
            return f"{Path(frame.filename).name}:{frame.lineno} in {frame.name}"
    return "unknown place"


@pytest.fixture(autouse=True)
def no_running_qtimers(request: pytest.FixtureRequest) -> Iterator[None]:
    """Fail a test that leaves a QTimer (single-shot ones too) or a QThread running, naming
    where it was started (only tests that use Qt are checked)."""
    if "qtbot" not in request.fixturenames and "qapp" not in request.fixturenames:
        yield
        return
    from PySide6.QtCore import QObject, QThread, QTimer

    timers: list[tuple[QTimer, str]] = []
    threads: list[tuple[QThread, str]] = []
    original_start = QTimer.start
    original_single_shot = QTimer.singleShot
    original_thread_start = QThread.start

    def tracking_start(self: QTimer, *args: object) -> None:
        timers.append((self, _started_at()))
        original_start(self, *args)  # type: ignore[arg-type]

    def tracking_single_shot(msec: int, *args: object) -> None:
        # A static single shot cannot be asked whether it is pending: make it a timer that can.
        receiver = args[0] if len(args) == 2 and isinstance(args[0], QObject) else None
        slot = args[-1]
        if not callable(slot) or len(args) > 2:
            original_single_shot(msec, *args)  # type: ignore[call-overload]
            return
        timer = QTimer(receiver)
        timer.setSingleShot(True)
        timer.timeout.connect(slot)
        timer.timeout.connect(timer.deleteLater)
        timers.append((timer, _started_at()))
        original_start(timer, msec)

    def tracking_thread_start(self: QThread, *args: object) -> None:
        threads.append((self, _started_at()))
        original_thread_start(self, *args)  # type: ignore[arg-type]

    QTimer.start = tracking_start  # type: ignore[method-assign]
    QTimer.singleShot = tracking_single_shot  # type: ignore[assignment]
    QThread.start = tracking_thread_start  # type: ignore[method-assign]
    try:
        yield
    finally:
        QTimer.start = original_start  # type: ignore[method-assign]
        QTimer.singleShot = original_single_shot  # type: ignore[method-assign]
        QThread.start = original_thread_start  # type: ignore[method-assign]
    running: list[str] = []
    for timer, where in timers:
        try:
            if timer.isActive():
                running.append(f"a QTimer started at {where}")
                timer.stop()
        except RuntimeError:
            pass  # the C++ object is already gone, so it is not running
    for thread, where in threads:
        try:
            if thread.isRunning():
                running.append(f"a QThread started at {where}")
                thread.quit()
                thread.wait(2000)
        except RuntimeError:
            pass
    assert not running, f"{len(running)} left running: " + "; ".join(running)
