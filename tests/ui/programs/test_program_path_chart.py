"""The program path chart: its summary in words, for the screen and for screen readers."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from retrotimer.core.programs.coach import ProgramPath, program_path
from retrotimer.core.settings import Theme
from retrotimer.ui.common.theme import run_colours
from retrotimer.ui.programs.program_path_chart import ProgramPathChart, path_summary
from tests.core.programs.program_history import START, day, ran, small_program

SMALL = small_program()


def test_the_summary_counts_the_path() -> None:
    entries = [
        ran(SMALL, 0, 1, 1, number=0),
        ran(SMALL, 2, 1, 2, number=1),
        ran(SMALL, 4, 2, 1, "rated_hard", number=2),
        ran(SMALL, 6, 2, 1, "dizzy", number=3),
    ]
    path = program_path(SMALL, entries, day(8), START)
    assert path_summary(SMALL, path) == (
        "Small, week 1 of 3: 1 week done, 1 repeated session, 1 step back, 4 sessions"
    )
    assert path_summary(SMALL, ProgramPath((), 0, 0, 0)) == "Small: no sessions run yet"


def test_the_chart_describes_itself(qtbot: QtBot) -> None:
    chart = ProgramPathChart(run_colours(Theme.DARK))
    qtbot.addWidget(chart)
    path = program_path(SMALL, [ran(SMALL, 0, 1, 1)], day(2), START)
    chart.set_path(SMALL, path)
    chart.resize(640, 300)
    assert chart.accessibleDescription() == (
        "Small, week 1 of 3: 0 weeks done, 0 repeated sessions, 0 step backs, 1 session"
    )
    assert not chart.grab().isNull()
