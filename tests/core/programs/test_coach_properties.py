"""Properties of the coach over runners who follow its proposals, whatever happens."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from retrotimer.core.history.history_values import HistoryEntry
from retrotimer.core.programs.coach import Proposal, propose
from retrotimer.core.programs.program_model import Program
from tests.core.programs.program_history import HOW, START, day, ran, small_program

PROGRAMS = [small_program(3, 2), small_program(4, 3)]
hows = st.sampled_from(sorted(HOW))
gaps = st.integers(0, 30)
runs = st.lists(st.tuples(hows, gaps), max_size=14)


def follow(program: Program, steps: list[tuple[str, int]]) -> tuple[list[Proposal], Proposal]:
    """A runner who always runs what the coach proposes, on the days given by the gaps."""
    entries: list[HistoryEntry] = []
    proposals = []
    today = 0
    for number, (how, gap) in enumerate(steps):
        today += gap
        proposal = propose(program, entries, day(today), START)
        proposals.append(proposal)
        entries.append(ran(program, today, proposal.week, proposal.session, how, number=number))
    return proposals, propose(program, entries, day(today + 3), START)


def position(proposal: Proposal) -> int:
    """The week, with a complete program counting as the week after its last."""
    return proposal.weeks + 1 if proposal.complete else proposal.week


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(PROGRAMS), runs)
def test_the_week_never_leaves_the_program(program: Program, steps: list[tuple[str, int]]) -> None:
    proposals, last = follow(program, steps)
    for proposal in [*proposals, last]:
        assert 1 <= proposal.week <= len(program.weeks)
        assert 1 <= proposal.session <= len(program.week(proposal.week).sessions)


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(PROGRAMS), st.lists(st.integers(2, 6), max_size=16))
def test_sessions_done_well_advance_one_week_per_weeks_sessions(
    program: Program, gaps_between: list[int]
) -> None:
    _, last = follow(program, [("well", gap) for gap in gaps_between])
    per_week = len(program.weeks[0].sessions)
    done = len(gaps_between)
    if done >= program.session_count:
        assert last.complete and last.week == len(program.weeks)
    else:
        assert not last.complete
        assert (last.week, last.session) == (1 + done // per_week, 1 + done % per_week)


@settings(max_examples=150, deadline=None)
@given(
    st.sampled_from(PROGRAMS),
    runs,
    st.sampled_from(["stumbles3", "dizzy"]),
    st.integers(0, 30),
    st.data(),
)
def test_adding_a_warning_never_moves_the_week_forward(
    program: Program, steps: list[tuple[str, int]], warning: str, gap: int, data: st.DataObject
) -> None:
    where = data.draw(st.integers(0, len(steps)))
    _, without = follow(program, steps)
    _, with_warning = follow(program, [*steps[:where], (warning, gap), *steps[where:]])
    assert position(with_warning) <= position(without)
