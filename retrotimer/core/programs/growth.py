"""The growth caps on a week's longest session: backward minutes, and jogging on its own."""

from __future__ import annotations

from typing import TYPE_CHECKING

from retrotimer.core.programs.session_load import load
from retrotimer.core.session.plan import compile_plan
from retrotimer.core.settings import Settings

if TYPE_CHECKING:
    from retrotimer.core.programs.program_model import Program

# More than 30 % over two weeks is where injuries among new runners rose; a single week
# may take a larger step as long as the fortnight stays within that.
WEEK_ON_WEEK = 1.5
TWO_WEEKS = 1.3
# Jogs take the place of walks, so the backward minutes alone would let the running in them
# jump; the running grows on its own cap, from a first week of short runs.
FIRST_RUNNING_S = 120.0


def longest_backward_s(program: Program, settings: Settings | None = None) -> list[float]:
    """Each week's longest session, in backward seconds (at the default cadences)."""
    settings = settings or Settings()
    return [
        max((compile_plan(t, settings).backward_s for t in week.sessions), default=0.0)
        for week in program.weeks
    ]


def longest_running_s(program: Program, settings: Settings | None = None) -> list[float]:
    """Each week's most backward running (jog and sprint) in one session, in seconds."""
    settings = settings or Settings()
    return [
        max((load(t, settings).running_s for t in week.sessions), default=0.0)
        for week in program.weeks
    ]


def growth_problems(program: Program, settings: Settings | None = None) -> list[str]:
    """Weeks whose longest session has more than 150 % of the backward minutes of the week
    before, or (from week 3) more than 130 % of the week two weeks earlier."""
    peaks = longest_backward_s(program, settings)
    problems = []
    for index in range(1, len(peaks)):
        week = index + 1
        if peaks[index] > WEEK_ON_WEEK * peaks[index - 1]:
            problems.append(
                f"week {week}: more than 150 % of the backward minutes of week {week - 1}"
            )
        if index >= 2 and peaks[index] > TWO_WEEKS * peaks[index - 2]:
            problems.append(
                f"week {week}: more than 130 % of the backward minutes of week {week - 2}"
            )
    return problems


def running_growth_problems(program: Program, settings: Settings | None = None) -> list[str]:
    """Weeks whose backward running grows too fast: the first week with any holds at most
    2 minutes of it, and every later week at most 150 % of the week before."""
    peaks = longest_running_s(program, settings)
    problems = []
    for index, running in enumerate(peaks):
        before = peaks[index - 1] if index else 0.0
        if before == 0.0 and running > FIRST_RUNNING_S:
            problems.append(f"week {index + 1}: more than 2 minutes of a first backward running")
        elif before and running > WEEK_ON_WEEK * before:
            problems.append(
                f"week {index + 1}: more than 150 % of the backward running of week {index}"
            )
    return problems
