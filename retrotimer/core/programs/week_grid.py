"""A program as a grid of weeks and sessions, marked with where the runner stands."""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING

from retrotimer.core.programs.coach_vocabulary import Decision
from retrotimer.core.programs.outcome import Outcome
from retrotimer.core.programs.session_load import load
from retrotimer.core.value import value

if TYPE_CHECKING:
    from retrotimer.core.programs.coach import ProgramPath, Proposal
    from retrotimer.core.programs.program_model import Program
    from retrotimer.core.settings import Settings


class CellState(enum.Enum):
    DONE = "done"
    NEXT = "next"
    AHEAD = "ahead"


@value
class GridCell:
    """One session of the program; the marks say it was hard, run more than once, or where
    the program stepped back from."""

    week: int
    session: int
    backward_s: float
    state: CellState = CellState.AHEAD
    hard: bool = False
    repeated: bool = False
    stepped_back: bool = False

    @property
    def text(self) -> str:
        minutes = f"{self.backward_s / 60:.1f}".removesuffix(".0")
        marks = [_MARKS[self.state]] if self.state is not CellState.AHEAD else []
        marks += [mark for flag, mark in zip(self._flags, _FLAG_MARKS, strict=True) if flag]
        return " ".join([f"{minutes} min", *marks])

    @property
    def _flags(self) -> tuple[bool, bool, bool]:
        return (self.hard, self.repeated, self.stepped_back)


_MARKS = {CellState.DONE: "done", CellState.NEXT: "next"}
_FLAG_MARKS = ("hard", "repeated", "stepped back")


def week_grid(
    program: Program,
    settings: Settings,
    path: ProgramPath | None = None,
    proposal: Proposal | None = None,
) -> tuple[tuple[GridCell, ...], ...]:
    """Each week's cells, in order; with the followed program's path and today's proposal,
    the cells carry where the runner stands."""
    runs: dict[tuple[int, int], list[tuple[Outcome, Decision, bool]]] = {}
    for step in path.steps if path is not None else ():
        ref = step.ref
        if not ref.lighter:
            runs.setdefault((ref.week, ref.session), []).append(
                (step.outcome, step.decision, step.moved_on)
            )
    upcoming = (proposal.week, proposal.session) if proposal and not proposal.complete else None
    grid = []
    for week, program_week in enumerate(program.weeks, start=1):
        row = []
        for number, template in enumerate(program_week.sessions, start=1):
            ran = runs.get((week, number), [])
            state = CellState.AHEAD
            if (week, number) == upcoming:
                state = CellState.NEXT
            elif any(moved for _, _, moved in ran):
                state = CellState.DONE
            row.append(
                GridCell(
                    week,
                    number,
                    load(template, settings).backward_s,
                    state,
                    any(outcome in (Outcome.HARD, Outcome.WARNING) for outcome, _, _ in ran),
                    len(ran) > 1,
                    any(decision is Decision.STEP_BACK for _, decision, _ in ran),
                )
            )
        grid.append(tuple(row))
    return tuple(grid)
