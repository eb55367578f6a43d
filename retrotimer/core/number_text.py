"""Numbers written as text in a user's file or command line, read without surprises."""

from __future__ import annotations

import math

# Far more digits than any count or length needs, far fewer than Python refuses to convert
# (4300), so reading never raises.
MAX_DIGITS = 15


def whole_number(text: str) -> int | None:
    """A whole number of decimal digits (those of any script, as int() reads them: "٣" is 3),
    spaces around it allowed; None for anything else, "²", "1_000", "-1" and a number of more
    than MAX_DIGITS digits included."""
    digits = text.strip()
    if not digits or len(digits) > MAX_DIGITS or not digits.isdecimal():
        return None
    return int(digits)


def finite_number(text: str) -> float | None:
    """A decimal number ("300", "2.5", "1e3"), finite and of at most MAX_DIGITS digits;
    None for "nan", "inf", "1e400", "1_000" or text that is no number."""
    written = text.strip()
    if not written or len(written) > MAX_DIGITS + 8 or "_" in written:
        return None
    try:
        value = float(written)
    except ValueError:
        return None
    return value if math.isfinite(value) and abs(value) < 10**MAX_DIGITS else None
