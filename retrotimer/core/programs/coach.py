"""The coach: replays the sessions run for a program and proposes today's, with its reasons."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass, field

from retrotimer.core.history.history_values import HistoryEntry, SessionStatus, rating_words
from retrotimer.core.history.program_ref import ProgramRef
from retrotimer.core.model import Template
from retrotimer.core.programs.lighter import lighter_option
from retrotimer.core.programs.outcome import Outcome, classify, outcome_facts, session_day
from retrotimer.core.programs.program_model import Program
from retrotimer.core.session.plan import compile_plan
from retrotimer.core.settings import Settings

RESTART_GAP_DAYS = 7
STEP_BACK_GAP_DAYS = 14
TWO_WEEKS_GAP_DAYS = 28


class Decision(enum.Enum):
    """Why this session is proposed."""

    START = "start"
    CONTINUE = "continue"
    ADVANCE = "advance"
    REPEAT = "repeat"
    STEP_BACK = "step_back"
    REST = "rest"
    COMPLETE = "complete"


@dataclass(frozen=True, slots=True)
class Proposal:
    """Today's session of a program, why, and a lighter option."""

    program: Program
    week: int
    session: int
    decision: Decision
    reasons: tuple[str, ...]
    template: Template
    lighter: Template
    lighter_ref: ProgramRef
    complete: bool = False

    @property
    def ref(self) -> ProgramRef:
        return ProgramRef(self.program.name, self.week, self.session)

    @property
    def weeks(self) -> int:
        return len(self.program.weeks)

    @property
    def sessions(self) -> int:
        return len(self.program.week(self.week).sessions)

    @property
    def focus(self) -> str:
        return self.program.week(self.week).focus


@dataclass(frozen=True, slots=True)
class PathStep:
    """One program session as the replay met it, and where the program stood after it."""

    day: int  # days since 1970-01-01, in the runner's time zone
    ref: ProgramRef
    outcome: Outcome
    decision: Decision
    week_after: int
    complete_after: bool
    backward_s: float
    planned_backward_s: float


@dataclass(frozen=True, slots=True)
class ProgramPath:
    """The way through a program so far: its sessions, and how often it moved."""

    steps: tuple[PathStep, ...]
    weeks_done: int
    repeats: int
    step_backs: int


@dataclass
class _Replay:
    """The program's state while the history is replayed, oldest session first."""

    program: Program
    settings: Settings
    week: int
    complete: bool = False
    done: dict[int, HistoryEntry] = field(default_factory=dict)
    hard: list[HistoryEntry] = field(default_factory=list)
    decision: Decision = Decision.START
    reason: str = ""
    ran_any: bool = False
    steps: list[PathStep] = field(default_factory=list)
    step_backs: int = 0

    @property
    def last_week(self) -> int:
        return len(self.program.weeks)

    def new_attempt(self) -> None:
        self.done = {}
        self.hard = []

    def step_back(self, weeks: int) -> int:
        """Steps back `weeks` (never below week 1); being complete counts as the week after
        the last. Returns the week it lands on."""
        position = self.last_week + 1 if self.complete else self.week
        self.week = max(1, position - weeks)
        self.complete = False
        self.new_attempt()
        self.decision = Decision.STEP_BACK
        self.step_backs += 1
        return self.week

    def gap(self, days: int) -> None:
        if days >= TWO_WEEKS_GAP_DAYS:
            week = self.step_back(2)
            self.reason = f"{days} days since your last backward session: back to week {week}."
        elif days >= STEP_BACK_GAP_DAYS:
            week = self.step_back(1)
            self.reason = f"{days} days since your last backward session: back to week {week}."
        elif days >= RESTART_GAP_DAYS:
            self.new_attempt()
            self.decision = Decision.REPEAT
            self.reason = (
                f"{days} days since your last backward session: week {self.current_week} "
                "starts again from its first session."
            )

    @property
    def current_week(self) -> int:
        return self.last_week if self.complete else self.week

    def planned_backward(self, ref: ProgramRef) -> float:
        template = self.program.session(ref.week, ref.session)
        return 0.0 if template is None else compile_plan(template, self.settings).backward_s

    def run(self, day: int, entry: HistoryEntry, ref: ProgramRef) -> None:
        planned = self.planned_backward(ref)
        outcome = classify(entry, planned)
        self.apply(entry, ref, outcome, planned)
        self.steps.append(
            PathStep(
                day,
                ref,
                outcome,
                self.decision,
                self.current_week,
                self.complete,
                entry.backward_s,
                planned,
            )
        )

    def apply(self, entry: HistoryEntry, ref: ProgramRef, outcome: Outcome, planned: float) -> None:
        self.ran_any = True
        name = f"Week {ref.week}, session {ref.session}" + (" (lighter)" if ref.lighter else "")
        if outcome is Outcome.WARNING:
            week = self.step_back(1)
            facts = outcome_facts(entry, planned)
            self.reason = f"{name}: {facts}. Back to week {week} to build up again."
            return
        if outcome is Outcome.HARD:
            self.hard.append(entry)
            facts = outcome_facts(entry, planned)
            if len(self.hard) >= 2:
                week = self.step_back(1)
                self.reason = (
                    f"{name} was hard ({facts}), the second hard session of this week: "
                    f"back to week {week}."
                )
            else:
                self.decision = Decision.REPEAT
                self.reason = f"{name} was hard ({facts}): it counts once it goes well."
            return
        counts = (
            not ref.lighter
            and ref.week == self.current_week
            and self.program.session(ref.week, ref.session) is not None
        )
        if not counts:
            self.decision = Decision.CONTINUE
            self.reason = f"{name} went well; it does not move the program on."
            return
        self.done[ref.session] = entry
        sessions = len(self.program.week(self.current_week).sessions)
        if len(self.done) < sessions:
            self.decision = Decision.CONTINUE
            self.reason = f"{name} done well ({_ratings([entry])}, {_stumbles([entry])})."
            return
        finished = [self.done[number] for number in sorted(self.done)]
        summary = (
            f"Week {self.current_week} done: {len(finished)} sessions, {_ratings(finished)}, "
            f"{_stumbles(finished)}."
        )
        self.new_attempt()
        if self.complete or self.week == self.last_week:
            self.complete = True
            self.decision = Decision.COMPLETE
            self.reason = summary
        else:
            self.week += 1
            self.decision = Decision.ADVANCE
            focus = self.program.week(self.week).focus
            self.reason = f"{summary} On to week {self.week}: {focus[:1].lower()}{focus[1:]}."


def _ratings(entries: list[HistoryEntry]) -> str:
    rated = [f'"{rating_words(entry.rating)}"' for entry in entries if entry.rating is not None]
    if not rated:
        return "not rated"
    words = rated[0] if len(rated) == 1 else ", ".join(rated[:-1]) + " and " + rated[-1]
    return ("rating " if len(rated) == 1 else "ratings ") + words


def _stumbles(entries: list[HistoryEntry]) -> str:
    total = sum(entry.near_stumbles or 0 for entry in entries)
    if total == 0:
        return "no near-stumbles"
    return "1 near-stumble" if total == 1 else f"{total} near-stumbles"


def _counted(entries: Iterable[HistoryEntry], start_day: int) -> list[HistoryEntry]:
    """Sessions that ended, on or after the start day, oldest first."""
    kept = [
        entry
        for entry in entries
        if not entry.is_deleted
        and entry.status is not SessionStatus.RUNNING
        and session_day(entry) >= start_day
    ]
    return sorted(kept, key=lambda entry: entry.started_utc_s)


def propose(
    program: Program,
    history_entries: Iterable[HistoryEntry],
    today: int,
    start_day: int,
    *,
    start_week: int = 1,
    settings: Settings | None = None,
) -> Proposal:
    """Today's proposal for `program` started on `start_day` at `start_week`, from the history.

    Days are day numbers (days since 1970-01-01) in the runner's time zone.

    Gaps count only between sessions on or after the start day: the week the runner chose
    to start at is where they start.
    """
    replay, last_backward = _replay(
        program, history_entries, today, start_day, start_week, settings or Settings()
    )
    if last_backward is not None:
        replay.gap(today - last_backward)
    return _proposal(replay, today, last_backward)


def program_path(
    program: Program,
    history_entries: Iterable[HistoryEntry],
    today: int,
    start_day: int,
    *,
    start_week: int = 1,
    settings: Settings | None = None,
) -> ProgramPath:
    """The sessions run for the program since the start day, as the coach counted them."""
    replay, _ = _replay(
        program, history_entries, today, start_day, start_week, settings or Settings()
    )
    decisions = [step.decision for step in replay.steps]
    return ProgramPath(
        tuple(replay.steps),
        sum(1 for d in decisions if d in (Decision.ADVANCE, Decision.COMPLETE)),
        sum(1 for d in decisions if d is Decision.REPEAT),
        replay.step_backs,
    )


def _replay(
    program: Program,
    history_entries: Iterable[HistoryEntry],
    today: int,
    start_day: int,
    start_week: int,
    settings: Settings,
) -> tuple[_Replay, int | None]:
    replay = _Replay(program, settings, max(1, min(start_week, len(program.weeks))))
    last_backward: int | None = None
    for entry in _counted(history_entries, start_day):
        day = session_day(entry)
        if day > today:
            break
        ref = entry.program
        if ref is not None and program.is_named(ref.name):
            if last_backward is not None:
                replay.gap(day - last_backward)
            replay.run(day, entry, ref)
        if entry.backward_s > 0:
            last_backward = day
    return replay, last_backward


def _proposal(replay: _Replay, today: int, last_backward: int | None) -> Proposal:
    program = replay.program
    week = replay.current_week
    sessions = program.week(week).sessions
    session = next(n for n in range(1, len(sessions) + 1) if n not in replay.done)
    decision = replay.decision
    reasons = [replay.reason] if replay.reason else []
    if replay.complete:
        decision = Decision.COMPLETE
        reasons.append(f"All {len(program.weeks)} weeks done: keep the level with week {week}.")
        if program.next_program:
            reasons[-1] += f" When you want more, try {program.next_program}."
        reasons = reasons[-2:]
    elif not replay.ran_any and decision is Decision.START:
        focus = program.week(week).focus
        reasons = [f"Week {week} of {program.name} starts: {focus[:1].lower()}{focus[1:]}."]
    if last_backward is not None and today - last_backward <= 1:
        day = "today" if last_backward == today else "yesterday"
        reasons = [
            f"You ran backward {day}: rest a day before the next session "
            f"(week {week}, session {session}).",
            *reasons[:1],
        ]
        decision = Decision.REST
    lighter_ref, lighter = lighter_option(program, week, session)
    return Proposal(
        program,
        week,
        session,
        decision,
        tuple(reasons),
        sessions[session - 1],
        lighter,
        lighter_ref,
        replay.complete,
    )
