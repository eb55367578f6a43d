"""How a session went for a program, judged by the plan it was run with, and the facts that
say so."""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING

from retrotimer.core.history.history_values import SessionStatus, rating_words

if TYPE_CHECKING:
    from retrotimer.core.history.session_figures import SessionFigures

DONE_SHARE = 0.9
COUNTED_SHARE = 0.5
HARD_RATING = 4  # "hard": the effort scale runs from 1 "very easy" to 5 "too hard"
STUMBLES_WELL = 1
STUMBLES_WARNING = 3
# Seconds are stored as floats; a share met to the microsecond is met.
SLACK_S = 1e-6


class Outcome(enum.Enum):
    """Done well moves a program on; hard is run again; a warning steps back; an unfinished
    session (the app closed under it) is neither."""

    DONE_WELL = "done_well"
    HARD = "hard"
    WARNING = "warning"
    UNFINISHED = "unfinished"


def pained(entry: SessionFigures) -> bool:
    """In pain, or the single report of dizziness or pain from before the two were apart (the
    more cautious reading)."""
    return entry.pain or entry.dizzy_or_pain


def felt_unwell(entry: SessionFigures) -> bool:
    return entry.dizzy or pained(entry)


def reaches(done_s: float, share: float, planned_s: float) -> bool:
    return done_s >= share * planned_s - SLACK_S


def backward_work_done(entry: SessionFigures) -> bool:
    """At least 90 % of the backward time of the session's own plan."""
    return reaches(entry.backward_s, DONE_SHARE, entry.planned_backward_s)


def judge(entry: SessionFigures) -> Outcome:
    """A warning: dizzy, in pain, or 3 or more near-stumbles. Unfinished: interrupted.
    Done well: completed, or stopped once its backward work was done (in the cool-down, say),
    with at least 90 % of its planned backward time, rated "just right" or easier (or not
    rated) and at most 1 near-stumble. Anything else is hard."""
    stumbles = entry.near_stumbles
    if felt_unwell(entry) or (stumbles is not None and stumbles >= STUMBLES_WARNING):
        return Outcome.WARNING
    if entry.status is SessionStatus.INTERRUPTED:
        return Outcome.UNFINISHED
    done_well = (
        backward_work_done(entry)
        and entry.status in (SessionStatus.COMPLETED, SessionStatus.STOPPED)
        and (entry.rating is None or entry.rating < HARD_RATING)
        and (stumbles is None or stumbles <= STUMBLES_WELL)
    )
    return Outcome.DONE_WELL if done_well else Outcome.HARD


def minutes_text(seconds: float) -> str:
    minutes = seconds / 60
    return f"{minutes:.0f}" if abs(minutes - round(minutes)) < 0.05 else f"{minutes:.1f}"


def outcome_facts(entry: SessionFigures) -> str:
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
    if entry.status is SessionStatus.INTERRUPTED:
        facts.append("interrupted")
    elif entry.status is SessionStatus.STOPPED and not backward_work_done(entry):
        facts.append("stopped early")
    if not backward_work_done(entry):
        facts.append(
            f"{minutes_text(entry.backward_s)} of {minutes_text(entry.planned_backward_s)} "
            "backward minutes"
        )
    if entry.rating is not None and entry.rating >= HARD_RATING:
        facts.append(f'rated "{rating_words(entry.rating)}"')
    return ", ".join(facts) or "it went well"
