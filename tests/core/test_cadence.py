"""Cadence from taps: steady taps, a double tap, a missed tap, pauses and too few taps."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from retrotimer.core.cadence import MIN_TAPS, CadenceEstimate, estimate_cadence


def steady(count: int, interval: float, start: float = 100.0) -> list[float]:
    return [start + i * interval for i in range(count)]


def test_ten_steady_taps_give_the_cadence_and_nine_steps() -> None:
    assert estimate_cadence(steady(10, 0.6)) == CadenceEstimate(100, 9, 0, 0, 0)


def test_fast_steady_taps() -> None:
    estimate = estimate_cadence(steady(10, 60 / 168))
    assert estimate is not None and estimate.steps_per_minute == 168


def test_a_double_tap_is_dropped() -> None:
    taps = steady(10, 0.6)
    taps.insert(5, taps[4] + 0.06)
    estimate = estimate_cadence(taps)
    assert estimate == CadenceEstimate(100, 9, 1, 0, 0)


def test_a_double_tap_on_the_first_step_is_dropped() -> None:
    taps = steady(10, 0.5)
    taps.insert(1, taps[0] + 0.04)
    estimate = estimate_cadence(taps)
    assert estimate is not None
    assert (estimate.steps_per_minute, estimate.double_taps) == (120, 1)


def test_a_missed_tap_counts_its_gap_as_two_steps() -> None:
    taps = steady(11, 0.6)
    del taps[6]
    estimate = estimate_cadence(taps)
    assert estimate == CadenceEstimate(100, 10, 0, 1, 0)


def test_a_pause_is_left_out_of_the_measurement() -> None:
    taps = steady(5, 0.5) + steady(5, 0.5, start=110.0)
    estimate = estimate_cadence(taps)
    assert estimate == CadenceEstimate(120, 8, 0, 0, 1)


def test_uneven_taps_average_over_the_time_measured() -> None:
    taps = [0.0, 0.5, 1.1, 1.6, 2.2]  # gaps 0.5 0.6 0.5 0.6: 4 steps in 2.2 s
    estimate = estimate_cadence(taps)
    assert estimate is not None and estimate.steps_per_minute == round(60 * 4 / 2.2)


@pytest.mark.parametrize(
    "taps",
    [[], [1.0], [1.0, 1.6], [1.0, 1.0, 1.0], [1.0, 1.6, 1.64]],
    ids=["none", "one", "two", "all-at-once", "one-step-and-a-bounce"],
)
def test_too_few_taps_give_nothing(taps: list[float]) -> None:
    assert estimate_cadence(taps) is None


def test_taps_out_of_order_are_refused() -> None:
    with pytest.raises(ValueError, match="order"):
        estimate_cadence([1.0, 2.0, 1.5])


@settings(max_examples=200, deadline=None)
@given(
    cadence=st.integers(40, 240),
    jitter=st.lists(st.floats(-0.04, 0.04), min_size=12, max_size=12),
    fault=st.sampled_from(["none", "double", "missed"]),
    where=st.integers(1, 8),
)
def test_one_fault_in_ten_steps_barely_moves_the_cadence(
    cadence: int, jitter: list[float], fault: str, where: int
) -> None:
    interval = 60.0 / cadence
    taps = [i * interval + jitter[i] * interval for i in range(11)]
    if fault == "double":
        taps.insert(where + 1, taps[where] + 0.1 * interval)
    elif fault == "missed":
        del taps[where]
    estimate = estimate_cadence(taps)
    assert estimate is not None
    # The jitter (4 % of an interval at each end of the span) bounds the error.
    assert abs(estimate.steps_per_minute - cadence) <= cadence * 0.02 + 1
    assert estimate.steps == 10
    assert estimate.double_taps == (1 if fault == "double" else 0)
    assert estimate.missed_taps == (1 if fault == "missed" else 0)


@pytest.mark.parametrize("interval", [0.35, 0.5, 0.6, 0.75])
@pytest.mark.parametrize("pause", [1.0, 1.5, 2.0])
def test_a_pause_of_a_second_or_two_keeps_the_count_going_and_the_cadence_true(
    interval: float, pause: float
) -> None:
    taps = steady(6, interval)
    taps += steady(7, interval, start=taps[-1] + pause)
    counts = []
    for number in range(MIN_TAPS, len(taps) + 1):
        estimate = estimate_cadence(taps[:number])
        assert estimate is not None
        counts.append(estimate.counted_steps)
    assert counts == sorted(counts)  # the count never goes back
    assert counts[-1] in (13, 14)  # 13 taps; 14 when a short pause reads as one missed tap
    final = estimate_cadence(taps)
    assert final is not None
    assert abs(final.steps_per_minute - 60 / interval) <= 0.03 * 60 / interval
