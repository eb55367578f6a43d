"""Steps counted from a footpod's cadence as it is heard: held until the next, never too long."""

from __future__ import annotations

import math

from hypothesis import given
from hypothesis import strategies as st

from retrotimer.core.sensors.step_count import MAX_HELD_S, StepCount


def counted(heard: list[tuple[float, int | None]]) -> StepCount:
    count = StepCount()
    for moment, cadence in heard:
        count = count.hear(moment, cadence)
    return count


def test_a_cadence_holds_until_the_next_is_heard() -> None:
    # 120 a minute for 3 s, then 60 a minute for 2 s: 6 + 2 steps.
    count = counted([(10.0, 120), (11.0, 120), (13.0, 60), (15.0, 60)])
    assert count.steps == 8.0
    assert count.whole == 8


def test_a_step_counts_once_it_is_done() -> None:
    assert counted([(0.0, 90), (1.0, 90)]).whole == 1  # a step and a half
    assert counted([(0.0, 90), (2.0, 90)]).whole == 3


def test_no_cadence_counts_nothing_until_one_is_heard_again() -> None:
    # The footpod went silent (or the session paused) from 2 s to 30 s.
    count = counted([(0.0, 60), (2.0, None), (30.0, 60), (31.0, 60)])
    assert count.steps == 3.0


def test_a_cadence_heard_long_ago_holds_no_longer_than_a_footpod_stays_silent() -> None:
    count = counted([(0.0, 60), (60.0, 60)])
    assert count.steps == MAX_HELD_S


def test_time_running_backwards_counts_nothing() -> None:
    assert counted([(5.0, 120), (4.0, 120)]).steps == 0.0


@given(
    st.lists(
        st.tuples(
            st.floats(min_value=0.0, max_value=3.0),
            st.one_of(st.none(), st.integers(min_value=0, max_value=250)),
        ),
        max_size=40,
    )
)
def test_the_count_never_falls_and_is_the_held_cadences_over_the_gaps(
    heard: list[tuple[float, int | None]],
) -> None:
    count, now, expected = StepCount(), 0.0, 0.0
    previous: int | None = None
    for gap, cadence in heard:
        now += gap
        before = count.whole
        count = count.hear(now, cadence)
        assert count.whole >= before
        expected += (previous or 0) * min(gap, MAX_HELD_S) / 60
        previous = cadence
    assert math.isclose(count.steps, expected, abs_tol=1e-6)
