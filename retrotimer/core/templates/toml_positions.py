"""Where keys and [[segments]] tables sit in template TOML, which tomllib does not tell."""

from __future__ import annotations

import re

from retrotimer.core.templates.validation import ItemPath, Position, SourceMap

_ARRAY_HEADER = re.compile(r"^(\s*)\[\[\s*([^\[\]]*?)\s*\]\]")
_TABLE_HEADER = re.compile(r"^(\s*)\[\s*([^\[\]]*?)\s*\]")
_KEY = re.compile(r"""^(\s*)(?:([A-Za-z0-9_-]+)|"([^"\\]*)"|'([^']*)')\s*=""")


def locate_toml(text: str) -> SourceMap:
    """Positions of each item ((path, "")) and each key ((path, key)) in a template file.

    It follows the layout the app writes and people copy: `[[segments]]` and
    `[[segments.segments]]` headers with one `key = value` per line. Keys written inside
    inline tables are not found; problems there point at the nearest table that was.
    """
    positions: dict[tuple[ItemPath, str], Position] = {}
    children: dict[ItemPath, int] = {}
    current: ItemPath | None = ()
    last: ItemPath = ()
    in_multiline: str | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        if in_multiline is not None:
            if line.count(in_multiline) % 2 == 1:
                in_multiline = None
            continue
        if (header := _ARRAY_HEADER.match(line)) is not None:
            parts = [part.strip() for part in header[2].split(".")]
            where = Position(number, len(header[1]) + 1)
            if all(part == "segments" for part in parts):
                parent = last[: len(parts) - 1]
                index = children.get(parent, 0)
                children[parent] = index + 1
                current = last = (*parent, index)
                positions.setdefault((current, ""), where)
            else:
                positions.setdefault(((), parts[0]), where)
                current = None
        elif (table := _TABLE_HEADER.match(line)) is not None:
            positions.setdefault(((), table[2].split(".")[0].strip()), Position(number, 1))
            current = None
        elif (key := _KEY.match(line)) is not None and current is not None:
            name = key[2] or key[3] or key[4] or ""
            positions.setdefault((current, name), Position(number, len(key[1]) + 1))
            rest = line[key.end() :]
            for quotes in ('"""', "'''"):
                if rest.count(quotes) % 2 == 1:
                    in_multiline = quotes
    return SourceMap(positions)
