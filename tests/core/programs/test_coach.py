"""The coach's rules as a table: histories in, proposals out."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from retrotimer.core.history.history_values import HistoryEntry
from retrotimer.core.history.program_ref import ProgramRef
from retrotimer.core.model import Repeat
from retrotimer.core.programs.builtin_programs import LEARN, builtin_program
from retrotimer.core.programs.coach import Decision, propose
from tests.core.programs.program_history import START, day, other_session, ran, small_program

SMALL = small_program()  # 3 weeks of 2 sessions, next program "Bigger"

WEEK_1 = [(0, 1, 1, "well"), (2, 1, 2, "well")]
WEEK_2 = [(4, 2, 1, "well"), (6, 2, 2, "well")]
WEEK_3 = [(8, 3, 1, "well"), (10, 3, 2, "well")]


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
        'Week 1, session 1 done well (rating "easy", no near-stumbles).',
    ),
    ("unrated counts", [(0, 1, 1, "unrated")], 2, Decision.CONTINUE, 1, 2, "not rated"),
    (
        "a week done",
        WEEK_1,
        4,
        Decision.ADVANCE,
        2,
        1,
        'Week 1 done: 2 sessions, ratings "easy" and "easy", no near-stumbles. '
        "On to week 2: focus 2.",
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
        "Week 1, session 1 was hard (stopped early",
    ),
    (
        "rated hard",
        [WEEK_1[0], (2, 1, 2, "rated_hard")],
        4,
        Decision.REPEAT,
        1,
        2,
        'was hard (rated "hard")',
    ),
    ("two near-stumbles", [(0, 1, 1, "stumbles2")], 2, Decision.REPEAT, 1, 1, "2 near-stumbles"),
    (
        "too little backward time",
        [(0, 1, 1, "short")],
        2,
        Decision.REPEAT,
        1,
        1,
        "backward minutes",
    ),
    (
        "second hard steps back",
        [*WEEK_1, (4, 2, 1, "stopped"), (6, 2, 1, "rated_hard")],
        8,
        Decision.STEP_BACK,
        1,
        1,
        "the second hard session of this week: back to week 1.",
    ),
    (
        "hard, well, hard in one attempt",
        [*WEEK_1, (4, 2, 1, "rated_hard"), (6, 2, 1, "well"), (8, 2, 2, "stopped")],
        10,
        Decision.STEP_BACK,
        1,
        1,
        "second hard",
    ),
    (
        "a new week forgets the hard ones",
        [(0, 1, 1, "rated_hard"), *WEEK_1, (4, 2, 1, "rated_hard")],
        6,
        Decision.REPEAT,
        2,
        1,
        "was hard",
    ),
    (
        "three near-stumbles",
        [*WEEK_1, (4, 2, 1, "stumbles3")],
        6,
        Decision.STEP_BACK,
        1,
        1,
        "3 near-stumbles. Back to week 1",
    ),
    (
        "dizzy in week 1 stays at week 1",
        [WEEK_1[0], (2, 1, 2, "dizzy")],
        4,
        Decision.STEP_BACK,
        1,
        1,
        "you felt dizzy. Back to week 1",
    ),
    (
        "pain steps back",
        [*WEEK_1, (4, 2, 1, "pain")],
        6,
        Decision.STEP_BACK,
        1,
        1,
        "you were in pain. Back to week 1",
    ),
    (
        "the old report of dizziness or pain steps back",
        [*WEEK_1, (4, 2, 1, "dizzy_or_pain")],
        6,
        Decision.STEP_BACK,
        1,
        1,
        "you felt dizzy or in pain. Back to week 1",
    ),
    (
        "a week off restarts the week",
        [*WEEK_1, (4, 2, 1, "well")],
        13,
        Decision.REPEAT,
        2,
        1,
        "9 days since your last backward session: week 2 starts again",
    ),
    (
        "two weeks off step back",
        [*WEEK_1, (4, 2, 1, "well")],
        20,
        Decision.STEP_BACK,
        1,
        1,
        "16 days since your last backward session: back to week 1.",
    ),
    (
        "four weeks off step back two",
        [*WEEK_1, *WEEK_2, (8, 3, 1, "well")],
        36,
        Decision.STEP_BACK,
        1,
        1,
        "28 days",
    ),
    (
        "a gap inside the history",
        [*WEEK_1, (18, 2, 1, "well")],
        20,
        Decision.CONTINUE,
        1,
        1,
        "Week 2, session 1 went well; it does not move the program on.",
    ),
    (
        "other backward sessions keep it going",
        [*WEEK_1, (4, 2, 1, "well"), ("other", 10, 60.0)],
        14,
        Decision.CONTINUE,
        2,
        2,
        "Week 2, session 1 done well",
    ),
    (
        "a session without backward time is no practice",
        [*WEEK_1, (4, 2, 1, "well"), ("other", 10, 0.0)],
        14,
        Decision.REPEAT,
        2,
        1,
        "10 days since",
    ),
    (
        "lighter never advances",
        [("lighter", 0, 1, 1, "well")],
        2,
        Decision.CONTINUE,
        1,
        1,
        "Week 1, session 1 (lighter) went well; it does not move the program on.",
    ),
    (
        "a hard lighter counts as hard",
        [("lighter", 0, 1, 1, "stopped"), (2, 1, 1, "rated_hard")],
        4,
        Decision.STEP_BACK,
        1,
        1,
        "second hard",
    ),
    (
        "complete",
        [*WEEK_1, *WEEK_2, *WEEK_3],
        12,
        Decision.COMPLETE,
        3,
        1,
        "All 3 weeks done: keep the level with week 3. When you want more, try Bigger.",
    ),
    (
        "complete keeps going",
        [*WEEK_1, *WEEK_2, *WEEK_3, (12, 3, 1, "well")],
        14,
        Decision.COMPLETE,
        3,
        2,
        "All 3 weeks done",
    ),
    (
        "complete, then a warning",
        [*WEEK_1, *WEEK_2, *WEEK_3, (12, 3, 1, "dizzy")],
        14,
        Decision.STEP_BACK,
        3,
        1,
        "Back to week 3",
    ),
    (
        "complete and ran today",
        [*WEEK_1, *WEEK_2, *WEEK_3],
        10,
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
    assert 1 <= len(proposal.reasons) <= 2
    assert proposal.template is SMALL.session(week, session)


def test_the_chosen_start_week_is_where_it_starts_even_after_a_long_break() -> None:
    old = [ran(SMALL, -40, 1, 1)]
    proposal = propose(SMALL, old, day(0), START, start_week=3)
    assert (proposal.decision, proposal.week, proposal.session) == (Decision.START, 3, 1)


def test_sessions_before_the_start_day_other_programs_and_deleted_ones_are_ignored() -> None:
    entries = [
        ran(SMALL, -3, 1, 1),
        dataclasses.replace(ran(SMALL, 0, 1, 1), program=ProgramRef("Other", 1, 1)),
        dataclasses.replace(ran(SMALL, 1, 1, 1, number=1), deleted_utc_s=1.0),
    ]
    proposal = propose(SMALL, entries, day(5), START)
    assert (proposal.week, proposal.session) == (1, 1)


def test_sessions_after_today_are_not_seen() -> None:
    proposal = propose(SMALL, history(WEEK_1), day(1), START)
    assert (proposal.decision, proposal.week, proposal.session) == (Decision.REST, 1, 2)


def test_the_reason_names_the_ratings_of_a_finished_week() -> None:
    learn = builtin_program(LEARN)
    assert learn is not None
    entries = [ran(learn, 2 * i, 1, i + 1, number=i) for i in range(3)]
    entries += [
        dataclasses.replace(ran(learn, 6 + 2 * i, 2, i + 1, number=3 + i), rating=r)
        for i, r in enumerate((2, 3, 1))
    ]
    proposal = propose(learn, entries, day(14), START)
    assert proposal.reasons[0].startswith(
        'Week 2 done: 3 sessions, ratings "easy", "just right" and "very easy", '
        "no near-stumbles. On to week 3"
    )


def test_the_lighter_option_is_last_weeks_session_in_the_same_place() -> None:
    proposal = propose(SMALL, history([*WEEK_1, (4, 2, 1, "well")]), day(6), START)
    assert proposal.lighter is SMALL.session(1, 2)
    assert proposal.lighter_ref == ProgramRef("Small", 1, 2, lighter=True)


def test_in_week_one_the_lighter_option_halves_the_backward_reps() -> None:
    proposal = propose(SMALL, [], day(0), START)
    full, light = proposal.template.items[1], proposal.lighter.items[1]
    assert isinstance(full, Repeat) and isinstance(light, Repeat)
    assert (full.count, light.count) == (3, 2)
    assert light.items == full.items
    assert proposal.lighter.name == "Small 1.1 (lighter)"
    assert proposal.lighter_ref == ProgramRef("Small", 1, 1, lighter=True)


def test_the_path_counts_weeks_done_repeats_and_step_backs() -> None:
    from retrotimer.core.programs.coach import program_path
    from retrotimer.core.programs.outcome import Outcome

    steps = [*WEEK_1, (4, 2, 1, "rated_hard"), (6, 2, 1, "stopped"), (8, 1, 1, "well")]
    path = program_path(SMALL, history(steps), day(10), START)
    assert [(s.ref.week, s.outcome, s.decision, s.week_after) for s in path.steps] == [
        (1, Outcome.DONE_WELL, Decision.CONTINUE, 1),
        (1, Outcome.DONE_WELL, Decision.ADVANCE, 2),
        (2, Outcome.HARD, Decision.REPEAT, 2),
        (2, Outcome.HARD, Decision.STEP_BACK, 1),
        (1, Outcome.DONE_WELL, Decision.CONTINUE, 1),
    ]
    assert (path.weeks_done, path.repeats, path.step_backs) == (1, 1, 1)
    assert path.steps[2].planned_backward_s == 150.0
    assert path.steps[3].backward_s == 75.0
