"""The one rounding rule for totals, and nouns that agree with their numbers."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from retrotimer.commands.plan_timeline import plan_table
from retrotimer.core.model import Length, Repeat, Segment, SegmentKind, Template
from retrotimer.core.session.plan import compile_plan
from retrotimer.core.settings import Settings
from retrotimer.core.totals import about_minutes, counted, total_clock_text, total_seconds


@pytest.mark.parametrize(
    ("seconds", "clock"),
    [(0.0, "0:00"), (711.4, "11:51"), (711.5, "11:52"), (712.5, "11:53"), (3600.0, "1:00:00")],
)
def test_totals_round_halves_up(seconds: float, clock: str) -> None:
    assert total_clock_text(seconds) == clock


@pytest.mark.parametrize(
    ("seconds", "minutes"), [(0.0, 0), (10.0, 1), (89.0, 1), (90.0, 2), (711.5, 12), (749.4, 12)]
)
def test_about_minutes(seconds: float, minutes: int) -> None:
    assert about_minutes(seconds) == minutes


@given(st.floats(0, 10 * 3600, allow_nan=False))
def test_the_clock_and_the_minutes_never_disagree(seconds: float) -> None:
    minutes, secs = divmod(total_seconds(seconds), 60)
    assert about_minutes(seconds) == max(1 if minutes or secs else 0, minutes + (secs >= 30))


def test_the_plan_command_prints_totals_by_the_rule() -> None:
    # 6 x 15 steps at 48 spm: 112.5 s, so the total ends in half a second.
    template = Template(
        "Taps",
        (
            Segment(SegmentKind.WARMUP, Length.minutes(5)),
            Repeat(
                6,
                (
                    Segment(SegmentKind.BACKWARD_WALK, Length.steps(15)),
                    Segment(SegmentKind.WALK, Length.seconds(30)),
                ),
            ),
            Segment(SegmentKind.COOLDOWN, Length.minutes(3)),
        ),
    )
    plan = compile_plan(template, Settings(cadence_backward_walk=48))
    assert plan.total_s == 772.5
    assert f"total {total_clock_text(plan.total_s)}," in plan_table(plan)
    assert total_clock_text(plan.total_s) == "12:53"  # not 12:52, as round() gave


def test_counted_nouns_agree() -> None:
    assert counted(1, "session") == "1 session"
    assert counted(2, "session") == "2 sessions"
    assert counted(0, "backward minute") == "0 backward minutes"
    assert counted(1, "backward minute") == "1 backward minute"
    assert counted(3, "repeat", "repeats") == "3 repeats"
