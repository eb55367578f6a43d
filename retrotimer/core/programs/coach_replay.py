"""The coach's replay: the runner's sessions, oldest first, each turned into a fact and carried
out by the rule that the table (`coach_rules`) names for it (its action: `coach_actions`)."""

from __future__ import annotations

from collections import deque
from typing import TYPE_CHECKING

from retrotimer.core.programs.coach_actions import ACTIONS, MOVING_ON
from retrotimer.core.programs.coach_rules import RULE_FOR
from retrotimer.core.programs.coach_values import Context, PathStep, Said
from retrotimer.core.programs.coach_vocabulary import Action, Decision, Fact, Phase, Rule
from retrotimer.core.programs.outcome import COUNTED_SHARE, SLACK_S, Outcome, judge, pained
from retrotimer.core.value import builder, field, replace

if TYPE_CHECKING:
    from retrotimer.core.history.session_figures import SessionFigures
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
# Growth holds at any frequency: at most 3 sessions (one a day) in any 7 days move the
# program on (and a program week takes at least 6 days: `coach_actions.WEEK_MIN_DAYS`).
SESSIONS_IN_SEVEN = 3
UNWELL_WINDOW_DAYS = 14
DIZZY_REST_DAYS = 2
PAIN_REST_DAYS = 3
HARD_AT_ENTRY_TO_EASE = 3


@builder
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
        return replace(
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
        said = ACTIONS[rule.action](self, context)
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
