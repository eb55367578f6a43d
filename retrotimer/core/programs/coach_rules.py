"""The coach's rules as one table: in this phase, on this fact, take this action, and say why."""

# Like a protocol's state machine, the rules are data: `RULES` names every (phase, fact) pair
# once, and the replay (`coach_replay`) only looks them up and carries out the actions. A
# reason is a format string filled in from what the runner reported (`coach_reasons`).

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType


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


@dataclass(frozen=True, slots=True)
class Rule:
    """In any of `phases`, on `fact`: `action`, then propose with `decision` (None: as
    before) and say `reason` (a format string; empty: the last reason stays)."""

    phases: frozenset[Phase]
    fact: Fact
    action: Action
    decision: Decision | None
    reason: str


def _in(*phases: Phase) -> frozenset[Phase]:
    return frozenset(phases)


GOING = _in(Phase.ENTRY, Phase.TRAINING, Phase.EASED, Phase.COMPLETE)
BUILDING = _in(Phase.ENTRY, Phase.TRAINING, Phase.EASED)
WEEK_ONE = _in(Phase.ENTRY, Phase.EASED)
LATER = _in(Phase.TRAINING, Phase.COMPLETE)
PAUSED = _in(Phase.PAUSED)

_SESSION_FACTS = (
    Fact.DONE,
    Fact.WEEK_DONE,
    Fact.PROGRAM_DONE,
    Fact.DONE_TOO_SOON,
    Fact.DONE_OVER_CAP,
    Fact.DONE_ELSEWHERE,
    Fact.LIGHTER_DONE,
    Fact.LIGHTER_WEEK_DONE,
    Fact.HARD,
    Fact.HARD_AGAIN,
    Fact.HARD_THIRD_AT_ENTRY,
    Fact.STUMBLES,
    Fact.DIZZY,
    Fact.PAIN,
    Fact.UNWELL_AGAIN,
    Fact.UNFINISHED,
)
_BREAK_FACTS = (
    Fact.BREAK_WEEK,
    Fact.BREAK_FORTNIGHT,
    Fact.BREAK_MONTH,
    Fact.BREAK_MONTHS,
    Fact.BREAK_LONG,
)
_WEEK_AGAIN = (
    "{gap} days since your last backward session{beyond}: week {week} starts again from its "
    "first session."
)
_LIGHTER_HELPS = "The lighter option (L) is there for you."
_D = Decision
_A = Action

RULES: tuple[Rule, ...] = (
    # ---- sessions done well ----------------------------------------------------------------
    Rule(BUILDING, Fact.DONE, _A.COUNT, _D.CONTINUE, "{name} done well ({how})."),
    Rule(_in(Phase.COMPLETE), Fact.DONE, _A.COUNT, _D.COMPLETE, "{name} done well ({how})."),
    Rule(
        BUILDING,
        Fact.WEEK_DONE,
        _A.ADVANCE,
        _D.ADVANCE,
        "{summary} On to week {week}: {focus}.",
    ),
    Rule(_in(Phase.COMPLETE), Fact.WEEK_DONE, _A.KEEP_LEVEL, _D.COMPLETE, "{summary}"),
    Rule(GOING, Fact.PROGRAM_DONE, _A.COMPLETE, _D.COMPLETE, "{summary}"),
    Rule(
        GOING,
        Fact.DONE_TOO_SOON,
        _A.NOTE,
        _D.CONTINUE,
        "{name} went well, before week {week} could begin on {until} (a program week takes "
        "at least 6 days): it does not move the program on.",
    ),
    Rule(
        GOING,
        Fact.DONE_OVER_CAP,
        _A.NOTE,
        _D.CONTINUE,
        "{name} went well; at most 3 sessions in 7 days, and one a day, move the program on, "
        "so this one does not.",
    ),
    Rule(
        GOING,
        Fact.DONE_ELSEWHERE,
        _A.NOTE,
        _D.CONTINUE,
        "{name} went well; it is not the next session of week {week}, so it does not move the "
        "program on.",
    ),
    Rule(
        _in(Phase.ENTRY, Phase.TRAINING, Phase.COMPLETE),
        Fact.LIGHTER_DONE,
        _A.NOTE,
        _D.CONTINUE,
        "{name} went well ({how}); a lighter session keeps the level and does not move the "
        "program on.",
    ),
    Rule(
        _in(Phase.EASED),
        Fact.LIGHTER_DONE,
        _A.COUNT_LIGHTER,
        _D.CONTINUE,
        "{name} done well ({how}).",
    ),
    Rule(
        _in(Phase.ENTRY, Phase.TRAINING, Phase.COMPLETE),
        Fact.LIGHTER_WEEK_DONE,
        _A.NOTE,
        _D.CONTINUE,
        "{name} went well ({how}); a lighter session keeps the level and does not move the "
        "program on.",
    ),
    Rule(
        _in(Phase.EASED),
        Fact.LIGHTER_WEEK_DONE,
        _A.UNEASE,
        _D.REPEAT,
        "{summary} Now the full sessions of week 1.",
    ),
    # ---- hard sessions ------------------------------------------------------------------
    Rule(
        GOING,
        Fact.HARD,
        _A.HOLD,
        _D.REPEAT,
        "{name} was hard ({facts}): it counts once it goes well.",
    ),
    Rule(
        LATER,
        Fact.HARD_AGAIN,
        _A.BACK_ONE,
        _D.STEP_BACK,
        "{name} was hard ({facts}), the second hard session of this week: back to week {week}.",
    ),
    Rule(
        _in(Phase.ENTRY),
        Fact.HARD_AGAIN,
        _A.RESTART_WEEK,
        _D.REPEAT,
        "{name} was hard ({facts}), the second hard session of week 1: week 1 starts again "
        "from its first session. " + _LIGHTER_HELPS,
    ),
    Rule(
        _in(Phase.EASED),
        Fact.HARD_AGAIN,
        _A.HOLD,
        _D.REPEAT,
        "{name} was hard ({facts}): it counts once it goes well.",
    ),
    Rule(
        _in(Phase.ENTRY),
        Fact.HARD_THIRD_AT_ENTRY,
        _A.EASE,
        _D.REPEAT,
        "{name} was hard ({facts}), the third hard session in week 1: the lighter session is "
        "now the main one.",
    ),
    Rule(
        _in(Phase.EASED),
        Fact.HARD_THIRD_AT_ENTRY,
        _A.HOLD,
        _D.REPEAT,
        "{name} was hard ({facts}): it counts once it goes well.",
    ),
    Rule(
        LATER,
        Fact.HARD_THIRD_AT_ENTRY,
        _A.BACK_ONE,
        _D.STEP_BACK,
        "{name} was hard ({facts}), the second hard session of this week: back to week {week}.",
    ),
    Rule(
        LATER,
        Fact.STUMBLES,
        _A.BACK_ONE,
        _D.STEP_BACK,
        "{name}: {facts}. Back to week {week} to build up again.",
    ),
    Rule(
        _in(Phase.ENTRY),
        Fact.STUMBLES,
        _A.RESTART_WEEK,
        _D.REPEAT,
        "{name}: {facts}. Week 1 starts again from its first session. " + _LIGHTER_HELPS,
    ),
    Rule(
        _in(Phase.EASED),
        Fact.STUMBLES,
        _A.HOLD,
        _D.REPEAT,
        "{name}: {facts}. The same session again, slowly, looking over your shoulder.",
    ),
    # ---- dizziness and pain ---------------------------------------------------------------
    Rule(
        GOING,
        Fact.DIZZY,
        _A.REST_SAME,
        _D.REPEAT,
        "{name}: {facts}. Rest a day or two (until {until}), then the same session again; stop "
        "and rest whenever you feel dizzy.",
    ),
    Rule(
        LATER,
        Fact.PAIN,
        _A.REST_BACK_ONE,
        _D.STEP_BACK,
        "{name}: {facts}. Take 2-3 days off (until {until}), then back to week {week}.",
    ),
    Rule(
        WEEK_ONE,
        Fact.PAIN,
        _A.REST_RESTART,
        _D.REPEAT,
        "{name}: {facts}. Take 2-3 days off (until {until}), then week 1 again from its first "
        "session.",
    ),
    Rule(
        GOING,
        Fact.UNWELL_AGAIN,
        _A.PAUSE,
        _D.PAUSED,
        "{name}: {facts}, after {unwell} on {earlier}: twice in 14 days.",
    ),
    Rule(
        GOING,
        Fact.UNFINISHED,
        _A.NOTE,
        _D.CONTINUE,
        "{name} was interrupted before its end: it neither counts nor is held against you.",
    ),
    # ---- breaks -----------------------------------------------------------------------------
    Rule(GOING, Fact.BREAK_WEEK, _A.RESTART_WEEK, _D.REPEAT, _WEEK_AGAIN),
    Rule(
        LATER,
        Fact.BREAK_FORTNIGHT,
        _A.BACK_ONE,
        _D.STEP_BACK,
        "{gap} days since your last backward session{beyond}: back to week {week}.",
    ),
    Rule(
        LATER,
        Fact.BREAK_MONTH,
        _A.BACK_TWO,
        _D.STEP_BACK,
        "{gap} days since your last backward session{beyond}: back to week {week}.",
    ),
    Rule(
        LATER,
        Fact.BREAK_MONTHS,
        _A.BACK_TO_WALKING,
        _D.STEP_BACK,
        "{gap} days since your last backward session{beyond}: back to week {week}{walking}.",
    ),
    Rule(
        LATER,
        Fact.BREAK_LONG,
        _A.BACK_TO_START,
        _D.STEP_BACK,
        "{gap} days since your last backward session: the program starts again from week 1.",
    ),
    *(Rule(WEEK_ONE, fact, _A.RESTART_WEEK, _D.REPEAT, _WEEK_AGAIN) for fact in _BREAK_FACTS[1:]),
    # ---- a paused program -------------------------------------------------------------------
    *(
        Rule(
            PAUSED,
            fact,
            _A.NOTE,
            _D.PAUSED,
            "{name} was run while the program is paused: it does not count.",
        )
        for fact in _SESSION_FACTS
    ),
    *(Rule(PAUSED, fact, _A.NONE, None, "") for fact in _BREAK_FACTS),
    Rule(
        PAUSED,
        Fact.RESUMED,
        _A.RESUME,
        _D.REPEAT,
        "You resumed the program on {until}: week {week} starts again from its first session. "
        "Stop and rest if the dizziness or pain comes back.",
    ),
    Rule(GOING, Fact.RESUMED, _A.NONE, None, ""),
    # ---- today ------------------------------------------------------------------------------
    Rule(
        _in(Phase.ENTRY, Phase.TRAINING),
        Fact.STARTED,
        _A.NOTE,
        _D.START,
        "Week {week} of {program} starts: {focus}.",
    ),
    Rule(_in(Phase.EASED, Phase.COMPLETE, Phase.PAUSED), Fact.STARTED, _A.NONE, None, ""),
    Rule(
        GOING,
        Fact.RESTING_UNWELL,
        _A.REST_TODAY,
        _D.REST,
        "Rest until {until}: you reported {unwell} on {earlier}.",
    ),
    Rule(
        GOING,
        Fact.RAN_TODAY,
        _A.REST_TODAY,
        _D.REST,
        "You ran backward today: rest a day before the next session (week {week}, session "
        "{session}).",
    ),
    Rule(
        GOING,
        Fact.RAN_YESTERDAY,
        _A.REST_TODAY,
        _D.REST,
        "You ran backward yesterday: rest a day before the next session (week {week}, session "
        "{session}).",
    ),
    Rule(
        GOING,
        Fact.WEEK_NOT_BEGUN,
        _A.REST_TODAY,
        _D.REST,
        "Week {week} begins on {until}: a program week takes at least 6 days.",
    ),
    Rule(
        GOING,
        Fact.THREE_IN_SEVEN,
        _A.REST_TODAY,
        _D.REST,
        "3 sessions in the last 7 days: the next one counts from {until}.",
    ),
    Rule(GOING, Fact.READY, _A.NONE, None, ""),
    *(
        Rule(
            PAUSED,
            fact,
            _A.REST_TODAY,
            _D.PAUSED,
            "The program is paused: you reported {unwell} within 14 days. See a doctor or "
            "physiotherapist before you run backward again.",
        )
        for fact in (
            Fact.RESTING_UNWELL,
            Fact.RAN_TODAY,
            Fact.RAN_YESTERDAY,
            Fact.WEEK_NOT_BEGUN,
            Fact.THREE_IN_SEVEN,
            Fact.READY,
        )
    ),
)


# What the runner is told in a phase for as long as it lasts, after the reasons.
STANDING_NOTES: Mapping[Phase, str] = MappingProxyType(
    {
        Phase.EASED: (
            "Ease in with the lighter session: a treadmill with rails, or a spotter beside you, "
            'steadies you. Check the rating words: "hard" and "too hard" make a session count '
            'as hard, "just right" lets it count. If balance is the trouble, see a doctor.'
        ),
        Phase.COMPLETE: "All {weeks} weeks done: keep the level with week {week}.{next}",
        Phase.PAUSED: (
            "When they say you may, resume the program: Resume on Today, or `retrotimer "
            "program resume`."
        ),
    }
)


def index_rules(rules: tuple[Rule, ...]) -> Mapping[tuple[Phase, Fact], Rule]:
    """The rules by (phase, fact); ValueError when two rules claim one pair."""
    index: dict[tuple[Phase, Fact], Rule] = {}
    for rule in rules:
        for phase in rule.phases:
            if (phase, rule.fact) in index:
                raise ValueError(f"two rules for {phase.value}, {rule.fact.value}")
            index[(phase, rule.fact)] = rule
    return MappingProxyType(index)


RULE_FOR: Mapping[tuple[Phase, Fact], Rule] = index_rules(RULES)
