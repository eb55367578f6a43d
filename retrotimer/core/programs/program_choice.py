"""The runner's choice of program: which one, from which day and week, on which weekdays."""

from __future__ import annotations

from typing import TYPE_CHECKING

from retrotimer.core.value import value

if TYPE_CHECKING:
    from retrotimer.core.history.wall_time import WallTime

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
DEFAULT_DAYS = ("mon", "wed", "fri")


@value
class ProgramChoice:
    """The active program; the coach replays the history from `start_day` on. `resumed`
    holds the moments the runner resumed it after it was paused."""

    name: str
    start_day: int  # days since 1970-01-01
    start_week: int = 1
    training_days: tuple[str, ...] = DEFAULT_DAYS
    resumed: tuple[WallTime, ...] = ()


def parse_weekdays(text: str) -> tuple[str, ...]:
    """ "mon,wed,fri" -> ("mon", "wed", "fri"); raises ValueError with a message for the user."""
    days = [part.strip().lower()[:3] for part in text.split(",") if part.strip()]
    unknown = [day for day in days if day not in WEEKDAYS]
    if unknown or not days:
        raise ValueError(f"training days must be weekdays such as mon,wed,fri, not {text!r}")
    return tuple(sorted(set(days), key=WEEKDAYS.index))
