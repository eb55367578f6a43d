"""Templates as TOML text (`format = 1`): parse into the model and write back out."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from typing import Any

from retrotimer.core.model import Item, Length, Repeat, Segment, SegmentKind, Template, Venue

FORMAT_VERSION = 1


class TemplateError(ValueError):
    """A template that cannot be used, with every problem found, each in words for the user."""

    def __init__(self, problems: list[str], source: str | None = None) -> None:
        self.problems = problems
        self.source = source
        prefix = f"{source}: " if source else ""
        super().__init__("\n".join(prefix + problem for problem in problems))


def _kind(value: Any, where: str) -> SegmentKind:
    try:
        return SegmentKind(value)
    except ValueError:
        names = ", ".join(kind.value for kind in SegmentKind)
        raise TemplateError(
            [f"{where}: unknown kind {value!r} (expected one of {names})"]
        ) from None


def _int(value: Any, where: str, field: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TemplateError([f"{where}: {field} must be a whole number, not {value!r}"])
    return value


def _item(data: Mapping[str, Any], where: str) -> Item:
    if "repeat" in data:
        count = _int(data["repeat"], where, "repeat")
        children = data.get("segments")
        if not isinstance(children, list):
            raise TemplateError([f"{where}: a repeat needs a list of segments"])
        return Repeat(count, _items(children, where))
    if "kind" not in data:
        raise TemplateError([f"{where}: a segment needs a kind (or a repeat count)"])
    kind = _kind(data["kind"], where)
    if ("seconds" in data) == ("steps" in data):
        raise TemplateError([f"{where}: give exactly one of seconds or steps"])
    length = (
        Length.seconds(_int(data["seconds"], where, "seconds"))
        if "seconds" in data
        else Length.steps(_int(data["steps"], where, "steps"))
    )
    label, note = data.get("label"), data.get("note")
    for field, value in (("label", label), ("note", note)):
        if value is not None and not isinstance(value, str):
            raise TemplateError([f"{where}: {field} must be text"])
    return Segment(kind, length, label or None, note or None)


def _items(entries: list[Any], where: str) -> tuple[Item, ...]:
    items: list[Item] = []
    for number, entry in enumerate(entries, start=1):
        here = f"{where} > segment {number}"
        if not isinstance(entry, dict):
            raise TemplateError([f"{here}: expected a table"])
        items.append(_item(entry, here))
    return tuple(items)


def template_from_mapping(data: Mapping[str, Any]) -> Template:
    """Build a template from parsed TOML; raises TemplateError with a readable message."""
    version = data.get("format")
    if version != FORMAT_VERSION:
        raise TemplateError(
            [f"format {version!r} is not supported by this version (expected format = 1)"]
        )
    name = data.get("name")
    if not isinstance(name, str) or not name.strip():
        raise TemplateError(["a template needs a name"])
    venue_text = data.get("venue", "any")
    try:
        venue = Venue(venue_text)
    except ValueError:
        raise TemplateError([f"unknown venue {venue_text!r} (track, treadmill or any)"]) from None
    segments = data.get("segments")
    if not isinstance(segments, list):
        raise TemplateError(["a template needs a list of [[segments]]"])
    description = data.get("description", "")
    if not isinstance(description, str):
        raise TemplateError(["description must be text"])
    return Template(name.strip(), _items(segments, "template"), description, venue)


def parse_template_toml(text: str, source: str | None = None) -> Template:
    """Parse TOML text into a template."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise TemplateError([f"not valid TOML: {error}"], source) from None
    try:
        return template_from_mapping(data)
    except TemplateError as error:
        raise TemplateError(error.problems, source) from None


def _quote(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


def _item_lines(item: Item, path: str) -> list[str]:
    lines = ["", f"[[{path}]]"]
    if isinstance(item, Repeat):
        lines.append(f"repeat = {item.count}")
        for child in item.items:
            lines += _item_lines(child, f"{path}.segments")
        return lines
    lines.append(f"kind = {_quote(item.kind.value)}")
    lines.append(f"{item.length.unit.value} = {item.length.amount}")
    if item.label:
        lines.append(f"label = {_quote(item.label)}")
    if item.note:
        lines.append(f"note = {_quote(item.note)}")
    return lines


def template_to_toml(template: Template) -> str:
    """TOML text for a template; parse_template_toml reads it back unchanged."""
    lines = [
        f"format = {FORMAT_VERSION}",
        f"name = {_quote(template.name)}",
        f"description = {_quote(template.description)}",
        f"venue = {_quote(template.venue.value)}",
    ]
    for item in template.items:
        lines += _item_lines(item, "segments")
    return "\n".join(lines) + "\n"
