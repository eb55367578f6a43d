"""What each action of the coach's rule table does to where the runner stands; each returns
what its rule speaks about."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from retrotimer.core.programs.coach_vocabulary import Action

if TYPE_CHECKING:
    from retrotimer.core.programs.coach_replay import CoachState
    from retrotimer.core.programs.coach_values import Context

# A program week takes at least 6 days: growth holds at any frequency.
WEEK_MIN_DAYS = 6
# The actions by which a session counts: the program is a session further on.
MOVING_ON = frozenset(
    {
        Action.COUNT,
        Action.COUNT_LIGHTER,
        Action.ADVANCE,
        Action.COMPLETE,
        Action.KEEP_LEVEL,
        Action.UNEASE,
    }
)


def new_go(state: CoachState) -> None:
    state.done = {}
    state.lighter_done = {}
    state.hard_in_go = 0
    state.opened = None
    state.not_before = None


def to_week(state: CoachState, week: int) -> None:
    state.week = week
    state.complete = False
    state.eased = False
    state.hard_at_entry = 0
    new_go(state)
    state.step_backs += 1


def step_back(state: CoachState, weeks: int, context: Context) -> Context:
    position = state.last_week + 1 if state.complete else state.week
    to_week(state, max(1, position - weeks))
    return context


def back_to_walking(state: CoachState, context: Context) -> Context:
    """The last walking week two or more weeks back (week 1 if there is none)."""
    position = state.last_week + 1 if state.complete else state.week
    walking = [w for w in state.program.walking_weeks if w <= position - 2]
    to_week(state, max(walking, default=1))
    return context


def back_to_start(state: CoachState, context: Context) -> Context:
    to_week(state, 1)
    return context


def restart_week(state: CoachState, context: Context) -> Context:
    new_go(state)
    return context


def count(state: CoachState, context: Context) -> Context:
    session = context.session
    assert session is not None and session.program_session is not None
    state.done[session.program_session] = session
    if state.opened is None:
        state.opened = context.day
    state.progress_days.append(context.day)
    return context


def finish_week(state: CoachState, context: Context) -> Context:
    """Count the week's last session; the next go at a week may count from 6 days after
    the first day of this one."""
    count(state, context)
    finished = tuple(state.done[n] for n in sorted(state.done))
    opened = state.opened
    new_go(state)
    state.eased = False
    state.not_before = None if opened is None else opened + WEEK_MIN_DAYS
    return context._replace(finished=finished)


def advance(state: CoachState, context: Context) -> Context:
    said = finish_week(state, context)
    state.week += 1
    return said


def complete(state: CoachState, context: Context) -> Context:
    said = finish_week(state, context)
    state.complete = True
    return said


def count_lighter(state: CoachState, context: Context) -> Context:
    session = context.session
    assert session is not None and session.program_session is not None
    state.lighter_done[session.program_session] = session
    state.progress_days.append(context.day)
    return context


def unease(state: CoachState, context: Context) -> Context:
    count_lighter(state, context)
    finished = tuple(state.lighter_done[n] for n in sorted(state.lighter_done))
    state.eased = False
    state.hard_at_entry = 0
    new_go(state)
    return context._replace(finished=finished)


def ease(state: CoachState, context: Context) -> Context:
    state.eased = True
    new_go(state)
    return context


def rest(state: CoachState, context: Context) -> None:
    assert context.session is not None and context.until is not None
    state.rest_until = context.until
    state.rest_for = (context.day, context.session)


def rest_same(state: CoachState, context: Context) -> Context:
    rest(state, context)
    return context


def rest_restart(state: CoachState, context: Context) -> Context:
    rest(state, context)
    new_go(state)
    return context


def rest_back_one(state: CoachState, context: Context) -> Context:
    rest(state, context)
    return step_back(state, 1, context)


def pause(state: CoachState, context: Context) -> Context:
    state.paused = True
    return context


def resume(state: CoachState, context: Context) -> Context:
    state.paused = False
    state.unwell = []
    new_go(state)
    return context


def as_said(state: CoachState, context: Context) -> Context:
    """The rule changes nothing; it only speaks (or, for NONE, not even that)."""
    return context


ACTIONS: dict[Action, Callable[[CoachState, Context], Context]] = {
    Action.NONE: as_said,
    Action.NOTE: as_said,
    Action.HOLD: as_said,
    Action.REST_TODAY: as_said,
    Action.COUNT: count,
    Action.COUNT_LIGHTER: count_lighter,
    Action.ADVANCE: advance,
    Action.COMPLETE: complete,
    Action.KEEP_LEVEL: complete,
    Action.RESTART_WEEK: restart_week,
    Action.BACK_ONE: lambda state, context: step_back(state, 1, context),
    Action.BACK_TWO: lambda state, context: step_back(state, 2, context),
    Action.BACK_TO_WALKING: back_to_walking,
    Action.BACK_TO_START: back_to_start,
    Action.EASE: ease,
    Action.UNEASE: unease,
    Action.REST_SAME: rest_same,
    Action.REST_RESTART: rest_restart,
    Action.REST_BACK_ONE: rest_back_one,
    Action.PAUSE: pause,
    Action.RESUME: resume,
}
