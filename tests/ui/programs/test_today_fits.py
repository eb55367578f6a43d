"""Today, for every session of every built-in program, fits 1280x800 and 1366x768: nothing
clipped, nothing overlapping, the window inside the screen."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from retrotimer.core.history.calendar_days import local_day
from retrotimer.core.programs.builtin_programs import BUILTIN_PROGRAMS, LEARN
from retrotimer.core.programs.program_choice import ProgramChoice
from retrotimer.core.programs.program_model import Program
from retrotimer.core.programs.program_view import ProgramView
from retrotimer.core.value import replace
from retrotimer.storage.program_store import ProgramLibrary
from retrotimer.ui.programs.today_texts import week_schedule
from tests.core.programs.program_history import START, ran, view
from tests.ui.conftest import Harness
from tests.ui.screen_geometry import layout_problems, place_on, screen_named


@pytest.fixture(params=("1280x800", "1366x768"))
def on_screen(request: pytest.FixtureRequest, harness: Harness) -> Iterator[Harness]:
    library = ProgramLibrary(harness.paths)
    library.choose(ProgramChoice(LEARN, local_day(harness.wall_clock())))
    harness.window.close()
    harness.parts.memory.remove("window/geometry")
    harness.parts = replace(harness.parts, programs=library)
    harness.window = harness.make_window()
    place_on(harness.window, screen_named(request.param))
    harness.show()
    yield harness


def every_session(program: Program) -> Iterator[ProgramView]:
    """The view of each session on the rest day before it, where Today says the most: the
    day after the session before (or after the week before's last), as the coach sees it."""
    for week_number, week in enumerate(program.weeks, start=1):
        for session in range(1, len(week.sessions) + 1):
            start_week, runs = week_number, session - 1
            if session == 1 and week_number > 1:
                start_week, runs = week_number - 1, len(program.weeks[week_number - 2].sessions)
            done = [ran(program, 2 * n, start_week, n + 1, number=n) for n in range(runs)]
            today = START + max(0, 2 * runs - 1)
            seen = view(program, done, today, start_week=start_week)
            assert (seen.proposal.week, seen.proposal.session) == (week_number, session)
            yield seen


@pytest.mark.parametrize("program", BUILTIN_PROGRAMS, ids=lambda p: p.name)
def test_today_fits_every_session_of_every_program(on_screen: Harness, program: Program) -> None:
    window = on_screen.window
    window.tabs.setCurrentWidget(window.today_tab)
    panel = window.today_panel
    for seen in every_session(program):
        panel.show_proposal(seen.proposal, seen.settings)
        panel.show_schedule(week_schedule(seen))
        QApplication.processEvents()
        QApplication.processEvents()
        where = f"{program.name} {seen.proposal.week}.{seen.proposal.session}"
        assert panel.schedule_label.text().startswith("This week: "), where
        assert layout_problems(window) == [], where
        assert not window.today_tab.verticalScrollBar().isVisible(), where
