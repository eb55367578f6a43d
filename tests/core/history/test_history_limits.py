"""Which moments the history can show: checked against the calendar itself."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from hypothesis import given
from hypothesis import strategies as st

from retrotimer.core.history.history_values import (
    LAST_SHOWABLE_UTC_S,
    MAX_OFFSET_S,
    showable,
)


def test_the_last_moment_is_the_thirtieth_of_december_9999() -> None:
    assert datetime.fromtimestamp(LAST_SHOWABLE_UTC_S, UTC) == datetime(9999, 12, 30, tzinfo=UTC)


@given(
    st.floats(-1e13, 1e13) | st.sampled_from([0.0, LAST_SHOWABLE_UTC_S, 253402300800.0]),
    st.integers(-2 * 86400, 2 * 86400),
)
def test_a_showable_moment_is_a_date_in_utc_and_in_its_offset(utc_s: float, offset_s: int) -> None:
    if not showable(utc_s, offset_s):
        return
    for zone in (UTC, timezone(timedelta(seconds=offset_s))):
        assert 1969 <= datetime.fromtimestamp(utc_s, zone).year <= 9999
    assert abs(offset_s) <= MAX_OFFSET_S


def test_what_cannot_be_a_moment_is_not_showable() -> None:
    for value in (float("nan"), float("inf"), True, "2024", None, -1.0, LAST_SHOWABLE_UTC_S + 1):
        assert not showable(value)
    assert not showable(0.0, 86_400)
    assert not showable(0.0, True)


def test_notes_holding_a_character_that_cannot_be_seen_are_refused() -> None:
    from retrotimer.core.history.history_values import Review

    (problem,) = Review(notes="fine\x1b[2J").problems()
    assert problem.startswith("the notes holds U+001B (ESCAPE) at character 5")
    assert Review(notes="two\nlines").problems() == []
