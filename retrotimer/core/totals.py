"""One rounding rule for a session's totals, so the plan, the window and the welcome agree."""

from __future__ import annotations

import math


def total_seconds(seconds: float) -> int:
    """A total in whole seconds, halves rounded up (Python's `round` sends 711.5 to 712 but
    712.5 to 712 as well, and a countdown rounds up: the same plan read 11:51 and 11:52)."""
    return max(0, math.floor(seconds + 0.5))


def total_clock_text(seconds: float) -> str:
    """A total as m:ss (h:mm:ss from an hour), by `total_seconds`."""
    hours, rest = divmod(total_seconds(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes}:{secs:02d}"


def about_minutes(seconds: float) -> int:
    """A total in whole minutes ("about 12 minutes"), from the same whole seconds, halves up;
    anything above nothing is at least a minute."""
    whole = total_seconds(seconds)
    return max(1 if whole else 0, math.floor(whole / 60 + 0.5))


def counted(amount: int, noun: str, plural: str | None = None) -> str:
    """ "1 session", "2 sessions", "1 backward minute": a number with its noun agreeing."""
    return f"{amount} {noun if amount == 1 else plural or noun + 's'}"
