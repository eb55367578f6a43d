"""One item of the template text syntax, read from a line's tokens: length, kind, label, repeat."""

from __future__ import annotations

import re

from retrotimer.core.model import Item, Length, Prompt, Repeat, Segment, SegmentKind
from retrotimer.core.templates.kind_names import (
    MAX_KIND_WORDS,
    closest_kind,
    kind_from_name,
    kind_name,
)
from retrotimer.core.templates.text_lexer import SyntaxProblem, Token, TokenType
from retrotimer.core.templates.text_rules import visible
from retrotimer.core.templates.validation import (
    CAP_FIELD,
    MAX_DEPTH,
    MAX_READ_DEPTH,
    ItemPath,
    Position,
)
from retrotimer.core.value import builder, value

_REPEAT = re.compile(r"^(-?\d+)\s*[x×]$", re.IGNORECASE)
_CLOCK = re.compile(r"^(-?)(\d+):([0-5]\d)(?::([0-5]\d))?$")
_PART = re.compile(r"(\d+)([a-z]*)", re.IGNORECASE)
_UNITS = {
    **dict.fromkeys(("s", "sec", "secs", "second", "seconds"), 1),
    **dict.fromkeys(("m", "min", "mins", "minute", "minutes"), 60),
    **dict.fromkeys(("h", "hr", "hrs", "hour", "hours"), 3600),
}
_STEP_UNITS = ("step", "steps")
# "m" is minutes, so a distance is written out: "100 metres", "100 meters", "2 km".
_METRE_UNITS = {
    **dict.fromkeys(("metre", "metres", "meter", "meters"), 1),
    **dict.fromkeys(("km", "kilometre", "kilometres", "kilometer", "kilometers"), 1000),
}
_GLUED_STEPS = re.compile(r"(-?\d+)(steps?)", re.IGNORECASE)
_GLUED_METRES = re.compile(r"(-?\d+)(metres?|meters?|km)", re.IGNORECASE)
OPEN_WORD = "open"
CAP_WORD = "max"
_LONG_NUMBER = re.compile(r"\d{10,}")
LENGTH_EXAMPLES = "45s, 2m, 1m30s, 1:30, 15 steps, 100 metres or open"
KIND_EXAMPLES = '"backward walk", "backward jog", "walk" or "cool-down walk"'


@value
class ItemLine:
    """A line that holds an item: its number, indentation width and tokens (or why not)."""

    number: int
    indent: int
    tokens: tuple[Token, ...] = ()
    error: SyntaxProblem | None = None


Positions = dict[tuple[ItemPath, str], Position]


@builder
class _Cursor:
    """Reads the tokens of one line, noting where each part of an item was written."""

    line: ItemLine
    positions: Positions
    index: int = 0

    def peek(self, offset: int = 0) -> Token | None:
        at = self.index + offset
        return self.line.tokens[at] if at < len(self.line.tokens) else None

    def take(self) -> Token:
        token = self.line.tokens[self.index]
        self.index += 1
        return token

    def end_column(self) -> int:
        if not self.line.tokens:
            return self.line.indent + 1
        last = self.line.tokens[-1]
        return last.column + len(last.text) + (2 if last.type is TokenType.STRING else 0)

    def mark(self, path: ItemPath, field_name: str, token: Token) -> None:
        self.positions[(path, field_name)] = Position(self.line.number, token.column)

    def fail(self, expected: str, token: Token | None = None) -> SyntaxProblem:
        token = token if token is not None else self.peek()
        if token is None:
            return SyntaxProblem(self.end_column(), f"expected {expected}; the line ends here")
        return SyntaxProblem(token.column, f"expected {expected}; found {token.shown()}")


def _repeat_count(cursor: _Cursor) -> int | None:
    """The count when the line starts a repeat ("6x", "6 x", "6×"), consuming it."""
    first, second = cursor.peek(), cursor.peek(1)
    if first is None or first.type is not TokenType.WORD:
        return None
    if (found := _REPEAT.match(first.text)) is not None:
        cursor.index += 1
        return int(found[1])
    if (
        re.fullmatch(r"-?\d+", first.text)
        and second is not None
        and second.type is TokenType.WORD
        and second.text.lower() in ("x", "×")
    ):
        cursor.index += 2
        return int(first.text)
    return None


def _time_parts(text: str) -> int | None:
    """Seconds in "1m30s", "45s", "2min", or None if it is not written that way."""
    if (clock := _CLOCK.match(text)) is not None:
        sign, first, second, third = clock.groups()
        seconds = (
            int(first) * 3600 + int(second) * 60 + int(third)
            if third is not None
            else int(first) * 60 + int(second)
        )
        return -seconds if sign else seconds
    sign = -1 if text.startswith("-") else 1
    body = text[1:] if sign < 0 else text
    parts = _PART.findall(body)
    if not parts or "".join(number + unit for number, unit in parts) != body:
        return None
    total = 0
    previous = 0
    for number, unit in parts:
        # A bare number after hours or minutes counts the next unit down: "1m30", "1h15".
        scale = _UNITS.get(unit.lower()) if unit else {3600: 60, 60: 1}.get(previous)
        if scale is None:
            return None
        total += int(number) * scale
        previous = scale
    return sign * total


def _length(cursor: _Cursor) -> Length:
    start = cursor.peek()
    if start is None or start.type is not TokenType.WORD:
        raise cursor.fail(f"a length such as {LENGTH_EXAMPLES}")
    if start.text.lower() == OPEN_WORD:
        cursor.take()
        return Length.open(_cap(cursor))
    following = cursor.peek(1)
    unit = following.text.lower() if following and following.type is TokenType.WORD else ""
    if re.fullmatch(r"-?\d+", start.text):
        if unit in _STEP_UNITS:
            cursor.index += 2
            return Length.steps(int(start.text))
        if unit in _METRE_UNITS:
            cursor.index += 2
            return Length.metres(int(start.text) * _METRE_UNITS[unit], _cap(cursor))
        if unit not in _UNITS:
            cursor.take()
            raise cursor.fail(
                f'a unit after "{visible(start.text)}": s, m, steps or metres', following
            )
    elif (steps := _GLUED_STEPS.fullmatch(start.text)) is not None:
        cursor.take()
        return Length.steps(int(steps[1]))
    elif (metres := _GLUED_METRES.fullmatch(start.text)) is not None:
        cursor.take()
        return Length.metres(int(metres[1]) * _METRE_UNITS[metres[2].lower()], _cap(cursor))
    return Length.seconds(_time(cursor, f"a length such as {LENGTH_EXAMPLES}"))


def _cap(cursor: _Cursor) -> int | None:
    """The most time an open or distance step may last: "max 2m", or None when not given."""
    word = cursor.peek()
    if word is None or word.type is not TokenType.WORD or word.text.lower() != CAP_WORD:
        return None
    cursor.take()
    return _time(cursor, "a most time after max, such as 90s or 2m")


def _time(cursor: _Cursor, expected: str) -> int:
    """Seconds written as "45s", "2m", "1m30s", "1:30", "1 min 30 s"."""
    start = cursor.peek()
    if start is None or start.type is not TokenType.WORD:
        raise cursor.fail(expected)
    if re.fullmatch(r"-?\d+", start.text):
        cursor.take()
        unit = cursor.peek()
        if unit is None or unit.type is not TokenType.WORD or unit.text.lower() not in _UNITS:
            raise cursor.fail(f'a unit after "{visible(start.text)}": s or m', unit)
        cursor.take()
        seconds = int(start.text) * _UNITS[unit.text.lower()]
    else:
        first = _time_parts(start.text)
        if first is None:
            raise cursor.fail(expected)
        cursor.take()
        seconds = first
    # "1m 30s" and "1 min 30 s": further parts add to the first.
    while (more := cursor.peek()) is not None and more.type is TokenType.WORD:
        if (part := _time_parts(more.text)) is not None and part >= 0:
            cursor.take()
        elif (
            re.fullmatch(r"\d+", more.text)
            and (unit := cursor.peek(1)) is not None
            and unit.text.lower() in _UNITS
        ):
            cursor.index += 2
            part = int(more.text) * _UNITS[unit.text.lower()]
        else:
            break
        seconds += -part if seconds < 0 else part
    return seconds


# Words that end a kind's name: a note, or a timed prompt (`at 30s "cadence up"`).
_AFTER_KIND = ("note", "at")


def _kind(cursor: _Cursor) -> SegmentKind:
    words: list[Token] = []
    while (token := cursor.peek()) is not None and token.type is TokenType.WORD:
        if token.text.lower() in _AFTER_KIND and words:
            break
        words.append(cursor.take())
    if not words:
        raise cursor.fail(f"a kind of segment, such as {KIND_EXAMPLES}")
    kind = kind_from_name(" ".join(token.text for token in words))
    if kind is not None:
        return kind
    # Only the first few words can start a kind's name: trying every prefix of a long run of
    # words would take time that grows with the square of the line.
    for end in range(min(len(words) - 1, MAX_KIND_WORDS), 0, -1):
        if kind_from_name(" ".join(token.text for token in words[:end])) is not None:
            extra = words[end]
            expected = (
                "a comma before the next segment"
                if extra.text[:1].isdigit()
                else 'a label in double quotes after the kind, such as "turn around"'
            )
            raise SyntaxProblem(extra.column, f"expected {expected}; found {extra.shown()}")
    written = " ".join(token.text for token in words[: MAX_KIND_WORDS + 1])
    close = closest_kind(written)
    hint = f'; did you mean "{kind_name(close)}"?' if close else ""
    found = words[0].shown() if len(words) == 1 else f'"{visible(written)}"'
    raise SyntaxProblem(
        words[0].column,
        f"expected a kind of segment, such as {KIND_EXAMPLES}; found {found}{hint}",
    )


def _segment(cursor: _Cursor, path: ItemPath) -> Segment:
    length_token = cursor.peek()
    length = _length(cursor)
    assert length_token is not None
    cursor.mark(path, length.unit.value, length_token)
    if length.cap_s is not None:
        cursor.mark(path, CAP_FIELD, length_token)
    kind_token = cursor.peek()
    kind = _kind(cursor)
    assert kind_token is not None
    cursor.mark(path, "kind", kind_token)
    label = note = None
    if (token := cursor.peek()) is not None and token.type is TokenType.STRING:
        cursor.mark(path, "label", cursor.take())
        label = token.text or None
    if (token := cursor.peek()) is not None and token.type is TokenType.WORD:
        if token.text.lower() == "note":
            cursor.take()
            text = cursor.peek()
            if text is None or text.type is not TokenType.STRING:
                raise cursor.fail('the note in double quotes, as in note "hold the rails"')
            cursor.mark(path, "note", cursor.take())
            note = text.text or None
        elif token.text.lower() != "at":
            raise cursor.fail(
                'a label in double quotes, a note, a prompt (at 30s "..."), a comma or the '
                "end of the line"
            )
    prompts: list[Prompt] = []
    while (token := cursor.peek()) is not None and token.type is TokenType.WORD:
        if token.text.lower() != "at":
            raise cursor.fail('a prompt (at 30s "..."), a comma or the end of the line')
        cursor.mark(path, "prompts", cursor.take())
        offset = _length(cursor)
        text = cursor.peek()
        if offset.is_steps or text is None or text.type is not TokenType.STRING:
            raise cursor.fail('a prompt\'s time and words, as in at 30s "cadence up"')
        cursor.take()
        prompts.append(Prompt(offset.amount, text.text))
    return Segment(kind, length, label, note, tuple(prompts))


def _item(cursor: _Cursor, path: ItemPath) -> tuple[Item, bool]:
    """An item, and whether it is a repeat whose block follows on the indented lines."""
    start = cursor.peek()
    assert start is not None
    if len(path) > MAX_READ_DEPTH:
        raise SyntaxProblem(
            start.column,
            f"repeats are nested far too deeply to read (more than {MAX_READ_DEPTH} levels); "
            f"they can sit at most {MAX_DEPTH} deep",
        )
    cursor.mark(path, "", start)
    count = _repeat_count(cursor)
    if count is None:
        return _segment(cursor, path), False
    cursor.mark(path, "repeat", start)
    following = cursor.peek()
    if following is None:
        return Repeat(count, ()), True
    if following.type is TokenType.LPAREN:
        cursor.take()
        items: list[Item] = []
        while (token := cursor.peek()) is None or token.type is not TokenType.RPAREN:
            if token is None:
                raise cursor.fail('a closing ")" for the repeat')
            if items:
                if token.type is not TokenType.COMMA:
                    raise cursor.fail('a comma between segments, or a closing ")"')
                cursor.take()
            if cursor.peek() is None:
                raise cursor.fail('another segment, or a closing ")"')
            items.append(_item(cursor, (*path, len(items)))[0])
        cursor.take()
        return Repeat(count, tuple(items)), False
    return Repeat(count, (_item(cursor, (*path, 0))[0],)), False


def line_item(line: ItemLine, path: ItemPath, positions: Positions) -> tuple[Item, bool]:
    """The item a line holds (and whether an indented block follows it); raises SyntaxProblem."""
    if line.error is not None:
        raise line.error
    for token in line.tokens:
        if token.type is TokenType.WORD and (long := _LONG_NUMBER.search(token.text)):
            raise SyntaxProblem(
                token.column + long.start(), "expected a number of at most 9 digits"
            )
    cursor = _Cursor(line, positions)
    item, opens_block = _item(cursor, path)
    if cursor.peek() is not None:
        raise cursor.fail("the end of the line (a label goes in double quotes)")
    return item, opens_block
