"""What the coach's replay keeps of a rule it followed, and of each session on the path."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from retrotimer.core.history.program_ref import ProgramRef
    from retrotimer.core.history.session_figures import SessionFigures
    from retrotimer.core.programs.coach_vocabulary import Decision, Rule
    from retrotimer.core.programs.outcome import Outcome


class Context(NamedTuple):
    """What a rule speaks about, kept to be put in words only if it is shown (a tuple: one is
    made for every session a replay meets)."""

    session: SessionFigures | None = None
    day: int = 0  # the session's
    gap: int = 0
    break_days: int = 0
    until: int | None = None
    earlier: tuple[tuple[int, SessionFigures], ...] = ()  # reports of dizziness or pain
    finished: tuple[SessionFigures, ...] = ()  # the sessions of a week just done


class Said(NamedTuple):
    """The rule that gave the decision, what it was about, and the week it left."""

    rule: Rule
    context: Context
    week: int


class PathStep(NamedTuple):
    """One session of the program as the replay met it, and where the program stood after."""

    day: int  # days since 1970-01-01, the runner's local day then
    session: SessionFigures
    outcome: Outcome
    decision: Decision
    week_after: int
    complete_after: bool
    moved_on: bool  # it counted: the program is a session further on

    @property
    def ref(self) -> ProgramRef:
        ref = self.session.program
        assert ref is not None, "the path holds sessions of the program"
        return ref

    @property
    def backward_s(self) -> float:
        return self.session.backward_s

    @property
    def planned_backward_s(self) -> float:
        """The backward seconds of the plan it was run with."""
        return self.session.planned_backward_s
