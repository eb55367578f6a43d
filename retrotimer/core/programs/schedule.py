"""Upcoming program sessions laid on the runner's training days, for a calendar."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from retrotimer.core.history.calendar_days import weekday
from retrotimer.core.model import Template
from retrotimer.core.programs.coach import Decision, Proposal
from retrotimer.core.programs.program_choice import WEEKDAYS

MAX_CALENDAR_WEEKS = 52
KEEP_LEVEL_WEEKS = 4


@dataclass(frozen=True, slots=True)
class PlannedDay:
    """One session on one day; `occurrence` counts earlier days with the same session."""

    day: int  # days since 1970-01-01
    week: int
    session: int
    template: Template
    occurrence: int = 0


def _following(proposal: Proposal) -> Iterator[tuple[int, int]]:
    """(week, session) from the proposal on; after the last week its sessions again."""
    program = proposal.program
    week, session = proposal.week, proposal.session
    complete = proposal.complete
    while True:
        yield week, session
        if session < len(program.week(week).sessions):
            session += 1
        elif week < len(program.weeks) and not complete:
            week, session = week + 1, 1
        else:
            complete, session = True, 1


def upcoming(
    proposal: Proposal,
    today: int,
    training_days: tuple[str, ...],
    weeks: int | None = None,
) -> list[PlannedDay]:
    """The proposal and what follows it, one session per training day from today (tomorrow
    when the coach says rest), for `weeks` weeks or until the program's last session."""
    wanted = {WEEKDAYS.index(day) for day in training_days}
    first = today + 1 if proposal.decision is Decision.REST else today
    program = proposal.program
    remaining = sum(
        1
        for week, session, _ in program.all_sessions()
        if (week, session) >= (proposal.week, proposal.session)
    )
    # A complete program keeps its level: a month of its last week unless told otherwise.
    until_the_end = weeks is None and not proposal.complete
    default_weeks = MAX_CALENDAR_WEEKS if until_the_end else KEEP_LEVEL_WEEKS
    span = min(weeks or default_weeks, MAX_CALENDAR_WEEKS) * 7
    planned: list[PlannedDay] = []
    seen: dict[tuple[int, int], int] = {}
    order = _following(proposal)
    for offset in range(span):
        day = first + offset
        if weekday(day) not in wanted:
            continue
        if until_the_end and len(planned) >= remaining:
            break
        week, session = next(order)
        template = program.week(week).sessions[session - 1]
        occurrence = seen.get((week, session), 0)
        seen[(week, session)] = occurrence + 1
        planned.append(PlannedDay(day, week, session, template, occurrence))
    return planned
