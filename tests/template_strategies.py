"""Hypothesis strategies for templates of every shape, valid or not, for the round trips."""

from __future__ import annotations

from hypothesis import strategies as st

from retrotimer.core.model import (
    Item,
    Length,
    LengthUnit,
    Repeat,
    Segment,
    SegmentKind,
    Template,
    Venue,
)

# Any text but lone surrogates, which no file can hold.
any_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
# Readers strip names, so names are generated stripped.
names = any_text.map(str.strip).filter(bool)
optional_text = st.one_of(st.none(), any_text.filter(bool))


def segments(amounts: st.SearchStrategy[int]) -> st.SearchStrategy[Segment]:
    return st.builds(
        Segment,
        st.sampled_from(SegmentKind),
        st.builds(Length, amounts, st.sampled_from(LengthUnit)),
        optional_text,
        optional_text,
    )


def items(depth: int, amounts: st.SearchStrategy[int]) -> st.SearchStrategy[Item]:
    if depth == 0:
        return segments(amounts)
    return st.one_of(
        segments(amounts),
        st.builds(
            Repeat,
            st.integers(-3, 300),
            st.lists(items(depth - 1, amounts), max_size=3).map(tuple),
        ),
    )


def templates(depth: int = 4) -> st.SearchStrategy[Template]:
    """Templates of any structure, including ones validation rejects (0 seconds, 0 repeats)."""
    amounts = st.integers(-(10**6), 10**6)
    return st.builds(
        Template,
        names,
        st.lists(items(depth, amounts), max_size=4).map(tuple),
        any_text,
        st.sampled_from(Venue),
    )


def sensible_templates() -> st.SearchStrategy[Template]:
    """Templates that are likely to validate: modest lengths, counts and labels."""
    amounts = st.integers(1, 300)
    simple_segments = st.builds(
        Segment,
        st.sampled_from(SegmentKind),
        st.builds(Length, amounts, st.sampled_from(LengthUnit)),
        st.one_of(st.none(), st.sampled_from(["turn around and reset", "easy", "zig, zag"])),
        st.one_of(st.none(), st.just("hold the rails")),
    )
    blocks = st.builds(
        Repeat, st.integers(1, 6), st.lists(simple_segments, min_size=1, max_size=3).map(tuple)
    )
    return st.builds(
        Template,
        st.sampled_from(["Generated", "Tuesday track", "Jogs #2"]),
        st.lists(st.one_of(simple_segments, blocks), min_size=1, max_size=5).map(tuple),
        st.sampled_from(["", "For testing.", "Two lines.\nOf description."]),
        st.sampled_from(Venue),
    )
