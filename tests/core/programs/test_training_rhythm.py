"""A break is measured against the runner's own training days."""

from __future__ import annotations

import pytest

from retrotimer.core.programs.training_rhythm import break_days, free_days, rhythm_advice


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


def test_a_break_is_what_goes_beyond_the_usual_days_off() -> None:
    assert break_days(9, ("mon", "wed", "fri")) == 7
    assert break_days(7, ("sun",)) == 1
    assert break_days(14, ("sun",)) == 8
    assert break_days(1, ("sun",)) == 0


def test_advice_for_fewer_or_more_days_than_advised() -> None:
    assert rhythm_advice(("sun",)) is not None and "more slowly" in (rhythm_advice(("sun",)) or "")
    many = rhythm_advice(("mon", "tue", "wed", "thu"))
    assert many is not None and "at most 3 count in any 7 days" in many
    assert rhythm_advice(("tue", "thu")) is None and rhythm_advice(("mon", "wed", "fri")) is None
