"""A recorded session as an activity: laps where they ran, the countdown and pauses as stops."""

from __future__ import annotations

import pytest
from hypothesis import given

from retrotimer.core.exchange.activity import (
    RECORD_EVERY_S,
    Activity,
    Lap,
    TimerStop,
    activity_from_session,
    on_the_wall,
)
from retrotimer.core.exchange.workout import Intensity
from retrotimer.core.history.history_values import (
    HistorySession,
    Pause,
    SessionStatus,
)
from retrotimer.core.model import SegmentKind
from retrotimer.core.value import replace
from tests.history_samples import MONDAY_2024_05_06, segment, session, sessions

RECORDS = (
    segment(0, SegmentKind.WARMUP, 60.0),
    segment(1, SegmentKind.BACKWARD_JOG, 12.5, label="fast feet"),
    segment(2, SegmentKind.WALK, 7.0, planned_s=30.0, skipped=True),
)


def with_end(base: HistorySession, ended_utc_s: float | None) -> HistorySession:

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
    # Every time is a whole millisecond, so a stop of one millisecond still parts two spans.
    for start, end in activity.running_spans():
        inside = [t for t in activity.record_times() if start - 1e-6 <= t <= end + 1e-6]
        assert inside[0] == pytest.approx(start, abs=1e-6)
        assert inside[-1] == pytest.approx(end, abs=1e-6)
        assert all(b - a <= RECORD_EVERY_S + 1e-6 for a, b in zip(inside, inside[1:], strict=False))
    for stop in activity.stops:
        assert not [
            t
            for t in activity.record_times()
            if stop.at_s + 1e-6 < t < stop.at_s + stop.seconds - 1e-6
        ], "no record while the timer stood still"
    assert activity.elapsed_s >= activity.timer_s
    laps = activity.laps
    assert all(a.end_s <= b.start_s + 1e-6 for a, b in zip(laps, laps[1:], strict=False))


T = MONDAY_2024_05_06


def paused(
    pauses: tuple[Pause, ...], ended_after_s: float, records: tuple = RECORDS
) -> HistorySession:
    return with_end(session(segments=records, pauses=pauses), T + ended_after_s)


def test_a_pause_inside_a_segment_is_a_stop_inside_its_lap() -> None:
    # 5 s get-ready, then the warm-up minute with a 30 s pause 20 s into it.
    recorded = paused((Pause(T + 25.0, T + 55.0),), 5.0 + 79.5 + 30.0)
    activity = activity_from_session(recorded)
    assert activity.stops == (TimerStop(0.0, 5.0), TimerStop(25.0, 30.0))
    assert [(lap.start_s, lap.end_s, lap.stopped_s) for lap in activity.laps] == [
        (5.0, 95.0, 30.0),
        (95.0, 107.5, 0.0),
        (107.5, 114.5, 0.0),
    ]
    assert activity.timer_s == pytest.approx(79.5)
    assert activity.elapsed_s == pytest.approx(114.5)
    assert activity.running_spans() == [(5.0, 25.0), (55.0, 114.5)]
    assert not [t for t in activity.record_times() if 25.0 < t < 55.0]


def test_a_pause_between_segments_is_between_their_laps() -> None:
    recorded = paused((Pause(T + 65.0, T + 85.0),), 5.0 + 79.5 + 20.0)
    activity = activity_from_session(recorded)
    assert activity.stops == (TimerStop(0.0, 5.0), TimerStop(65.0, 20.0))
    first, second, _ = activity.laps
    assert (first.end_s, first.stopped_s) == (65.0, 0.0)
    assert (second.start_s, second.stopped_s) == (85.0, 0.0)


def test_a_pause_in_the_countdown_is_part_of_the_first_stop() -> None:
    recorded = paused((Pause(T + 2.0, T + 12.0),), 15.0 + 79.5)
    activity = activity_from_session(recorded)
    assert activity.stops == (TimerStop(0.0, 15.0),)
    assert activity.laps[0].start_s == 15.0


def test_a_session_stopped_while_paused_ends_with_the_pause() -> None:
    records = RECORDS[:2]
    recorded = paused((Pause(T + 77.5, T + 177.5),), 177.5, records)
    activity = activity_from_session(recorded)
    assert activity.stops == (TimerStop(0.0, 5.0), TimerStop(77.5, 100.0))
    assert activity.laps[-1].end_s == 77.5
    assert activity.elapsed_s == pytest.approx(177.5)


def test_an_open_pause_lasts_until_the_end_and_pauses_outside_are_trimmed() -> None:
    pauses = (Pause(T - 50.0, T + 2.0), Pause(T + 30.0, T + 40.0), Pause(T + 35.0))
    activity = activity_from_session(paused(pauses, 90.0, (segment(0, SegmentKind.WALK, 28.0),)))
    # The first is cut to the session's start; the open one runs to the end and merges.
    assert activity.stops == (TimerStop(0.0, 2.0), TimerStop(30.0, 60.0))
    assert (activity.laps[0].start_s, activity.laps[0].end_s) == (2.0, 30.0)
    assert activity.elapsed_s == pytest.approx(90.0)


def test_a_pause_later_than_the_segments_could_run_moves_up_to_their_end() -> None:
    cut = with_end(session(segments=RECORDS[:1], pauses=(Pause(T + 500.0, T + 510.0),)), None)
    activity = activity_from_session(cut)
    assert activity.stops == (TimerStop(60.0, 10.0),)
    assert activity.elapsed_s == pytest.approx(70.0)


def test_timer_time_is_placed_past_the_stops_before_it() -> None:
    stops = (TimerStop(0.0, 5.0), TimerStop(25.0, 30.0))
    assert on_the_wall(0.0, stops, after_stops=True) == 5.0
    assert on_the_wall(20.0, stops, after_stops=False) == 25.0
    assert on_the_wall(20.0, stops, after_stops=True) == 55.0
    assert on_the_wall(30.0, stops, after_stops=False) == 65.0


def test_stops_are_whole_milliseconds_like_the_laps() -> None:
    records = (segment(0, SegmentKind.WALK, 0.0), segment(1, SegmentKind.WALK, 1.0))
    tiny = (Pause(T + 0.007501, T + 0.008001), Pause(T + 0.5004, T + 2.5006))
    activity = activity_from_session(with_end(session(segments=records, pauses=tiny), None))
    assert activity.stops == (TimerStop(0.5, 2.001),)
    assert activity.running_spans() == [(0.0, 0.5), (2.501, 3.001)]
    assert activity.record_times()[-1] == activity.laps[-1].end_s == 3.001
