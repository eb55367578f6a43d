"""Done well, hard, warning and unfinished follow the rules exactly, at their edges too, and a
session is judged by the plan it was run with."""

from __future__ import annotations

import pytest

from retrotimer.core.history.history_values import HistoryEntry, SessionStatus
from retrotimer.core.history.session_figures import session_figures
from retrotimer.core.programs import outcome
from retrotimer.core.programs.outcome import Outcome
from retrotimer.core.value import replace
from tests.core.programs.program_history import ran, small_program

PROGRAM = small_program()


def judge(entry: HistoryEntry) -> Outcome:
    return outcome.judge(session_figures(entry))


def outcome_facts(entry: HistoryEntry) -> str:
    return outcome.outcome_facts(session_figures(entry))


@pytest.mark.parametrize(
    ("how", "expected"),
    [
        ("well", Outcome.DONE_WELL),
        ("unrated", Outcome.DONE_WELL),
        ("one_stumble", Outcome.DONE_WELL),
        ("stopped_cooling_down", Outcome.DONE_WELL),
        ("stopped", Outcome.HARD),
        ("short", Outcome.HARD),
        ("rated_hard", Outcome.HARD),
        ("stumbles2", Outcome.HARD),
        ("stumbles3", Outcome.WARNING),
        ("dizzy", Outcome.WARNING),
        ("pain", Outcome.WARNING),
        ("dizzy_or_pain", Outcome.WARNING),
        ("crashed", Outcome.UNFINISHED),
    ],
)
def test_outcomes(how: str, expected: Outcome) -> None:
    assert judge(ran(PROGRAM, 0, 1, 1, how)) is expected


def test_ninety_percent_of_the_planned_backward_time_is_enough_and_less_is_not() -> None:
    entry = replace(ran(PROGRAM, 0, 1, 1), planned_backward_s=100.0)
    assert judge(replace(entry, backward_s=90.0)) is Outcome.DONE_WELL
    assert judge(replace(entry, backward_s=89.9)) is Outcome.HARD


def test_a_stopped_session_is_done_once_its_backward_work_is_and_hard_before() -> None:
    entry = replace(ran(PROGRAM, 0, 1, 1), status=SessionStatus.STOPPED)
    assert judge(entry) is Outcome.DONE_WELL
    short = replace(entry, backward_s=entry.planned_backward_s * 0.89)
    assert judge(short) is Outcome.HARD
    assert outcome_facts(short).startswith("stopped early")


def test_an_interrupted_session_is_unfinished_however_much_it_did() -> None:
    entry = replace(ran(PROGRAM, 0, 1, 1), status=SessionStatus.INTERRUPTED)
    assert judge(entry) is Outcome.UNFINISHED
    assert judge(replace(entry, rating=5)) is Outcome.UNFINISHED
    assert judge(replace(entry, near_stumbles=3)) is Outcome.WARNING


def test_the_lighter_session_is_judged_against_its_own_plan() -> None:
    lighter = ran(PROGRAM, 0, 1, 2, lighter=True)
    full = ran(PROGRAM, 0, 1, 2)
    assert lighter.planned_backward_s < full.planned_backward_s
    assert judge(lighter) is Outcome.DONE_WELL


def test_facts_name_what_happened() -> None:
    assert outcome_facts(ran(PROGRAM, 0, 3, 2, "stopped")) == (
        "stopped early, 2 of 4 backward minutes"
    )
    assert outcome_facts(ran(PROGRAM, 0, 1, 1, "dizzy")) == "you felt dizzy"
    assert outcome_facts(ran(PROGRAM, 0, 1, 1, "pain")) == "you were in pain"
    old_report = ran(PROGRAM, 0, 1, 1, "dizzy_or_pain")
    assert outcome_facts(old_report) == "you felt dizzy or in pain"
    assert outcome_facts(ran(PROGRAM, 0, 1, 1, "crashed")) == (
        "interrupted, 1.1 of 1.5 backward minutes"
    )


@pytest.mark.parametrize(
    ("rating", "expected", "facts"),
    [
        (1, Outcome.DONE_WELL, "it went well"),
        (3, Outcome.DONE_WELL, "it went well"),
        (4, Outcome.HARD, 'rated "hard"'),
        (5, Outcome.HARD, 'rated "too hard"'),
    ],
)
def test_the_rating_is_an_effort_scale_and_its_words_are_quoted(
    rating: int, expected: Outcome, facts: str
) -> None:
    entry = replace(ran(PROGRAM, 0, 1, 1), rating=rating)
    assert judge(entry) is expected
    assert outcome_facts(entry) == facts


def test_only_a_stopped_session_is_stopped_early_and_one_stumble_is_singular() -> None:
    short = ran(PROGRAM, 0, 1, 1, "short")
    assert outcome_facts(short) == "1.2 of 1.5 backward minutes"
    one = replace(ran(PROGRAM, 0, 1, 1, "rated_hard"), near_stumbles=1)
    assert outcome_facts(one) == '1 near-stumble, rated "hard"'
