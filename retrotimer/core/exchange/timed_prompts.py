"""Text events of other tools as timed prompts: placed by time, split to fit, nothing lost."""

from __future__ import annotations

from retrotimer.core.model import Prompt
from retrotimer.core.templates.text_rules import MAX_PROMPT


def prompt_pieces(offset_s: int, text: str) -> list[Prompt]:
    """The text as prompts at `offset_s`: spaces made single, and text longer than a prompt
    holds split between words into prompts said one after another."""
    words = text.split()
    pieces: list[str] = []
    for word in words:
        if pieces and len(pieces[-1]) + 1 + len(word) <= MAX_PROMPT:
            pieces[-1] += " " + word
        else:
            # A single word longer than a prompt (a pasted link) is cut into pieces of its own.
            pieces += [
                word[start : start + MAX_PROMPT] for start in range(0, len(word), MAX_PROMPT)
            ]
    return [Prompt(offset_s, piece) for piece in pieces]
