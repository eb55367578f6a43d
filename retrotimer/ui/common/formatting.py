"""Numbers, clock times and counted nouns as every screen writes them."""

from __future__ import annotations

import math


def clock_text(seconds: float) -> str:
    """Whole seconds still to go, rounded up, as m:ss (h:mm:ss from an hour)."""
    return _clock(max(0, math.ceil(seconds - 1e-9)))


def total_seconds(seconds: float) -> int:
    """The one rounding rule for a plan's totals: whole seconds, halves up. The window, the
    welcome and `retrotimer plan` must agree on a template's length, so every total shown
    goes through here (a countdown rounds up instead: see `clock_text`)."""
    return max(0, math.floor(seconds + 0.5))


def total_clock_text(seconds: float) -> str:
    """A total as m:ss (h:mm:ss from an hour), by `total_seconds`."""
    return _clock(total_seconds(seconds))


def about_minutes(seconds: float) -> int:
    """A total in whole minutes ("about 12 minutes"), from `total_seconds`, halves up;
    anything above nothing is at least a minute."""
    whole = total_seconds(seconds)
    return max(1 if whole else 0, math.floor(whole / 60 + 0.5))


def counted(amount: int, noun: str, plural: str | None = None) -> str:
    """ "1 session", "2 sessions", "1 backward minute": a number with its noun agreeing."""
    return f"{amount} {noun if amount == 1 else plural or noun + 's'}"


def totals_text(total_s: float, backward_s: float) -> str:
    """A plan's totals as the window and the welcome write them: "14:35 · about 15 minutes
    · 3 backward minutes", by `total_seconds`."""
    return (
        f"{total_clock_text(total_s)}  ·  about {counted(about_minutes(total_s), 'minute')}  ·  "
        f"{counted(about_minutes(backward_s), 'backward minute')}"
    )


def _clock(whole: int) -> str:
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes}:{secs:02d}"
