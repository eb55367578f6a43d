"""The review on the command line: the options `run` (after a headless run) and `history
review` share, with the rating as its words or its number."""

from __future__ import annotations

from typing import Any

from retrotimer.core.history.history_values import (
    MAX_NEAR_STUMBLES,
    rating_choices,
    rating_number,
)
from retrotimer.core.number_text import whole_number

RATING_HELP = f"how hard it felt, as its number or its words: {rating_choices()}"
NEAR_STUMBLES_HELP = f"how many near-stumbles (0-{MAX_NEAR_STUMBLES})"


def add_rating_options(parser: Any, *, when: str = "") -> None:
    """--rating WORD|N and --near-stumbles N, their help starting with `when`."""
    parser.add_argument("--rating", metavar="WORD|N", help=when + RATING_HELP)
    parser.add_argument("--near-stumbles", metavar="N", help=when + NEAR_STUMBLES_HELP)


def given_rating(text: str | None) -> int | None:
    """The --rating given, or None; ValueError with a message for the runner."""
    if text is None:
        return None
    try:
        return rating_number(text)
    except ValueError as error:
        raise ValueError(f"--rating {error}") from None


def given_near_stumbles(text: str | None) -> int | None:
    """The --near-stumbles given, or None; ValueError with a message for the runner."""
    if text is None:
        return None
    number = whole_number(text)
    if number is None or number > MAX_NEAR_STUMBLES:
        raise ValueError(
            f"--near-stumbles must be a whole number from 0 to {MAX_NEAR_STUMBLES}, not {text!r}"
        )
    return number
