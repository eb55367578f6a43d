"""The placement question proposes the week that matches what the runner has done."""

from __future__ import annotations

import pytest

from retrotimer.core.programs.builtin_programs import (
    BUILTIN_PROGRAMS,
    LEARN,
    TREADMILL,
    TWENTY,
    builtin_program,
)
from retrotimer.core.programs.placement import (
    Experience,
    placement_text,
    placement_week,
    start_advice,
)
from retrotimer.core.programs.program_model import Program
from retrotimer.core.programs.session_load import load
from retrotimer.core.settings import Settings

DEFAULTS = Settings()


def learn() -> Program:
    found = builtin_program(LEARN)
    assert found is not None
    return found


def heaviest_s(program: Program, week: int) -> float:
    return max(load(t, DEFAULTS).backward_s for t in program.week(week).sessions)


@pytest.mark.parametrize("built_in", BUILTIN_PROGRAMS, ids=lambda p: p.name)
def test_a_newcomer_starts_at_week_1_whatever_the_minutes(built_in: Program) -> None:
    assert placement_week(built_in, Experience.NEVER, 60, DEFAULTS) == 1


def test_one_who_has_walked_starts_in_a_walking_week_they_can_do() -> None:
    program = learn()
    assert placement_week(program, Experience.WALKED, 30, DEFAULTS) == 3
    # Three minutes fit week 1 but not week 2: the week before the first that does not fit.
    assert heaviest_s(program, 2) > 180 >= heaviest_s(program, 1)
    assert placement_week(program, Experience.WALKED, 3, DEFAULTS) == 1
    assert placement_week(program, Experience.WALKED, 1, DEFAULTS) == 1


def test_one_who_has_jogged_starts_at_the_last_week_within_their_minutes() -> None:
    program = learn()
    minutes = heaviest_s(program, 6) / 60
    # Week 7 is lighter than week 6, week 8 heavier: the last week before one that does not fit.
    assert heaviest_s(program, 7) <= minutes * 60 < heaviest_s(program, 8)
    assert placement_week(program, Experience.JOGGED, minutes, DEFAULTS) == 7
    assert placement_week(program, Experience.JOGGED, 60, DEFAULTS) == len(program.weeks)


def test_the_proposal_says_what_the_week_works_on() -> None:
    program = learn()
    assert placement_text(program, 1).startswith("Start at week 1: walk backward in runs of 20")
    assert placement_text(program, 4).startswith("Start at week 4 of 10: first backward jogs")
    assert Experience.WALKED.question_text == "Yes, I have walked backward"


def test_the_advice_says_who_starts_where_from_the_walking_weeks() -> None:
    advice = {p.name: start_advice(p) for p in BUILTIN_PROGRAMS}
    assert advice[LEARN].startswith(
        "New to backward running: start at week 1. Walked backward before: weeks 1-3 walk. "
        "Jogged backward"
    )
    assert "weeks 1-6 walk; Start asks how long you can walk" in advice[TREADMILL]
    assert advice[TWENTY].startswith(
        "Week 1 begins with backward jogs of a minute: start here once you can do that."
    )
