"""The coach's rules as properties, over simulated runners who follow a program for up to a
year: diligent, weekly, daily, five a week, with breaks of 2 to 400 days, always lighter,
always hard, dizzy, in pain, stopping, crashing, changing zone and changing cadence."""

from __future__ import annotations

import dataclasses

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from retrotimer.core.history.calendar_days import local_day
from retrotimer.core.history.history_values import HistoryEntry
from retrotimer.core.programs.builtin_programs import FINISHERS, LEARN, TREADMILL, builtin_program
from retrotimer.core.programs.coach import Proposal
from retrotimer.core.programs.coach_vocabulary import Decision
from retrotimer.core.programs.outcome import Outcome
from retrotimer.core.programs.program_model import Program
from retrotimer.core.programs.session_load import load
from retrotimer.core.programs.training_rhythm import free_days
from retrotimer.core.settings import Settings
from retrotimer.core.value import replace
from tests.core.programs.program_history import small_program, view
from tests.core.programs.runner_simulator import PROFILES, Outing, Runner

PROGRAMS = [
    program
    for program in (builtin_program(LEARN), builtin_program(TREADMILL), builtin_program(FINISHERS))
    if program is not None
] + [small_program(3, 2)]
SIMULATION = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def runner_of(data: st.DataObject, profile: str) -> Runner:
    outings, days = PROFILES[profile]
    program = data.draw(st.sampled_from(PROGRAMS), label="program")
    runner = Runner(program, days).follow(data.draw(outings, label="outings"))
    assume(runner.asked)  # a first outing after more than a year is no year of running
    return runner


def position(proposal: Proposal) -> int:
    """The week, with a complete program counting as the week after its last."""
    return proposal.weeks + 1 if proposal.complete else proposal.week


def final(runner: Runner, history: list[HistoryEntry] | None = None) -> Proposal:
    """The proposal two days after the last outing, from `history` (the runner's own)."""
    last = runner.asked[-1].day if runner.asked else 0
    entries = runner.history if history is None else history
    return view(
        runner.program, entries, last + 2, days=runner.days, resumed=runner.resumed
    ).proposal


def essence(proposal: Proposal) -> tuple[object, ...]:
    return (proposal.decision, proposal.week, proposal.session, proposal.reasons)


@SIMULATION
@given(st.sampled_from(sorted(PROFILES)), st.data())
def test_every_runner_gets_proposals_the_rules_allow(profile: str, data: st.DataObject) -> None:
    runner = runner_of(data, profile)
    program = runner.program
    previous: Proposal | None = None
    for asked in runner.asked:
        proposal = asked.proposal
        assert 1 <= proposal.week <= len(program.weeks)
        assert 1 <= proposal.session <= len(program.week(proposal.week).sessions)
        assert 1 <= len(proposal.reasons) <= 3
        # The lighter option is never heavier than the session, and counts as one.
        full, light = (
            load(proposal.template, asked.settings),
            load(proposal.lighter, asked.settings),
        )
        assert light.within(full)
        assert light.backward_s >= full.backward_s / 2 - 1e-6
        # In week 1 there is no week to go back to, and the coach does not say so (a runner
        # who ran week 1's last session since is in week 2, and can go back to week 1).
        if (
            previous is not None
            and previous.week == 1
            and not previous.complete
            and previous.session < len(program.week(1).sessions)
        ):
            assert not any("back to week 1" in reason for reason in proposal.reasons)
        previous = proposal


@SIMULATION
@given(st.sampled_from(sorted(PROFILES)), st.data())
def test_growth_holds_at_any_frequency(profile: str, data: st.DataObject) -> None:
    runner = runner_of(data, profile)
    path = view(runner.program, runner.history, runner.asked[-1].day + 1, days=runner.days).path
    counted = [step for step in path.steps if step.moved_on]
    days = [step.day for step in counted]
    assert len(days) == len(set(days)), "one counted session a day"
    for day in days:
        assert sum(1 for other in days if day <= other < day + 7) <= 3
    # A new week's first counted session comes at least 6 days after the week before's.
    opened: list[tuple[int, int]] = []
    for step in counted:
        if not opened or step.ref.week != opened[-1][1] or step.ref.lighter:
            opened.append((step.day, step.ref.week))
    for (day, week), (later, next_week) in zip(opened, opened[1:], strict=False):
        if next_week > week:
            assert later - day >= 6


@SIMULATION
@given(st.sampled_from(sorted(PROFILES)), st.data())
def test_test_runs_and_short_warm_ups_never_count(profile: str, data: st.DataObject) -> None:
    runner = runner_of(data, profile)
    real = [
        entry
        for entry in runner.history
        if not entry.test_run and not (entry.program is None and entry.backward_s < 30)
    ]
    assert essence(final(runner, real)) == essence(final(runner))
    # The order the history is read in does not matter either.
    assert essence(final(runner, runner.history[::-1])) == essence(final(runner))


@SIMULATION
@given(st.data())
def test_the_past_is_judged_by_the_plans_it_was_run_with(data: st.DataObject) -> None:
    runner = runner_of(data, "cadence changes")
    last = runner.asked[-1].day + 2
    slow, fast = (
        view(runner.program, runner.history, last, settings=Settings(cadence_backward_walk=c))
        for c in (60, 200)
    )
    assert [s.outcome for s in slow.path.steps] == [s.outcome for s in fast.path.steps]
    assert [s.week_after for s in slow.path.steps] == [s.week_after for s in fast.path.steps]
    assert (slow.proposal.decision, slow.proposal.week, slow.proposal.session) == (
        fast.proposal.decision,
        fast.proposal.week,
        fast.proposal.session,
    )


@SIMULATION
@given(st.data())
def test_days_are_the_runners_local_days_in_every_zone(data: st.DataObject) -> None:
    runner = runner_of(data, "zone changes")
    utc_order = sorted(runner.history, key=lambda entry: entry.started_utc_s)
    assume(
        [local_day(e.started) for e in utc_order] == sorted(local_day(e.started) for e in utc_order)
    )
    at_home = [
        replace(entry, started_utc_s=entry.started_utc_s + entry.utc_offset_s, utc_offset_s=0)
        for entry in runner.history
    ]
    assert essence(final(runner, at_home)) == essence(final(runner))


@SIMULATION
@given(st.data())
def test_a_crashed_session_is_neither_hard_nor_done(data: st.DataObject) -> None:
    runner = runner_of(data, "crashed")
    steps = view(runner.program, runner.history, runner.asked[-1].day + 1, days=runner.days)
    week = 1
    for step in steps.path.steps:
        if step.outcome is Outcome.UNFINISHED:
            assert step.decision is Decision.CONTINUE and not step.moved_on
            assert step.week_after == week
        week = step.week_after


@SIMULATION
@given(st.sampled_from(["dizzy", "pain", "anything"]), st.data())
def test_a_second_report_within_14_days_pauses_until_the_runner_resumes(
    profile: str, data: st.DataObject
) -> None:
    runner = runner_of(data, profile)
    resumes = sorted(local_day(moment) for moment in runner.resumed)
    reports: list[int] = []
    should_pause = False
    for asked in runner.asked:
        resumed = False
        while resumes and resumes[0] <= asked.day:
            resumes.pop(0)
            resumed = True
        if resumed and should_pause:  # resuming a program that is not paused does nothing
            reports, should_pause = [], False
        assert asked.proposal.paused == should_pause, (asked.day, reports)
        entry = asked.entry
        if entry is None or entry.test_run or should_pause or not entry.felt_unwell:
            continue
        should_pause = any(asked.day - day <= 14 for day in reports)
        reports.append(asked.day)


@SIMULATION
@given(
    st.sampled_from(PROGRAMS),
    st.lists(st.sampled_from([2, 2, 3]), min_size=1, max_size=25),
    st.integers(2, 400),
)
def test_a_break_costs_what_its_length_asks(program: Program, gaps: list[int], gap: int) -> None:
    runner = Runner(program).follow([Outing(g) for g in gaps])
    last = runner.asked[-1].day
    before = view(program, runner.history, last + 2).proposal
    after = view(program, runner.history, last + gap).proposal
    beyond = gap - free_days(runner.days)
    where = position(before)
    at_entry = before.week == 1 and not before.complete
    if beyond < 7 or at_entry:
        assert after.week == before.week or at_entry
        if beyond >= 7:
            assert (after.week, after.session) == (1, 1)
        return
    if beyond < 14:
        assert (after.week, after.session, after.complete) == (before.week, 1, before.complete)
    elif beyond < 28:
        assert after.week == max(1, where - 1) and not after.complete
    elif beyond < 56:
        assert after.week == max(1, where - 2)
    elif beyond <= 182:
        walking = [w for w in program.walking_weeks if w <= where - 2]
        assert after.week == max(walking, default=1)
        assert program.week(after.week).walking or after.week == 1
    else:
        assert after.week == 1
    assert after.decision in (Decision.STEP_BACK, Decision.REPEAT)


@SIMULATION
@given(st.sampled_from(sorted(PROFILES)), st.data(), st.integers(1, 6))
def test_the_calendar_is_what_the_coach_will_propose(
    profile: str, data: st.DataObject, weeks: int
) -> None:
    runner = runner_of(data, profile)
    today = runner.asked[-1].day + data.draw(st.integers(0, 3), label="days later")
    planned = view(
        runner.program, runner.history, today, days=runner.days, resumed=runner.resumed
    ).calendar(weeks)
    for a, b in zip(planned, planned[1:], strict=False):
        assert b.day - a.day >= 2, "never on consecutive days"
    follower = dataclasses.replace(runner, history=list(runner.history), asked=[], local=today)
    for item in planned:
        proposal = follower.ask(item.day)
        assert proposal.decision is not Decision.REST
        assert (proposal.week, proposal.session) == (item.week, item.session)
        assert proposal.template == item.template
        follower.follow([Outing(item.day - follower.local, "unrated")], within_a_year=False)
