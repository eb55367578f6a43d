"""Numbers, clock times and counted nouns as every screen writes them."""

from __future__ import annotations

import math

# The one rounding rule for totals lives in the core, so the command line shares it.
from retrotimer.core.totals import about_minutes, counted, total_clock_text, total_seconds

__all__ = [
    "about_minutes",
    "clock_text",
    "counted",
    "total_clock_text",
    "total_seconds",
    "totals_in_minutes_text",
]


def clock_text(seconds: float) -> str:
    """Whole seconds still to go, rounded up, as m:ss (h:mm:ss from an hour)."""
    return _clock(max(0, math.ceil(seconds - 1e-9)))


def totals_in_minutes_text(total_s: float, backward_s: float) -> str:
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
