"""The session state machine: transitions, events, pause, skip, back, clock jumps, records."""

from __future__ import annotations

import pytest

from retrotimer.core.model import Length, Segment, SegmentKind
from retrotimer.core.session.plan import CueType, Plan, compile_plan
from retrotimer.core.session.records import SessionOutcome, SessionSummary
from retrotimer.core.session.session_machine import (
    TRANSITIONS,
    Command,
    Event,
    IllegalCommand,
    Session,
    SessionState,
)
from retrotimer.core.settings import Settings
from tests.factories import first_steps, simple

T0 = 1000.0
S = SessionState


def plan_of(*segments: Segment) -> Plan:
    return compile_plan(simple(*segments), Settings(next_up=False, countdown_pips=0))


def two_walks() -> Plan:
    """0-10 s walk, 10-20 s backward walk (shoulder checks at 10), no pips or next-up."""
    return plan_of(
        Segment(SegmentKind.WALK, Length.seconds(10)),
        Segment(SegmentKind.BACKWARD_WALK, Length.seconds(10)),
    )


def make(plan: Plan, get_ready: float = 0.0, pips: int = 0, jump: float = 1e9) -> Session:
    """A session; tests that are not about clock jumps may advance in large steps."""
    return Session(plan, get_ready_s=get_ready, get_ready_pips=pips, jump_threshold_s=jump)


def running(plan: Plan, get_ready: float = 0.0, jump: float = 1e9) -> Session:
    session = make(plan, get_ready, jump=jump)
    session.start(T0)
    return session


def kinds(events: list[Event]) -> list[str]:
    return [event.type_name for event in events]


def summary_of(events: list[Event]) -> SessionSummary:
    """The summary the ending event carries (FINISHED or STOPPED)."""
    [summary] = [event.summary for event in events if event.summary is not None]
    return summary


def walk_to(session: Session, until: float, step: float = 0.5) -> list[Event]:
    """Advance in small steps (as the controller does) and collect every event."""
    events: list[Event] = []
    now = T0
    while now < until:
        now = min(until, now + step)
        events += session.advance(now)
    return events


# ---- transitions ----------------------------------------------------------------------


def test_start_enters_the_get_ready_countdown_and_then_runs() -> None:
    session = make(two_walks(), 5, 3)
    assert session.state is S.IDLE
    events = session.start(T0)
    assert session.state is S.COUNTDOWN
    assert kinds(events) == ["countdown_started", "get_ready"]
    assert kinds(session.advance(T0 + 2.0)) == ["countdown"]
    assert kinds(session.advance(T0 + 4.0)) == ["countdown", "countdown"]
    events = session.advance(T0 + 5.0)
    assert session.state is S.RUNNING
    assert kinds(events) == ["running", "announce"]
    assert session.view(T0 + 5.0).get_ready_remaining_s == 0.0


def test_a_zero_get_ready_starts_running_at_once() -> None:
    session = make(two_walks())
    assert kinds(session.start(T0)) == ["countdown_started", "running", "announce"]
    assert session.state is S.RUNNING


def test_finishing_emits_the_last_record_the_finish_cue_and_the_state() -> None:
    session = running(two_walks())
    events = walk_to(session, T0 + 25.0)
    assert kinds(events)[-4:] == ["turn_around", "segment_done", "finish", "finished"]
    assert session.state is S.FINISHED
    assert session.position(T0 + 99) == 20.0
    assert session.advance(T0 + 30.0) == []


@pytest.mark.parametrize(("state", "command"), sorted(TRANSITIONS, key=str))
def test_every_legal_transition_reaches_the_table_state(
    state: SessionState, command: Command
) -> None:
    session = make(two_walks(), 5)
    if state is not S.IDLE:
        session.start(T0)
    now = T0 + (2.0 if state is S.COUNTDOWN else 7.0)
    session.advance(now)
    if state is S.PAUSED:
        session.pause(now)
    assert session.state is state
    session.apply(command, now)
    assert session.state is TRANSITIONS[(state, command)]


ALL_STATES = list(SessionState)


@pytest.mark.parametrize(
    ("state", "command"),
    [(s, c) for s in ALL_STATES for c in Command if (s, c) not in TRANSITIONS],
)
def test_every_illegal_command_raises_and_changes_nothing(
    state: SessionState, command: Command
) -> None:
    session = make(two_walks())
    now = T0
    if state is not S.IDLE:
        session.start(now)
    if state is S.COUNTDOWN:
        session = make(two_walks(), 5)
        session.start(now)
    elif state is S.PAUSED:
        session.pause(now)
    elif state is S.FINISHED:
        walk_to(session, T0 + 21)
        now = T0 + 21
    elif state is S.STOPPED:
        session.stop(now)
    assert session.state is state
    before = (session.state, session.position(now), session.records, session.view(now))
    with pytest.raises(IllegalCommand, match=command.value):
        session.apply(command, now)
    assert (session.state, session.position(now), session.records, session.view(now)) == before


def test_a_command_that_arrives_after_the_plan_ended_is_refused_without_side_effects() -> None:
    session = running(two_walks())
    session.advance(T0 + 19.0)
    with pytest.raises(IllegalCommand, match="finished"):
        session.pause(T0 + 30.0)
    assert session.state is S.RUNNING  # nothing changed; the next advance finishes it
    assert kinds(session.advance(T0 + 30.0))[-1] == "finished"


# ---- pause ----------------------------------------------------------------------------


def test_paused_time_does_not_advance_the_plan() -> None:
    session = running(two_walks())
    session.advance(T0 + 4.0)
    assert kinds(session.pause(T0 + 4.0)) == ["paused"]
    assert session.advance(T0 + 500.0) == []
    assert session.position(T0 + 500.0) == 4.0
    assert session.next_due(T0 + 500.0) is None
    assert kinds(session.resume(T0 + 500.0)) == ["resumed"]
    assert session.position(T0 + 503.0) == 7.0
    events = session.advance(T0 + 506.0)
    assert kinds(events) == ["segment_done", "announce", "shoulder_check"]
    assert [e.scheduled_s for e in events] == [10.0, 10.0, 10.0]
    summary = summary_of(session.stop(T0 + 506.0))
    assert summary.active_s == 10.0  # the pause is not active time


def test_pausing_during_get_ready_resumes_the_countdown() -> None:
    session = make(two_walks(), 5)
    session.start(T0)
    session.pause(T0 + 2.0)
    session.resume(T0 + 60.0)
    assert session.state is S.COUNTDOWN
    assert session.view(T0 + 60.0).get_ready_remaining_s == 3.0
    assert kinds(session.advance(T0 + 63.0)) == ["running", "announce"]


# ---- skip and back --------------------------------------------------------------------


def test_skip_records_the_skipped_segment_and_announces_the_next() -> None:
    session = running(two_walks())
    session.advance(T0 + 3.0)
    events = session.skip(T0 + 3.0)
    assert kinds(events) == ["segment_done", "skipped", "announce", "shoulder_check"]
    record = events[0].record
    assert record is not None and record.skipped and record.actual_s == 3.0
    assert session.position(T0 + 3.0) == 10.0
    assert session.records[0].planned_s == 10.0


def test_skipping_backward_work_still_says_turn_around() -> None:
    session = running(two_walks())
    session.advance(T0 + 12.0)
    events = session.skip(T0 + 12.0)
    assert "turn_around" in kinds(events)
    assert session.state is S.FINISHED


def test_skip_during_get_ready_starts_at_once() -> None:
    session = make(two_walks(), 5)
    session.start(T0)
    events = session.skip(T0 + 1.0)
    assert kinds(events) == ["skipped", "running", "announce"]
    assert session.state is S.RUNNING
    assert session.position(T0 + 3.0) == 2.0


def test_skip_while_paused_moves_on_but_stays_paused() -> None:
    session = running(two_walks())
    session.pause(T0 + 3.0)
    session.skip(T0 + 4.0)
    assert session.state is S.PAUSED
    assert session.position(T0 + 50.0) == 10.0
    assert kinds(session.resume(T0 + 50.0)) == ["resumed", "announce", "shoulder_check"]


def test_back_restarts_the_segment_and_its_cues_fire_again_as_a_new_generation() -> None:
    session = running(two_walks())
    session.advance(T0 + 15.0)
    events = session.back(T0 + 15.0)
    assert kinds(events) == ["segment_done", "back", "announce", "shoulder_check"]
    assert events[0].record is not None and events[0].record.actual_s == 5.0
    assert all(e.generation == 1 for e in events[1:])
    assert session.position(T0 + 15.0) == 10.0
    walk_to(session, T0 + 30.0)
    record = session.records[1]
    assert record.actual_s == 15.0  # 5 s before going back plus the full 10 s after
    assert not record.skipped


def test_back_within_the_first_two_seconds_goes_to_the_previous_segment() -> None:
    session = running(two_walks())
    session.advance(T0 + 11.5)
    session.back(T0 + 11.5)
    assert session.position(T0 + 11.5) == 0.0
    assert session.view(T0 + 11.5).segment.index == 0


def test_back_in_the_first_segment_restarts_it() -> None:
    session = running(two_walks())
    session.back(T0 + 1.0)
    assert session.position(T0 + 1.0) == 0.0


def test_back_during_get_ready_restarts_the_countdown() -> None:
    session = make(two_walks(), 5)
    session.start(T0)
    assert kinds(session.back(T0 + 3.0)) == ["back", "get_ready"]
    assert session.view(T0 + 3.0).get_ready_remaining_s == 5.0


def test_stop_records_the_segment_in_progress() -> None:
    session = running(two_walks())
    session.advance(T0 + 13.0)
    events = session.stop(T0 + 13.0)
    assert kinds(events) == ["segment_done", "stopped"]
    summary = summary_of(events)
    assert summary.status is SessionOutcome.STOPPED
    assert [(r.index, r.actual_s) for r in summary.segments] == [(0, 10.0), (1, 3.0)]
    assert summary.backward_s == 3.0
    assert summary.active_s == 13.0


# ---- clock jumps ----------------------------------------------------------------------


def test_a_clock_jump_pauses_at_the_jump_instead_of_firing_stale_cues() -> None:
    session = running(two_walks(), jump=5.0)
    walk_to(session, T0 + 8.0)
    events = session.advance(T0 + 8.0 + 3600.0)  # laptop lid closed for an hour
    assert kinds(events) == ["auto_paused"]
    assert "3600 s" in events[0].text
    assert events[0].paused_for_s == 3600.0, "the pause began at the jump, an hour ago"
    assert session.state is S.PAUSED
    assert session.position(T0 + 9999.0) == 8.0
    session.resume(T0 + 4000.0)
    assert kinds(session.advance(T0 + 4002.0)) == ["segment_done", "announce", "shoulder_check"]


def test_a_gap_below_the_threshold_is_just_late_not_a_jump() -> None:
    session = running(two_walks(), jump=5.0)
    events = session.advance(T0 + 4.9)
    assert session.state is S.RUNNING
    assert kinds(session.advance(T0 + 9.8)) == []
    assert kinds(session.advance(T0 + 10.0)) == ["segment_done", "announce", "shoulder_check"]
    assert events == []


def test_the_jump_threshold_can_be_set() -> None:
    session = running(two_walks(), jump=30.0)
    assert "finished" in kinds(session.advance(T0 + 25.0))


def test_a_clock_that_runs_backwards_is_treated_as_standing_still() -> None:
    session = running(two_walks())
    session.advance(T0 + 5.0)
    assert session.advance(T0 + 1.0) == []
    assert session.position(T0 + 1.0) == 5.0


# ---- reading --------------------------------------------------------------------------


def test_next_due_and_display_change_point_to_the_next_moment() -> None:
    plan = plan_of(
        Segment(SegmentKind.WALK, Length.seconds(10)),
        Segment(SegmentKind.BACKWARD_WALK, Length.steps(5)),  # 3 s
    )
    session = running(plan)
    assert session.next_due(T0 + 0.2) == pytest.approx(T0 + 10.0)
    assert session.next_display_change(T0 + 0.2) == pytest.approx(T0 + 1.0)
    assert session.next_display_change(T0 + 1.0) == pytest.approx(T0 + 2.0)
    session.advance(T0 + 10.0)
    assert session.next_due(T0 + 10.0) == pytest.approx(T0 + 13.0)


def test_the_display_counts_down_the_get_ready_then_the_segment() -> None:
    session = make(two_walks(), get_ready=3.0)
    assert session.view(T0).counting_down_s == 3.0
    session.start(T0)
    assert session.view(T0 + 0.5).counting_down_s == 2.5
    assert session.next_display_change(T0 + 0.5) == pytest.approx(T0 + 1.0)
    session.advance(T0 + 4.25)
    assert session.view(T0 + 4.25).counting_down_s == pytest.approx(8.75)
    assert session.next_display_change(T0 + 4.25) == pytest.approx(T0 + 4.0 + 1.0)


def test_view_describes_the_moment_for_the_display() -> None:
    session = running(compile_plan(first_steps(), Settings()))
    session.advance(T0 + 63.0)
    view = session.view(T0 + 63.0)
    assert view.state is S.RUNNING
    assert view.segment.kind is SegmentKind.BACKWARD_WALK
    assert (view.segment.rep, view.segment.reps) == (1, 2)
    assert view.segment_elapsed_s == 3.0 and view.segment_remaining_s == 6.0
    assert view.next_segment is not None and view.next_segment.kind is SegmentKind.WALK
    assert view.session_fraction == pytest.approx(63 / 158)


def test_the_summary_counts_backward_steps_in_proportion_to_time_done() -> None:
    session = running(compile_plan(first_steps(), Settings()))
    summary = summary_of(walk_to(session, T0 + 200.0))
    assert summary.status is SessionOutcome.FINISHED
    assert summary.backward_steps == 30
    assert summary.backward_s == 18.0
    assert summary.active_s == 158.0
    assert all(not r.skipped for r in summary.segments)


def test_a_plan_without_segments_is_refused() -> None:
    empty = compile_plan(simple(), Settings())
    with pytest.raises(ValueError, match="without segments"):
        Session(empty)


def test_finish_cue_is_announced_once_per_run() -> None:
    session = running(two_walks())
    events = walk_to(session, T0 + 40.0, step=0.1)
    assert [e.cue.type for e in events if e.cue is not None].count(CueType.FINISH) == 1


def test_a_skip_a_rounding_error_before_go_skips_the_first_segment_once() -> None:
    # 3.441377655762733 + 5.0 lands a hair below the end of a 5 s get-ready: "Go." and the
    # first announcement are already due there, so the skip leaves segment one instead of
    # skipping the get-ready again and announcing segment one a second time.
    user = Settings(countdown_pips=0, next_up=False, halfway=False)
    plan = compile_plan(simple(Segment(SegmentKind.WARMUP, Length.seconds(1))), user)
    session = Session(plan, get_ready_s=5.0, get_ready_pips=0)
    start = 3.441377655762733
    session.start(start)
    assert (start + 5.0) - start - 5.0 < 0  # the rounding this test is about
    events = session.skip(start + 5.0)
    announcements = [e for e in events if e.cue is not None and e.cue.type is CueType.ANNOUNCE]
    assert len(announcements) == 1
    assert session.state is SessionState.FINISHED
