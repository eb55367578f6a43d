"""Clock times, totals and counted nouns as every screen writes them."""

from __future__ import annotations

import pytest

from retrotimer.ui.common.formatting import (
    about_minutes,
    clock_text,
    counted,
    total_clock_text,
    total_seconds,
)


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (0, "0:00"),
        (0.2, "0:01"),
        (9.0, "0:09"),
        (59.01, "1:00"),
        (61, "1:01"),
        (600, "10:00"),
        (3600, "1:00:00"),
        (3725, "1:02:05"),
        (-3, "0:00"),
    ],
)
def test_clock_text_rounds_up_whole_seconds(seconds: float, text: str) -> None:
    assert clock_text(seconds) == text


@pytest.mark.parametrize(
    ("seconds", "whole", "clock", "minutes"),
    [
        (0, 0, "0:00", 0),
        (0.4, 0, "0:00", 0),
        (0.5, 1, "0:01", 1),
        (711.5, 712, "11:52", 12),  # round() would give 712 here ...
        (712.5, 713, "11:53", 12),  # ... and 712 here: halves go one way only
        (29.0, 29, "0:29", 1),  # anything is at least a minute
        (89.9, 90, "1:30", 2),
        (3600.2, 3600, "1:00:00", 60),
        (-5, 0, "0:00", 0),
    ],
)
def test_totals_have_one_rounding_rule(
    seconds: float, whole: int, clock: str, minutes: int
) -> None:
    assert total_seconds(seconds) == whole
    assert total_clock_text(seconds) == clock
    assert about_minutes(seconds) == minutes


def test_counted_nouns_agree_with_their_number() -> None:
    assert counted(1, "session") == "1 session"
    assert counted(0, "session") == "0 sessions"
    assert counted(2, "backward minute") == "2 backward minutes"
    assert counted(3, "person", "people") == "3 people"
