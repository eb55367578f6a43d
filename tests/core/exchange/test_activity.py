"""A recorded session as an activity: laps back to back, the idle time as a timer stop."""

from __future__ import annotations

import pytest
from hypothesis import given

from retrotimer.core.exchange.activity import (
    RECORD_EVERY_S,
    Activity,
    Lap,
    TimerStop,
    activity_from_session,
)
from retrotimer.core.exchange.workout import Intensity
from retrotimer.core.history import HistorySession, SessionStatus
from retrotimer.core.model import SegmentKind
from tests.history_samples import MONDAY_2024_05_06, segment, session, sessions

RECORDS = (
    segment(0, SegmentKind.WARMUP, 60.0),
    segment(1, SegmentKind.BACKWARD_JOG, 12.5, label="fast feet"),
    segment(2, SegmentKind.WALK, 7.0, planned_s=30.0, skipped=True),
)


def with_end(base: HistorySession, ended_utc_s: float | None) -> HistorySession:
    from dataclasses import replace

    return replace(base, entry=replace(base.entry, ended_utc_s=ended_utc_s))


def test_laps_follow_each_other_and_the_idle_time_is_one_stop_first() -> None:
    recorded = with_end(session(segments=RECORDS), MONDAY_2024_05_06 + 79.5 + 8.0)
    activity = activity_from_session(recorded)
    assert activity.stops == (TimerStop(0.0, 8.0),)
    assert [(lap.start_s, lap.seconds) for lap in activity.laps] == [
        (8.0, 60.0),
        (68.0, 12.5),
        (80.5, 7.0),
    ]
    assert activity.laps[1].label == "fast feet" and activity.laps[2].skipped
    assert activity.timer_s == pytest.approx(79.5)
    assert activity.elapsed_s == pytest.approx(87.5)
    assert [lap.intensity for lap in activity.laps] == [
        Intensity.WARMUP,
        Intensity.ACTIVE,
        Intensity.RECOVERY,
    ]


def test_an_interrupted_session_exports_what_was_recorded() -> None:
    cut = with_end(session(segments=RECORDS[:2], status=SessionStatus.INTERRUPTED), None)
    activity = activity_from_session(cut)
    assert activity.stops == ()
    assert len(activity.laps) == 2 and activity.timer_s == pytest.approx(72.5)


def test_stops_split_the_running_time_and_records_are_at_most_5_s_apart() -> None:
    activity = Activity(
        "id",
        "Pauses",
        MONDAY_2024_05_06,
        0,
        (
            Lap(0.0, 20.0, SegmentKind.WARMUP, "Warm-up walk"),
            Lap(31.0, 9.0, SegmentKind.BACKWARD_WALK, "Backward walk"),
        ),
        (TimerStop(20.0, 11.0),),
    )
    assert activity.running_spans() == [(0.0, 20.0), (31.0, 40.0)]
    times = activity.record_times()
    assert times[0] == 0.0 and times[-1] == 40.0
    assert 20.0 in times and 31.0 in times
    assert not [t for t in times if 20.0 < t < 31.0]


@given(sessions())
def test_every_recorded_segment_is_a_lap_and_records_cover_the_timer(
    recorded: HistorySession,
) -> None:
    activity = activity_from_session(recorded)
    assert len(activity.laps) == len(recorded.segments)
    assert activity.timer_s == pytest.approx(sum(r.actual_s for r in recorded.segments))
    for start, end in activity.running_spans():
        inside = [t for t in activity.record_times() if start - 1e-3 <= t <= end + 1e-3]
        assert inside[0] == pytest.approx(start, abs=1e-3)
        assert inside[-1] == pytest.approx(end, abs=1e-3)
        assert all(b - a <= RECORD_EVERY_S + 1e-6 for a, b in zip(inside, inside[1:], strict=False))
