"""The recorder: row at start, each segment at once, the ending; failed writes held in order."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

import pytest

from retrotimer.core.history.history_ports import HistoryUnavailable, HistoryWriter
from retrotimer.core.history.history_values import (
    Pause,
    SessionEnd,
    SessionStart,
    SessionStatus,
    SessionTotals,
)
from retrotimer.core.history.session_recorder import (
    SAVED_AGAIN,
    SessionRecorder,
    clock_set_back_message,
)
from retrotimer.core.history.wall_time import WallTime
from retrotimer.core.model import Length, Segment, SegmentKind, Venue
from retrotimer.core.session.plan import compile_plan
from retrotimer.core.session.records import (
    SegmentRecord,
    SessionOutcome,
    SessionSummary,
    summarise,
)
from retrotimer.core.session.session_machine import Event, Session
from retrotimer.core.settings import Settings
from tests.factories import first_steps, simple

ID = "7b0c2c84-2b55-4a57-9d8c-6a8b2b3c9f10"


@dataclass
class MemoryWriter:
    """A HistoryWriter in memory that refuses writes while `failing` holds a reason."""

    calls: list[tuple[str, object]] = field(default_factory=list)
    failing: str | None = None
    attempts: int = 0

    def _check(self) -> None:
        self.attempts += 1
        if self.failing is not None:
            raise HistoryUnavailable(self.failing)

    def begin_session(self, start: SessionStart) -> None:
        self._check()
        self.calls.append(("begin", start))

    def record_segment(
        self, session_id: str, record: SegmentRecord, totals: SessionTotals, at_utc_s: float
    ) -> None:
        self._check()
        assert session_id == ID
        self.calls.append(("segment", (record, totals, at_utc_s)))

    def record_pause(self, session_id: str, pause: Pause) -> None:
        self._check()
        assert session_id == ID
        self.calls.append(("pause", pause))

    def end_session(self, session_id: str, end: SessionEnd) -> None:
        self._check()
        assert session_id == ID
        self.calls.append(("end", end))

    def kinds(self) -> list[str]:
        return [kind for kind, _ in self.calls]

    def pauses(self) -> list[Pause]:
        return [value for kind, value in self.calls if kind == "pause"]  # type: ignore[misc]

    def segments(self) -> list[SegmentRecord]:
        return [value[0] for kind, value in self.calls if kind == "segment"]  # type: ignore[index]


def _typed(writer: MemoryWriter) -> HistoryWriter:
    return writer  # mypy checks that the fake has the shape of the port


def wall(now: float) -> WallTime:
    # Wall-clock seconds far from the monotonic ones, so a mix-up would show.
    return WallTime(1_714_953_600.0 + now, 7200)


class Run:
    """A real session on a plan, its events fed to a recorder as the controller would."""

    def __init__(self, writer: MemoryWriter, template: object = None) -> None:
        self.plan = compile_plan(template or first_steps(), Settings())  # type: ignore[arg-type]
        self.session = Session(self.plan, get_ready_s=5.0)
        self.notes: list[str] = []
        self.recorder = SessionRecorder(_typed(writer), ID, self.plan, notify=self.notes.append)
        self.now = 0.0
        # Where the wall clock stands against the session's clock (set back: negative).
        self.wall_set_s = 0.0
        self.summary: SessionSummary | None = None

    def feed(self, events: list[Event]) -> None:
        for event in events:
            self.recorder.on_event(event, wall(self.now + self.wall_set_s))
            if event.summary is not None:
                self.summary = event.summary

    def start(self) -> None:
        self.feed(self.session.start(self.now))

    def until(self, now: float) -> None:
        """Advance in half seconds, as a running controller would (a larger leap would look
        like a suspend and pause the session)."""
        while self.now < now:
            self.now = min(now, self.now + 0.5)
            self.feed(self.session.advance(self.now))
            self.recorder.observe(wall(self.now + self.wall_set_s))

    def command(self, name: str, now: float) -> None:
        self.now = now
        self.feed(getattr(self.session, name)(now))


def test_a_completed_session_is_written_as_it_happens() -> None:
    writer = MemoryWriter()
    run = Run(writer)
    run.start()
    assert writer.kinds() == ["begin"]
    begin = writer.calls[0][1]
    assert isinstance(begin, SessionStart)
    assert begin.session_id == ID and begin.template_name == "First steps"
    assert begin.started == wall(0.0) and begin.venue is Venue.TRACK
    assert begin.planned_s == run.plan.total_s
    assert json.loads(begin.plan_json)["segments"][1]["steps"] == 15

    run.until(5.0 + 60.0)  # get-ready, then the warm-up minute
    assert writer.kinds() == ["begin", "segment"]
    record, totals, at = writer.calls[1][1]  # type: ignore[misc]
    assert (record.index, record.kind, record.actual_s) == (0, SegmentKind.WARMUP, 60.0)
    assert totals == SessionTotals(60.0, 0.0, 0.0, 0)
    assert at == wall(65.0).utc_s

    run.until(5.0 + run.plan.total_s + 1)
    assert writer.kinds() == ["begin"] + ["segment"] * 6 + ["end"]
    assert [r.index for r in writer.segments()] == [0, 1, 2, 3, 4, 5]
    last_totals = writer.calls[-2][1][1]  # type: ignore[index]
    assert last_totals == SessionTotals(158.0, 18.0, 0.0, 30)
    end = writer.calls[-1][1]
    assert isinstance(end, SessionEnd)
    assert end.status is SessionStatus.COMPLETED
    assert end.totals == SessionTotals.from_summary(run.summary)
    assert run.recorder.is_saved and run.notes == []


def test_stop_mid_segment_records_the_part_done_and_stopped() -> None:
    writer = MemoryWriter()
    run = Run(writer)
    run.start()
    run.until(5.0 + 64.5)  # 4.5 s into the 9 s backward walk
    run.command("stop", 5.0 + 64.5)
    partial = writer.segments()[-1]
    assert (partial.index, partial.actual_s, partial.skipped) == (1, 4.5, False)
    assert partial.steps_done == 8  # half of 15, rounded
    end = writer.calls[-1][1]
    assert isinstance(end, SessionEnd) and end.status is SessionStatus.STOPPED
    assert end.totals.backward_s == 4.5


def test_a_skipped_segment_is_recorded_as_skipped() -> None:
    writer = MemoryWriter()
    run = Run(writer)
    run.start()
    run.command("skip", 2.0)  # skip the get-ready countdown: nothing to record
    assert writer.kinds() == ["begin"]
    run.until(4.0)
    run.command("skip", 4.0)  # 2 s into the warm-up
    skipped = writer.segments()[-1]
    assert (skipped.index, skipped.actual_s, skipped.skipped) == (0, 2.0, True)


# A 10 s backward walk then a 20 s walk: the session in which Back is tried.
BACKWARD_THEN_WALK = simple(
    Segment(SegmentKind.BACKWARD_WALK, Length.seconds(10)),
    Segment(SegmentKind.WALK, Length.seconds(20)),
)


def test_a_segment_run_again_replaces_its_record_and_is_not_counted_twice() -> None:
    writer = MemoryWriter()
    run = Run(writer, BACKWARD_THEN_WALK)
    run.start()
    run.until(5.0 + 10.0)  # backward walk done: 10 s
    run.command("back", 5.0 + 11.0)  # within the grace: back to the backward walk
    run.until(5.0 + 11.0 + 10.0)  # done again
    records = writer.segments()
    assert [r.index for r in records] == [0, 1, 0]  # going back reports the walk's second
    assert records[-1].actual_s == 20.0  # both visits
    totals = writer.calls[-1][1][1]  # type: ignore[index]
    assert totals.backward_s == 20.0 and totals.active_s == 21.0  # the second of walking too


def test_a_refused_write_is_held_and_the_session_goes_on() -> None:
    writer = MemoryWriter(failing="the disk is full (/data/history.sqlite)")
    run = Run(writer)
    run.start()
    run.until(5.0 + 60.0)
    run.until(5.0 + 69.0)
    assert writer.calls == []
    assert run.recorder.held_writes == 3 and not run.recorder.is_saved
    assert len(run.notes) == 1, "the user is told once, not at every write"
    assert "the disk is full (/data/history.sqlite)" in run.notes[0]
    assert "kept in memory" in run.notes[0]
    assert run.recorder.problem == run.notes[0]
    assert run.session.state.value == "running"

    writer.failing = None
    run.until(5.0 + 99.0)  # the next segment's write carries the held ones along, in order
    assert writer.kinds() == ["begin", "segment", "segment", "segment"]
    assert [r.index for r in writer.segments()] == [0, 1, 2]
    assert run.notes[-1] == SAVED_AGAIN and run.recorder.problem is None
    assert run.recorder.is_saved


def test_retry_writes_what_is_held_without_a_new_event() -> None:
    writer = MemoryWriter()
    run = Run(writer)
    run.start()
    writer.failing = "the history database or its folder is read-only"
    run.until(5.0 + 60.0)
    assert writer.kinds() == ["begin"]
    assert run.recorder.retry() is False
    assert len(run.notes) == 1
    writer.failing = None
    assert run.recorder.retry() is True
    assert writer.kinds() == ["begin", "segment"]
    assert run.notes == [run.notes[0], SAVED_AGAIN]


def test_held_writes_keep_their_order_through_repeated_failures() -> None:
    writer = MemoryWriter()
    run = Run(writer)
    run.start()
    run.until(5.0 + 60.0)
    writer.failing = "a disk error"
    for moment in (69.0, 99.0, 108.0, 138.0, 158.0, 160.0):
        run.until(5.0 + moment)
    assert run.session.state.value == "finished"
    assert run.recorder.held_writes == 6  # five segments and the ending
    writer.failing = None
    assert run.recorder.retry()
    assert writer.kinds() == ["begin"] + ["segment"] * 6 + ["end"]
    assert [r.index for r in writer.segments()] == [0, 1, 2, 3, 4, 5]


def test_snapshot_holds_everything_recorded() -> None:
    writer = MemoryWriter(failing="the disk is full")
    run = Run(writer)
    with pytest.raises(ValueError, match="not started"):
        run.recorder.snapshot()
    run.start()
    run.until(5.0 + 69.0)
    so_far = run.recorder.snapshot()
    assert so_far.session_id == ID
    assert so_far.entry.status is SessionStatus.INTERRUPTED
    assert [r.index for r in so_far.segments] == [0, 1]
    assert so_far.entry.backward_s == 9.0 and so_far.entry.longest_backward_s == 9.0
    run.command("stop", 5.0 + 70.0)
    ended = run.recorder.snapshot()
    assert ended.entry.status is SessionStatus.STOPPED
    assert ended.entry.ended_utc_s == wall(75.0).utc_s
    assert ended.entry.started == wall(0.0)


def test_the_ending_is_recorded_once_and_nothing_after_it() -> None:
    writer = MemoryWriter()
    run = Run(writer)
    run.start()
    run.command("stop", 20.0)
    summary = run.summary
    assert summary is not None
    run.recorder.end(summary, wall(30.0))
    run.recorder.segment_done(SegmentRecord(9, SegmentKind.WALK, "Walk", 1, 1, False), wall(31.0))
    assert writer.kinds().count("end") == 1
    assert writer.kinds()[-1] == "end"
    assert run.recorder.ended and run.recorder.started


def test_cues_write_nothing() -> None:
    writer = MemoryWriter()
    run = Run(writer)
    run.start()
    run.until(5.0 + 30.0)  # cues fall due, no segment ends
    assert writer.kinds() == ["begin"]
    assert writer.attempts == 1


def test_a_visit_left_by_going_back_is_written_at_once() -> None:
    writer = MemoryWriter()
    run = Run(writer, BACKWARD_THEN_WALK)
    run.start()
    run.until(5.0 + 11.0)  # 1 s into the walk
    run.command("back", 5.0 + 11.0)  # within the grace: back to the backward walk
    assert [r.index for r in writer.segments()] == [0, 1], "going back reports the visit"
    assert writer.segments()[-1].actual_s == 1.0
    run.until(5.0 + 14.0)
    run.command("stop", 5.0 + 14.0)
    assert writer.kinds()[-1] == "end"
    written = {r.index: r for r in writer.segments()}
    assert written[0].actual_s == 13.0 and written[1].actual_s == 1.0
    assert run.summary is not None
    assert set(written.values()) == set(run.summary.segments)


def test_a_pause_is_written_when_it_begins_and_again_when_it_ends() -> None:
    writer = MemoryWriter()
    run = Run(writer)
    run.start()
    run.until(5.0 + 20.0)  # 20 s into the warm-up
    run.command("pause", 5.0 + 20.0)
    assert writer.kinds() == ["begin", "pause"]
    assert writer.pauses() == [Pause(wall(25.0).utc_s)], "open while it lasts"
    run.command("resume", 5.0 + 50.0)
    assert writer.pauses()[-1] == Pause(wall(25.0).utc_s, wall(55.0).utc_s)
    run.until(5.0 + 30.0 + 60.0)
    warm_up = writer.segments()[0]
    assert warm_up.actual_s == 60.0, "the pause is no part of the segment's time"
    assert run.recorder.snapshot().pauses == (Pause(wall(25.0).utc_s, wall(55.0).utc_s),)


def test_a_clock_jump_is_a_pause_from_where_the_clock_jumped() -> None:
    writer = MemoryWriter()
    run = Run(writer)
    run.start()
    run.until(5.0 + 10.0)
    run.now = 5.0 + 10.0 + 600.0  # the laptop slept ten minutes
    run.feed(run.session.advance(run.now))
    assert run.session.state.value == "paused"
    assert writer.pauses() == [Pause(wall(15.0).utc_s)]
    run.command("resume", 5.0 + 10.0 + 620.0)
    assert writer.pauses()[-1] == Pause(wall(15.0).utc_s, wall(635.0).utc_s)


def test_stopping_while_paused_ends_the_pause_before_the_session() -> None:
    writer = MemoryWriter()
    run = Run(writer)
    run.start()
    run.until(5.0 + 64.5)
    run.command("pause", 5.0 + 64.5)
    run.command("stop", 5.0 + 90.0)
    assert writer.kinds()[-3:] == ["segment", "pause", "end"]
    assert writer.pauses()[-1] == Pause(wall(69.5).utc_s, wall(95.0).utc_s)
    ended = writer.calls[-1][1]
    assert isinstance(ended, SessionEnd) and ended.ended == wall(95.0)


def test_refused_pauses_are_held_in_order_and_kept_in_the_snapshot() -> None:
    writer = MemoryWriter()
    run = Run(writer)
    run.start()
    writer.failing = "the disk is full"
    run.until(5.0 + 30.0)
    run.command("pause", 5.0 + 30.0)
    assert run.recorder.snapshot().pauses == (Pause(wall(35.0).utc_s),)
    run.command("resume", 5.0 + 40.0)
    run.until(5.0 + 10.0 + 60.0)
    assert run.recorder.held_writes == 3  # the pause, its end, the warm-up
    writer.failing = None
    assert run.recorder.retry()
    assert writer.kinds() == ["begin", "pause", "pause", "segment"]
    assert writer.pauses() == [
        Pause(wall(35.0).utc_s),
        Pause(wall(35.0).utc_s, wall(45.0).utc_s),
    ]
    assert run.recorder.snapshot().pauses == (Pause(wall(35.0).utc_s, wall(45.0).utc_s),)


def moment(kind: str, written: object) -> float:
    """The wall-clock moment of a write to the history."""
    if isinstance(written, SessionStart):
        return written.started.utc_s
    if isinstance(written, SessionEnd):
        return written.ended.utc_s
    if isinstance(written, Pause):
        return written.end_utc_s if written.end_utc_s is not None else written.start_utc_s
    assert kind == "segment" and isinstance(written, tuple)
    return float(written[2])


def test_a_wall_clock_set_back_mid_session_never_ends_it_before_it_began() -> None:
    writer = MemoryWriter()
    run = Run(writer)
    run.start()
    run.until(5.0 + 30.0)
    run.wall_set_s = -3600.0  # an NTP step, or the runner putting the clock right
    run.until(5.0 + 40.0)
    run.command("pause", 5.0 + 40.0)
    run.command("resume", 5.0 + 50.0)
    run.until(5.0 + 100.0)
    run.command("stop", 5.0 + 100.0)
    # The session keeps the clock it started with (from the last moment it saw before the
    # step): every moment in order, and the lengths after the step kept.
    begin, ended = writer.calls[0][1], writer.calls[-1][1]
    assert isinstance(begin, SessionStart) and isinstance(ended, SessionEnd)
    (pause,) = writer.pauses()[-1:]
    assert pause.end_utc_s is not None and pause.end_utc_s - pause.start_utc_s == 10.0
    moments = [moment(kind, value) for kind, value in writer.calls]
    assert moments == sorted(moments), "written in the order they happened"
    assert ended.ended.utc_s - begin.started.utc_s >= ended.totals.active_s + 10.0
    assert run.recorder.clock_set_back_s == 3599.5  # seen half a second after the step
    assert run.notes == [clock_set_back_message(3599.5)]
    assert "set back by 1:00:00" in run.notes[0]


def test_a_clock_put_back_by_a_moment_is_absorbed_without_a_word() -> None:
    writer = MemoryWriter()
    notes: list[str] = []
    plan = compile_plan(simple(Segment(SegmentKind.WALK, Length.seconds(10))), Settings())
    recorder = SessionRecorder(_typed(writer), ID, plan, notify=notes.append)
    recorder.begin(wall(0.0))
    record = SegmentRecord(0, SegmentKind.WALK, "Walk", 10, 10, False)
    recorder.segment_done(record, wall(10.0))
    recorder.end(summarise(plan, (record,), SessionOutcome.FINISHED, 10.0), wall(9.5))
    ended = writer.calls[-1][1]
    assert isinstance(ended, SessionEnd) and ended.ended == wall(10.0)
    assert recorder.clock_set_back_s == 0.5 and notes == []
