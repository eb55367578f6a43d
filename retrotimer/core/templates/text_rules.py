"""One check for the words people type into a template: names, labels, notes and descriptions."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

MAX_NAME = 60
MAX_LABEL = 60
MAX_NOTE = 200
# A timed prompt is spoken whole: this is a long spoken sentence (about 20 seconds).
MAX_PROMPT = 300
MAX_DESCRIPTION = 2000
# How much of a piece of text a message quotes: a message stays one readable line.
SHOWN_CHARS = 40

# Format characters that join or shape letters in real scripts and emoji (zero width
# non-joiner and joiner); every other format character is invisible and refused.
_ALLOWED_FORMAT = frozenset("\u200c\u200d")
# Control (Cc), format (Cf), surrogate (Cs), line and paragraph separators (Zl, Zp).
_REFUSED_CATEGORIES = frozenset(("Cc", "Cf", "Cs", "Zl", "Zp"))


# Unicode gives control characters no names; these are their usual ones.
_CONTROL_NAMES = dict(
    enumerate(
        [
            "NUL",
            "START OF HEADING",
            "START OF TEXT",
            "END OF TEXT",
            "END OF TRANSMISSION",
            "ENQUIRY",
            "ACKNOWLEDGE",
            "BELL",
            "BACKSPACE",
            "TAB",
            "LINE FEED",
            "LINE TABULATION",
            "FORM FEED",
            "CARRIAGE RETURN",
            "SHIFT OUT",
            "SHIFT IN",
            "DATA LINK ESCAPE",
            "DEVICE CONTROL ONE",
            "DEVICE CONTROL TWO",
            "DEVICE CONTROL THREE",
            "DEVICE CONTROL FOUR",
            "NEGATIVE ACKNOWLEDGE",
            "SYNCHRONOUS IDLE",
            "END OF TRANSMISSION BLOCK",
            "CANCEL",
            "END OF MEDIUM",
            "SUBSTITUTE",
            "ESCAPE",
            "FILE SEPARATOR",
            "GROUP SEPARATOR",
            "RECORD SEPARATOR",
            "UNIT SEPARATOR",
        ]
    )
)
_CONTROL_NAMES |= {0x7F: "DELETE", 0x85: "NEXT LINE"}


def is_refused(char: str) -> bool:
    """True for a character a name or label must not hold: it is invisible, moves the text
    around it (bidi overrides such as U+202E) or cannot be spoken or stored (NUL, surrogates)."""
    return unicodedata.category(char) in _REFUSED_CATEGORIES and char not in _ALLOWED_FORMAT


def char_name(char: str) -> str:
    """ "U+202E (RIGHT-TO-LEFT OVERRIDE)": a character people cannot see, named for a message."""
    code = f"U+{ord(char):04X}"
    name = unicodedata.name(char, "")
    if not name and unicodedata.category(char) == "Cc":
        name = _CONTROL_NAMES.get(ord(char), "CONTROL CHARACTER")
    return f"{code} ({name})" if name else code


def _invisible(char: str) -> bool:
    return not (char.isprintable() or char == " ")


def visible(text: str) -> str:
    """Text for a message: at most SHOWN_CHARS characters, invisible ones as [U+202E]."""
    clipped = text[:SHOWN_CHARS]
    if clipped.isprintable():
        return clipped + ("…" if len(text) > SHOWN_CHARS else "")
    shown = "".join(f"[U+{ord(c):04X}]" if _invisible(c) else c for c in clipped)
    return shown + ("…" if len(text) > SHOWN_CHARS else "")


def shown_text(text: str) -> str:
    """`"walk"`; `U+FEFF (ZERO WIDTH NO-BREAK SPACE)` for text of nothing but invisible
    characters; `"[U+200B]walk", which holds U+200B (ZERO WIDTH SPACE)` for text with some."""
    if text[:SHOWN_CHARS].isprintable():
        return f'"{visible(text)}"'
    hidden = [char for char in text[:SHOWN_CHARS] if _invisible(char)]
    if not hidden:
        return f'"{visible(text)}"'
    if len(hidden) == len(text[:SHOWN_CHARS]):
        return " ".join(char_name(char) for char in text[:3]) + ("…" if len(text) > 3 else "")
    return f'"{visible(text)}", which holds {char_name(hidden[0])}'


def shown_value(value: object) -> str:
    """Any value from a file, for a message: its repr (which escapes what cannot be seen), at
    most SHOWN_CHARS characters, so a message stays one line however big the value."""
    written = repr(value)
    return written if len(written) <= SHOWN_CHARS else written[:SHOWN_CHARS] + "…"


def cleaned_text(text: str) -> str:
    """Free text as typed or pasted (a review's notes) without the characters a name or label
    must not hold: a tab becomes a space, line ends stay, the others are left out."""
    spaced = text.replace("\t", " ")
    return "".join(char for char in spaced if char in "\n\r" or not is_refused(char))


def normal_name(name: str) -> str:
    """The name as it is kept and compared: without spaces around it, so " Tuesday" and
    "Tuesday" are one name."""
    return name.strip()


def too_long(what: str, text: str, limit: int) -> str | None:
    """The message for text over its limit, or None."""
    if len(text) <= limit:
        return None
    return (
        f"the {what} is {len(text)} characters long; keep it to {limit} or fewer so it "
        "fits on the screen and is quick to say"
    )


def text_problems(what: str, text: str | None, limit: int, *, lines: bool = False) -> Iterator[str]:
    """Messages for text a template cannot hold: over `limit`, on more than one line (unless
    `lines`), or with a character people cannot see, named with where it is."""
    if text is None:
        return
    if not lines and ("\n" in text or "\r" in text):
        yield f"the {what} must fit on one line"
    if (message := too_long(what, text, limit)) is not None:
        yield message
    for index, char in enumerate(text):
        # Line ends are allowed or were told about above.
        if is_refused(char) and char not in "\n\r":
            yield (
                f"the {what} holds {char_name(char)} at character {index + 1}, which cannot be "
                f"seen or spoken; remove it"
            )
            return
