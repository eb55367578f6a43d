"""Where a runner starts a program: the week that matches what they have done before."""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING

from retrotimer.core.programs.session_load import load

if TYPE_CHECKING:
    from retrotimer.core.programs.program_model import Program
    from retrotimer.core.settings import Settings


class Experience(enum.Enum):
    """What the runner has done backward before."""

    NEVER = "never"
    WALKED = "walked"
    JOGGED = "jogged"

    @property
    def question_text(self) -> str:
        return _ANSWERS[self]


_ANSWERS = {
    Experience.NEVER: "No, never",
    Experience.WALKED: "Yes, I have walked backward",
    Experience.JOGGED: "Yes, I have jogged backward",
}


def placement_week(
    program: Program, experience: Experience, minutes: float, settings: Settings
) -> int:
    """The week to start at: week 1 for a newcomer; otherwise the last week whose sessions
    all hold no more backward minutes than the runner has done in one session, and, for one
    who has only walked, a walking week (a week that runs is always learned from its start)."""
    if experience is Experience.NEVER:
        return 1
    walking = set(program.walking_weeks)
    week = 1
    for number, program_week in enumerate(program.weeks, start=1):
        if experience is Experience.WALKED and number not in walking:
            break
        heaviest = max(load(t, settings).backward_s for t in program_week.sessions)
        if heaviest > minutes * 60:
            break
        week = number
    return week


def placement_text(program: Program, week: int) -> str:
    """Why this week: what it works on, said so the runner can judge it."""
    focus = program.week(week).focus
    if week == 1:
        return f"Start at week 1: {focus[:1].lower()}{focus[1:]}."
    return (
        f"Start at week {week} of {len(program.weeks)}: {focus[:1].lower()}{focus[1:]}. Two "
        "hard sessions in it, and the coach takes you back a week."
    )


def start_advice(program: Program) -> str:
    """Who should start where, in a sentence or two, from the program's walking weeks."""
    walking = program.walking_weeks
    if walking and walking[0] == 1:
        last = walking[-1]
        weeks = "week 1" if last == 1 else f"weeks 1-{last}"
        advice = f"New to backward running: start at week 1. Walked backward before: {weeks} walk"
        if last == len(program.weeks):
            return advice + "; Start asks how long you can walk backward and proposes a week."
        return advice + (
            ". Jogged backward: Start asks how long, and proposes the week that matches."
        )
    first = program.weeks[0].focus
    return (
        f"Week 1 begins with {first[:1].lower()}{first[1:]}: start here once you can do that. "
        "Start asks what you have done backward and proposes a week."
    )
