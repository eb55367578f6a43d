"""Text cut to a byte budget (a file format's fixed field) without breaking a character."""

from __future__ import annotations

import unicodedata

# Characters that belong to the one before them: cutting between the two would change what
# the first one shows (an accent left behind, half an emoji sequence).
_JOINERS = {"\u200d", "\ufe0e", "\ufe0f"}


def _attached(character: str) -> bool:
    return (
        unicodedata.combining(character) != 0
        or character in _JOINERS
        or "\U0001f3fb" <= character <= "\U0001f3ff"  # skin-tone modifiers
    )


def cut_to_bytes(text: str, limit: int) -> str:
    """The longest start of `text` whose UTF-8 form fits in `limit` bytes, ending between two
    whole characters (a base character is dropped with its accents rather than without them)."""
    if len(text.encode("utf-8")) <= limit:
        return text
    size = 0
    end = 0
    for index, character in enumerate(text):
        width = len(character.encode("utf-8"))
        if size + width > limit:
            break
        size += width
        end = index + 1
    # Back off while the first character left out belongs to the last one kept.
    while 0 < end < len(text) and _attached(text[end]):
        end -= 1
    # Drop a joiner left dangling at the end (the start of a sequence cut in two).
    while end > 0 and text[end - 1] in _JOINERS:
        end -= 1
    return text[:end].rstrip()
