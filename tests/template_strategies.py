"""Hypothesis strategies for templates of every shape, valid or not, for the round trips."""

from __future__ import annotations

from hypothesis import strategies as st

from retrotimer.core.model import (
    Item,
    Length,
    LengthUnit,
    Prompt,
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


def lengths(
    amounts: st.SearchStrategy[int], caps: st.SearchStrategy[int]
) -> st.SearchStrategy[Length]:
    """Lengths of every unit: an open one has no amount, open and distance ones may be capped."""
    optional_caps = st.one_of(st.none(), caps)
    return st.one_of(
        st.builds(Length, amounts, st.sampled_from([LengthUnit.SECONDS, LengthUnit.STEPS])),
        st.builds(Length.metres, amounts, optional_caps),
        st.builds(Length.open, optional_caps),
    )


def segments(amounts: st.SearchStrategy[int]) -> st.SearchStrategy[Segment]:
    return st.builds(
        Segment,
        st.sampled_from(SegmentKind),
        lengths(amounts, amounts),
        optional_text,
        optional_text,
        st.lists(st.builds(Prompt, amounts, any_text), max_size=2).map(tuple),
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
        lengths(amounts, st.integers(1, 600)),
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


# ---- hostile input for the readers -----------------------------------------------------------
# Characters that have broken readers or hidden in names: controls, NUL, bidi overrides and
# isolates, zero-width and format characters, the BOM, line separators, lone surrogates
# (a str can hold them, a file cannot), wide, combining and astral characters.
ODD_CHARACTERS = [
    "\x00", "\x07", "\t", "\r", "\x0b", "\x7f", "\x85", "\xad", "\u200b", "\u200d", "\u200e",
    "\u202a", "\u202e", "\u2066", "\u2069", "\u2028", "\u2029", "\ufeff", "\ud800", "\udfff",
    "\U0001f600", "\u754c", "\uff57", "\u0301", "\uffff", "\U0010ffff", "\U000e0041",
]  # fmt: skip
odd_characters = st.one_of(st.sampled_from(ODD_CHARACTERS), st.characters())
TEXT_WORDS = [
    "5m", "30s", "1:30", "1m30s", "15", "steps", "walk", "backward", "jog", "warm-up", "x",
    "6x", "2x", "(", ")", ",", '"', '"turn"', "note", "#", "name:", "venue:", "description:",
    "track", "\\", "\\u202e", "-3", "9999999999", "\u00d7",
]  # fmt: skip
TOML_WORDS = [
    "format = 1", "name = ", "description = ", "[[segments]]", "[[segments.segments]]",
    "kind = 'walk'", "seconds = 30", "steps = 15", "repeat = 2", "label = ", "note = ", '"',
    "'", "'''", '"""', "[", "]", "{", "}", "=", ",", "#", "\\", "1e400", "nan", "inf",
    "clock_jump_s = ", "volume = ", "theme = 'dark'", "true", "99999999999999999999999",
]  # fmt: skip


def _lines(words: list[str]) -> st.SearchStrategy[str]:
    token = st.one_of(st.sampled_from(words), odd_characters, st.text(max_size=4))
    indent = st.sampled_from(["", "  ", "    ", "\t", " \u3000"])
    line = st.builds(lambda pad, parts: pad + " ".join(parts), indent, st.lists(token, max_size=10))
    return st.lists(line, max_size=12).map("\n".join)


def _nested(opening: str, middle: str, closing: str) -> st.SearchStrategy[str]:
    return st.integers(1, 1500).map(lambda depth: opening * depth + middle + closing * depth)


def _long_line(words: list[str]) -> st.SearchStrategy[str]:
    piece = st.one_of(st.sampled_from(words), odd_characters)
    return st.builds(lambda count, word: (word + " ") * count, st.integers(100, 12_000), piece)


def _with_bom(texts: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.builds(lambda bom, text: ("\ufeff" if bom else "") + text, st.booleans(), texts)


def hostile_texts() -> st.SearchStrategy[str]:
    """Text-syntax input at and past every limit: deep nesting in blocks and in parentheses,
    long lines, odd characters, with or without a BOM."""
    blocks = st.integers(1, 400).map(
        lambda depth: (
            "".join(f"{' ' * level}2x\n" for level in range(depth)) + " " * depth + "1s walk"
        )
    )
    body = st.one_of(
        _lines(TEXT_WORDS),
        _nested("2x (", "1s walk", ")"),
        _nested("2x ", "1s walk", ""),
        blocks,
        _long_line(TEXT_WORDS).map(lambda line: "5m " + line),
    )
    head = st.sampled_from(["", "# T\n", "# \u202eT\n", "name: " + "n" * 70 + "\n"])
    return _with_bom(st.builds(str.__add__, head, body))


def hostile_toml() -> st.SearchStrategy[str]:
    """TOML input at and past every limit: nested arrays and inline tables, long lines, odd
    characters, with or without a BOM."""
    body = st.one_of(
        _lines(TOML_WORDS),
        _nested("[", "1", "]").map(lambda value: "a = " + value),
        _nested("{a=", "1", "}").map(lambda value: "a = " + value),
        _nested("[{segments=", "1", "}]").map(lambda value: "format = 1\nsegments = " + value),
        _long_line(TOML_WORDS).map(lambda line: "name = '" + line + "'"),
    )
    return _with_bom(body)
