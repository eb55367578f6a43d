"""Numbers given on the command line, read as the numbers in a user's file are (finite_number)."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from retrotimer.core.number_text import finite_number


def number_argument(low: float, high: float, what: str = "a number") -> Callable[[str], float]:
    """An argparse type for a number from `low` to `high`; anything else (nan, inf, "1_000",
    a word) is refused in one sentence naming the range."""

    def read(text: str) -> float:
        value = finite_number(text)
        if value is None or not low <= value <= high:
            raise argparse.ArgumentTypeError(
                f"expected {what} from {low:g} to {high:g}, not {text!r}"
            )
        return value

    return read
