"""The program path chart: its summary in words, for the screen and for screen readers."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from retrotimer.core.programs.coach import ProgramPath
from retrotimer.core.settings import Theme
from retrotimer.ui.common.theme import run_colours
from retrotimer.ui.programs.program_path_chart import (
    SHOWN_STEPS,
    ProgramPathChart,
    path_summary,
    shown_steps,
)
from tests.core.programs.program_history import day, ran, small_program, view

SMALL = small_program()


def test_the_summary_counts_the_path() -> None:
    entries = [
        ran(SMALL, 0, 1, 1, number=0),
        ran(SMALL, 2, 1, 2, number=1),
        ran(SMALL, 7, 2, 1, "rated_hard", number=2),
        ran(SMALL, 9, 2, 1, "stumbles3", number=3),
    ]
    path = view(SMALL, entries, day(11)).path
    assert path_summary(SMALL, path) == (
        "Small, week 1 of 3: 1 week done, 1 repeated session, 1 step back, 4 sessions"
    )
    assert path_summary(SMALL, ProgramPath((), 0, 0, 0)) == "Small: no sessions run yet"


def test_the_chart_describes_itself(qtbot: QtBot) -> None:
    chart = ProgramPathChart(run_colours(Theme.DARK))
    qtbot.addWidget(chart)
    path = view(SMALL, [ran(SMALL, 0, 1, 1)], day(2)).path
    chart.set_path(SMALL, path)
    chart.resize(640, 300)
    assert chart.accessibleDescription() == (
        "Small, week 1 of 3: 0 weeks done, 0 repeated sessions, 0 step backs, 1 session"
    )
    assert not chart.grab().isNull()


def test_the_chart_draws_the_latest_sessions_and_counts_them_all() -> None:
    entries = [ran(SMALL, 2 * n, 1, 1, "unrated", number=n) for n in range(SHOWN_STEPS + 10)]
    path = view(SMALL, entries, day(2 * SHOWN_STEPS + 30)).path
    assert len(path.steps) == SHOWN_STEPS + 10
    assert shown_steps(path) == path.steps[10:]
    assert path_summary(SMALL, path).endswith(f"{SHOWN_STEPS + 10} sessions")
