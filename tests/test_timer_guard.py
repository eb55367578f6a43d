"""The suite's guard fails any Qt test that leaves a timer or a thread running, and says where."""

from __future__ import annotations

from pathlib import Path

import pytest

CONFTEST = Path(__file__).with_name("conftest.py").read_text(encoding="utf-8")


def test_a_test_that_leaves_a_timer_running_fails(pytester: pytest.Pytester) -> None:
    pytester.makeconftest(CONFTEST)
    pytester.makepyfile(
        """
        from PySide6.QtCore import QTimer

        def test_leaks(qtbot):
            timer = QTimer()
            timer.start(10_000)
            test_leaks.timer = timer  # keep it alive past the test

        def test_cleans_up(qtbot):
            timer = QTimer()
            timer.start(10_000)
            timer.stop()
        """
    )
    result = pytester.runpytest_subprocess()
    result.assert_outcomes(passed=2, errors=1)
    result.stdout.fnmatch_lines(["*1 left running: a QTimer started at test_*.py:5 in test_leaks*"])


def test_single_shot_timers_and_threads_are_caught_too(pytester: pytest.Pytester) -> None:
    pytester.makeconftest(CONFTEST)
    pytester.makepyfile(
        """
        from PySide6.QtCore import QObject, QThread, QTimer

        def test_single_shot_leaks(qtbot):
            QTimer.singleShot(10_000, lambda: None)

        def test_single_shot_with_a_receiver_leaks(qtbot):
            owner = QObject()
            QTimer.singleShot(10_000, owner, lambda: None)
            test_single_shot_with_a_receiver_leaks.owner = owner

        def test_single_shot_that_fired(qtbot):
            fired = []
            QTimer.singleShot(1, lambda: fired.append(1))
            qtbot.waitUntil(lambda: fired == [1])

        def test_thread_leaks(qtbot):
            thread = QThread()
            thread.start()
            test_thread_leaks.thread = thread

        def test_thread_stopped(qtbot):
            thread = QThread()
            thread.start()
            thread.quit()
            thread.wait()
        """
    )
    result = pytester.runpytest_subprocess()
    result.assert_outcomes(passed=5, errors=3)
    result.stdout.fnmatch_lines(
        [
            "*a QTimer started at test_*.py:4 in test_single_shot_leaks*",
            "*a QTimer started at test_*.py:8 in test_single_shot_with_a_receiver_leaks*",
            "*a QThread started at test_*.py:18 in test_thread_leaks*",
        ],
        consecutive=False,
    )
