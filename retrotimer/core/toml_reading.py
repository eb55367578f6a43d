"""TOML text as the app reads it: a leading BOM allowed, nesting bounded, errors with a place."""

from __future__ import annotations

import re
import tomllib
from typing import Any

BOM = "\ufeff"
# Brackets and braces open at once. Templates need about two a repeat level; tomllib
# recurses once per level and runs out of stack near a thousand.
MAX_TOML_DEPTH = 40

_AT = re.compile(r"\(at line (\d+), column (\d+)\)")
_AT_END = "(at end of document)"
_OPEN = {"[": "]", "{": "}"}


class TomlProblem(ValueError):
    """Why a TOML text could not be read, with the 1-based place when it is known."""

    def __init__(self, message: str, line: int | None = None, column: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column

    def __str__(self) -> str:
        if self.line is None:
            return self.message
        return f"line {self.line}:{self.column or 1}: {self.message}"


def without_bom(text: str) -> str:
    """The text without the byte-order mark some editors put first (Windows Notepad)."""
    return text.removeprefix(BOM)


def _string_end(text: str, start: int, quote: str) -> int:
    """The index after the string that opens at `start` with `quote` (', ", ''' or \"\"\")."""
    escapes = quote[0] == '"'
    index = start + len(quote)
    while index < len(text):
        char = text[index]
        if escapes and char == "\\":
            index += 2
            continue
        if text.startswith(quote, index):
            # A multi-line string may end with up to two more quotes of its kind.
            end = index + len(quote)
            while len(quote) == 3 and text.startswith(quote[0], end) and end - index < 5:
                end += 1
            return end
        if len(quote) == 1 and char == "\n":
            return index  # an unclosed string: tomllib says so, with its place
        index += 1
    return index


def check_toml_depth(text: str, limit: int = MAX_TOML_DEPTH) -> TomlProblem | None:
    """A problem at the bracket or brace that opens more than `limit` at once, or None.

    A pure scan in one pass that skips strings and comments, so a hostile file is refused
    before tomllib recurses into it.
    """
    if text.count("[") + text.count("{") <= limit:
        return None
    depth = 0
    index = 0
    while index < len(text):
        char = text[index]
        if char in "\"'":
            quote = char * 3 if text.startswith(char * 3, index) else char
            index = _string_end(text, index, quote)
            continue
        if char == "#":
            newline = text.find("\n", index)
            index = len(text) if newline < 0 else newline
            continue
        if char in _OPEN:
            depth += 1
            if depth > limit:
                line = text.count("\n", 0, index) + 1
                column = index - (text.rfind("\n", 0, index) + 1) + 1
                return TomlProblem(
                    f"the file is nested too deeply to read: more than {limit} brackets or "
                    "braces are open here",
                    line,
                    column,
                )
        elif char in "]}":
            depth = max(0, depth - 1)
        index += 1
    return None


def _decode_problem(message: str, text: str) -> TomlProblem:
    """tomllib's "Invalid value (at line 3, column 8)" as words and a place."""
    found = _AT.search(message)
    if found is not None:
        words = message[: found.start()].strip()
        line, column = int(found[1]), int(found[2])
    elif _AT_END in message:
        lines = text.splitlines() or [""]
        words = message.replace(_AT_END, "").strip()
        line, column = len(lines), len(lines[-1]) + 1
    else:
        return TomlProblem(f"not valid TOML: {message.strip()}")
    return TomlProblem(f"not valid TOML: {words[:1].lower() + words[1:]}", line, column)


def load_toml(text: str) -> dict[str, Any]:
    """The TOML document in `text` (after a leading BOM); raises TomlProblem, never anything
    else, for text that is not TOML or is nested too deeply."""
    text = without_bom(text)
    if (problem := check_toml_depth(text)) is not None:
        raise problem
    try:
        return tomllib.loads(text)
    except ValueError as error:  # TOMLDecodeError, or an integer too long to convert
        raise _decode_problem(str(error), text) from None
    except RecursionError:
        # The scan above bounds nesting; this is left for a caller already deep in its stack.
        raise TomlProblem("the file is nested too deeply to read") from None
