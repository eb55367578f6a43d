"""Heart rate and cadence over a session's samples: per segment and the curve's range."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from retrotimer.core.value import value

if TYPE_CHECKING:
    from retrotimer.core.sensors.sensor_values import SensorSample


@value
class SegmentHeartRate:
    """The average and highest heart rate heard in one segment (its index)."""

    segment: int
    average_bpm: int
    max_bpm: int


def heart_rate_by_segment(samples: Iterable[SensorSample]) -> tuple[SegmentHeartRate, ...]:
    """Average (rounded) and maximum heart rate of every segment with a heart rate heard,
    in segment order; samples without a heart rate count for nothing."""
    heard: dict[int, list[int]] = {}
    for sample in samples:
        if sample.heart_rate is not None:
            heard.setdefault(sample.segment, []).append(sample.heart_rate)
    return tuple(
        SegmentHeartRate(segment, round(sum(rates) / len(rates)), max(rates))
        for segment, rates in sorted(heard.items())
    )


def counted_steps(samples: Iterable[SensorSample]) -> dict[int, int]:
    """The steps a footpod counted in each segment: its cadence held from one sample to the
    next (a sample's cadence holds until the next sample of the same segment)."""
    steps: dict[int, float] = {}
    previous: SensorSample | None = None
    for sample in sorted(samples, key=lambda one: one.utc_s):
        if (
            previous is not None
            and previous.cadence_spm is not None
            and previous.segment == sample.segment
        ):
            gap = max(0.0, sample.utc_s - previous.utc_s)
            steps[previous.segment] = steps.get(previous.segment, 0.0) + (
                previous.cadence_spm * gap / 60
            )
        previous = sample
    return {segment: round(count) for segment, count in steps.items()}
