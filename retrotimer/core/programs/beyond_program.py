"""Beyond a program's last week: keep the level twice a week, or take the next step."""

from __future__ import annotations

from typing import TYPE_CHECKING

from retrotimer.core.programs.program_choice import WEEKDAYS, ProgramChoice
from retrotimer.core.value import replace

if TYPE_CHECKING:
    from retrotimer.core.programs.program_model import Program

KEEP_LEVEL_PER_WEEK = 2
# Three or four days apart: each session recovered from before the next.
_APART = 3


def keep_level_days(training_days: tuple[str, ...]) -> tuple[str, ...]:
    """Two days a week to keep the level: the first training day and the day 3 days on."""
    first = WEEKDAYS.index(training_days[0]) if training_days else 0
    days = {first, (first + _APART) % len(WEEKDAYS)}
    return tuple(WEEKDAYS[day] for day in sorted(days))


def keep_level(choice: ProgramChoice) -> ProgramChoice:
    """The same completed program, at its top level, two sessions a week."""
    return replace(choice, training_days=keep_level_days(choice.training_days))


def next_step(program: Program, choice: ProgramChoice, today: int) -> ProgramChoice | None:
    """The program that follows this one, from week 1 today on the same days; None when
    there is none."""
    if not program.next_program:
        return None
    return ProgramChoice(program.next_program, today, 1, choice.training_days)
