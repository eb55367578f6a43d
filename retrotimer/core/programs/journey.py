"""The journey through a completed program, told from the history's figures."""

from __future__ import annotations

from typing import TYPE_CHECKING

from retrotimer.core.history.history_values import SessionStatus
from retrotimer.core.value import value

if TYPE_CHECKING:
    from retrotimer.core.programs.coach import ProgramPath
    from retrotimer.core.programs.program_model import Program


@value
class Journey:
    """What the runner did on the way: sessions run, days taken, backward minutes in all, the
    first and the longest session's backward minutes, and the repeats and step backs."""

    program: str
    sessions: int
    days: int
    backward_s: float
    first_s: float
    longest_s: float
    repeats: int
    step_backs: int


def journey(program: Program, path: ProgramPath) -> Journey:
    """The journey along `path`; a program with no session run is a journey of nothing."""
    ran = [step for step in path.steps if step.session.status is not SessionStatus.INTERRUPTED]
    days = ran[-1].day - ran[0].day + 1 if ran else 0
    return Journey(
        program.name,
        len(ran),
        days,
        sum(step.backward_s for step in ran),
        ran[0].backward_s if ran else 0.0,
        max((step.backward_s for step in ran), default=0.0),
        path.repeats,
        path.step_backs,
    )


def _minutes(seconds: float) -> str:
    minutes = seconds / 60
    return f"{minutes:.0f}" if minutes >= 10 else f"{minutes:.1f}".removesuffix(".0")


def _times(count: int, one: str, many: str) -> str:
    return one if count == 1 else f"{count} {many}"


def journey_lines(done: Journey) -> tuple[str, ...]:
    """The journey in sentences for the celebration."""
    weeks = max(1, round(done.days / 7))
    lines = [
        f"You finished {done.program}: {done.sessions} sessions in {weeks} "
        f"week{'s' if weeks != 1 else ''}, {_minutes(done.backward_s)} backward minutes in all.",
        f"Your first session held {_minutes(done.first_s)} backward minutes; your longest, "
        f"{_minutes(done.longest_s)}.",
    ]
    setbacks = []
    if done.repeats:
        setbacks.append(f"repeated {_times(done.repeats, 'a session', 'sessions')}")
    if done.step_backs:
        setbacks.append(f"stepped back {_times(done.step_backs, 'once', 'times')}")
    if setbacks:
        lines.append(f"On the way you {' and '.join(setbacks)}, and kept going.")
    return tuple(lines)


def just_completed(path: ProgramPath) -> bool:
    """The last session run completed the program: the moment to celebrate."""
    steps = path.steps
    if not steps or not steps[-1].complete_after:
        return False
    return len(steps) == 1 or not steps[-2].complete_after
