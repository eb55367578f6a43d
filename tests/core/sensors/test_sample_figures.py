"""Per-segment heart rate and the steps a footpod counted, from a session's samples."""

from __future__ import annotations

from retrotimer.core.sensors.sample_figures import (
    SegmentHeartRate,
    counted_steps,
    heart_rate_by_segment,
)
from retrotimer.core.sensors.sensor_values import SensorSample


def test_average_and_max_per_segment_skip_samples_without_a_heart_rate() -> None:
    samples = [
        SensorSample(100.0, 0, heart_rate=100),
        SensorSample(101.0, 0, heart_rate=111),
        SensorSample(102.0, 0),
        SensorSample(103.0, 2, heart_rate=150),
        SensorSample(104.0, 1, cadence_spm=160),
    ]
    assert heart_rate_by_segment(samples) == (
        SegmentHeartRate(0, 106, 111),
        SegmentHeartRate(2, 150, 150),
    )


def test_steps_add_each_cadence_over_the_time_it_held_within_its_segment() -> None:
    samples = [
        SensorSample(10.0, 0, cadence_spm=120),  # 2 steps a second for 3 s
        SensorSample(13.0, 0, cadence_spm=60),  # 1 a second for 1 s
        SensorSample(14.0, 0, cadence_spm=180),  # the segment ends here: nothing after
        SensorSample(15.0, 1, cadence_spm=90),
        SensorSample(17.0, 1),
    ]
    assert counted_steps(reversed(samples)) == {0: 7, 1: 3}


def test_no_cadence_counts_no_steps() -> None:
    assert counted_steps([SensorSample(1.0, 0, heart_rate=90), SensorSample(2.0, 0)]) == {}
