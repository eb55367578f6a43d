"""Where weeks, sessions and their keys sit in a program file, which tomllib does not tell."""

from __future__ import annotations

import re

from retrotimer.core.templates.validation import Position
from retrotimer.core.value import builder, field, value

_HEADER = re.compile(r"^(\s*)(\[\[?)\s*([^\[\]]*?)\s*(\]\]?)")
_KEY = re.compile(r"""^(\s*)(?:([A-Za-z0-9_-]+)|"([^"\\]*)"|'([^']*)')\s*=\s*(.*)$""")
_SESSION_PREFIX = "weeks.sessions."
# Where keys belong: (week index, session index), None for "not inside one".
Scope = tuple[int | None, int | None]


@value
class SessionRegion:
    """The lines of one [[weeks.sessions]] table and everything under it (1-based, end
    exclusive)."""

    start: int
    end: int


@builder
class ProgramLayout:
    """Positions of keys by scope, of week and session headers, and each session's lines."""

    keys: dict[tuple[Scope, str], Position] = field(default_factory=dict)
    tables: dict[Scope, Position] = field(default_factory=dict)
    regions: dict[tuple[int, int], SessionRegion] = field(default_factory=dict)
    # The first line of a session's `text` value, when it is a string that starts there.
    text_starts: dict[tuple[int, int], int] = field(default_factory=dict)
    week_count: int = 0
    session_counts: list[int] = field(default_factory=list)

    def find(self, scope: Scope, key: str = "") -> Position | None:
        """The key's position, else its table's, else the enclosing week's."""
        found = self.keys.get((scope, key)) if key else None
        if found is None:
            found = self.tables.get(scope)
        if found is None and scope[1] is not None:
            found = self.tables.get((scope[0], None))
        return found


def _multiline_opened(rest: str) -> str | None:
    for quotes in ('"""', "'''"):
        if rest.count(quotes) % 2 == 1:
            return quotes
    return None


def locate_program(text: str) -> ProgramLayout:
    """Scan the layout the app writes and people copy: [[weeks]] and [[weeks.sessions]]
    headers with one `key = value` per line."""
    layout = ProgramLayout()
    lines = text.splitlines()
    scope: Scope | None = (None, None)
    open_region: tuple[tuple[int, int], int] | None = None
    in_multiline: str | None = None

    def close_region(number: int) -> None:
        nonlocal open_region
        if open_region is not None:
            where, start = open_region
            layout.regions[where] = SessionRegion(start, number)
            open_region = None

    for number, line in enumerate(lines, start=1):
        if in_multiline is not None:
            if line.count(in_multiline) % 2 == 1:
                in_multiline = None
            continue
        header = _HEADER.match(line)
        if header is not None and len(header[2]) == len(header[4]):
            name = ".".join(part.strip() for part in header[3].split("."))
            where = Position(number, len(header[1]) + 1)
            if header[2] == "[[" and name == "weeks":
                close_region(number)
                layout.week_count += 1
                layout.session_counts.append(0)
                scope = (layout.week_count - 1, None)
                layout.tables[scope] = where
            elif header[2] == "[[" and name == "weeks.sessions" and layout.week_count:
                close_region(number)
                week = layout.week_count - 1
                layout.session_counts[week] += 1
                scope = (week, layout.session_counts[week] - 1)
                layout.tables[scope] = where
                open_region = ((week, layout.session_counts[week] - 1), number)
            elif name.startswith(_SESSION_PREFIX) and open_region is not None:
                scope = None  # segments of a session: the template reader locates them
            else:
                close_region(number)
                scope = None
            continue
        key = _KEY.match(line)
        if key is not None and scope is not None:
            name = key[2] or key[3] or key[4] or ""
            layout.keys.setdefault((scope, name), Position(number, len(key[1]) + 1))
            rest = key[5]
            if name == "text" and scope[0] is not None and scope[1] is not None:
                starts_on_next = rest.strip() in ('"""', "'''")
                layout.text_starts[(scope[0], scope[1])] = number + 1 if starts_on_next else number
            in_multiline = _multiline_opened(rest)
    close_region(len(lines) + 1)
    return layout


def session_as_template_text(text: str, region: SessionRegion) -> str:
    """A session's lines as a template file with the same line numbers: the session header
    becomes `format = 1` and `[[weeks.sessions.segments]]` becomes `[[segments]]`."""
    lines = text.splitlines()[region.start - 1 : region.end - 1]
    out = ["format = 1"]
    in_multiline: str | None = None
    for line in lines[1:]:
        if in_multiline is not None:
            if line.count(in_multiline) % 2 == 1:
                in_multiline = None
            out.append(line)
            continue
        header = _HEADER.match(line)
        if header is not None and _SESSION_PREFIX in line[: header.end()]:
            line = line.replace(_SESSION_PREFIX, "", 1)
        elif (key := _KEY.match(line)) is not None:
            in_multiline = _multiline_opened(key[5])
        out.append(line)
    return "\n".join(out) + "\n"
