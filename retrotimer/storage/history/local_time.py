"""A recorded moment as the runner's local date and time then (datetime, which the core avoids)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from retrotimer.core.history.wall_time import WallTime


def local_datetime(moment: WallTime) -> datetime:
    """The moment in the runner's local time then, as an aware datetime."""
    return datetime.fromtimestamp(moment.utc_s, timezone(timedelta(seconds=moment.offset_s)))
