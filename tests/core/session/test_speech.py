"""Spoken words for numbers and lengths."""

from __future__ import annotations

import pytest

from retrotimer.core.session.speech import length_words, number_words, spoken_length_text


@pytest.mark.parametrize(
    ("value", "words"),
    [
        (0, ("0",)),
        (15, ("15",)),
        (60, ("60",)),
        (75, ("70", "5")),
        (90, ("90",)),
        (100, ("1", "hundred")),
        (120, ("1", "hundred", "20")),
        (185, ("1", "hundred", "80", "5")),
    ],
)
def test_number_words(value: int, words: tuple[str, ...]) -> None:
    assert number_words(value) == words


def test_lengths_in_text_and_words() -> None:
    assert spoken_length_text(1, steps=True) == "1 step"
    assert spoken_length_text(90, steps=False) == "1 minute 30 seconds"
    assert spoken_length_text(120, steps=False) == "2 minutes"
    assert spoken_length_text(45, steps=False) == "45 seconds"
    assert length_words(75, steps=True) == ("70", "5", "steps")
    assert length_words(61, steps=False) == ("1", "minute", "1", "second")
