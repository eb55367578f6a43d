"""The session state machine: commands, due events and a per-segment record, time as input."""

from __future__ import annotations

import bisect
import enum
import math
from typing import TYPE_CHECKING, assert_never

from retrotimer.core.session.plan import (
    CUE_RANK,
    SEGMENT_END_RANK,
    Cue,
    CueType,
    Plan,
    PlannedSegment,
    cue_order,
    first_wait_cue,
    wait_cue_after,
)
from retrotimer.core.session.records import (
    SegmentRecord,
    SessionOutcome,
    SessionSummary,
    summarise,
)
from retrotimer.core.session.session_events import (
    Event,
    EventKind,
    SessionState,
    SessionView,
)
from retrotimer.core.session.session_time import SessionTime
from retrotimer.core.value import replace, value

if TYPE_CHECKING:
    from retrotimer.core.settings import Settings

__all__ = [
    "TRANSITIONS",
    "Command",
    "Event",
    "EventKind",
    "IllegalCommand",
    "Session",
    "SessionState",
    "SessionView",
]


class Command(enum.Enum):
    START = "start"
    PAUSE = "pause"
    RESUME = "resume"
    SKIP = "skip"
    BACK = "back"
    STOP = "stop"


S, C = SessionState, Command
# The one transition table. Where time alone moves the session on (get-ready over, plan
# over), `_settle` adjusts RUNNING/COUNTDOWN/FINISHED from the position afterwards.
TRANSITIONS: dict[tuple[SessionState, Command], SessionState] = {
    (S.IDLE, C.START): S.COUNTDOWN,
    (S.COUNTDOWN, C.PAUSE): S.PAUSED,
    (S.COUNTDOWN, C.SKIP): S.RUNNING,
    (S.COUNTDOWN, C.BACK): S.COUNTDOWN,
    (S.COUNTDOWN, C.STOP): S.STOPPED,
    (S.RUNNING, C.PAUSE): S.PAUSED,
    (S.RUNNING, C.SKIP): S.RUNNING,
    (S.RUNNING, C.BACK): S.RUNNING,
    (S.RUNNING, C.STOP): S.STOPPED,
    (S.PAUSED, C.RESUME): S.RUNNING,
    (S.PAUSED, C.SKIP): S.PAUSED,
    (S.PAUSED, C.BACK): S.PAUSED,
    (S.PAUSED, C.STOP): S.STOPPED,
}
del S, C


class IllegalCommand(Exception):
    """A command that the current state does not allow; the session is left unchanged."""


@value
class _Due:
    at_s: float
    rank: int
    cue: Cue | None
    segment_index: int


BACK_GRACE_S = 2.0
# A segment that ends on the footpod's count waits for it at most this many times its
# planned time: a safety net for a count that never comes (a footpod that misses steps).
STEP_WAIT_CAP = 2.0
_EPSILON = 1e-9


def _in_countdown(position: float) -> bool:
    # The schedule fires what is due within _EPSILON, so the countdown ends there as well:
    # a position a rounding error below 0 has already said "Go." and announced segment one.
    return position < -_EPSILON


def _over(position: float, plan: Plan) -> bool:
    # Within _EPSILON of the end, as the schedule fires it: the last segment's end is due.
    return position >= plan.total_s - _EPSILON


def get_ready_cues(get_ready_s: float, pips: int) -> list[Cue]:
    """The cues of the get-ready countdown, at negative offsets before the plan starts."""
    if get_ready_s <= 0:
        return []
    cues = [Cue(-get_ready_s, CueType.GET_READY, "Get ready.", 0, ("get ready",))]
    for remaining in range(pips, 0, -1):
        if remaining < get_ready_s:
            cues.append(Cue(float(-remaining), CueType.COUNTDOWN, str(remaining), 0))
    return cues


def _planned_end(segment: PlannedSegment) -> float:
    """Seconds into the segment at which it ends by itself: its cap, its estimate (an open
    step waits there) or its length."""
    if segment.ends_on_press and segment.cap_s is not None:
        return segment.cap_s
    return segment.duration_s


class Session:
    """One run of a plan. Every method takes `now`, monotonic seconds from an outside clock."""

    def __init__(
        self,
        plan: Plan,
        *,
        get_ready_s: float = 5.0,
        get_ready_pips: int = 3,
        jump_threshold_s: float = 5.0,
        waits_for_press: bool = True,
        ends_on_steps: bool = False,
    ) -> None:
        if not plan.segments:
            raise ValueError("a plan without segments cannot be run")
        self.plan = plan
        self._time = SessionTime(float(get_ready_s))
        self.jump_threshold_s = jump_threshold_s
        # False where nobody can press (a run with no terminal): an open or distance step then
        # ends at its estimate, or at its cap if that comes first, as a timed step would.
        self.waits_for_press = waits_for_press
        # A step-counted backward segment ends on the footpod's count while it is heard.
        self.ends_on_steps = ends_on_steps
        # The countdown's cues, which the cue sink is handed with the plan.
        self.get_ready_cues = tuple(get_ready_cues(self.get_ready_s, get_ready_pips))
        schedule = [_Due(c.at_s, CUE_RANK[c.type], c, c.segment_index) for c in plan.cues]
        schedule += [_Due(c.at_s, CUE_RANK[c.type], c, 0) for c in self.get_ready_cues]
        schedule += [_Due(s.end_s, SEGMENT_END_RANK, None, s.index) for s in plan.segments]
        schedule.sort(key=lambda due: cue_order(due.at_s, due.rank))
        self._schedule = schedule
        self._schedule_times = [due.at_s for due in schedule]
        self.state = SessionState.IDLE
        self._cursor = 0
        self._last_now: float | None = None
        self._generation = 0
        self._segment = 0
        self._entered_s = 0.0
        # An open step's wait for its press: whether this visit's wait is over, the seconds
        # it waited, and the next cue it says while it waits (seconds into the step, cue).
        self._released = False
        self._visit_waited_s = 0.0
        self._wait_next: tuple[float, Cue] | None = None
        # The footpod's count of this visit's steps: the latest told (None: no signal now)
        # and the latest heard; `visit` numbers the visits, so a count is for one of them.
        self.visit = 0
        self._visit_steps: int | None = None
        self._visit_counted: int | None = None
        self._counted: dict[int, int] = {}
        self._actual: dict[int, float] = {}
        self._records: dict[int, SegmentRecord] = {}

    @classmethod
    def from_settings(
        cls, plan: Plan, settings: Settings, *, speed: float = 1.0, waits_for_press: bool = True
    ) -> Session:
        """A session with the user's get-ready and jump threshold; `speed` scales plan time."""
        return cls(
            plan,
            get_ready_s=settings.get_ready_s,
            get_ready_pips=settings.countdown_pips,
            jump_threshold_s=settings.clock_jump_s * speed,
            waits_for_press=waits_for_press,
            ends_on_steps=settings.footpod_ends_steps,
        )

    # ---- time ------------------------------------------------------------------------
    @property
    def get_ready_s(self) -> float:
        return self._time.get_ready_s

    def plan_time(self, now: float) -> float:
        """Seconds into the plan, negative during get-ready: where an event is heard."""
        return self._time.plan_time(self._check_time(now))

    def position(self, now: float) -> float:
        """Seconds into the plan, within [0, total]."""
        return self.view(now).position_s

    def _check_time(self, now: float) -> float:
        if self._last_now is not None and now < self._last_now:
            now = self._last_now  # a clock that runs backwards is treated as standing still
        return now

    # ---- commands ----------------------------------------------------------------------
    def _effective_state(self, now: float) -> SessionState:
        """The state the session would be in at `now` once due events are processed."""
        state = self.state
        if not state.is_timed:
            return state
        if self._last_now is not None and now - self._last_now > self.jump_threshold_s:
            return SessionState.PAUSED
        position = self._time.plan_time(now)
        if self._waiting or self._wait_begins_at(position):
            return SessionState.RUNNING
        if _over(position, self.plan):
            return SessionState.FINISHED
        return SessionState.COUNTDOWN if _in_countdown(position) else SessionState.RUNNING

    def allowed(self, command: Command, now: float) -> bool:
        return (self._effective_state(self._check_time(now)), command) in TRANSITIONS

    def _begin(self, command: Command, now: float) -> tuple[float, list[Event]]:
        """Refuse an illegal command before touching anything; else catch up to `now`."""
        now = self._check_time(now)
        state = self._effective_state(now)
        if (state, command) not in TRANSITIONS:
            raise IllegalCommand(f"cannot {command.value} a session that is {state.value}")
        events = self.advance(now)
        self.state = TRANSITIONS[(state, command)]
        return now, events

    def apply(self, command: Command, now: float) -> list[Event]:
        """Run `command` at `now`: the one place a Command finds its method."""
        match command:
            case Command.START:
                return self.start(now)
            case Command.PAUSE:
                return self.pause(now)
            case Command.RESUME:
                return self.resume(now)
            case Command.SKIP:
                return self.skip(now)
            case Command.BACK:
                return self.back(now)
            case Command.STOP:
                return self.stop(now)
            case _:
                assert_never(command)

    def start(self, now: float) -> list[Event]:
        now, events = self._begin(Command.START, now)
        self._time = self._time.started(now)
        self._last_now = now
        events.append(self._event(EventKind.COUNTDOWN, -self.get_ready_s, "Session started."))
        return events + self._fire(now)

    def pause(self, now: float) -> list[Event]:
        now, events = self._begin(Command.PAUSE, now)
        self._time = self._time.paused(now)
        return [*events, self._event(EventKind.PAUSED, self._time.plan_time(now), "Paused.")]

    def resume(self, now: float) -> list[Event]:
        now, events = self._begin(Command.RESUME, now)
        self._time = self._time.resumed(now)
        self._settle()
        events.append(self._event(EventKind.RESUMED, self._time.plan_time(now), "Resumed."))
        return events + self._fire(now)

    def skip(self, now: float) -> list[Event]:
        """Skip the segment; on an open or distance step this is the press that ends it."""
        now, events = self._begin(Command.SKIP, now)
        position = self._time.plan_time(now)
        if not _in_countdown(position):
            done = self.plan.segments[self._segment].ends_on_press
            return events + self._end_segment(now, position, done=done)
        self._jump(position, 0.0)
        events.append(self._event(EventKind.SKIPPED, position, "Skipped."))
        if self.state is SessionState.RUNNING:
            events.append(self._event(EventKind.RUNNING, 0.0, "Go."))
        return events + self._fire(now)

    def _end_segment(self, now: float, position: float, *, done: bool) -> list[Event]:
        """End the segment under way at `position` and go on to the next: done (pressed, or
        its steps counted) or skipped."""
        segment = self.plan.segments[self._segment]
        self._end_wait(now)
        events = [self._leave(position, skipped=not done)]
        self._jump(position, segment.end_s)
        if done and segment.end_s >= self.plan.total_s:
            # The last step done: the plan's end is reached, not another wait.
            self._released = True
        events.append(self._event(EventKind.SKIPPED, position, "Done." if done else "Skipped."))
        return events + self._fire(now)

    def count_steps(self, now: float, steps: int | None) -> list[Event]:
        """The footpod's count of the steps of the visit under way by `now` (None: no signal
        now). A running step-counted segment that ends on it ends once the count reaches its
        steps, before its planned time or while it waits past it; without a signal it waits
        no longer."""
        now = self._check_time(now)
        if self.state is not SessionState.RUNNING:
            return []
        self._visit_steps = steps
        if steps is not None:
            self._visit_counted = steps
        segment = self.plan.segments[self._segment]
        if (
            not self._ends_on_count(segment)
            or self._released
            or self._effective_state(now) is not SessionState.RUNNING
        ):
            return []
        reached = segment.steps is not None and steps is not None and steps >= segment.steps
        if self._waiting:
            if reached or steps is None:
                self._end_wait(now)
                return self._fire(now)
            return []
        position = self._time.plan_time(now)
        if reached and position < segment.end_s - _EPSILON:
            return self._end_segment(now, position, done=True)
        return []

    def back(self, now: float) -> list[Event]:
        now, events = self._begin(Command.BACK, now)
        position = self._time.plan_time(now)
        if _in_countdown(position):
            target = -self.get_ready_s
        else:
            current = self.plan.segments[self._segment]
            self._end_wait(now)
            events.append(self._leave(position, skipped=False))
            in_grace = position - current.start_s < BACK_GRACE_S
            target = current.start_s
            if in_grace and current.index > 0:
                target = self.plan.segments[current.index - 1].start_s
        self._jump(position, target)
        events.append(self._event(EventKind.WENT_BACK, target, "Back."))
        return events + self._fire(now)

    def stop(self, now: float) -> list[Event]:
        now, events = self._begin(Command.STOP, now)
        position = self._time.plan_time(now)
        if not _in_countdown(position):
            self._end_wait(now)
            events.append(self._leave(min(position, self.plan.total_s), skipped=False))
        summary = self._end(now, SessionOutcome.STOPPED)
        return [*events, self._event(EventKind.STOPPED, position, "Stopped.", summary=summary)]

    # ---- time passing ------------------------------------------------------------------
    def advance(self, now: float) -> list[Event]:
        """The events that fell due since the last call, in order, each exactly once."""
        now = self._check_time(now)
        if not self.state.is_timed:
            self._last_now = now if self.state is not SessionState.IDLE else self._last_now
            return []
        last = self._last_now
        if last is not None and now - last > self.jump_threshold_s:
            events = self._fire(last)
            if self.state.is_over:
                return events
            self._time = self._time.paused(last)
            self.state = SessionState.PAUSED
            self._last_now = now
            text = f"Paused: the clock jumped {now - last:.0f} s (was the computer asleep?)."
            paused = self._event(EventKind.AUTO_PAUSED, self._time.plan_time(now), text)
            return [*events, replace(paused, paused_for_s=round(now - last, 6))]
        return self._fire(now)

    def _fire(self, now: float) -> list[Event]:
        self._last_now = max(now, self._last_now or now)
        if not self.state.is_timed:
            return []
        events: list[Event] = []
        if self._waiting:
            events += self._wait_events(now)
            if self._waiting:
                return events
        position = self._time.plan_time(now)
        while (
            self._cursor < len(self._schedule)
            and self._schedule[self._cursor].at_s <= position + _EPSILON
        ):
            due = self._schedule[self._cursor]
            if self.state is SessionState.COUNTDOWN and due.at_s >= 0:
                self.state = SessionState.RUNNING
                self._enter(0, 0.0)
                events.append(self._event(EventKind.RUNNING, 0.0, "Go."))
            if self._wait_begins_at(due.at_s):
                # Plan time stands still at the step's end from the moment it got there.
                self._time = self._time.waiting(now - (position - due.at_s))
                segment = self.plan.segments[self._segment]
                self._wait_next = first_wait_cue(self.plan, segment)
                return events + self._fire(now)
            self._cursor += 1
            if due.cue is not None:
                events.append(self._event(EventKind.CUE, due.at_s, due.cue.text, due.cue))
            elif due.segment_index == self._segment:
                events.append(self._leave(due.at_s, skipped=False))
                if self._segment + 1 < len(self.plan.segments):
                    self._enter(self._segment + 1, due.at_s)
        if _over(position, self.plan):
            summary = self._end(now - (position - self.plan.total_s), SessionOutcome.FINISHED)
            events.append(
                self._event(EventKind.FINISHED, self.plan.total_s, "Finished.", summary=summary)
            )
        return events

    # ---- an open step's wait -------------------------------------------------------------
    @property
    def _waiting(self) -> bool:
        return self._time.wait_from_s is not None

    def _wait_begins_at(self, position: float) -> bool:
        """Whether plan time reaching `position` makes the current step wait for its press."""
        segment = self.plan.segments[self._segment]
        return (
            ((self.waits_for_press and segment.waits) or self._steps_to_go(segment))
            and self.state is SessionState.RUNNING
            and not self._released
            and position >= segment.end_s - _EPSILON
        )

    def _ends_on_count(self, segment: PlannedSegment) -> bool:
        """Whether the segment ends on the footpod's count of its steps (when heard)."""
        return (
            self.ends_on_steps
            and segment.kind.is_backward
            and segment.steps is not None
            and not segment.ends_on_press
        )

    def _steps_to_go(self, segment: PlannedSegment) -> bool:
        """Whether the footpod is heard counting the segment's steps and has not reached
        them."""
        return (
            self._ends_on_count(segment)
            and segment.steps is not None
            and self._visit_steps is not None
            and self._visit_steps < segment.steps
        )

    def _cap_s(self, segment: PlannedSegment) -> float | None:
        """Seconds into the waiting step at which the wait ends by itself."""
        if segment.ends_on_press:
            return segment.cap_s
        return segment.duration_s * STEP_WAIT_CAP

    def _waited_s(self, now: float) -> float:
        """Seconds the current visit has waited past the step's estimate."""
        return self._visit_waited_s + self._time.wait_s(now)

    def _wait_events(self, now: float) -> list[Event]:
        """The cues of the wait that fell due by `now`; at the cap the wait is over."""
        segment = self.plan.segments[self._segment]
        elapsed = segment.duration_s + self._time.wait_s(now)
        cap = self._cap_s(segment)
        capped = cap is not None and elapsed >= cap - _EPSILON
        until = cap if capped and cap is not None else elapsed
        events: list[Event] = []
        while self._wait_next is not None and self._wait_next[0] <= until + _EPSILON:
            at, cue = self._wait_next
            events.append(self._event(EventKind.CUE, cue.at_s, cue.text, cue))
            self._wait_next = wait_cue_after(self.plan, segment, at)
        if capped:
            self._end_wait(now - (elapsed - until))
        return events

    def _end_wait(self, at: float) -> None:
        """The current visit waits no longer: plan time moves on from clock time `at`."""
        if self._waiting:
            self._visit_waited_s += self._time.wait_s(at)
            self._time = self._time.released(at)
        self._released = True
        self._wait_next = None

    def _enter(self, index: int, position: float) -> None:
        self._segment, self._entered_s = index, position
        self._released, self._visit_waited_s, self._wait_next = False, 0.0, None
        self.visit += 1
        self._visit_steps = self._visit_counted = None

    def _leave(self, position: float, *, skipped: bool) -> Event:
        """Close the current segment's visit and produce its record."""
        segment = self.plan.segments[self._segment]
        visit = max(0.0, position - self._entered_s) + self._visit_waited_s
        self._visit_waited_s = 0.0
        actual = self._actual.get(segment.index, 0.0) + visit
        self._actual[segment.index] = actual
        self._entered_s = position
        before = self._records.get(segment.index)
        longest = max(visit, before.longest_visit) if before is not None else visit
        if self._visit_counted is not None:
            # The footpod counted this visit: its real steps, not the planned ones.
            self._counted[segment.index] = self._counted.get(segment.index, 0) + (
                self._visit_counted
            )
            self._visit_counted = None
        record = SegmentRecord(
            index=segment.index,
            kind=segment.kind,
            label=segment.label,
            planned_s=segment.duration_s,
            actual_s=round(actual, 3),
            skipped=skipped,
            steps=self._counted.get(segment.index, segment.steps),
            longest_visit_s=None if before is None else round(longest, 3),
            counted=segment.index in self._counted,
        )
        self._records[segment.index] = record
        return self._event(EventKind.SEGMENT_DONE, position, segment.label, record=record)

    def _jump(self, position: float, target: float) -> None:
        self._time = self._time.shifted(target - position)
        self._generation += 1
        self._cursor = bisect.bisect_left(self._schedule_times, target - _EPSILON)
        if target >= 0:
            self._enter(self.plan.segment_index_at(target), target)
        self._settle()

    def _settle(self) -> None:
        position = self._time.plan_time(self._last_now or 0.0)
        if self.state is SessionState.RUNNING and _in_countdown(position):
            self.state = SessionState.COUNTDOWN

    def _end(self, at: float, outcome: SessionOutcome) -> SessionSummary:
        """End the session at clock time `at`; its summary, once and for all."""
        self._time = self._time.ended(at)
        self.state = SessionState(outcome.value)
        return summarise(self.plan, self.records, outcome, self._time.active_s(at))

    def _event(
        self,
        kind: EventKind,
        scheduled_s: float,
        text: str,
        cue: Cue | None = None,
        record: SegmentRecord | None = None,
        summary: SessionSummary | None = None,
    ) -> Event:
        at = round(scheduled_s, 6)
        return Event(kind, at, text, self.state, self._generation, cue, record, summary)

    # ---- reading ---------------------------------------------------------------------
    def next_due(self, now: float) -> float | None:
        """Clock time of the next scheduled event, or None when nothing is pending."""
        if not self.state.is_timed:
            return None
        if self._waiting:
            return now + self._until_wait_changes(now)
        position = self._time.plan_time(now)
        upcoming = self.plan.total_s
        if self._cursor < len(self._schedule):
            upcoming = min(upcoming, self._schedule[self._cursor].at_s)
        return now + max(0.0, upcoming - position)

    def next_display_change(self, now: float) -> float | None:
        """Clock time at which the whole seconds shown for the segment (or get-ready) change."""
        if not self.state.is_timed:
            return None
        view = self.view(now)
        if view.counting_up:
            elapsed = view.segment_elapsed_s
            return now + max(math.floor(elapsed + _EPSILON) + 1 - elapsed, 0.0)
        remaining = view.counting_down_s
        step = remaining - (math.ceil(remaining - _EPSILON) - 1)
        return now + max(step, 0.0)

    def _until_wait_changes(self, now: float) -> float:
        """Seconds from `now` to the wait's next cue or its cap."""
        segment = self.plan.segments[self._segment]
        elapsed = segment.duration_s + self._time.wait_s(now)
        moments = [self._wait_next[0]] if self._wait_next is not None else []
        cap = self._cap_s(segment)
        if cap is not None:
            moments.append(cap)
        return max(0.0, min(moments, default=elapsed) - elapsed)

    def view(self, now: float) -> SessionView:
        raw = self.plan_time(now)
        position = min(max(raw, 0.0), self.plan.total_s)
        segment = self.plan.segments[self._segment]
        following = (
            self.plan.segments[segment.index + 1]
            if segment.index + 1 < len(self.plan.segments)
            else None
        )
        elapsed = min(max(position - segment.start_s, 0.0), segment.duration_s)
        elapsed += self._waited_s(self._check_time(now))
        on_count = self._ends_on_count(segment)
        return SessionView(
            state=self.state,
            position_s=position,
            get_ready_remaining_s=max(0.0, -raw),
            segment=segment,
            segment_elapsed_s=elapsed,
            segment_remaining_s=max(0.0, _planned_end(segment) - elapsed),
            next_segment=following,
            total_s=self.plan.total_s,
            ends_on_count=on_count,
            footpod_steps=self._visit_steps if on_count else None,
        )

    @property
    def records(self) -> tuple[SegmentRecord, ...]:
        """One record per segment entered, in plan order."""
        return tuple(self._records[index] for index in sorted(self._records))
