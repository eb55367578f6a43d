"""Numbers and clock times as every screen writes them."""

from __future__ import annotations

import math


def clock_text(seconds: float) -> str:
    """Whole seconds still to go, rounded up, as m:ss (h:mm:ss from an hour)."""
    whole = max(0, math.ceil(seconds - 1e-9))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes}:{secs:02d}"
