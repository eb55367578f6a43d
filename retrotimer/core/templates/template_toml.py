"""Templates as TOML text (`format = 1`): read into the model with located problems, and write."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from retrotimer.core.model import (
    Item,
    Length,
    Prompt,
    Repeat,
    Segment,
    SegmentKind,
    Template,
    Venue,
)
from retrotimer.core.templates.kind_names import closest_kind
from retrotimer.core.templates.text_rules import (
    MAX_DESCRIPTION,
    MAX_LABEL,
    MAX_NAME,
    MAX_NOTE,
    SHOWN_CHARS,
    normal_name,
    too_long,
)
from retrotimer.core.templates.toml_positions import locate_toml

# TemplateError is defined with the problems it carries, and still imported from here.
from retrotimer.core.templates.validation import (
    CAP_FIELD,
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
from retrotimer.core.toml_reading import TomlProblem, load_toml, without_bom
from retrotimer.core.value import builder, field

if TYPE_CHECKING:
    from retrotimer.core.settings import Settings

__all__ = [
    "FORMAT_VERSION",
    "TemplateError",
    "parse_template_toml",
    "read_template_toml",
    "template_from_mapping",
    "template_to_toml",
]

FORMAT_VERSION = 1
TOP_KEYS = ("format", "name", "description", "venue", "segments")
LENGTH_KEYS = ("seconds", "steps", "metres", "open")
SEGMENT_KEYS = ("kind", *LENGTH_KEYS, CAP_FIELD, "label", "note", "prompts")
PROMPT_KEYS = ("at", "text")
REPEAT_KEYS = ("repeat", "segments")
# A template file is never near this; the cap keeps a huge file from being read at all.
MAX_TOML_CHARS = 1_000_000
_LIMITS = {"name": MAX_NAME, "description": MAX_DESCRIPTION, "label": MAX_LABEL, "note": MAX_NOTE}
_KIND_VALUES = ", ".join(kind.value for kind in SegmentKind)


def _shown(value: Any) -> str:
    """A TOML value as the user wrote it, for messages, cut to a readable length (repr shows
    invisible characters as escapes)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return repr(value[:SHOWN_CHARS]) + ("…" if len(value) > SHOWN_CHARS else "")
    if isinstance(value, int) and abs(value) >= 10**15:
        return f"a number of {len(str(abs(value)))} digits"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "a list"
    return str(value)


@builder
class _Reader:
    """Builds a template from parsed TOML, noting every problem instead of stopping at one.

    A part that cannot be read is replaced by a stand-in so the items after it keep their
    numbers and validation can still look at the rest; `stand_ins` lists those parts as
    (path, field), with field "" for a whole item.
    """

    located: SourceMap
    problems: list[Problem] = field(default_factory=list)
    stand_ins: set[tuple[ItemPath, str]] = field(default_factory=set)

    def add(
        self,
        message: str,
        path: ItemPath = (),
        field_name: str = "",
        *,
        repeat: bool = False,
        severity: Severity = Severity.ERROR,
    ) -> None:
        position = self.located.find(path, field_name)
        noun = "repeat" if repeat else "segment"
        subject = f"{noun} {'.'.join(str(i + 1) for i in path)}" if path else ""
        self.problems.append(Problem.at(position, severity, message, field_name, path, subject))

    def stand_in(self, path: ItemPath, *field_names: str) -> None:
        self.stand_ins.update((path, field_name) for field_name in field_names)

    def unknown_keys(
        self, data: Mapping[str, Any], known: Sequence[str], path: ItemPath, repeat: bool
    ) -> None:
        for key in data:
            if key in known:
                continue
            import difflib  # for a file with a mistake only: not at every start

            close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            self.add(
                f"unknown key {_shown(key)} ignored{hint}",
                path,
                key,
                repeat=repeat,
                severity=Severity.WARNING,
            )

    def whole_number(self, value: Any, path: ItemPath, key: str, repeat: bool) -> int | None:
        if isinstance(value, bool) or not isinstance(value, int):
            example = {
                "repeat": "repeat = 6",
                "seconds": "seconds = 45",
                "steps": "steps = 15",
                "metres": "metres = 100",
                CAP_FIELD: f"{CAP_FIELD} = 120",
            }
            self.add(
                f"{key} must be a whole number, as in {example[key]}, not {_shown(value)}",
                path,
                key,
                repeat=repeat,
            )
            self.stand_in(path, key)
            return None
        return value

    def capped(self, key: str, value: str, path: ItemPath) -> str | None:
        """The text, or None (and the problem noted) when it is over its limit: text that long
        is refused here, before any window has to show it."""
        message = too_long(key, value, _LIMITS[key])
        if message is None:
            return value
        self.add(message, path, key)
        self.stand_in(path, key)
        return None

    def text(self, data: Mapping[str, Any], key: str, path: ItemPath) -> str | None:
        value = data.get(key)
        if value is None or isinstance(value, str):
            return self.capped(key, value, path) if value else None
        self.add(f"{key} must be text in quotes, as in {key} = '...'", path, key)
        self.stand_in(path, key)
        return None

    def items(self, entries: Any, parent: ItemPath, key_path: ItemPath) -> tuple[Item, ...]:
        if not isinstance(entries, list):
            header = "[[" + ".".join(["segments"] * (len(parent) + 1)) + "]]"
            self.add(
                f"segments must be a list of {header} tables, not {_shown(entries)}",
                key_path,
                "segments",
                repeat=bool(parent),
            )
            self.stand_in(key_path, "segments")
            return ()
        if len(parent) >= MAX_READ_DEPTH:
            self.add("repeats are nested far too deeply to read", parent, "", repeat=True)
            self.stand_in(parent, "")
            return ()
        return tuple(self.item(entry, (*parent, index)) for index, entry in enumerate(entries))

    def item(self, data: Any, path: ItemPath) -> Item:
        if not isinstance(data, dict):
            self.add(f"expected a table with a kind and seconds or steps, not {_shown(data)}", path)
            self.stand_in(path, "")
            return Segment(SegmentKind.WALK, Length.seconds(0))
        if "repeat" in data:
            return self.repeat(data, path)
        return self.segment(data, path)

    def repeat(self, data: Mapping[str, Any], path: ItemPath) -> Repeat:
        if "kind" in data:
            self.add(
                "a table is either a segment (kind with seconds or steps) or a repeat "
                "(repeat with its segments), not both",
                path,
                "kind",
                repeat=True,
            )
        self.unknown_keys(data, (*REPEAT_KEYS, "kind"), path, repeat=True)
        count = self.whole_number(data["repeat"], path, "repeat", repeat=True)
        children = self.items(data.get("segments", []), path, path)
        return Repeat(1 if count is None else count, children)

    def segment(self, data: Mapping[str, Any], path: ItemPath) -> Segment:
        self.unknown_keys(data, SEGMENT_KEYS, path, repeat=False)
        kind = self.kind(data, path)
        length = self.length(data, path)
        if length is None:
            self.stand_in(path, *LENGTH_KEYS)
        label, note = self.text(data, "label", path), self.text(data, "note", path)
        prompts = self.prompts(data.get("prompts", []), path)
        return Segment(kind or SegmentKind.WALK, length or Length.seconds(0), label, note, prompts)

    def prompts(self, entries: Any, path: ItemPath) -> tuple[Prompt, ...]:
        """The segment's timed prompts; one that cannot be read is left out, and said."""
        shape = "prompts = [{ at = 30, text = '...' }] (at: seconds into the segment)"
        if not isinstance(entries, list):
            self.add(f"prompts must be a list, as in {shape}", path, "prompts")
            self.stand_in(path, "prompts")
            return ()
        prompts: list[Prompt] = []
        for entry in entries:
            at = entry.get("at") if isinstance(entry, dict) else None
            text = entry.get("text") if isinstance(entry, dict) else None
            if isinstance(at, bool) or not isinstance(at, int) or not isinstance(text, str):
                self.add(
                    f"each prompt needs a whole number at and a text, as in {shape}",
                    path,
                    "prompts",
                )
                self.stand_in(path, "prompts")
                continue
            self.unknown_keys(entry, PROMPT_KEYS, path, repeat=False)
            prompts.append(Prompt(at, text))
        return tuple(prompts)

    def kind(self, data: Mapping[str, Any], path: ItemPath) -> SegmentKind | None:
        if "kind" not in data:
            self.add(
                "a segment needs a kind, as in kind = 'backward_walk' (or a repeat count, as "
                "in repeat = 6)",
                path,
            )
            self.stand_in(path, "kind")
            return None
        value = data["kind"]
        try:
            return SegmentKind(value)
        except ValueError:
            close = closest_kind(value) if isinstance(value, str) else None
            hint = f"; did you mean {close.value!r}?" if close else ""
            self.add(
                f"unknown kind {_shown(value)} (expected one of {_KIND_VALUES}){hint}",
                path,
                "kind",
            )
            self.stand_in(path, "kind")
            return None

    def length(self, data: Mapping[str, Any], path: ItemPath) -> Length | None:
        given = [key for key in LENGTH_KEYS if key in data]
        if len(given) > 1:
            self.add(
                f"give exactly one of seconds, steps, metres or open, not {' and '.join(given)}",
                path,
                given[-1],
            )
            return None
        if not given:
            self.add(
                "a segment needs a length: give exactly one of seconds, steps, metres or open, "
                "as in seconds = 30, steps = 15, metres = 100 or open = true",
                path,
            )
            return None
        key = given[0]
        cap = self.cap(data, path)
        if key == "open":
            if data["open"] is not True:
                self.add(f"open must be true, not {_shown(data['open'])}", path, "open")
                self.stand_in(path, "open")
                return None
            return Length.open(cap)
        amount = self.whole_number(data[key], path, key, repeat=False)
        if amount is None:
            return None
        if key == "metres":
            return Length.metres(amount, cap)
        length = Length.steps(amount) if key == "steps" else Length.seconds(amount)
        if cap is not None:
            self.add(
                f"{CAP_FIELD} is only for an open or distance segment (open = true or metres)",
                path,
                CAP_FIELD,
            )
        return length

    def cap(self, data: Mapping[str, Any], path: ItemPath) -> int | None:
        if CAP_FIELD not in data:
            return None
        return self.whole_number(data[CAP_FIELD], path, CAP_FIELD, repeat=False)

    def template(self, data: Mapping[str, Any]) -> Template:
        self.unknown_keys(data, TOP_KEYS, (), repeat=False)
        name = data.get("name")
        if not isinstance(name, str):
            message = "a template needs a name" if name is None else "name must be text"
            self.add(f"{message}, as in name = 'My session'", (), "name")
            self.stand_in((), "name")
            name = ""
        name = self.capped("name", normal_name(name), ()) or ""
        description = data.get("description", "")
        if not isinstance(description, str):
            self.add(
                "description must be text in quotes, as in description = '...'", (), "description"
            )
            description = ""
        description = self.capped("description", description, ()) or ""
        venue_value = data.get("venue", Venue.ANY.value)
        try:
            venue = Venue(venue_value)
        except ValueError:
            self.add(f"unknown venue {_shown(venue_value)} (track, treadmill or any)", (), "venue")
            venue = Venue.ANY
        items = self.items(data.get("segments", []), (), ())
        return Template(name, items, description, venue)


def format_refusal(
    version: Any, expected: int, what: str, position: Position | None
) -> Problem | None:
    """A refusal when a file's `format` is not `expected`, the one this version reads
    (reading further would be a guess); None when it is. `what` names the kind of file."""
    if version == expected and not isinstance(version, bool):
        return None
    if version is None:
        message = f"the file does not say its {what} format; add format = {expected}"
    else:
        message = (
            f"format {_shown(version)} is not supported by this version of RetroTimer (it "
            f"reads format = {expected}); the file is left as it is"
        )
    return Problem.at(position, Severity.ERROR, message, "format")


def open_toml(text: str, max_chars: int, what: str) -> dict[str, Any] | Problem:
    """The TOML document in `text` (its BOM already gone), or the problem that stops it being
    read: more than `max_chars` characters, or TOML that cannot be parsed (located)."""
    if len(text) > max_chars:
        return Problem(
            Severity.ERROR,
            f"the file holds {len(text)} characters; {what} can hold at most {max_chars}, "
            "so it is not read",
        )
    try:
        return load_toml(text)
    except TomlProblem as problem:
        return Problem(Severity.ERROR, problem.message, problem.line, problem.column)


def read_template_toml(text: str, settings: Settings | None = None) -> TemplateReading:
    """Read TOML text into a template with every problem found; never raises for bad content.
    A leading byte-order mark is allowed; text over MAX_TOML_CHARS is refused unread."""
    text = without_bom(text)
    data = open_toml(text, MAX_TOML_CHARS, "a template file")
    if isinstance(data, Problem):
        return TemplateReading(None, (data,))
    located = locate_toml(text)
    refused = format_refusal(
        data.get("format"), FORMAT_VERSION, "template", located.find((), "format")
    )
    if refused is not None:
        return TemplateReading(None, (refused,))
    reader = _Reader(located)
    template = reader.template(data)
    checked = [
        problem
        for problem in validate_template(template, settings, located)
        if not hidden_by_stand_in(problem, reader.stand_ins)
    ]
    problems = in_reading_order(reader.problems + checked)
    broken = any(p.is_error for p in reader.problems)
    return TemplateReading(None if broken else template, problems)


def template_from_mapping(data: Mapping[str, Any]) -> Template:
    """Build a template from parsed TOML; raises TemplateError with every error found."""
    located = SourceMap()
    refused = format_refusal(
        data.get("format"), FORMAT_VERSION, "template", located.find((), "format")
    )
    if refused is not None:
        raise TemplateError([refused])
    reader = _Reader(located)
    template = reader.template(data)
    errors = [p for p in reader.problems if p.is_error]
    errors += [
        p
        for p in validate_template(template)
        if p.is_error and not hidden_by_stand_in(p, reader.stand_ins)
    ]
    if errors:
        raise TemplateError(errors)
    return template


def parse_template_toml(
    text: str, source: str | None = None, settings: Settings | None = None
) -> Template:
    """Parse TOML text into a usable template; raises TemplateError with every error found."""
    reading = read_template_toml(text, settings)
    if reading.template is None or reading.errors:
        raise TemplateError(list(reading.errors), source)
    return reading.template


def toml_string(text: str) -> str:
    """A TOML basic string; control characters are escaped, as TOML requires."""
    out = []
    for char in text:
        if char == "\\":
            out.append("\\\\")
        elif char == '"':
            out.append('\\"')
        elif char == "\n":
            out.append("\\n")
        elif char == "\t":
            out.append("\\t")
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def _item_lines(item: Item, path: str) -> list[str]:
    lines = ["", f"[[{path}]]"]
    if isinstance(item, Repeat):
        lines.append(f"repeat = {item.count}")
        for child in item.items:
            lines += _item_lines(child, f"{path}.segments")
        return lines
    lines.append(f"kind = {toml_string(item.kind.value)}")
    length = item.length
    if length.is_open:
        lines.append("open = true")
    else:
        lines.append(f"{length.unit.value} = {length.amount}")
    if length.cap_s is not None:
        lines.append(f"{CAP_FIELD} = {length.cap_s}")
    if item.label:
        lines.append(f"label = {toml_string(item.label)}")
    if item.note:
        lines.append(f"note = {toml_string(item.note)}")
    if item.prompts:
        lines.append("prompts = [")
        lines += [
            f"  {{ at = {prompt.offset_s}, text = {toml_string(prompt.text)} }},"
            for prompt in item.prompts
        ]
        lines.append("]")
    return lines


def template_to_toml(template: Template) -> str:
    """TOML text for a template; read_template_toml reads it back unchanged."""
    lines = [
        f"format = {FORMAT_VERSION}",
        f"name = {toml_string(template.name)}",
        f"description = {toml_string(template.description)}",
        f"venue = {toml_string(template.venue.value)}",
    ]
    if not template.items:
        lines.append("segments = []")
    for item in template.items:
        lines += _item_lines(item, "segments")
    return "\n".join(lines) + "\n"
