"""Text cut to a FIT field's bytes stays whole characters."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from retrotimer.core.exchange.field_text import cut_to_bytes


def test_short_text_is_kept() -> None:
    assert cut_to_bytes("Backward jog", 47) == "Backward jog"


def test_a_two_byte_character_is_not_split() -> None:
    # "é" is two bytes; at a budget of 4 there is room for "ab" and one byte of it.
    assert cut_to_bytes("abéd", 3) == "ab"


def test_an_accent_is_not_left_without_its_letter() -> None:
    # "e" + combining acute: cutting after the "e" would drop the accent from it.
    assert cut_to_bytes("ae\u0301b", 2) == "a"


def test_an_emoji_sequence_is_kept_whole_or_dropped() -> None:
    family = "\U0001f469\u200d\U0001f467"  # woman, joiner, girl
    assert cut_to_bytes("go " + family, 8) == "go"


@given(st.text(st.characters(blacklist_categories=("Cs",))), st.integers(0, 60))
def test_the_cut_fits_and_is_a_start_of_the_text(text: str, limit: int) -> None:
    cut = cut_to_bytes(text, limit)
    assert len(cut.encode("utf-8")) <= limit
    assert text.startswith(cut.rstrip()) or text.rstrip().startswith(cut)
