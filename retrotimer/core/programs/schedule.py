"""Upcoming program sessions on the runner's training days, as the coach will propose them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from retrotimer.core.history.calendar_days import DAY_S, weekday
from retrotimer.core.history.history_values import SessionStatus
from retrotimer.core.history.program_ref import ProgramRef
from retrotimer.core.history.session_figures import SessionFigures
from retrotimer.core.programs.coach_vocabulary import Action
from retrotimer.core.programs.lighter import lighter_option
from retrotimer.core.programs.program_choice import WEEKDAYS
from retrotimer.core.programs.session_load import load
from retrotimer.core.value import value

if TYPE_CHECKING:
    from retrotimer.core.model import Template
    from retrotimer.core.programs.coach_replay import CoachState
    from retrotimer.core.settings import Settings

MAX_CALENDAR_WEEKS = 52
KEEP_LEVEL_WEEKS = 4


@value
class PlannedDay:
    """One session on one day; `occurrence` counts earlier days with the same session."""

    day: int  # days since 1970-01-01
    week: int
    session: int
    template: Template
    occurrence: int = 0


def _done_well(ref: ProgramRef, template: Template, day: int, settings: Settings) -> SessionFigures:
    """The session as if run on `day` and done well, to see what the coach says next."""
    backward_s = load(template, settings).backward_s
    return SessionFigures(
        float(day * DAY_S),
        f"planned-{day}",
        0,
        SessionStatus.COMPLETED,
        backward_s,
        backward_s,
        None,
        None,
        False,
        False,
        False,
        ref.name,
        ref.week,
        ref.session,
        ref.lighter,
    )


def upcoming(
    state: CoachState,
    today: int,
    training_days: tuple[str, ...],
    settings: Settings,
    weeks: int | None = None,
) -> list[PlannedDay]:
    """The sessions the coach will propose on the training days from today, if each goes
    well: a day the coach would call a rest day (the day after a session, a week not yet
    begun, 3 sessions in 7 days) gets none. Until the program's end, or for `weeks` weeks; a
    complete program gets four weeks of keeping its level; a paused one nothing."""
    wanted = {WEEKDAYS.index(day) for day in training_days}
    until_the_end = weeks is None and not state.complete
    default_weeks = MAX_CALENDAR_WEEKS if until_the_end else KEEP_LEVEL_WEEKS
    span = min(weeks or default_weeks, MAX_CALENDAR_WEEKS) * 7
    planned: list[PlannedDay] = []
    seen: dict[tuple[int, int], int] = {}
    following = state.clone()
    for day in range(today, today + span):
        if weekday(day) not in wanted:
            continue
        trying = following.clone()
        trying.time_passes(day)
        rule, _ = trying.today(day)
        if trying.paused:
            break
        if rule.action is Action.REST_TODAY:
            continue
        week, session = trying.current_week, trying.next_session
        template = trying.program.week(week).sessions[session - 1]
        ref = ProgramRef(trying.program.name, week, session)
        if trying.eased:
            ref, template = lighter_option(trying.program, week, session, settings)
        trying.session(_done_well(ref, template, day, settings), day, for_program=True)
        following = trying
        occurrence = seen.get((week, session), 0)
        seen[(week, session)] = occurrence + 1
        planned.append(PlannedDay(day, week, session, template, occurrence))
        if until_the_end and following.complete:
            break
    return planned
