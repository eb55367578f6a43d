"""Hypothesis strategies for templates and settings."""

from __future__ import annotations

from hypothesis import strategies as st

from retrotimer.core.model import Item, Length, Repeat, Segment, SegmentKind, Template, Venue
from retrotimer.core.settings import Settings

lengths = st.one_of(
    st.integers(1, 150).map(Length.seconds),
    st.integers(1, 60).map(Length.steps),
)
labels = st.one_of(st.none(), st.sampled_from(["turn around and reset", "easy", "zigzag"]))
segments = st.builds(Segment, st.sampled_from(SegmentKind), lengths, labels)


def items(depth: int = 2) -> st.SearchStrategy[Item]:
    if depth == 0:
        return segments
    return st.one_of(
        segments,
        st.builds(
            Repeat, st.integers(1, 3), st.lists(items(depth - 1), min_size=1, max_size=3).map(tuple)
        ),
    )


templates = st.builds(
    Template,
    st.just("Generated"),
    st.lists(items(), min_size=1, max_size=4).map(tuple),
    st.just(""),
    st.sampled_from(Venue),
)
settings = st.builds(
    Settings,
    countdown_pips=st.integers(0, 5),
    reminder_interval_s=st.integers(5, 30),
    step_ticks=st.booleans(),
    next_up=st.booleans(),
    halfway=st.booleans(),
)
