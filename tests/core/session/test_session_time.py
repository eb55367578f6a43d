"""A session's time: plan time from the clock, pauses left out, jumps as a shift, the end."""

from __future__ import annotations

from retrotimer.core.session.session_time import SessionTime

T0 = 1000.0


def test_before_the_start_the_whole_get_ready_lies_ahead() -> None:
    assert SessionTime(5.0).plan_time(T0 + 30.0) == -5.0


def test_plan_time_counts_from_the_end_of_get_ready() -> None:
    time = SessionTime(5.0).started(T0)
    assert time.plan_time(T0 + 2.0) == -3.0
    assert time.plan_time(T0 + 12.0) == 7.0


def test_a_pause_stands_still_and_is_left_out_once_over() -> None:
    paused = SessionTime(0.0).started(T0).paused(T0 + 10.0)
    assert paused.plan_time(T0 + 50.0) == 10.0
    resumed = paused.resumed(T0 + 40.0)
    assert resumed.paused_s == 30.0 and resumed.paused_at is None
    assert resumed.plan_time(T0 + 45.0) == 15.0
    assert resumed.resumed(T0 + 60.0) == resumed  # not paused: nothing to close


def test_a_jump_moves_plan_time_but_not_the_time_run() -> None:
    time = SessionTime(2.0).started(T0).shifted(20.0).shifted(-5.0)
    assert time.plan_time(T0 + 12.0) == 25.0
    assert time.ended(T0 + 12.0).active_s(T0 + 99.0) == 10.0


def test_the_end_stops_the_clock_and_counts_a_pause_under_way() -> None:
    ended = SessionTime(3.0).started(T0).paused(T0 + 20.0).ended(T0 + 50.0)
    assert ended.paused_s == 30.0 and ended.paused_at is None
    assert ended.plan_time(T0 + 500.0) == 17.0
    assert ended.active_s(T0 + 500.0) == 17.0


def test_a_session_ended_during_get_ready_ran_no_plan_time() -> None:
    assert SessionTime(10.0).started(T0).ended(T0 + 4.0).active_s(T0 + 4.0) == 0.0
