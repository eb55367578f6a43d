"""The closed vocabulary of stock phrases that ship as voice clips."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from retrotimer.core.model import Item, Repeat, Segment, SegmentKind, Template
from retrotimer.core.session.cue_sounds import MOSTLY_SKIPPED_WORDS
from retrotimer.core.session.heart_rate_cue import HEART_RATE_WORDS
from retrotimer.core.session.speech import LARGEST_SINGLE_NUMBER, spoken_label
from retrotimer.core.templates.builtin_templates import BUILTIN_TEMPLATES

UNITS = ("step", "steps", "second", "seconds", "minute", "minutes", "metre", "metres")
CUE_WORDS = (
    "rep",
    "of",
    "next",
    "halfway",
    "get ready",
    "go",
    "look over your shoulder",
    "hold the rails",
    "stop and turn around",
    "session complete",
    MOSTLY_SKIPPED_WORDS,
    "press when done",
    HEART_RATE_WORDS,
)
STATE_WORDS = ("paused", "resumed", "stopped")


def number_phrases() -> tuple[str, ...]:
    """Every number `speech.number_words` can produce: 0-60 whole, the tens above, "hundred"."""
    singles = [str(n) for n in range(LARGEST_SINGLE_NUMBER + 1)]
    tens = [str(n) for n in range(LARGEST_SINGLE_NUMBER + 10, 100, 10)]
    return (*singles, *tens, "hundred")


def kind_phrases() -> tuple[str, ...]:
    return tuple(spoken_label(kind.label) for kind in SegmentKind)


def stock_phrases(extra: Iterable[str] = ()) -> tuple[str, ...]:
    """The phrases to render, in a stable order; `extra` adds labels of built-in templates."""
    phrases = [*kind_phrases(), *number_phrases(), *UNITS, *CUE_WORDS, *STATE_WORDS]
    for phrase in extra:
        if phrase not in phrases:
            phrases.append(phrase)
    return tuple(phrases)


def builtin_templates() -> tuple[Template, ...]:
    """The templates that ship with the app: their labels are rendered as stock phrases."""
    return BUILTIN_TEMPLATES


def _segments(items: Iterable[Item]) -> Iterator[Segment]:
    for item in items:
        if isinstance(item, Repeat):
            yield from _segments(item.items)
        else:
            yield item


def template_phrases(templates: Iterable[Template]) -> tuple[str, ...]:
    """The custom labels of these templates as phrases, in order of first use."""
    phrases: dict[str, None] = {}
    for template in templates:
        for segment in _segments(template.items):
            if segment.label is not None:
                phrases.setdefault(spoken_label(segment.label), None)
    return tuple(phrases)
