"""Beyond the last week: the level kept twice a week, or the next program from week 1."""

from __future__ import annotations

from retrotimer.core.programs.beyond_program import keep_level, keep_level_days, next_step
from retrotimer.core.programs.builtin_programs import LEARN, TWENTY, builtin_program
from retrotimer.core.programs.program_choice import ProgramChoice
from retrotimer.core.programs.training_rhythm import rhythm_advice


def test_keeping_the_level_trains_two_days_a_week_three_days_apart() -> None:
    assert keep_level_days(("mon", "wed", "fri")) == ("mon", "thu")
    assert keep_level_days(("sat", "sun")) == ("tue", "sat")
    choice = ProgramChoice(LEARN, 100, 2, ("tue", "thu", "sat"))
    kept = keep_level(choice)
    assert kept == ProgramChoice(LEARN, 100, 2, ("tue", "fri"))
    assert rhythm_advice(kept.training_days) is None


def test_the_next_step_starts_at_week_1_today_on_the_same_days() -> None:
    learn, twenty = builtin_program(LEARN), builtin_program(TWENTY)
    assert learn is not None and twenty is not None
    choice = ProgramChoice(LEARN, 100, 1, ("mon", "thu"))
    assert next_step(learn, choice, 180) == ProgramChoice(TWENTY, 180, 1, ("mon", "thu"))
    assert next_step(twenty, choice, 180) is None
