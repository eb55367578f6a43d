"""The coach's rules as a table of hand-written cases: histories in, proposals out."""

from __future__ import annotations

from typing import Any

import pytest

from retrotimer.core.history.calendar_days import DAY_S
from retrotimer.core.history.history_values import HistoryEntry
from retrotimer.core.history.program_ref import ProgramRef
from retrotimer.core.history.session_figures import real_session_figures, session_figures
from retrotimer.core.history.wall_time import WallTime
from retrotimer.core.model import Template
from retrotimer.core.programs.coach import finish_replay, replay, replay_point
from retrotimer.core.programs.coach_vocabulary import Decision
from retrotimer.core.programs.outcome import Outcome
from retrotimer.core.programs.program_choice import ProgramChoice
from retrotimer.core.programs.program_model import Program, ProgramWeek
from retrotimer.core.value import replace
from tests.core.programs.program_history import (
    START,
    day,
    other_session,
    propose,
    ran,
    small_program,
    view,
)

SMALL = small_program()  # 3 weeks of 2 sessions, all walking; next program "Bigger"
DAILY = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")

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


@pytest.mark.parametrize(
    ("steps", "today"),
    [(scenario[1], scenario[2]) for scenario in SCENARIOS if "eases in" not in scenario[0]],
)
def test_the_proposal_is_the_program_session_it_names(steps: list[Any], today: int) -> None:
    proposal = propose(SMALL, history(steps), day(today))
    assert proposal.template is SMALL.session(proposal.week, proposal.session)
    assert proposal.ref == ProgramRef(SMALL.name, proposal.week, proposal.session)


def test_the_path_counts_weeks_done_repeats_and_step_backs() -> None:
    steps = [
        *WEEK_1,
        (7, 2, 1, "rated_hard"),
        (9, 2, 1, "stopped"),
        (11, 1, 1, "crashed"),
        (14, 1, 1, "well"),
        (16, 1, 2, "well"),
        (21, 2, 1, "stumbles3"),
    ]
    path = view(SMALL, history(steps), day(23)).path
    assert [(s.ref.week, s.outcome, s.decision, s.week_after, s.moved_on) for s in path.steps] == [
        (1, Outcome.DONE_WELL, Decision.CONTINUE, 1, True),
        (1, Outcome.DONE_WELL, Decision.ADVANCE, 2, True),
        (2, Outcome.HARD, Decision.REPEAT, 2, False),
        (2, Outcome.HARD, Decision.STEP_BACK, 1, False),
        (1, Outcome.UNFINISHED, Decision.CONTINUE, 1, False),
        (1, Outcome.DONE_WELL, Decision.CONTINUE, 1, True),
        (1, Outcome.DONE_WELL, Decision.ADVANCE, 2, True),
        (2, Outcome.WARNING, Decision.STEP_BACK, 1, False),
    ]
    assert (path.weeks_done, path.repeats, path.step_backs) == (2, 1, 2)
    assert path.steps[2].planned_backward_s == 150.0 and path.steps[3].backward_s == 75.0
    assert not any(step.complete_after for step in path.steps)
    done = view(SMALL, history([*WEEK_1, *WEEK_2, *WEEK_3]), day(21)).path
    assert [s.complete_after for s in done.steps] == [False] * 5 + [True]


def test_a_session_on_the_first_day_its_week_may_begin_counts() -> None:
    proposal = propose(SMALL, history([*WEEK_1, (6, 2, 1, "well")]), day(8))
    assert (proposal.decision, proposal.week, proposal.session) == (Decision.CONTINUE, 2, 2)
    early = propose(SMALL, history([*WEEK_1, (5, 2, 1, "well")]), day(8))
    assert (early.decision, early.session) == (Decision.CONTINUE, 1)


def test_pain_in_a_later_week_goes_back_one_week_only() -> None:
    proposal = propose(SMALL, history([*WEEK_1, *WEEK_2, (14, 3, 1, "pain")]), day(18))
    assert (proposal.decision, proposal.week) == (Decision.STEP_BACK, 2)


@pytest.mark.parametrize(
    ("first", "second", "today", "paused", "words"),
    [
        ("dizzy", "pain", 16, True, "you reported dizziness and pain within 14 days"),
        ("dizzy", "dizzy", 16, True, "you reported dizziness twice within 14 days"),
        ("dizzy_or_pain", "dizzy", 16, True, "you reported dizziness or pain and dizziness"),
        ("pain", "pain", 18, False, "Rest until"),
    ],
)
def test_reports_14_days_apart_pause_and_15_do_not(
    first: str, second: str, today: int, paused: bool, words: str
) -> None:
    apart = 14 if paused else 15
    proposal = propose(SMALL, history([(0, 1, 1, first), (apart, 1, 1, second)]), day(today))
    assert proposal.paused is paused
    assert any(words in reason for reason in proposal.reasons), proposal.reasons


def test_the_pause_names_both_reports() -> None:
    steps = [WEEK_1[0], (2, 1, 2, "dizzy"), (7, 1, 2, "pain")]
    proposal = propose(SMALL, history(steps), day(11))
    assert proposal.reasons[1] == (
        "Week 1, session 2: you were in pain, after dizziness on Wednesday 4 March: twice in "
        "14 days."
    )


def test_a_short_try_with_a_report_is_a_report_but_no_session() -> None:
    short_dizzy = replace(ran(SMALL, 12, 2, 2, "dizzy", number=9), backward_s=20.0)
    entries = [*history([*WEEK_1, (7, 2, 1, "well")]), short_dizzy]
    resting = propose(SMALL, entries, day(13))
    assert resting.reasons[0] == (
        "Rest until Monday 16 March: you reported dizziness on Saturday 14 March."
    )
    # The break is counted from the last session, day 7: 16 days, 14 beyond the days off.
    later = propose(SMALL, entries, day(23))
    assert (later.decision, later.week) == (Decision.STEP_BACK, 1)


@pytest.mark.parametrize(
    ("backward_s", "planned_s", "counts"),
    [(45.0, 90.0, True), (44.9, 90.0, False), (0.0, 0.0, True), (0.5, 1.0, True)],
)
def test_a_session_of_the_program_counts_from_half_its_own_plan(
    backward_s: float, planned_s: float, counts: bool
) -> None:
    entry = replace(
        ran(SMALL, 0, 1, 1, "stopped"), backward_s=backward_s, planned_backward_s=planned_s
    )
    proposal = propose(SMALL, [entry], day(0))
    assert (proposal.decision is Decision.REST) is counts


@pytest.mark.parametrize(("backward_s", "counts"), [(45.0, True), (44.9, False)])
def test_another_session_counts_from_half_the_weeks_shortest(
    backward_s: float, counts: bool
) -> None:
    proposal = propose(SMALL, [other_session(0, backward_s)], day(1))  # week 1's shortest: 90 s
    assert (proposal.decision is Decision.REST) is counts


def test_without_backward_time_another_session_never_counts() -> None:
    forward = Program("Forward", (ProgramWeek("Run", (Template("Run", ()),) * 2),))
    proposal = propose(forward, [other_session(0, 0.0)], day(1))
    assert proposal.decision is Decision.START


def test_a_daily_runners_break_is_the_days_since_the_last_session() -> None:
    proposal = propose(SMALL, history([*WEEK_1, (7, 2, 1, "well")]), day(14), days=DAILY)
    assert proposal.reasons[0] == (
        "7 days since your last backward session: week 2 starts again from its first session."
    )


def test_after_a_step_back_into_week_1_three_more_hard_sessions_ease_in() -> None:
    steps = [
        *WEEK_1,
        (7, 2, 1, "rated_hard"),
        (9, 2, 1, "rated_hard"),  # back to week 1
        (11, 1, 1, "rated_hard"),
        (14, 1, 1, "rated_hard"),  # week 1 again: not yet eased
    ]
    again = propose(SMALL, history(steps), day(16))
    assert not again.ref.lighter
    eased = propose(SMALL, history([*steps, (16, 1, 1, "rated_hard")]), day(18))
    assert eased.ref.lighter


def test_after_a_lighter_week_three_more_hard_sessions_ease_in_again() -> None:
    hard = [(2 * n, 1, 1, "rated_hard") for n in range(3)]
    lighter = [("lighter", 7, 1, 1, "well"), ("lighter", 9, 1, 2, "well")]
    full = propose(SMALL, history([*hard, *lighter]), day(11))
    assert not full.ref.lighter and full.decision is Decision.REPEAT
    two = [(11, 1, 1, "rated_hard"), (14, 1, 1, "rated_hard")]
    assert not propose(SMALL, history([*hard, *lighter, *two]), day(16)).ref.lighter
    three = [*two, (16, 1, 1, "rated_hard")]
    assert propose(SMALL, history([*hard, *lighter, *three]), day(18)).ref.lighter


def test_while_eased_only_each_lighter_session_of_week_1_once_counts() -> None:
    hard = [(2 * n, 1, 1, "rated_hard") for n in range(3)]
    twice = [("lighter", 7, 1, 1, "well"), ("lighter", 9, 1, 1, "well")]
    proposal = propose(SMALL, history([*hard, *twice]), day(11))
    assert proposal.ref == ProgramRef(SMALL.name, 1, 2, lighter=True)
    other_week = [("lighter", 7, 2, 1, "well"), ("lighter", 9, 1, 1, "well")]
    assert propose(SMALL, history([*hard, *other_week]), day(11)).session == 2


def test_a_week_done_while_eased_moves_on_at_full_length() -> None:
    hard = [(2 * n, 1, 1, "rated_hard") for n in range(3)]
    full = [(7, 1, 1, "well"), (9, 1, 2, "well")]
    proposal = propose(SMALL, history([*hard, *full]), day(14))
    assert (proposal.decision, proposal.week, proposal.ref.lighter) == (
        Decision.ADVANCE,
        2,
        False,
    )


def test_the_lighter_option_is_last_weeks_session_in_the_same_place() -> None:
    proposal = propose(SMALL, history([*WEEK_1, (7, 2, 1, "well")]), day(9))
    assert proposal.lighter is SMALL.session(1, 2)
    assert proposal.lighter_ref == ProgramRef("Small", 1, 2, lighter=True)
    first = propose(SMALL, [], day(0))
    assert first.lighter_ref == ProgramRef("Small", 1, 1, lighter=True)
    assert first.lighter.name == "Small 1.1 (lighter)"


def test_a_rest_day_names_the_session_for_next_time() -> None:
    proposal = propose(SMALL, history(WEEK_1[:1]), day(1))
    assert proposal.reasons[0] == (
        "You ran backward yesterday: rest a day before the next session (week 1, session 2)."
    )


def test_a_rest_for_dizziness_or_pain_names_its_report_on_those_days_only() -> None:
    """Today rests first for a report exactly while the coach's rule rests for it."""
    entries = history([*WEEK_1, (7, 2, 1, "pain"), (11, 1, 1, "well")])
    report = session_figures(entries[2])
    for today in (7, 8, 9, 10):
        assert propose(SMALL, entries[:3], day(today)).unwell_report == report, today
    assert propose(SMALL, entries[:3], day(11)).unwell_report is None
    after = propose(SMALL, entries, day(11))  # ran today: a rest day, but not for a report
    assert after.decision is Decision.REST and after.unwell_report is None
    assert propose(SMALL, entries[:2], day(3)).unwell_report is None


def test_a_replay_goes_on_from_any_point_as_the_whole_replay_goes() -> None:
    """Reports, a pause, a resume between sessions and one after the last, a step back."""
    steps = [
        *WEEK_1,
        (7, 2, 1, "dizzy"),
        (10, 2, 1, "pain"),
        (30, 1, 1, "well"),
        (33, 1, 2, "rated_hard"),
        ("other", 35, 200.0),
        (36, 1, 2, "dizzy"),
        (38, 1, 2, "pain"),
    ]
    sessions = real_session_figures(history(steps))
    resumed = (WallTime((day(20) + 0.5) * DAY_S), WallTime((day(40) + 0.5) * DAY_S))
    choice = ProgramChoice(SMALL.name, START, resumed=resumed)
    point = replay_point(SMALL, sessions, choice, with_path=False)
    assert point.state.paused and point.resumes_done == 1
    whole = finish_replay(point, choice)
    assert not whole.paused and whole == replay(SMALL, sessions, choice, with_path=False)
    for met in range(len(sessions) + 1):
        point = replay_point(SMALL, sessions[:met], choice, with_path=False)
        assert point.met == met
        went_on = replay_point(SMALL, sessions[met:], choice, with_path=False, since=point)
        assert finish_replay(went_on, choice) == whole, met
