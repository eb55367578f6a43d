"""The coach's replay: the runner's sessions, oldest first, each turned into a fact and carried
out by the rule that the table (`coach_rules`) names for it."""

from __future__ import annotations

import dataclasses
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field

from retrotimer.core.history.session_figures import SessionFigures
from retrotimer.core.programs.coach_rules import RULE_FOR
from retrotimer.core.programs.coach_values import Context, PathStep, Said
from retrotimer.core.programs.coach_vocabulary import Action, Decision, Fact, Phase, Rule
from retrotimer.core.programs.outcome import COUNTED_SHARE, SLACK_S, Outcome, judge, pained
from retrotimer.core.programs.program_model import Program

# Breaks, in days beyond the runner's usual days off: from how many days each band begins.
BREAK_BANDS = (
    (7, Fact.BREAK_WEEK),
    (14, Fact.BREAK_FORTNIGHT),
    (28, Fact.BREAK_MONTH),
    (56, Fact.BREAK_MONTHS),
    (183, Fact.BREAK_LONG),  # over six months
)
SHORTEST_BREAK = BREAK_BANDS[0][0]
# Growth holds at any frequency: a program week takes at least 6 days, and at most 3
# sessions (one a day) in any 7 days move the program on.
WEEK_MIN_DAYS = 6
SESSIONS_IN_SEVEN = 3
UNWELL_WINDOW_DAYS = 14
DIZZY_REST_DAYS = 2
PAIN_REST_DAYS = 3
HARD_AT_ENTRY_TO_EASE = 3
# The actions by which a session counts: the program is a session further on.
MOVING_ON = frozenset(
    {
        Action.COUNT,
        Action.COUNT_LIGHTER,
        Action.ADVANCE,
        Action.COMPLETE,
        Action.KEEP_LEVEL,
        Action.UNEASE,
    }
)


@dataclass(slots=True)
class CoachState:
    """Where the runner stands; changed only by `_apply`, which follows the table."""

    program: Program
    training_days: tuple[str, ...]
    free_days: int  # the longest run of days off the training days leave
    # Each week's shortest session in backward seconds, at the default cadences: what a
    # session outside the program is measured against.
    shortest_s: tuple[float, ...]
    week: int
    complete: bool = False
    eased: bool = False
    paused: bool = False
    done: dict[int, SessionFigures] = field(default_factory=dict)
    lighter_done: dict[int, SessionFigures] = field(default_factory=dict)
    hard_in_go: int = 0
    hard_at_entry: int = 0
    opened: int | None = None  # the day the week's first session counted in this go
    not_before: int | None = None  # the first day a session counts for the current week
    # The days of the last sessions that counted, for "3 in 7 days, one a day".
    progress_days: deque[int] = field(default_factory=lambda: deque(maxlen=SESSIONS_IN_SEVEN))
    last_day: int | None = None  # the last counted session: rest days and breaks
    break_seen: tuple[int, int] | None = None  # (last_day, band) of the break carried out
    unwell: list[tuple[int, SessionFigures]] = field(default_factory=list)
    rest_until: int | None = None
    rest_for: tuple[int, SessionFigures] | None = None
    said: Said | None = None
    decision: Decision = Decision.START
    step_backs: int = 0
    steps: list[PathStep] | None = None

    # ---- where the runner stands ------------------------------------------------------------
    @property
    def last_week(self) -> int:
        return len(self.program.weeks)

    @property
    def current_week(self) -> int:
        return len(self.program.weeks) if self.complete else self.week

    @property
    def phase(self) -> Phase:
        if self.paused:
            return Phase.PAUSED
        if self.complete:
            return Phase.COMPLETE
        if self.eased:
            return Phase.EASED
        return Phase.ENTRY if self.week == 1 else Phase.TRAINING

    @property
    def next_session(self) -> int:
        """The first session of the current week not yet done in this go."""
        done = self.lighter_done if self.eased else self.done
        count = len(self.program.week(self.current_week).sessions)
        return next((n for n in range(1, count + 1) if n not in done), 1)

    def clone(self) -> CoachState:
        """A copy to try days on (the calendar), without the path."""
        return dataclasses.replace(
            self,
            done=dict(self.done),
            lighter_done=dict(self.lighter_done),
            progress_days=deque(self.progress_days, maxlen=SESSIONS_IN_SEVEN),
            unwell=list(self.unwell),
            steps=None,
        )

    # ---- what happens -----------------------------------------------------------------------
    def start(self) -> None:
        self._apply(Fact.STARTED, Context())

    def resume(self, day: int) -> None:
        self._apply(Fact.RESUMED, Context(until=day))

    def time_passes(self, day: int) -> None:
        """A break since the last counted session, measured against the runner's days off,
        is carried out once: a longer one later only adds what it asks beyond."""
        if self.last_day is None:
            return
        gap = day - self.last_day
        beyond = max(0, gap - self.free_days)
        band = sum(1 for start, _ in BREAK_BANDS if beyond >= start) - 1
        if band < 0:
            return
        seen = self.break_seen
        if seen is not None and seen[0] == self.last_day and seen[1] >= band:
            return
        self.break_seen = (self.last_day, band)
        self._apply(BREAK_BANDS[band][1], Context(gap=gap, break_days=beyond))

    def session(self, session: SessionFigures, day: int, for_program: bool) -> None:
        """A session run on `day` (the runner's local day then, never before the last);
        `for_program` when it was run for this program. It counts once it has done half the
        backward time of its own plan (a session of the program) or of the current week's
        shortest session (any other); a report of dizziness or pain counts all the same."""
        backward = session.backward_s
        if for_program:
            planned = session.planned_backward_s
            counted = backward >= COUNTED_SHARE * planned - SLACK_S and (
                backward > 0 or planned == 0
            )
        else:
            shortest = self.shortest_s[self.current_week - 1]
            counted = backward > 0 and backward >= COUNTED_SHARE * shortest - SLACK_S
        unwell = for_program and (session.dizzy or session.pain or session.dizzy_or_pain)
        if not (counted or unwell):
            return  # a short try or a backward warm-up: not a session
        last = self.last_day
        if last is not None and day - last - self.free_days >= SHORTEST_BREAK:
            self.time_passes(day)
        if counted and (last is None or day > last):
            self.last_day = day
        if not for_program:
            return
        fact, context, outcome = self._fact(session, day, unwell)
        rule = self._apply(fact, context)
        if self.steps is not None:
            self.steps.append(
                PathStep(
                    day,
                    session,
                    outcome,
                    self.decision,
                    self.current_week,
                    self.complete,
                    rule.action in MOVING_ON,
                )
            )

    # ---- facts ------------------------------------------------------------------------------
    def _fact(
        self, session: SessionFigures, day: int, unwell: bool
    ) -> tuple[Fact, Context, Outcome]:
        outcome = judge(session)
        if unwell:
            earlier = tuple((d, s) for d, s in self.unwell if day - d <= UNWELL_WINDOW_DAYS)
            self.unwell.append((day, session))
            if earlier:
                return Fact.UNWELL_AGAIN, Context(session, day, earlier=earlier[-1:]), outcome
            in_pain = pained(session)
            until = day + (PAIN_REST_DAYS if in_pain else DIZZY_REST_DAYS)
            fact = Fact.PAIN if in_pain else Fact.DIZZY
            return fact, Context(session, day, until=until), outcome
        context = Context(session, day)
        if outcome is Outcome.WARNING:
            return self._hard_at_entry(Fact.STUMBLES), context, outcome
        if outcome is Outcome.UNFINISHED:
            return Fact.UNFINISHED, context, outcome
        if outcome is Outcome.HARD:
            self.hard_in_go += 1
            fact = Fact.HARD if self.hard_in_go == 1 else Fact.HARD_AGAIN
            return self._hard_at_entry(fact), context, outcome
        return self._done_well(session, day), context, outcome

    def _hard_at_entry(self, fact: Fact) -> Fact:
        if self.phase is not Phase.ENTRY:
            return fact
        self.hard_at_entry += 1
        return Fact.HARD_THIRD_AT_ENTRY if self.hard_at_entry >= HARD_AT_ENTRY_TO_EASE else fact

    def _done_well(self, session: SessionFigures, day: int) -> Fact:
        week = self.current_week
        sessions = len(self.program.weeks[week - 1].sessions)
        number = session.program_session or 0
        in_week = session.program_week == week and 1 <= number <= sessions
        if session.program_lighter:
            if not (self.eased and in_week and number not in self.lighter_done):
                return Fact.LIGHTER_DONE
            if self._over_cap(day):
                return Fact.DONE_OVER_CAP
            last = len(self.lighter_done) + 1 == sessions
            return Fact.LIGHTER_WEEK_DONE if last else Fact.LIGHTER_DONE
        if not in_week or number in self.done:
            return Fact.DONE_ELSEWHERE
        if self.not_before is not None and day < self.not_before:
            return Fact.DONE_TOO_SOON
        if self._over_cap(day):
            return Fact.DONE_OVER_CAP
        if len(self.done) + 1 < sessions:
            return Fact.DONE
        return Fact.PROGRAM_DONE if week == self.last_week and not self.complete else Fact.WEEK_DONE

    def _over_cap(self, day: int) -> bool:
        recent = [d for d in self.progress_days if day - d < 7]
        return day in recent or len(recent) >= SESSIONS_IN_SEVEN

    def capped_until(self, day: int) -> int | None:
        """The day the next session may count when 3 counted in the last 7 days; else None."""
        recent = [d for d in self.progress_days if day - d < 7]
        return min(recent) + 7 if len(recent) >= SESSIONS_IN_SEVEN else None

    # ---- the table --------------------------------------------------------------------------
    def _apply(self, fact: Fact, context: Context) -> Rule:
        rule = RULE_FOR[(self.phase, fact)]
        said = _ACTIONS[rule.action](self, context)
        if rule.action is Action.NONE:
            return rule
        self.said = Said(rule, said, self.current_week)
        if rule.decision is not None:
            self.decision = rule.decision
        return rule

    def today(self, day: int) -> tuple[Rule, Context]:
        """The rule for `day` itself (rest, paused or ready) and what it speaks about; it
        changes nothing."""
        fact, until = Fact.READY, None
        capped = self.capped_until(day)
        if self.rest_until is not None and day <= self.rest_until:
            fact, until = Fact.RESTING_UNWELL, self.rest_until
        elif self.last_day is not None and self.last_day >= day:
            fact = Fact.RAN_TODAY
        elif self.last_day == day - 1:
            fact = Fact.RAN_YESTERDAY
        elif self.not_before is not None and day < self.not_before:
            fact, until = Fact.WEEK_NOT_BEGUN, self.not_before
        elif capped is not None:
            fact, until = Fact.THREE_IN_SEVEN, capped
        # The reports a rest or a pause is for.
        earlier = (
            tuple(self.unwell[-2:]) if self.paused else (self.rest_for,) if self.rest_for else ()
        )
        return RULE_FOR[(self.phase, fact)], Context(until=until, earlier=earlier)

    # ---- the actions: each returns what its rule speaks about --------------------------------
    def _new_go(self) -> None:
        self.done = {}
        self.lighter_done = {}
        self.hard_in_go = 0
        self.opened = None
        self.not_before = None

    def _to_week(self, week: int) -> None:
        self.week = week
        self.complete = False
        self.eased = False
        self.hard_at_entry = 0
        self._new_go()
        self.step_backs += 1

    def _step_back(self, weeks: int, context: Context) -> Context:
        position = self.last_week + 1 if self.complete else self.week
        self._to_week(max(1, position - weeks))
        return context

    def _back_to_walking(self, context: Context) -> Context:
        """The last walking week two or more weeks back (week 1 if there is none)."""
        position = self.last_week + 1 if self.complete else self.week
        walking = [w for w in self.program.walking_weeks if w <= position - 2]
        self._to_week(max(walking, default=1))
        return context

    def _back_to_start(self, context: Context) -> Context:
        self._to_week(1)
        return context

    def _restart_week(self, context: Context) -> Context:
        self._new_go()
        return context

    def _count(self, context: Context) -> Context:
        session = context.session
        assert session is not None and session.program_session is not None
        self.done[session.program_session] = session
        if self.opened is None:
            self.opened = context.day
        self.progress_days.append(context.day)
        return context

    def _finish_week(self, context: Context) -> Context:
        """Count the week's last session; the next go at a week may count from 6 days after
        the first day of this one."""
        self._count(context)
        finished = tuple(self.done[n] for n in sorted(self.done))
        opened = self.opened
        self._new_go()
        self.eased = False
        self.not_before = None if opened is None else opened + WEEK_MIN_DAYS
        return context._replace(finished=finished)

    def _advance(self, context: Context) -> Context:
        said = self._finish_week(context)
        self.week += 1
        return said

    def _complete(self, context: Context) -> Context:
        said = self._finish_week(context)
        self.complete = True
        return said

    def _count_lighter(self, context: Context) -> Context:
        session = context.session
        assert session is not None and session.program_session is not None
        self.lighter_done[session.program_session] = session
        self.progress_days.append(context.day)
        return context

    def _unease(self, context: Context) -> Context:
        self._count_lighter(context)
        finished = tuple(self.lighter_done[n] for n in sorted(self.lighter_done))
        self.eased = False
        self.hard_at_entry = 0
        self._new_go()
        return context._replace(finished=finished)

    def _ease(self, context: Context) -> Context:
        self.eased = True
        self._new_go()
        return context

    def _rest(self, context: Context) -> None:
        assert context.session is not None and context.until is not None
        self.rest_until = context.until
        self.rest_for = (context.day, context.session)

    def _rest_same(self, context: Context) -> Context:
        self._rest(context)
        return context

    def _rest_restart(self, context: Context) -> Context:
        self._rest(context)
        self._new_go()
        return context

    def _rest_back_one(self, context: Context) -> Context:
        self._rest(context)
        return self._step_back(1, context)

    def _pause(self, context: Context) -> Context:
        self.paused = True
        return context

    def _resume(self, context: Context) -> Context:
        self.paused = False
        self.unwell = []
        self._new_go()
        return context


def _as_said(state: CoachState, context: Context) -> Context:
    """The rule changes nothing; it only speaks (or, for NONE, not even that)."""
    return context


_ACTIONS: dict[Action, Callable[[CoachState, Context], Context]] = {
    Action.NONE: _as_said,
    Action.NOTE: _as_said,
    Action.HOLD: _as_said,
    Action.REST_TODAY: _as_said,
    Action.COUNT: CoachState._count,
    Action.COUNT_LIGHTER: CoachState._count_lighter,
    Action.ADVANCE: CoachState._advance,
    Action.COMPLETE: CoachState._complete,
    Action.KEEP_LEVEL: CoachState._complete,
    Action.RESTART_WEEK: CoachState._restart_week,
    Action.BACK_ONE: lambda state, context: state._step_back(1, context),
    Action.BACK_TWO: lambda state, context: state._step_back(2, context),
    Action.BACK_TO_WALKING: CoachState._back_to_walking,
    Action.BACK_TO_START: CoachState._back_to_start,
    Action.EASE: CoachState._ease,
    Action.UNEASE: CoachState._unease,
    Action.REST_SAME: CoachState._rest_same,
    Action.REST_RESTART: CoachState._rest_restart,
    Action.REST_BACK_ONE: CoachState._rest_back_one,
    Action.PAUSE: CoachState._pause,
    Action.RESUME: CoachState._resume,
}
