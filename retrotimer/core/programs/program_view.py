"""One view of the followed program for every screen and command: today's proposal, the path
so far and the calendar, all from one replay with the runner's settings."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from retrotimer.core.programs.coach import ProgramPath, Proposal, program_path, propose, replay
from retrotimer.core.programs.schedule import PlannedDay, upcoming
from retrotimer.core.value import value

if TYPE_CHECKING:
    from retrotimer.core.history.session_figures import SessionFigures
    from retrotimer.core.programs.coach_replay import CoachState
    from retrotimer.core.programs.program_choice import ProgramChoice
    from retrotimer.core.programs.program_model import Program
    from retrotimer.core.settings import Settings


@value
class ProgramView:
    """The program as the coach sees it on `today`."""

    program: Program
    choice: ProgramChoice
    settings: Settings
    today: int
    proposal: Proposal
    path: ProgramPath
    state: CoachState  # where the runner stands today; the calendar plans from a copy

    def calendar(
        self, weeks: int | None = None, training_days: tuple[str, ...] | None = None
    ) -> list[PlannedDay]:
        """The coming sessions on the training days (the choice's unless given)."""
        days = training_days or self.choice.training_days
        return upcoming(self.state, self.today, days, self.settings, weeks)


def view_program(
    program: Program,
    choice: ProgramChoice,
    sessions: Iterable[SessionFigures],
    today: int,
    settings: Settings,
    *,
    happened_by: float | None = None,
    with_path: bool = True,
) -> ProgramView:
    """The view for `today` (a day number in the runner's zone now) from the history's
    sessions, oldest first; with `happened_by` (UTC seconds) the sessions after it are left
    out, as when asking about another day. Without `with_path` the path is empty: a command
    that shows no path spares building one step per session."""
    state = replay(program, sessions, choice, happened_by=happened_by, with_path=with_path)
    return view_of_state(state, choice, today, settings)


def view_of_state(
    state: CoachState, choice: ProgramChoice, today: int, settings: Settings
) -> ProgramView:
    """The view for `today` from a replay's end (which it carries on to today)."""
    proposal = propose(state, today, settings)
    return ProgramView(state.program, choice, settings, today, proposal, program_path(state), state)
