"""A step-counted backward segment ending on the footpod's count, time given as an argument."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from retrotimer.core.model import Length, Segment, SegmentKind
from retrotimer.core.session.plan import Plan, compile_plan
from retrotimer.core.session.session_machine import (
    STEP_WAIT_CAP,
    Event,
    EventKind,
    Session,
    SessionState,
)
from retrotimer.core.settings import Settings
from tests.factories import simple

T0 = 1000.0
# 60 steps a minute backward: 20 steps are planned as 20 s.
SETTINGS = Settings(next_up=False, cadence_backward_walk=60)
BACK_20 = Segment(SegmentKind.BACKWARD_WALK, Length.steps(20))
WALK_10 = Segment(SegmentKind.WALK, Length.seconds(10))


def plan_of(*segments: Segment) -> Plan:
    return compile_plan(simple(*segments), SETTINGS)


def running(plan: Plan, *, ends_on_steps: bool = True) -> Session:
    session = Session(
        plan, get_ready_s=0.0, get_ready_pips=0, jump_threshold_s=1e9, ends_on_steps=ends_on_steps
    )
    session.start(T0)
    return session


def run_at_cadence(
    session: Session, cadence_spm: float | None, until: float, step: float = 0.5
) -> list[Event]:
    """Advance to `until` (seconds after the start), telling the count a runner at
    `cadence_spm` (None: no footpod) has made in each visit, as a controller does."""
    events: list[Event] = []
    now, visit, entered = T0, session.visit, T0

    def count() -> list[Event]:
        nonlocal visit, entered
        if session.visit != visit:
            visit, entered = session.visit, now
        steps = None if cadence_spm is None else int((now - entered) * cadence_spm / 60)
        return session.count_steps(now, steps)

    while now < T0 + until - 1e-9:
        now = min(T0 + until, now + step)
        events += count()
        events += session.advance(now)
        events += count()
    return events


def ends(events: list[Event]) -> list[tuple[int, float, bool, int | None]]:
    return [
        (e.record.index, e.record.actual_s, e.record.skipped, e.record.steps)
        for e in events
        if e.kind is EventKind.SEGMENT_DONE and e.record is not None
    ]


def test_a_faster_runner_ends_the_segment_on_the_count_before_its_planned_time() -> None:
    session = running(plan_of(BACK_20, WALK_10))
    events = run_at_cadence(session, 120, until=12)  # 20 steps in 10 s
    assert ends(events) == [(0, 10.0, False, 20)]
    assert session.view(T0 + 12).segment.index == 1
    assert [e.text for e in events if e.kind is EventKind.SKIPPED] == ["Done."]


def test_a_slower_runner_is_waited_for_past_the_planned_time_until_the_count() -> None:
    session = running(plan_of(BACK_20, WALK_10))
    events = run_at_cadence(session, 40, until=29.5)  # 20 steps take 30 s
    assert ends(events) == []
    view = session.view(T0 + 29.5)
    assert view.state is SessionState.RUNNING and view.segment.index == 0
    assert view.footpod_steps == 19
    events = run_at_cadence(session, 40, until=32)
    assert ends(events)[0] == (0, 30.0, False, 20)
    # The wait is not a jump: the walk that follows still has its 10 s.
    assert session.view(T0 + 32).segment_remaining_s == 8.0


def test_a_count_that_never_comes_ends_at_the_safety_cap() -> None:
    session = running(plan_of(BACK_20, WALK_10))
    events = run_at_cadence(session, 20, until=45)  # 20 steps would take 60 s
    assert ends(events)[0][:3] == (0, 20.0 * STEP_WAIT_CAP, False)
    assert ends(events)[0][3] == 13  # the steps really made


def test_without_a_footpod_the_segment_ends_at_its_planned_time() -> None:
    session = running(plan_of(BACK_20, WALK_10))
    events = run_at_cadence(session, None, until=21)
    assert ends(events) == [(0, 20.0, False, 20)]  # the planned steps, as before
    assert session.view(T0 + 21).footpod_steps is None


def test_a_footpod_lost_while_waiting_ends_the_wait_then() -> None:
    session = running(plan_of(BACK_20, WALK_10))
    run_at_cadence(session, 30, until=24)
    assert session.view(T0 + 24).segment.index == 0  # 12 steps of 20, waiting
    events = session.count_steps(T0 + 24.5, None)
    assert ends(events) == [(0, 24.5, False, 12)]
    assert session.view(T0 + 25).segment.index == 1


def test_with_the_setting_off_the_count_is_recorded_but_ends_nothing() -> None:
    session = running(plan_of(BACK_20, WALK_10), ends_on_steps=False)
    events = run_at_cadence(session, 120, until=31)
    assert ends(events) == [(0, 20.0, False, 40), (1, 10.0, False, 20)]
    assert session.view(T0 + 5).footpod_steps is None


def test_timed_and_forward_segments_record_the_count_and_end_on_time() -> None:
    back_timed = Segment(SegmentKind.BACKWARD_WALK, Length.seconds(10))
    forward_steps = Segment(SegmentKind.WALK, Length.steps(20))
    session = running(plan_of(back_timed, forward_steps))
    events = run_at_cadence(session, 120, until=30)
    planned = session.plan.segments[1].duration_s
    assert ends(events) == [(0, 10.0, False, 20), (1, planned, False, int(planned * 2))]


def test_a_skip_on_a_counted_segment_is_still_a_skip_with_the_steps_made() -> None:
    session = running(plan_of(BACK_20, WALK_10))
    events = run_at_cadence(session, 60, until=5)
    events = session.skip(T0 + 5)
    assert ends(events) == [(0, 5.0, True, 5)]


def test_a_count_while_paused_ends_nothing() -> None:
    session = running(plan_of(BACK_20, WALK_10))
    session.pause(T0 + 5)
    assert session.count_steps(T0 + 6, 25) == []
    assert session.state is SessionState.PAUSED


@given(cadence=st.integers(min_value=30, max_value=200))
def test_the_segment_ends_when_the_count_reaches_its_steps_whatever_the_cadence(
    cadence: int,
) -> None:
    session = running(plan_of(BACK_20, WALK_10))
    needed = 20 * 60 / cadence
    events = run_at_cadence(session, cadence, until=min(needed, 40) + 1, step=0.25)
    index, actual, skipped, steps = ends(events)[0]
    assert (index, skipped) == (0, False)
    if needed <= 40:
        assert steps == 20
        assert needed - 1e-6 <= actual <= needed + 0.25 + 1e-6
    else:
        assert actual == 40.0 and steps is not None and steps < 20
