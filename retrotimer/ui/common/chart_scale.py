"""Axis scales shared by the charts: a round top a little above the largest value."""

from __future__ import annotations

import math


def nice_ceiling(value: float) -> float:
    """The axis top: 1, 2 or 5 times a power of ten, at or above `value` (at least 5)."""
    value = max(value, 5.0)
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 5, 10):
        if step * power >= value:
            return float(step * power)
    return float(10 * power)
