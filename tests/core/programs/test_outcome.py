"""Done well, hard and warning follow the rules exactly, at their edges too."""

from __future__ import annotations

import dataclasses

import pytest

from retrotimer.core.history.history_values import SessionStatus
from retrotimer.core.programs.outcome import Outcome, classify, outcome_facts
from tests.core.programs.program_history import ran, small_program

PROGRAM = small_program()


@pytest.mark.parametrize(
    ("how", "expected"),
    [
        ("well", Outcome.DONE_WELL),
        ("unrated", Outcome.DONE_WELL),
        ("one_stumble", Outcome.DONE_WELL),
        ("stopped", Outcome.HARD),
        ("short", Outcome.HARD),
        ("rated_hard", Outcome.HARD),
        ("stumbles2", Outcome.HARD),
        ("stumbles3", Outcome.WARNING),
        ("dizzy", Outcome.WARNING),
        ("pain", Outcome.WARNING),
        ("dizzy_or_pain", Outcome.WARNING),
    ],
)
def test_outcomes(how: str, expected: Outcome) -> None:
    entry = ran(PROGRAM, 0, 1, 1, how)
    planned = entry.backward_s / {"stopped": 0.5, "short": 0.8}.get(how, 1.0)
    assert classify(entry, planned) is expected


def test_ninety_percent_of_the_backward_time_is_enough_and_less_is_not() -> None:
    entry = ran(PROGRAM, 0, 1, 1)
    assert classify(dataclasses.replace(entry, backward_s=90.0), 100.0) is Outcome.DONE_WELL
    assert classify(dataclasses.replace(entry, backward_s=89.9), 100.0) is Outcome.HARD


def test_a_stopped_session_that_did_all_its_backward_time_is_still_hard() -> None:
    entry = dataclasses.replace(ran(PROGRAM, 0, 1, 1), status=SessionStatus.STOPPED)
    assert classify(entry, entry.backward_s) is Outcome.HARD


def test_facts_name_what_happened() -> None:
    entry = ran(PROGRAM, 0, 3, 2, "stopped")
    assert outcome_facts(entry, 240.0) == "stopped early, 2 of 4 backward minutes"
    assert outcome_facts(ran(PROGRAM, 0, 1, 1, "dizzy"), 1.0) == "you felt dizzy"
    assert outcome_facts(ran(PROGRAM, 0, 1, 1, "pain"), 1.0) == "you were in pain"
    old_report = ran(PROGRAM, 0, 1, 1, "dizzy_or_pain")
    assert outcome_facts(old_report, 1.0) == "you felt dizzy or in pain"


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
    entry = dataclasses.replace(ran(PROGRAM, 0, 1, 1), rating=rating)
    assert classify(entry, entry.backward_s) is expected
    assert outcome_facts(entry, entry.backward_s) == facts
