"""The coach's words for where a runner stands and what happens: phases, facts, actions,
decisions, and the rule that joins them."""

from __future__ import annotations

import enum

from retrotimer.core.value import value


class Decision(enum.Enum):
    """What today's proposal is, in one word (`retrotimer next --json` prints it)."""

    START = "start"
    CONTINUE = "continue"
    ADVANCE = "advance"
    REPEAT = "repeat"
    STEP_BACK = "step_back"
    REST = "rest"
    COMPLETE = "complete"
    PAUSED = "paused"


# Phases, facts and actions are string enums: they key the rule table, and a replay looks a
# rule up for every session (a string's hash is C code and kept, an Enum's is Python).
class Phase(enum.StrEnum):
    """Where the runner stands in the program."""

    ENTRY = "entry"  # week 1 at full length: there is no week to step back to
    TRAINING = "training"  # a later week
    EASED = "eased"  # week 1 after three hard sessions: the lighter session leads
    COMPLETE = "complete"  # every week done: the last week keeps the level
    PAUSED = "paused"  # dizziness or pain twice in 14 days: waits for the runner to resume


class Fact(enum.StrEnum):
    """What happened: a session of the program, time passing, or the runner resuming."""

    # A session run for the program, counted (at least half its backward time).
    DONE = "done"  # done well: the week's next session, and it counts
    WEEK_DONE = "week_done"  # ... and the week's last
    PROGRAM_DONE = "program_done"  # ... and the program's last week
    DONE_TOO_SOON = "done_too_soon"  # done well before the week may begin
    DONE_OVER_CAP = "done_over_cap"  # done well, but a 4th in 7 days or a 2nd that day
    DONE_ELSEWHERE = "done_elsewhere"  # done well, but not a session of the current week
    LIGHTER_DONE = "lighter_done"  # the lighter option, done well
    LIGHTER_WEEK_DONE = "lighter_week_done"  # eased: every lighter session of week 1 done
    HARD = "hard"  # the first hard session of this go at the week
    HARD_AGAIN = "hard_again"  # the second
    HARD_THIRD_AT_ENTRY = "hard_third_at_entry"  # the third hard (or stumbling) one in week 1
    STUMBLES = "stumbles"  # 3 or more near-stumbles
    DIZZY = "dizzy"  # felt dizzy: balance
    PAIN = "pain"  # in pain: load
    UNWELL_AGAIN = "unwell_again"  # dizzy or in pain a second time within 14 days
    UNFINISHED = "unfinished"  # interrupted: the app closed under it
    # Time: a break since the last counted session, in days beyond the runner's days off.
    BREAK_WEEK = "break_week"  # 7-13 days
    BREAK_FORTNIGHT = "break_fortnight"  # 14-27 days
    BREAK_MONTH = "break_month"  # 28-55 days
    BREAK_MONTHS = "break_months"  # 8 weeks to 6 months
    BREAK_LONG = "break_long"  # over 6 months
    RESUMED = "resumed"  # the runner resumed a paused program
    STARTED = "started"  # the runner started the program (before any session)
    # Today, when the proposal is made.
    RESTING_UNWELL = "resting_unwell"  # in the days off after dizziness or pain
    RAN_TODAY = "ran_today"
    RAN_YESTERDAY = "ran_yesterday"
    WEEK_NOT_BEGUN = "week_not_begun"  # a program week takes at least 6 days
    THREE_IN_SEVEN = "three_in_seven"  # 3 counted sessions in the last 7 days
    READY = "ready"


class Action(enum.StrEnum):
    """What a rule does to where the runner stands."""

    NONE = "none"  # nothing changes, and the last reason stays
    NOTE = "note"  # nothing changes; the reason is this rule's
    COUNT = "count"  # the session counts in this go at the week
    COUNT_LIGHTER = "count_lighter"  # eased: the lighter session counts
    ADVANCE = "advance"
    COMPLETE = "complete"
    KEEP_LEVEL = "keep_level"  # complete: the last week again
    HOLD = "hold"  # hard: the same session again
    RESTART_WEEK = "restart_week"
    BACK_ONE = "back_one"
    BACK_TWO = "back_two"
    BACK_TO_WALKING = "back_to_walking"  # the walking week two or more weeks back
    BACK_TO_START = "back_to_start"
    EASE = "ease"
    UNEASE = "unease"
    REST_SAME = "rest_same"  # 1-2 days off, then the same session
    REST_RESTART = "rest_restart"  # 2-3 days off, then the week again
    REST_BACK_ONE = "rest_back_one"  # 2-3 days off, then one week back
    PAUSE = "pause"
    RESUME = "resume"
    REST_TODAY = "rest_today"  # today's proposal is a rest day


@value
class Rule:
    """In any of `phases`, on `fact`: `action`, then propose with `decision` (None: as
    before) and say `reason` (a format string; empty: the last reason stays)."""

    phases: frozenset[Phase]
    fact: Fact
    action: Action
    decision: Decision | None
    reason: str
