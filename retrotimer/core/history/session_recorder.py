"""Record a running session in the history as it happens, holding writes that fail for later."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from typing import TYPE_CHECKING

from retrotimer.core.history.history_ports import HistoryUnavailable, HistoryWriter
from retrotimer.core.history.history_values import (
    HistorySession,
    Pause,
    Review,
    SessionEnd,
    SessionStart,
    SessionStatus,
    SessionTotals,
    plan_snapshot,
    session_from_parts,
)
from retrotimer.core.history.wall_time import WallTime
from retrotimer.core.session.session_machine import Event, EventKind
from retrotimer.core.totals import total_clock_text

if TYPE_CHECKING:
    from retrotimer.core.history.program_ref import ProgramRef
    from retrotimer.core.session.plan import Plan
    from retrotimer.core.session.records import SegmentRecord, SessionSummary

Notify = Callable[[str], None]

SAVED_AGAIN = "History is being saved again; nothing from this session was lost."


def unavailable_message(error: HistoryUnavailable) -> str:
    return (
        f"History cannot be saved just now: {error}. The session goes on; its records are "
        "kept in memory and saved as soon as writing works again."
    )


_PAUSING = (EventKind.PAUSED, EventKind.AUTO_PAUSED)
# A step back smaller than this is absorbed without a word (a clock put right by a moment).
CLOCK_STEP_TOLD_S = 1.0


def clock_set_back_message(step_s: float) -> str:
    return (
        f"The computer's clock was set back by {total_clock_text(step_s)} during this "
        "session; the session keeps the times of the clock it started with, so it still "
        "ends after it began."
    )


class SessionRecorder:
    """Writes the session row at start, each finished segment and each pause at once, and
    the ending.

    A write the history refuses (HistoryUnavailable) is kept, in order with the ones after
    it, and tried again on the next write or on `retry()`; `notify` tells the user once
    when saving stops working and once when it works again. Times come in as arguments.
    """

    def __init__(
        self,
        writer: HistoryWriter,
        session_id: str,
        plan: Plan,
        *,
        notify: Notify | None = None,
        test_run: bool = False,
        program: ProgramRef | None = None,
    ) -> None:
        self._program = program
        self._writer = writer
        self._session_id = session_id
        self._plan = plan
        self._notify = notify or (lambda message: None)
        self._test_run = test_run
        self._start: SessionStart | None = None
        self._records: dict[int, SegmentRecord] = {}
        self._pauses: list[Pause] = []
        self._end: SessionEnd | None = None
        self._review: Review | None = None
        self._pending: deque[Callable[[], None]] = deque()
        self._latest_utc_s: float | None = None
        self._clock_shift_s = 0.0
        self._clock_step_told = False
        self.problem: str | None = None

    @property
    def session_id(self) -> str:
        return self._session_id

    @property
    def started(self) -> bool:
        return self._start is not None

    @property
    def ended(self) -> bool:
        return self._end is not None

    @property
    def held_writes(self) -> int:
        """Writes kept in memory because the history refused them so far."""
        return len(self._pending)

    @property
    def is_saved(self) -> bool:
        """True when everything recorded so far is in the history."""
        return not self._pending

    # ---- what the session tells ------------------------------------------------------
    def begin(self, at: WallTime) -> None:
        """The session started: write its row (once; later calls change nothing)."""
        self._begin(self._on_its_clock(at))

    def segment_done(self, record: SegmentRecord, at: WallTime) -> None:
        """A segment ended (at its end, skipped, or stopped in): commit it now."""
        self._segment_done(record, self._on_its_clock(at))

    def end(self, summary: SessionSummary, at: WallTime) -> None:
        """The session finished or was stopped: record how, with the summary's totals (a
        pause it was stopped in ends there)."""
        self._end_with(summary, self._on_its_clock(at))

    def observe(self, at: WallTime) -> None:
        """The wall clock at a moment with nothing to record (a tick of the display): seen
        often, a step of the clock back is told and made up for from where it happened."""
        self._on_its_clock(at)

    @property
    def clock_set_back_s(self) -> float:
        """How far the wall clock was set back while the session was recorded (0: never)."""
        return self._clock_shift_s

    def _on_its_clock(self, at: WallTime) -> WallTime:
        """`at` on the clock the session started with. A wall clock set back mid-session (an
        NTP step, the runner putting it right) would otherwise end the session before it
        began; from such a step on, every moment is moved forward by the step, so the
        session's times keep their order and their lengths. The runner is told once."""
        moment = at.utc_s + self._clock_shift_s
        if self._latest_utc_s is not None and moment < self._latest_utc_s:
            self._clock_shift_s += self._latest_utc_s - moment
            moment = self._latest_utc_s
            if self._clock_shift_s >= CLOCK_STEP_TOLD_S and not self._clock_step_told:
                self._clock_step_told = True
                self._notify(clock_set_back_message(self._clock_shift_s))
        self._latest_utc_s = moment
        return WallTime(moment, at.offset_s)

    def _begin(self, at: WallTime) -> None:
        if self._start is not None:
            return
        start = SessionStart(
            session_id=self._session_id,
            template_name=self._plan.template_name,
            plan_json=plan_snapshot(self._plan),
            venue=self._plan.venue,
            started=at,
            planned_s=self._plan.total_s,
            test_run=self._test_run,
            program=self._program,
        )
        self._start = start
        self._write(lambda: self._writer.begin_session(start))

    def _segment_done(self, record: SegmentRecord, at: WallTime) -> None:
        if self._end is not None:
            return
        self._begin(at)
        # Going back and running a segment again gives a later record for the same index,
        # which replaces the earlier one, as in the session's own records.
        self._records[record.index] = record
        totals = SessionTotals.from_records(self._records.values())
        self._write(lambda: self._writer.record_segment(self._session_id, record, totals, at.utc_s))

    def _pause_began(self, at: WallTime, earlier_s: float) -> None:
        """The session stood still from `earlier_s` before `at` (a clock jump noticed late)
        or from `at`: write the pause now, without an end, so a crash while paused keeps it."""
        if self._end is not None or self._paused:
            return
        self._begin(at)
        assert self._start is not None
        pause = Pause(max(self._start.started.utc_s, at.utc_s - max(0.0, earlier_s)))
        self._pauses.append(pause)
        self._write(lambda: self._writer.record_pause(self._session_id, pause))

    def _pause_ended(self, at: WallTime) -> None:
        """The session runs again (or ended while paused): the open pause gets its end."""
        if self._end is not None or not self._paused:
            return
        open_pause = self._pauses[-1]
        pause = Pause(open_pause.start_utc_s, max(open_pause.start_utc_s, at.utc_s))
        self._pauses[-1] = pause
        self._write(lambda: self._writer.record_pause(self._session_id, pause))

    @property
    def _paused(self) -> bool:
        return bool(self._pauses) and self._pauses[-1].end_utc_s is None

    def _end_with(self, summary: SessionSummary, at: WallTime) -> None:
        if self._end is not None:
            return
        self._begin(at)
        self._pause_ended(at)
        end = SessionEnd(
            SessionStatus.from_summary(summary), at, SessionTotals.from_summary(summary)
        )
        self._end = end
        self._write(lambda: self._writer.end_session(self._session_id, end))

    def review(self, review: Review) -> bool:
        """The runner's review of the ended session: written now, or held with the rest (and
        in the backup) when the history refuses; True when it is written."""
        self._review = review
        self._write(lambda: self._writer.set_review(self._session_id, review))
        return self.is_saved

    def on_event(self, event: Event, at: WallTime) -> None:
        """Feed every session event here: the start, each finished segment, each pause and
        the ending (with the summary its event carries) are recorded. Every event, cues
        included, shows the recorder the wall clock, so a step back is caught soon."""
        at = self._on_its_clock(at)
        if event.kind is EventKind.COUNTDOWN:
            self._begin(at)
        elif event.kind in _PAUSING:
            self._pause_began(at, event.paused_for_s)
        elif event.kind is EventKind.RESUMED:
            self._pause_ended(at)
        elif event.kind is EventKind.SEGMENT_DONE and event.record is not None:
            self._segment_done(event.record, at)
        elif event.summary is not None:
            self._end_with(event.summary, at)

    # ---- writing ---------------------------------------------------------------------
    def retry(self) -> bool:
        """Try the held writes again, in order; True when nothing is held any more."""
        while self._pending:
            try:
                self._pending[0]()
            except HistoryUnavailable as error:
                if self.problem is None:
                    self.problem = unavailable_message(error)
                    self._notify(self.problem)
                return False
            self._pending.popleft()
        if self.problem is not None:
            self.problem = None
            self._notify(SAVED_AGAIN)
        return True

    def _write(self, write: Callable[[], None]) -> None:
        self._pending.append(write)
        self.retry()

    def snapshot(self) -> HistorySession:
        """Everything recorded so far, as the history would hold it (for a backup file)."""
        if self._start is None:
            raise ValueError("the session has not started")
        if self._end is not None:
            return session_from_parts(
                self._start,
                self._records.values(),
                status=self._end.status,
                totals=self._end.totals,
                ended_utc_s=self._end.ended.utc_s,
                review=self._review,
                pauses=self._pauses,
            )
        return session_from_parts(
            self._start,
            self._records.values(),
            status=SessionStatus.INTERRUPTED,
            totals=SessionTotals.from_records(self._records.values()),
            ended_utc_s=None,
            pauses=self._pauses,
        )
