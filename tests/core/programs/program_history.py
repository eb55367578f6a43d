"""History entries for program tests: sessions run for a program, with how they went."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from retrotimer.core.history.calendar_days import DAY_S, days_from_civil
from retrotimer.core.history.history_values import (
    HistoryEntry,
    HistorySession,
    Review,
    SessionStatus,
    plan_snapshot,
)
from retrotimer.core.history.program_ref import ProgramRef
from retrotimer.core.history.session_figures import real_session_figures
from retrotimer.core.history.wall_time import WallTime
from retrotimer.core.model import Length, Repeat, Segment, SegmentKind, Template, Venue
from retrotimer.core.programs.coach import Proposal
from retrotimer.core.programs.lighter import half_backward
from retrotimer.core.programs.program_choice import DEFAULT_DAYS, ProgramChoice
from retrotimer.core.programs.program_model import Program, ProgramWeek
from retrotimer.core.programs.program_view import ProgramView, view_program
from retrotimer.core.session.plan import compile_plan
from retrotimer.core.settings import Settings
from retrotimer.core.value import replace

START = days_from_civil(2026, 3, 2)  # a Monday


def day(offset: int) -> int:
    return START + offset


def session_template(name: str, reps: int) -> Template:
    return Template(
        name,
        (
            Segment(SegmentKind.WARMUP, Length.minutes(3)),
            Repeat(
                reps,
                (
                    Segment(SegmentKind.BACKWARD_WALK, Length.seconds(30)),
                    Segment(SegmentKind.WALK, Length.seconds(30)),
                ),
            ),
            Segment(SegmentKind.COOLDOWN, Length.minutes(3)),
        ),
        "",
        Venue.TRACK,
    )


def small_program(weeks: int = 3, sessions: int = 2) -> Program:
    """`weeks` weeks of `sessions` sessions; week w session s has w*2+s backward reps."""
    return Program(
        "Small",
        tuple(
            ProgramWeek(
                f"Focus {w}",
                tuple(
                    session_template(f"Small {w}.{s}", w * 2 + s) for s in range(1, sessions + 1)
                ),
            )
            for w in range(1, weeks + 1)
        ),
        "",
        "Bigger",
    )


# How a session went: (status, share of planned backward time, rating (1 "very easy" to 5
# "too hard"), near-stumbles, the reports of dizziness or pain).
HOW: dict[str, tuple[SessionStatus, float, int | None, int | None, Review]] = {
    "well": (SessionStatus.COMPLETED, 1.0, 2, 0, Review()),
    "unrated": (SessionStatus.COMPLETED, 1.0, None, None, Review()),
    "one_stumble": (SessionStatus.COMPLETED, 1.0, 3, 1, Review()),
    "stopped": (SessionStatus.STOPPED, 0.5, None, None, Review()),
    "stopped_cooling_down": (SessionStatus.STOPPED, 1.0, None, None, Review()),
    "crashed": (SessionStatus.INTERRUPTED, 0.7, None, None, Review()),
    "short": (SessionStatus.COMPLETED, 0.8, 2, 0, Review()),
    "rated_hard": (SessionStatus.COMPLETED, 1.0, 4, 0, Review()),
    "stumbles2": (SessionStatus.COMPLETED, 1.0, 2, 2, Review()),
    "stumbles3": (SessionStatus.COMPLETED, 1.0, 2, 3, Review()),
    "dizzy": (SessionStatus.COMPLETED, 1.0, 2, 0, Review(dizzy=True)),
    "pain": (SessionStatus.COMPLETED, 1.0, 2, 0, Review(pain=True)),
    "dizzy_or_pain": (SessionStatus.COMPLETED, 1.0, 2, 0, Review(dizzy_or_pain=True)),
}


def ran(
    program: Program,
    on: int,
    week: int,
    session: int,
    how: str = "well",
    *,
    lighter: bool = False,
    number: int = 0,
    hour: int = 9,
    plan: Template | None = None,
    settings: Settings | None = None,
) -> HistoryEntry:
    """Week `week`, session `session` run on day `on` (the lighter option: the same session
    with half its backward reps, unless `plan` says what was run)."""
    template = program.session(week, session)
    assert template is not None
    if plan is None:
        plan = half_backward(template) if lighter else template
    planned = compile_plan(plan, settings or Settings())
    status, share, rating, stumbles, reports = HOW[how]
    return replace(
        _entry(
            on,
            hour,
            number,
            status,
            round(planned.backward_s * share, 3),
            rating,
            stumbles,
            reports,
            ProgramRef(program.name, week, session, lighter),
        ),
        planned_backward_s=planned.backward_s,
    )


def recorded(program: Program, entry: HistoryEntry) -> HistorySession:
    """The session as the history keeps it: with the plan it was run with."""
    assert entry.program is not None
    template = program.session(entry.program.week, entry.program.session)
    assert template is not None
    plan = half_backward(template) if entry.program.lighter else template
    return HistorySession(entry, plan_snapshot(compile_plan(plan, Settings())), ())


def other_session(on: int, backward_s: float = 60.0, number: int = 0) -> HistoryEntry:
    """A session run outside the program."""
    return _entry(on, 9, number, SessionStatus.COMPLETED, backward_s, None, None, Review(), None)


def view(
    program: Program,
    entries: Iterable[HistoryEntry],
    today: int,
    start_day: int = START,
    *,
    start_week: int = 1,
    days: tuple[str, ...] = DEFAULT_DAYS,
    resumed: tuple[WallTime, ...] = (),
    settings: Settings | None = None,
    happened_by: float | None = None,
) -> ProgramView:
    choice = ProgramChoice(program.name, start_day, start_week, days, resumed)
    sessions = real_session_figures(entries)
    return view_program(
        program, choice, sessions, today, settings or Settings(), happened_by=happened_by
    )


def propose(
    program: Program,
    entries: Iterable[HistoryEntry],
    today: int,
    start_day: int = START,
    **options: Any,
) -> Proposal:
    """Today's proposal, as every screen and command gets it."""
    return view(program, entries, today, start_day, **options).proposal


def _entry(
    on: int,
    hour: int,
    number: int,
    status: SessionStatus,
    backward_s: float,
    rating: int | None,
    stumbles: int | None,
    reports: Review,
    ref: ProgramRef | None,
) -> HistoryEntry:
    utc_s = float(day(on) * DAY_S + hour * 3600 + number)
    return HistoryEntry(
        session_id=f"{on:04d}{number:04d}" + "0" * 24,
        template_name="x",
        venue=Venue.TRACK,
        started_utc_s=utc_s,
        utc_offset_s=0,
        ended_utc_s=utc_s + 600,
        status=status,
        planned_s=600.0,
        active_s=backward_s,
        backward_s=backward_s,
        rating=rating,
        near_stumbles=stumbles,
        program=ref,
        dizzy=reports.dizzy,
        pain=reports.pain,
        dizzy_or_pain=reports.dizzy_or_pain,
    )
