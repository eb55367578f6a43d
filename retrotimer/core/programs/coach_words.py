"""The words of the coach's reasons: what the runner reported, the sessions and the days."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from retrotimer.core.history.calendar_days import civil_from_days, weekday
from retrotimer.core.history.history_values import rating_words

if TYPE_CHECKING:
    from retrotimer.core.history.program_ref import ProgramRef
    from retrotimer.core.history.session_figures import SessionFigures

_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def listed(words: Sequence[str]) -> str:
    """ "a", "a and b", "a, b and c"."""
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


def plural(count: int, word: str) -> str:
    return f"{count} {word}" + ("" if count == 1 else "s")


def day_words(day: int) -> str:
    """ "Sunday 8 March"."""
    _, month, date = civil_from_days(day)
    return f"{_WEEKDAY_NAMES[weekday(day)]} {date} {_MONTH_NAMES[month - 1]}"


def session_name(ref: ProgramRef) -> str:
    """ "Week 2, session 1", with "(lighter)" for the lighter option."""
    return f"Week {ref.week}, session {ref.session}" + (" (lighter)" if ref.lighter else "")


def ratings_words(entries: Sequence[SessionFigures]) -> str:
    """The ratings given, quoted by their words; "not rated" when none was."""
    rated = [f'"{rating_words(e.rating)}"' for e in entries if e.rating is not None]
    unrated = len(entries) - len(rated)
    if not rated:
        return "not rated"
    words = f"rated {listed(rated)}"
    return words + (f", {unrated} not rated" if unrated else "")


def stumbles_words(entries: Sequence[SessionFigures]) -> str | None:
    """The near-stumbles counted, or None when none were counted: only what was reported."""
    counted = [e.near_stumbles for e in entries if e.near_stumbles is not None]
    if not counted:
        return None
    total = sum(counted)
    words = "no near-stumbles" if total == 0 else plural(total, "near-stumble")
    if len(counted) < len(entries):
        words += f" (counted in {len(counted)} of {plural(len(entries), 'session')})"
    return words


def reported(entries: Sequence[SessionFigures]) -> str:
    """'rated "easy", no near-stumbles': the ratings and near-stumbles the runner gave."""
    stumbles = stumbles_words(entries)
    ratings = ratings_words(entries)
    return ratings if stumbles is None else f"{ratings}, {stumbles}"


def first_lower(text: str) -> str:
    return text[:1].lower() + text[1:]
