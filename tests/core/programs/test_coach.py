"""The coach's rules as a table of hand-written cases: histories in, proposals out."""

from __future__ import annotations

from typing import Any

import pytest

from retrotimer.core.history.history_values import HistoryEntry
from retrotimer.core.programs.coach_rules import Decision
from tests.core.programs.program_history import (
    START,
    day,
    other_session,
    propose,
    ran,
    small_program,
)

SMALL = small_program()  # 3 weeks of 2 sessions, all walking; next program "Bigger"

# Monday and Wednesday of each week: a program week takes at least 6 days.
WEEK_1 = [(0, 1, 1, "well"), (2, 1, 2, "well")]
WEEK_2 = [(7, 2, 1, "well"), (9, 2, 2, "well")]
WEEK_3 = [(14, 3, 1, "well"), (16, 3, 2, "well")]


def history(steps: list[Any]) -> list[HistoryEntry]:
    entries = []
    for number, step in enumerate(steps):
        if step[0] == "other":
            entries.append(other_session(step[1], step[2], number=number))
        elif step[0] == "lighter":
            entries.append(ran(SMALL, *step[1:], lighter=True, number=number))
        else:
            entries.append(ran(SMALL, *step, number=number))
    return entries


# (name, history steps, today, decision, week, session, words in the reasons)
SCENARIOS = [
    ("nothing run yet", [], 0, Decision.START, 1, 1, "Week 1 of Small starts: focus 1."),
    (
        "one done well",
        WEEK_1[:1],
        2,
        Decision.CONTINUE,
        1,
        2,
        'Week 1, session 1 done well (rated "easy", no near-stumbles).',
    ),
    ("unrated counts", [(0, 1, 1, "unrated")], 2, Decision.CONTINUE, 1, 2, "(not rated)."),
    (
        "a week done",
        WEEK_1,
        7,
        Decision.ADVANCE,
        2,
        1,
        'Week 1 done: 2 sessions, rated "easy" and "easy", no near-stumbles. On to week 2: '
        "focus 2.",
    ),
    (
        "a week takes at least 6 days",
        WEEK_1,
        4,
        Decision.REST,
        2,
        1,
        "Week 2 begins on Sunday 8 March: a program week takes at least 6 days.",
    ),
    ("ran yesterday", WEEK_1[:1], 1, Decision.REST, 1, 2, "You ran backward yesterday"),
    ("ran today", WEEK_1[:1], 0, Decision.REST, 1, 2, "You ran backward today"),
    (
        "stopped early",
        [(0, 1, 1, "stopped")],
        2,
        Decision.REPEAT,
        1,
        1,
        "Week 1, session 1 was hard (stopped early, 0.8 of 1.5 backward minutes)",
    ),
    ("rated hard", [WEEK_1[0], (2, 1, 2, "rated_hard")], 4, Decision.REPEAT, 1, 2, 'rated "hard"'),
    ("two near-stumbles", [(0, 1, 1, "stumbles2")], 2, Decision.REPEAT, 1, 1, "2 near-stumbles"),
    (
        "too little backward time",
        [(0, 1, 1, "short")],
        2,
        Decision.REPEAT,
        1,
        1,
        "1.2 of 1.5 backward minutes",
    ),
    (
        "second hard steps back",
        [*WEEK_1, (7, 2, 1, "stopped"), (9, 2, 1, "rated_hard")],
        11,
        Decision.STEP_BACK,
        1,
        1,
        "the second hard session of this week: back to week 1.",
    ),
    (
        "hard, well, hard in one go",
        [*WEEK_1, (7, 2, 1, "rated_hard"), (9, 2, 1, "well"), (11, 2, 2, "stopped")],
        14,
        Decision.STEP_BACK,
        1,
        1,
        "second hard",
    ),
    (
        "a new week forgets the hard ones",
        [(0, 1, 1, "rated_hard"), *WEEK_1, (7, 2, 1, "rated_hard")],
        9,
        Decision.REPEAT,
        2,
        1,
        "was hard",
    ),
    (
        "three near-stumbles",
        [*WEEK_1, (7, 2, 1, "stumbles3")],
        9,
        Decision.STEP_BACK,
        1,
        1,
        "3 near-stumbles. Back to week 1",
    ),
    (
        "the second hard session of week 1 starts it again",
        [(0, 1, 1, "rated_hard"), (2, 1, 1, "stopped")],
        4,
        Decision.REPEAT,
        1,
        1,
        "the second hard session of week 1: week 1 starts again from its first session.",
    ),
    (
        "dizzy: rest a day or two",
        [WEEK_1[0], (2, 1, 2, "dizzy")],
        3,
        Decision.REST,
        1,
        2,
        "Rest until Friday 6 March: you reported dizziness on Wednesday 4 March.",
    ),
    (
        "dizzy: then the same session",
        [WEEK_1[0], (2, 1, 2, "dizzy")],
        5,
        Decision.REPEAT,
        1,
        2,
        "Week 1, session 2: you felt dizzy. Rest a day or two (until Friday 6 March), then "
        "the same session again",
    ),
    (
        "pain: days off, then a week back",
        [*WEEK_1, (7, 2, 1, "pain")],
        11,
        Decision.STEP_BACK,
        1,
        1,
        "Week 2, session 1: you were in pain. Take 2-3 days off (until Thursday 12 March), "
        "then back to week 1.",
    ),
    (
        "pain: rest until the third day",
        [*WEEK_1, (7, 2, 1, "pain")],
        10,
        Decision.REST,
        1,
        1,
        "Rest until Thursday 12 March: you reported pain on Monday 9 March.",
    ),
    (
        "pain in week 1 starts week 1 again",
        [(0, 1, 1, "pain")],
        4,
        Decision.REPEAT,
        1,
        1,
        "then week 1 again from its first session.",
    ),
    (
        "the report from before the split counts as pain",
        [*WEEK_1, (7, 2, 1, "dizzy_or_pain")],
        11,
        Decision.STEP_BACK,
        1,
        1,
        "you felt dizzy or in pain. Take 2-3 days off",
    ),
    (
        "dizziness, then pain within 14 days, pauses",
        [WEEK_1[0], (2, 1, 2, "dizzy"), (7, 1, 2, "pain")],
        11,
        Decision.PAUSED,
        1,
        2,
        "See a doctor or physiotherapist before you run backward again.",
    ),
    (
        "two reports 15 days apart do not pause",
        [(0, 1, 1, "dizzy"), (15, 1, 1, "dizzy")],
        18,
        Decision.REPEAT,
        1,
        1,
        "you felt dizzy. Rest a day or two",
    ),
    (
        "interrupted: neither hard nor done",
        [(0, 1, 1, "crashed")],
        2,
        Decision.CONTINUE,
        1,
        1,
        "was interrupted before its end: it neither counts nor is held against you.",
    ),
    (
        "stopped in the cool-down: done",
        [(0, 1, 1, "stopped_cooling_down")],
        2,
        Decision.CONTINUE,
        1,
        2,
        "Week 1, session 1 done well (not rated).",
    ),
    (
        "a week off restarts the week",
        [*WEEK_1, (7, 2, 1, "well")],
        16,
        Decision.REPEAT,
        2,
        1,
        "9 days since your last backward session, 7 beyond the 2 days off your training days "
        "leave: week 2 starts again from its first session.",
    ),
    (
        "a week that is the weekend and a few days is no break",
        [*WEEK_1, (7, 2, 1, "well")],
        15,
        Decision.CONTINUE,
        2,
        2,
        "Week 2, session 1 done well",
    ),
    (
        "two weeks off step back",
        [*WEEK_1, (7, 2, 1, "well")],
        23,
        Decision.STEP_BACK,
        1,
        1,
        "16 days since your last backward session, 14 beyond",
    ),
    (
        "four weeks off step back two",
        [*WEEK_1, *WEEK_2, (14, 3, 1, "well")],
        44,
        Decision.STEP_BACK,
        1,
        1,
        "30 days since",
    ),
    (
        "a break inside the history",
        [*WEEK_1, (20, 2, 1, "well")],
        22,
        Decision.CONTINUE,
        1,
        1,
        "Week 2, session 1 went well; it is not the next session of week 1, so it does not "
        "move the program on.",
    ),
    (
        "other backward sessions keep it going",
        [*WEEK_1, (7, 2, 1, "well"), ("other", 13, 90.0)],
        18,
        Decision.CONTINUE,
        2,
        2,
        "Week 2, session 1 done well",
    ),
    (
        "a short backward warm-up is no session",
        [*WEEK_1, (7, 2, 1, "well"), ("other", 13, 60.0)],
        18,
        Decision.REPEAT,
        2,
        1,
        "11 days since",
    ),
    (
        "a session without backward time is no practice",
        [*WEEK_1, (7, 2, 1, "well"), ("other", 13, 0.0)],
        18,
        Decision.REPEAT,
        2,
        1,
        "11 days since",
    ),
    (
        "a short backward warm-up is no reason to rest",
        [WEEK_1[0], ("other", 2, 20.0)],
        3,
        Decision.CONTINUE,
        1,
        2,
        "Week 1, session 1 done well",
    ),
    (
        "lighter never advances",
        [("lighter", 0, 1, 1, "well")],
        2,
        Decision.CONTINUE,
        1,
        1,
        'Week 1, session 1 (lighter) went well (rated "easy", no near-stumbles); a lighter '
        "session keeps the level and does not move the program on.",
    ),
    (
        "a hard lighter counts as hard",
        [("lighter", 0, 1, 1, "stopped"), (2, 1, 1, "rated_hard")],
        4,
        Decision.REPEAT,
        1,
        1,
        "the second hard session of week 1",
    ),
    (
        "the third hard session in week 1 eases in",
        [(0, 1, 1, "rated_hard"), (2, 1, 1, "rated_hard"), (4, 1, 1, "rated_hard")],
        7,
        Decision.REPEAT,
        1,
        1,
        "the third hard session in week 1: the lighter session is now the main one.",
    ),
    (
        "complete",
        [*WEEK_1, *WEEK_2, *WEEK_3],
        21,
        Decision.COMPLETE,
        3,
        1,
        "All 3 weeks done: keep the level with week 3. When you want more, try Bigger.",
    ),
    (
        "complete keeps going",
        [*WEEK_1, *WEEK_2, *WEEK_3, (21, 3, 1, "well")],
        23,
        Decision.COMPLETE,
        3,
        2,
        "All 3 weeks done",
    ),
    (
        "complete, then a warning",
        [*WEEK_1, *WEEK_2, *WEEK_3, (21, 3, 1, "stumbles3")],
        23,
        Decision.STEP_BACK,
        3,
        1,
        "Back to week 3",
    ),
    (
        "complete and ran today",
        [*WEEK_1, *WEEK_2, *WEEK_3],
        16,
        Decision.REST,
        3,
        1,
        "You ran backward today",
    ),
]


@pytest.mark.parametrize(
    ("steps", "today", "decision", "week", "session", "words"),
    [scenario[1:] for scenario in SCENARIOS],
    ids=[scenario[0] for scenario in SCENARIOS],
)
def test_scenarios(
    steps: list[Any], today: int, decision: Decision, week: int, session: int, words: str
) -> None:
    proposal = propose(SMALL, history(steps), day(today), START)
    assert (proposal.decision, proposal.week, proposal.session) == (decision, week, session)
    assert any(words in reason for reason in proposal.reasons), proposal.reasons
    assert 1 <= len(proposal.reasons) <= 3
