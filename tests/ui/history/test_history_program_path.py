"""The History screen shows the program's path while a program is followed."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from retrotimer.core.history.calendar_days import DAY_S
from retrotimer.core.history.wall_time import WallTime
from retrotimer.core.programs.program_choice import ProgramChoice
from retrotimer.core.programs.program_model import Program
from retrotimer.core.settings import Settings, Theme
from retrotimer.core.value import replace
from retrotimer.storage.history.history_store import HistoryStore
from retrotimer.ui.common.theme import run_colours
from retrotimer.ui.history.history_screen import HistoryScreen
from retrotimer.ui.programs.followed_program import FollowedProgram
from retrotimer.ui.programs.program_path_chart import ProgramPathChart
from tests.core.programs.program_history import START, day, ran, recorded, small_program

SMALL = small_program()


class OneProgram:
    """A ProgramSource that follows SMALL from START, or nothing."""

    def __init__(self, following: bool) -> None:
        self.following = following

    def programs(self) -> list[Program]:
        return [SMALL]

    def chosen(self) -> bool:
        return self.following

    def active(self) -> tuple[Program, ProgramChoice] | None:
        return (SMALL, ProgramChoice(SMALL.name, START)) if self.following else None

    def choose(self, choice: ProgramChoice | None) -> None:
        self.following = choice is not None


def screen(qtbot: QtBot, tmp_path: Path, following: bool) -> HistoryScreen:
    store = HistoryStore(tmp_path / "history.sqlite")
    entries = [ran(SMALL, 0, 1, 1, number=0), ran(SMALL, 2, 1, 2, "rated_hard", number=1)]
    store.import_sessions(recorded(SMALL, entry) for entry in entries)

    def clock() -> WallTime:
        return WallTime(day(3) * DAY_S + 3600.0)

    shown = HistoryScreen(
        store,
        None,
        clock,
        Theme.DARK,
        programs=OneProgram(following),
        side_chart=ProgramPathChart(
            run_colours(Theme.DARK), FollowedProgram(OneProgram(following), store, Settings, clock)
        ),
    )
    qtbot.addWidget(shown)
    return shown


def test_the_path_tab_shows_the_program_sessions(qtbot: QtBot, tmp_path: Path) -> None:
    shown = screen(qtbot, tmp_path, following=True)
    assert shown.charts.isTabVisible(1)
    assert shown.side_chart.accessibleDescription() == (
        "Small, week 1 of 3: 0 weeks done, 1 repeated session, 0 step backs, 2 sessions"
    )


def test_without_a_program_there_is_no_path_tab(qtbot: QtBot, tmp_path: Path) -> None:
    shown = screen(qtbot, tmp_path, following=False)
    assert not shown.charts.isTabVisible(1)


def test_an_import_names_programs_not_installed_and_keeps_their_sessions(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from retrotimer.core.history.history_values import HistorySession as Session
    from retrotimer.core.history.program_ref import ProgramRef
    from retrotimer.exchange.history.history_codec import sessions_to_json
    from retrotimer.exchange.history.history_files import JsonCsvHistoryFiles

    store = HistoryStore(tmp_path / "history.sqlite")
    shown = HistoryScreen(
        store,
        JsonCsvHistoryFiles(store),
        lambda: WallTime(day(3) * DAY_S),
        Theme.DARK,
        programs=OneProgram(following=True),
        side_chart=ProgramPathChart(
            run_colours(Theme.DARK),
            FollowedProgram(OneProgram(True), store, Settings, lambda: WallTime(day(3) * DAY_S)),
        ),
    )
    qtbot.addWidget(shown)
    foreign = replace(ran(SMALL, 0, 1, 1), program=ProgramRef("Elsewhere", 1, 1))
    backup = tmp_path / "backup.json"
    backup.write_text(sessions_to_json([Session(foreign, "{}", ())]), encoding="utf-8")
    shown.import_from(str(backup))
    assert shown.message.text() == (
        "Imported 1 session; skipped 0 already in the history. Sessions run for programs not "
        'installed here were kept: "Elsewhere". Import the program to follow it.'
    )
    assert [e.program for e in store.list_sessions()] == [ProgramRef("Elsewhere", 1, 1)]
