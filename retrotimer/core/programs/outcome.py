"""How a program session went: done well, hard, or a warning, and the facts that say so."""

from __future__ import annotations

import enum

from retrotimer.core.history.calendar_days import local_day
from retrotimer.core.history.history_values import HistoryEntry, SessionStatus, rating_words

DONE_SHARE = 0.9
HARD_RATING = 4  # "hard": the effort scale runs from 1 "very easy" to 5 "too hard"
STUMBLES_WELL = 1
STUMBLES_WARNING = 3


class Outcome(enum.Enum):
    """Done well moves a program on; hard is run again; a warning steps back."""

    DONE_WELL = "done_well"
    HARD = "hard"
    WARNING = "warning"


def session_day(entry: HistoryEntry) -> int:
    """The day number (days since 1970-01-01) the session started, where the runner was."""
    return local_day(entry.started)


def classify(entry: HistoryEntry, planned_backward_s: float) -> Outcome:
    """Done well: completed, at least 90 % of the planned backward time, rated "just right"
    or easier (or not rated), at most 1 near-stumble, not dizzy or in pain. A warning: 3 or
    more near-stumbles, or dizzy or in pain. Anything else is hard."""
    stumbles = entry.near_stumbles
    if entry.felt_unwell or (stumbles is not None and stumbles >= STUMBLES_WARNING):
        return Outcome.WARNING
    done_well = (
        entry.status is SessionStatus.COMPLETED
        and entry.backward_s >= DONE_SHARE * planned_backward_s - 1e-6
        and (entry.rating is None or entry.rating < HARD_RATING)
        and (stumbles is None or stumbles <= STUMBLES_WELL)
    )
    return Outcome.DONE_WELL if done_well else Outcome.HARD


def _minutes(seconds: float) -> str:
    minutes = seconds / 60
    return f"{minutes:.0f}" if abs(minutes - round(minutes)) < 0.05 else f"{minutes:.1f}"


def outcome_facts(entry: HistoryEntry, planned_backward_s: float) -> str:
    """What made a session hard or a warning, in words: 'rated "hard", 2 near-stumbles'."""
    facts: list[str] = []
    if entry.dizzy:
        facts.append("you felt dizzy")
    if entry.pain:
        facts.append("you were in pain")
    if entry.dizzy_or_pain:
        facts.append("you felt dizzy or in pain")
    if entry.near_stumbles:
        plural = "s" if entry.near_stumbles != 1 else ""
        facts.append(f"{entry.near_stumbles} near-stumble{plural}")
    if entry.status is not SessionStatus.COMPLETED:
        facts.append("stopped early" if entry.status is SessionStatus.STOPPED else "interrupted")
    if entry.backward_s < DONE_SHARE * planned_backward_s - 1e-6:
        facts.append(
            f"{_minutes(entry.backward_s)} of {_minutes(planned_backward_s)} backward minutes"
        )
    if entry.rating is not None and entry.rating >= HARD_RATING:
        facts.append(f'rated "{rating_words(entry.rating)}"')
    return ", ".join(facts) or "it went well"
