"""The wall clock for history timestamps: UTC now and the local UTC offset at that moment."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime

from retrotimer.core.history.wall_time import WallTime

WallClock = Callable[[], WallTime]


def system_wall_clock() -> WallTime:
    """Now, to the microsecond (so an ISO 8601 export reads back the very same value)."""
    utc_s = round(time.time(), 6)
    offset = datetime.fromtimestamp(utc_s).astimezone().utcoffset()
    return WallTime(utc_s, int(offset.total_seconds()) if offset is not None else 0)
