"""A wall-clock moment, on its own: the clocks, the programs and the history all use it, and
the window's first paint loads none of the history's values for it."""

from __future__ import annotations

from retrotimer.core.value import value


@value
class WallTime:
    """A wall-clock moment: seconds since the Unix epoch (UTC) and the local offset then."""

    utc_s: float
    offset_s: int = 0
