"""Numbers written as text: what int() and float() read, bounded, finite, never raising."""

from __future__ import annotations

import pytest

from retrotimer.core.number_text import MAX_DIGITS, finite_number, whole_number


@pytest.mark.parametrize(
    ("text", "number"),
    [("12", 12), (" 7 ", 7), ("٣", 3), ("१२", 12), ("0", 0), ("9" * MAX_DIGITS, 10**15 - 1)],
)
def test_whole_numbers_in_any_script_are_read(text: str, number: int) -> None:
    assert whole_number(text) == number


@pytest.mark.parametrize(
    "text", ["", "²", "½", "-1", "+1", "1_000", "1.0", "x", "9" * (MAX_DIGITS + 1), "9" * 5000]
)
def test_anything_else_is_no_whole_number(text: str) -> None:
    assert whole_number(text) is None


@pytest.mark.parametrize(("text", "number"), [("300", 300.0), ("2.5", 2.5), ("3e2", 300.0)])
def test_finite_numbers_are_read(text: str, number: float) -> None:
    assert finite_number(text) == number


@pytest.mark.parametrize("text", ["nan", "inf", "-inf", "1e400", "1_000", "²", "", "9" * 5000])
def test_non_finite_huge_or_odd_numbers_are_none(text: str) -> None:
    assert finite_number(text) is None
