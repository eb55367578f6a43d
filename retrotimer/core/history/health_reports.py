"""The runner's latest report of dizziness or pain, while it is recent enough to rest for."""

from __future__ import annotations

from collections.abc import Iterable

from retrotimer.core.history.calendar_days import local_day
from retrotimer.core.history.history_values import HistoryEntry, Review, SessionStatus

# A report counts the day of the session and the day after: the rest the advice asks for.
REST_DAYS_AFTER_REPORT = 1


def recent_unwell_report(entries: Iterable[HistoryEntry], today: int) -> HistoryEntry | None:
    """The latest session when the runner said they felt dizzy or in pain on it, and it ran
    today or yesterday (`today` is a day number in the runner's time zone); None when the
    latest session said neither, or is older. Deleted and running sessions do not count."""
    latest: HistoryEntry | None = None
    for entry in entries:
        if entry.is_deleted or entry.status is SessionStatus.RUNNING:
            continue
        if local_day(entry.started) > today:
            continue
        if latest is None or entry.started_utc_s > latest.started_utc_s:
            latest = entry
    if latest is None or not latest.felt_unwell:
        return None
    return latest if today - local_day(latest.started) <= REST_DAYS_AFTER_REPORT else None


def felt_words(review: Review) -> str:
    """What the runner felt, to follow "you felt": "dizzy", "pain", "dizzy and in pain", or
    "dizzy or in pain" for the report from before the two were apart; "" for none."""
    if review.dizzy and review.pain:
        return "dizzy and in pain"
    if review.dizzy or review.pain:
        return "dizzy" if review.dizzy else "pain"
    return "dizzy or in pain" if review.dizzy_or_pain else ""
