"""The grid of weeks and sessions marks what is done, what is next and how it went."""

from __future__ import annotations

from retrotimer.core.programs.session_load import load
from retrotimer.core.programs.week_grid import CellState, GridCell, week_grid
from retrotimer.core.settings import Settings
from tests.core.programs.program_history import day, ran, small_program, view


def test_an_unfollowed_program_shows_every_sessions_minutes_ahead() -> None:
    program = small_program(weeks=2, sessions=2)
    grid = week_grid(program, Settings())
    assert [[cell.state for cell in row] for row in grid] == [[CellState.AHEAD] * 2] * 2
    assert grid[1][0].backward_s == load(program.weeks[1].sessions[0], Settings()).backward_s
    assert grid[0][0].text == f"{grid[0][0].backward_s / 60:.1f}".removesuffix(".0") + " min"


def test_the_followed_program_marks_done_next_hard_repeated_and_stepped_back() -> None:
    program = small_program(weeks=3, sessions=2)
    entries = [
        ran(program, 0, 1, 1, number=0),
        ran(program, 2, 1, 2, number=1),
        ran(program, 7, 2, 1, "rated_hard", number=2),
        ran(program, 9, 2, 1, "stumbles3", number=3),
    ]
    seen = view(program, entries, day(11))
    grid = week_grid(program, Settings(), seen.path, seen.proposal)
    assert (seen.proposal.week, seen.proposal.session) == (1, 1)
    first, second = grid[0], grid[1]
    assert first[0].state is CellState.NEXT and first[1].state is CellState.DONE
    assert second[0] == GridCell(2, 1, second[0].backward_s, CellState.AHEAD, True, True, True)
    assert second[0].text.endswith("min hard repeated stepped back")
    assert grid[2][1].state is CellState.AHEAD and not grid[2][1].hard


def test_a_complete_program_has_no_next_session() -> None:
    program = small_program(weeks=1, sessions=2)
    entries = [ran(program, 0, 1, 1, number=0), ran(program, 2, 1, 2, number=1)]
    seen = view(program, entries, day(3))
    grid = week_grid(program, Settings(), seen.path, seen.proposal)
    assert [cell.state for cell in grid[0]] == [CellState.DONE, CellState.DONE]
