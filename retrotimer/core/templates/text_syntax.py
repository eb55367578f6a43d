"""The compact text syntax for templates ("6x" blocks, "15 steps backward walk"): read and write."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from retrotimer.core.model import Item, Length, Repeat, Segment, SegmentKind, Template, Venue
from retrotimer.core.templates.kind_names import kind_name
from retrotimer.core.templates.text_items import ItemLine, Positions, line_item
from retrotimer.core.templates.text_lexer import SyntaxProblem, quote, read_string, tokenize
from retrotimer.core.templates.text_rules import (
    MAX_DESCRIPTION,
    MAX_NAME,
    normal_name,
    shown_text,
    too_long,
)
from retrotimer.core.templates.validation import (
    MAX_DEPTH,
    MAX_READ_DEPTH,
    ItemPath,
    Position,
    Problem,
    Severity,
    SourceMap,
    TemplateError,
    TemplateReading,
    hidden_by_stand_in,
    in_reading_order,
    validate_template,
)
from retrotimer.core.value import builder, field

if TYPE_CHECKING:
    from retrotimer.core.settings import Settings

INDENT = "  "
BOM = "\ufeff"
# Input limits, checked before a line is split into words: no template needs more, and the
# editor reads the whole text again after every key.
MAX_LINE_CHARS = 2000
MAX_TEXT_CHARS = 100_000
_HEADER = re.compile(r"^(name|venue|description)\s*:\s?(.*)$", re.IGNORECASE)


def _header_value(raw: str, column: int) -> str:
    """A header's value: the rest of the line, or quoted text with escapes when it starts
    with a double quote."""
    if not raw.startswith('"'):
        return raw.strip()
    try:
        value, end = read_string(raw, 0)
    except SyntaxProblem as problem:
        raise SyntaxProblem(column + problem.column - 1, problem.message) from None
    rest = raw[end:]
    if rest.strip():
        extra = column + end + len(rest) - len(rest.lstrip())
        raise SyntaxProblem(extra, "expected the end of the line after the quoted text")
    return value


@builder
class _Reader:
    """Reads the whole text: the header lines, then the items, noting every problem.

    A line that cannot be read becomes a stand-in segment, so later items keep their numbers
    and validation still checks them; `stand_ins` lists what must not be validated.
    """

    default_name: str
    positions: Positions = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    stand_ins: set[tuple[ItemPath, str]] = field(default_factory=set)
    lines: list[ItemLine] = field(default_factory=list)
    index: int = 0
    name: str | None = None
    venue: Venue = Venue.ANY
    description: list[str] = field(default_factory=list)
    long_comment: bool = False

    def problem(self, line: int, column: int, message: str, path: ItemPath = ()) -> None:
        self.problems.append(Problem(Severity.ERROR, message, line, column, "", path))

    def header(self, number: int, key: str, raw: str, column: int) -> None:
        try:
            value = _header_value(raw, column)
        except SyntaxProblem as problem:
            self.problem(number, problem.column, problem.message)
            return
        self.positions.setdefault(((), key), Position(number, column))
        if key == "venue":
            try:
                self.venue = Venue(value.lower())
            except ValueError:
                self.problem(
                    number,
                    column,
                    f"expected a venue: track, treadmill or any; found {shown_text(value)}",
                )
            return
        limit = MAX_NAME if key == "name" else MAX_DESCRIPTION
        if (message := too_long(key, value, limit)) is not None:
            # Refused here, so no window ever has to show text that long.
            self.problem(number, column, message)
            self.stand_ins.add(((), key))
        elif key == "name":
            if self.name is not None:
                self.problem(number, 1, "the name is already given above; give it once")
            self.name = normal_name(value)
        else:
            self.description.append(value)

    def first_comment(self, number: int, raw: str) -> None:
        """The first line's comment names the template; one too long for a name describes it."""
        column = raw.index("#") + 1
        text = raw.strip()[1:].strip()
        if len(text) <= MAX_NAME:
            self.name = normal_name(text)
            self.positions[((), "name")] = Position(number, column)
        else:
            self.long_comment = True
            self.header(number, "description", text, column)

    def item_line(self, number: int, raw: str) -> None:
        indent = len(raw[: len(raw) - len(raw.lstrip())].expandtabs(4))
        if len(raw) > MAX_LINE_CHARS:
            error = SyntaxProblem(
                MAX_LINE_CHARS + 1,
                f"this line is {len(raw)} characters long; a line can hold at most "
                f"{MAX_LINE_CHARS}: split it over several lines",
            )
            self.lines.append(ItemLine(number, indent, error=error))
            return
        try:
            self.lines.append(ItemLine(number, indent, tuple(tokenize(raw))))
        except SyntaxProblem as problem:
            self.lines.append(ItemLine(number, indent, error=problem))

    def scan(self, text: str) -> None:
        body_started = False
        seen_anything = False
        for number, raw in enumerate(text.split("\n"), start=1):
            raw = raw.removesuffix("\r")
            stripped = raw.strip()
            if not stripped:
                continue
            if not seen_anything and stripped.startswith("#"):
                seen_anything = True
                self.first_comment(number, raw)
                continue
            seen_anything = True
            if stripped.startswith("#"):
                continue
            header = _HEADER.match(stripped)
            if header is not None:
                key = header[1].lower()
                column = len(raw) - len(raw.lstrip()) + header.start(2) + 1
                if body_started:
                    self.problem(
                        number, 1, f'the "{key}:" line belongs at the top, before the first segment'
                    )
                else:
                    self.header(number, key, header[2], column)
                continue
            body_started = True
            self.item_line(number, raw)

    def skip_deeper(self, indent: int) -> None:
        while self.index < len(self.lines) and self.lines[self.index].indent > indent:
            self.index += 1

    def block(self, indent: int, parent: ItemPath) -> tuple[Item, ...]:
        items: list[Item] = []
        while self.index < len(self.lines):
            line = self.lines[self.index]
            if line.indent < indent:
                break
            if line.indent > indent:
                self.problem(
                    line.number,
                    1,
                    "unexpected indentation: line this up with the segment above it, or put "
                    "a repeat such as 6x before it",
                )
                self.skip_deeper(indent)
                continue
            path = (*parent, len(items))
            self.index += 1
            try:
                item, opens_block = line_item(line, path, self.positions)
            except SyntaxProblem as problem:
                self.problem(line.number, problem.column, problem.message, path)
                self.stand_ins.add((path, ""))
                self.positions.setdefault((path, ""), Position(line.number, line.indent + 1))
                items.append(Segment(SegmentKind.WALK, Length.seconds(0)))
                self.skip_deeper(indent)
                continue
            if opens_block and isinstance(item, Repeat):
                following = self.lines[self.index] if self.index < len(self.lines) else None
                if following is not None and following.indent > indent:
                    if len(path) >= MAX_READ_DEPTH:
                        self.nested_too_deeply(line, path)
                        items.append(Segment(SegmentKind.WALK, Length.seconds(0)))
                        self.skip_deeper(indent)
                        continue
                    item = Repeat(item.count, self.block(following.indent, path))
            items.append(item)
        return tuple(items)

    def nested_too_deeply(self, line: ItemLine, path: ItemPath) -> None:
        self.problem(
            line.number,
            line.indent + 1,
            f"repeats are nested far too deeply to read (more than {MAX_READ_DEPTH} levels); "
            f"they can sit at most {MAX_DEPTH} deep",
            path,
        )
        self.stand_ins.add((path, ""))

    def template(self, text: str) -> Template:
        self.scan(text)
        items = self.block(self.lines[0].indent if self.lines else 0, ())
        name = self.name
        if name is None and ((), "name") not in self.stand_ins:
            name = normal_name(self.default_name)
            if not name:
                hint = (
                    f" (the first comment is longer than a name can be, {MAX_NAME} characters, "
                    "so it is the description)"
                    if self.long_comment
                    else ""
                )
                self.problem(
                    1, 1, f'expected the name on the first line, as in "# My session"{hint}'
                )
                self.stand_ins.add(((), "name"))
        return Template(name or "", items, "\n".join(self.description), self.venue)


def read_template_text(
    text: str, default_name: str = "", settings: Settings | None = None
) -> TemplateReading:
    """Read the text syntax into a template with every problem found; never raises for bad
    text. `default_name` names a text that has no "# name" line (an imported file's name).
    A leading byte-order mark is allowed; text over MAX_TEXT_CHARS is refused unread."""
    text = text.removeprefix(BOM)
    if len(text) > MAX_TEXT_CHARS:
        message = (
            f"the text holds {len(text)} characters; a template can hold at most "
            f"{MAX_TEXT_CHARS}, so it is not read"
        )
        return TemplateReading(None, (Problem(Severity.ERROR, message, 1, 1),))
    reader = _Reader(default_name)
    template = reader.template(text)
    located = SourceMap(reader.positions)
    checked = [
        problem
        for problem in validate_template(template, settings, located)
        if not hidden_by_stand_in(problem, reader.stand_ins)
    ]
    problems = in_reading_order(reader.problems + checked)
    return TemplateReading(None if reader.problems else template, problems)


def parse_template_text(
    text: str,
    default_name: str = "",
    source: str | None = None,
    settings: Settings | None = None,
) -> Template:
    """A usable template from the text syntax; raises TemplateError with every error found."""
    reading = read_template_text(text, default_name, settings)
    if reading.template is None or reading.errors:
        raise TemplateError(list(reading.errors), source)
    return reading.template


def length_in_syntax(length: Length) -> str:
    """ "15 steps", "45s", "2m", "1m30s", "100 metres", "open", "open max 2m": how the text
    syntax writes a length."""
    amount = length.amount
    if length.is_steps:
        return f"{amount} step" if amount == 1 else f"{amount} steps"
    if length.ends_on_press:
        written = "open" if length.is_open else f"{amount} {'metre' if amount == 1 else 'metres'}"
        if length.cap_s is None:
            return written
        return f"{written} max {seconds_in_syntax(length.cap_s)}"
    return seconds_in_syntax(amount)


def seconds_in_syntax(amount: int) -> str:
    """ "45s", "2m", "1m30s": how the text syntax writes a number of seconds."""
    minutes, seconds = divmod(amount, 60)
    if amount < 60:
        return f"{amount}s"
    return f"{minutes}m" if seconds == 0 else f"{minutes}m{seconds}s"


def _plain(text: str) -> bool:
    """Text that reads back unchanged without quotes on a header line."""
    return bool(text) and text == text.strip() and text.isprintable() and text[0] != '"'


def _item_lines(item: Item, depth: int) -> list[str]:
    pad = INDENT * depth
    if isinstance(item, Repeat):
        if not item.items:
            return [f"{pad}{item.count}x ()"]
        lines = [f"{pad}{item.count}x"]
        for child in item.items:
            lines += _item_lines(child, depth + 1)
        return lines
    line = f"{pad}{length_in_syntax(item.length)} {kind_name(item.kind)}"
    if item.label:
        line += f" {quote(item.label)}"
    if item.note:
        line += f" note {quote(item.note)}"
    for prompt in item.prompts:
        line += f" at {length_in_syntax(Length.seconds(prompt.offset_s))} {quote(prompt.text)}"
    return [line]


def format_template_text(template: Template) -> str:
    """The template in the text syntax; read_template_text reads it back unchanged."""
    name = template.name
    lines = [f"# {name}" if _plain(name) and not name.startswith("#") else f"name: {quote(name)}"]
    lines.append(f"venue: {template.venue.value}")
    if template.description:
        for part in template.description.split("\n"):
            lines.append(f"description: {part if _plain(part) else quote(part)}")
    lines.append("")
    for item in template.items:
        lines += _item_lines(item, 0)
    return "\n".join(lines) + "\n"
