"""Clock times as every screen writes them."""

from __future__ import annotations

import pytest

from retrotimer.ui.common.formatting import clock_text


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
