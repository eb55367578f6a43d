"""Words for spoken cues: numbers, lengths and labels as phrases the voice clips cover."""

from __future__ import annotations

# Numbers up to this are single voice clips; larger ones are composed from clips.
LARGEST_SINGLE_NUMBER = 60


def number_words(value: int) -> tuple[str, ...]:
    """A count as phrases, e.g. 15 -> ("15",), 75 -> ("70", "5"), 120 -> ("1", "hundred", "20")."""
    if value <= LARGEST_SINGLE_NUMBER:
        return (str(value),)
    hundreds, rest = divmod(value, 100)
    words: list[str] = [str(hundreds), "hundred"] if hundreds else []
    if rest > LARGEST_SINGLE_NUMBER:
        words += [str(rest - rest % 10)] + ([str(rest % 10)] if rest % 10 else [])
    elif rest:
        words.append(str(rest))
    return tuple(words)


def _length_parts(amount: int, *, steps: bool) -> list[tuple[int, str]]:
    if steps:
        return [(amount, "step" if amount == 1 else "steps")]
    minutes, seconds = divmod(amount, 60)
    parts: list[tuple[int, str]] = []
    if minutes:
        parts.append((minutes, "minute" if minutes == 1 else "minutes"))
    if seconds or not minutes:
        parts.append((seconds, "second" if seconds == 1 else "seconds"))
    return parts


def spoken_length_text(amount: int, *, steps: bool) -> str:
    """ "15 steps", "45 seconds", "2 minutes", "1 minute 30 seconds"."""
    return " ".join(f"{number} {unit}" for number, unit in _length_parts(amount, steps=steps))


def length_words(amount: int, *, steps: bool) -> tuple[str, ...]:
    """The same length as phrases to speak."""
    words: list[str] = []
    for number, unit in _length_parts(amount, steps=steps):
        words += [*number_words(number), unit]
    return tuple(words)


def spoken_label(label: str) -> str:
    """The phrase for a label: spoken in lower case, like any other phrase."""
    return label.lower()


def spoken_distance_text(metres: int) -> str:
    """ "100 metres", "1 metre"."""
    return f"{metres} {'metre' if metres == 1 else 'metres'}"


def distance_words(metres: int) -> tuple[str, ...]:
    """The same distance as phrases to speak."""
    return (*number_words(metres), "metre" if metres == 1 else "metres")
