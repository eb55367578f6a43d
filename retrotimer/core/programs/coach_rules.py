"""The coach's rules as one table: in this phase, on this fact, take this action, and say why."""

# Like a protocol's state machine, the rules are data: `RULES` names every (phase, fact) pair
# once, and the replay (`coach_replay`) only looks them up and carries out the actions. A
# reason is a format string filled in from what the runner reported (`coach_reasons`).

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from retrotimer.core.programs.coach_vocabulary import Action, Decision, Fact, Phase, Rule


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
