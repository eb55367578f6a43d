"""The suite's guard fails any Qt test that leaves a QTimer running."""

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
    result.stdout.fnmatch_lines(["*1 QTimer(s) left running*"])
