"""The days off a runner's training days leave, and the advice on how many to train."""

from __future__ import annotations

import pytest

from retrotimer.core.programs.training_rhythm import free_days, rhythm_advice


@pytest.mark.parametrize(
    ("days", "free"),
    [
        (("mon", "wed", "fri"), 2),
        (("sun",), 6),
        (("mon", "tue", "wed", "thu", "fri", "sat", "sun"), 0),
        (("mon", "tue", "wed", "thu", "fri"), 2),
        (("tue", "sat"), 3),
        (("sat", "sun"), 5),
    ],
)
def test_the_days_off_a_week_of_training_leaves(days: tuple[str, ...], free: int) -> None:
    assert free_days(days) == free


def test_advice_for_fewer_or_more_days_than_advised() -> None:
    assert rhythm_advice(("sun",)) is not None and "more slowly" in (rhythm_advice(("sun",)) or "")
    many = rhythm_advice(("mon", "tue", "wed", "thu"))
    assert many is not None and "at most 3 count in any 7 days" in many
    assert rhythm_advice(("tue", "thu")) is None and rhythm_advice(("mon", "wed", "fri")) is None


def test_the_advice_in_full() -> None:
    assert rhythm_advice(("sun",)) == (
        "2-3 sessions a week, with a rest day between, is the usual advice: with one a week the "
        "program moves more slowly, a week of it taking as many calendar weeks as it has "
        "sessions."
    )
    assert rhythm_advice(("mon", "tue", "wed", "thu")) == (
        "2-3 sessions a week, with a rest day between, is the usual advice: more do not move "
        "the program faster, since at most 3 count in any 7 days."
    )
