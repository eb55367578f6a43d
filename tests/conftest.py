"""Shared test set-up: Qt offscreen, private app dirs, and a guard against running QTimers."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest_plugins = ["pytester"]

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


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


@pytest.fixture(autouse=True)
def no_running_qtimers(request: pytest.FixtureRequest) -> Iterator[None]:
    """Fail a test that leaves a QTimer running (only tests that use Qt are checked)."""
    if "qtbot" not in request.fixturenames and "qapp" not in request.fixturenames:
        yield
        return
    from PySide6.QtCore import QTimer

    started: list[QTimer] = []
    original_start = QTimer.start

    def tracking_start(self: QTimer, *args: object) -> None:
        started.append(self)
        original_start(self, *args)  # type: ignore[arg-type]

    QTimer.start = tracking_start  # type: ignore[method-assign]
    try:
        yield
    finally:
        QTimer.start = original_start  # type: ignore[method-assign]
    running = []
    for timer in started:
        try:
            if timer.isActive():
                running.append(timer)
                timer.stop()
        except RuntimeError:
            pass  # the C++ object is already gone, so it is not running
    assert not running, f"{len(running)} QTimer(s) left running: {running}"
