"""The coach: replays the sessions run since a program was started and proposes today's, with
its reasons and a lighter option."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from retrotimer.core.history.calendar_days import DAY_S, local_day
from retrotimer.core.history.program_ref import ProgramRef
from retrotimer.core.programs.coach_reasons import reason_text
from retrotimer.core.programs.coach_replay import CoachState
from retrotimer.core.programs.coach_rules import STANDING_NOTES
from retrotimer.core.programs.coach_values import PathStep, Said
from retrotimer.core.programs.coach_vocabulary import Action, Decision, Fact
from retrotimer.core.programs.lighter import lighter_option
from retrotimer.core.programs.session_load import load
from retrotimer.core.programs.training_rhythm import free_days, rhythm_advice
from retrotimer.core.settings import Settings
from retrotimer.core.value import value

if TYPE_CHECKING:
    from retrotimer.core.history.session_figures import SessionFigures
    from retrotimer.core.history.wall_time import WallTime
    from retrotimer.core.model import Template
    from retrotimer.core.programs.program_choice import ProgramChoice
    from retrotimer.core.programs.program_model import Program


@value
class Proposal:
    """Today's session of a program, why, and a lighter option; `ref` is what the session
    is recorded as (the lighter option itself when it leads). `unwell_report` is the session
    on which the runner reported dizziness or pain, while today is a rest day for it."""

    program: Program
    week: int
    session: int
    decision: Decision
    reasons: tuple[str, ...]
    template: Template
    ref: ProgramRef
    lighter: Template
    lighter_ref: ProgramRef
    complete: bool = False
    unwell_report: SessionFigures | None = None

    @property
    def weeks(self) -> int:
        return len(self.program.weeks)

    @property
    def sessions(self) -> int:
        return len(self.program.week(self.week).sessions)

    @property
    def focus(self) -> str:
        return self.program.week(self.week).focus

    @property
    def paused(self) -> bool:
        return self.decision is Decision.PAUSED


@value
class ProgramPath:
    """The way through a program so far: its sessions, and how often it moved."""

    steps: tuple[PathStep, ...]
    weeks_done: int
    repeats: int
    step_backs: int


def _shortest_sessions(program: Program) -> tuple[float, ...]:
    """Each week's shortest session in backward seconds, at the default cadences, so that
    what counts as a session never changes with the runner's settings."""
    defaults = Settings()
    return tuple(
        min((load(t, defaults).backward_s for t in week.sessions), default=0.0)
        for week in program.weeks
    )


@value
class ReplayPoint:
    """Where a replay stands after the first `met` sessions it was given: the state, the
    last day it met (days never go back) and how many of the choice's resumes, oldest
    first, it carried out. A replay can go on from here with the sessions after them."""

    state: CoachState
    day: int
    met: int
    resumes_done: int


def replay_point(
    program: Program,
    sessions: Iterable[SessionFigures],
    choice: ProgramChoice,
    *,
    happened_by: float | None = None,
    with_path: bool = True,
    since: ReplayPoint | None = None,
) -> ReplayPoint:
    """Where the runner stands after `sessions` (oldest first, as the history's
    `real_session_figures` gives them) since the choice's start day, and the resumes
    between them; those started after `happened_by` (UTC seconds) are left out. From
    `since` (a point of a replay of the same program and choice, whose state it changes)
    the replay goes on, and `sessions` are those after the `since.met` it met.

    Days are each session's local day where the runner was; a session never goes back
    before the one before it, so crossing time zones keeps the order of what happened.
    """
    if since is None:
        state = CoachState(
            program,
            choice.training_days,
            free_days(choice.training_days),
            _shortest_sessions(program),
            max(1, min(choice.start_week, len(program.weeks))),
            steps=[] if with_path else None,
        )
        state.start()
        since = ReplayPoint(state, choice.start_day, 0, 0)
    state = since.state
    resumes = _resumes(choice, happened_by)[since.resumes_done :]
    waiting = len(resumes)
    names: dict[str, bool] = {}
    start_day, day, met = choice.start_day, since.day, since.met
    for session in sessions:
        started = session.started_utc_s
        if happened_by is not None and started > happened_by:
            break
        met += 1
        local = int((started + session.utc_offset_s) // DAY_S)
        if local < start_day:
            continue
        while resumes and resumes[0].utc_s <= started:
            day = max(day, local_day(resumes.pop(0)))
            state.resume(day)
        if local > day:
            day = local
        name = session.program_name
        for_program = False
        if name is not None:
            if name not in names:
                names[name] = program.is_named(name)
            for_program = names[name]
        state.session(session, day, for_program)
    return ReplayPoint(state, day, met, since.resumes_done + waiting - len(resumes))


def finish_replay(
    point: ReplayPoint, choice: ProgramChoice, *, happened_by: float | None = None
) -> CoachState:
    """The state at the end of the replay: the resumes after its last session carried out
    (on `point`'s state)."""
    state, day = point.state, point.day
    for moment in _resumes(choice, happened_by)[point.resumes_done :]:
        day = max(day, local_day(moment))
        state.resume(day)
    return state


def _resumes(choice: ProgramChoice, happened_by: float | None) -> list[WallTime]:
    return sorted(
        (moment for moment in choice.resumed if happened_by is None or moment.utc_s <= happened_by),
        key=lambda moment: moment.utc_s,
    )


def replay(
    program: Program,
    sessions: Iterable[SessionFigures],
    choice: ProgramChoice,
    *,
    happened_by: float | None = None,
    with_path: bool = True,
) -> CoachState:
    """Where the runner stands after `sessions` and every resume (see `replay_point`)."""
    point = replay_point(program, sessions, choice, happened_by=happened_by, with_path=with_path)
    return finish_replay(point, choice, happened_by=happened_by)


def propose(state: CoachState, today: int, settings: Settings) -> Proposal:
    """Today's proposal from where the runner stands: a break up to today is carried out
    first (on `state`), then today's own rule (rest, paused or ready) is added. A last
    session on a later local day (run in a zone ahead) was run today."""
    state.time_passes(today)
    program = state.program
    rule, context = state.today(today)
    decision = state.decision
    reasons: list[str] = []
    week, session = state.current_week, state.next_session
    report = context.earlier[-1][1] if rule.fact is Fact.RESTING_UNWELL else None
    if rule.action is Action.REST_TODAY:
        today_said = Said(rule, context, week)
        reasons.append(reason_text(today_said, program, state.free_days, session))
        decision = rule.decision or decision
    if state.said is not None and state.said.rule.reason:
        reasons.append(reason_text(state.said, program, state.free_days, session))
    reasons += _standing(state, decision)
    lighter_ref, lighter = lighter_option(program, week, session, settings)
    template = program.week(week).sessions[session - 1]
    ref = ProgramRef(program.name, week, session)
    if state.eased:
        template, ref = lighter, lighter_ref
    return Proposal(
        program,
        week,
        session,
        decision,
        tuple(reasons),
        template,
        ref,
        lighter,
        lighter_ref,
        state.complete,
        report,
    )


def _standing(state: CoachState, decision: Decision) -> list[str]:
    """What stands for the whole phase (paused, eased, complete), or the advice on rhythm at
    the start."""
    note = STANDING_NOTES.get(state.phase)
    if note is not None:
        program = state.program
        more = f" When you want more, try {program.next_program}." if program.next_program else ""
        return [note.format(weeks=len(program.weeks), week=state.current_week, next=more)]
    advice = rhythm_advice(state.training_days) if decision is Decision.START else None
    return [] if advice is None else [advice]


def program_path(state: CoachState) -> ProgramPath:
    """The program's sessions as the coach counted them, and how often it moved."""
    steps = tuple(state.steps or ())
    decisions = [step.decision for step in steps]
    return ProgramPath(
        steps,
        sum(1 for d in decisions if d in (Decision.ADVANCE, Decision.COMPLETE)),
        sum(1 for d in decisions if d is Decision.REPEAT),
        state.step_backs,
    )
