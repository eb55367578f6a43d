"""docs/ARCHITECTURE.md: its map names every folder of the package and every top-level module."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).parent.parent
PACKAGE = ROOT / "retrotimer"
DOC = ROOT / "docs" / "ARCHITECTURE.md"


def the_map() -> list[str]:
    """The lines of the map's drawing, the first code block under "## The map"."""
    text = DOC.read_text(encoding="utf-8")
    section = text[text.index("## The map") :]
    match = re.search(r"```\n(.*?)```", section, re.DOTALL)
    assert match is not None, "the map has no drawing"
    return match.group(1).splitlines()


def mapped_folders(lines: list[str]) -> set[str]:
    """Folders as the drawing nests them: a line's leading `name/` words, under the nearest
    less indented folder line."""
    folders: set[str] = set()
    parents: list[tuple[int, str]] = []
    for line in lines:
        words = line.split()
        names = [word[:-1] for word in words if word.endswith("/") and word[:-1].isidentifier()]
        leading = names[: next((i for i, w in enumerate(words) if not w.endswith("/")), None)]
        if not leading:
            continue
        indent = len(line) - len(line.lstrip())
        while parents and parents[-1][0] >= indent:
            parents.pop()
        parent = parents[-1][1] if parents else ""
        for name in leading:
            folders.add(f"{parent}/{name}".lstrip("/"))
        parents.append((indent, f"{parent}/{leading[0]}".lstrip("/")))
    return folders


def package_folders() -> set[str]:
    return {
        "retrotimer/" + str(init.parent.relative_to(PACKAGE))
        for init in PACKAGE.rglob("__init__.py")
        if init.parent != PACKAGE
    } | {"retrotimer"}


def test_the_map_draws_every_folder_of_the_package() -> None:
    drawn = {folder for folder in mapped_folders(the_map()) if folder.startswith("retrotimer")}
    assert drawn == package_folders()


def test_the_map_names_every_top_level_module() -> None:
    drawing = "\n".join(the_map())
    modules = {path.name for path in PACKAGE.glob("*.py")} - {"__init__.py", "__main__.py"}
    assert {name for name in modules if name not in drawing} == set()


def test_the_folder_reading_follows_the_indentation() -> None:
    lines = ["top/", "  a/      words", "    b/    more", "  c/ d/   both", "  e.py     file"]
    assert mapped_folders(lines) == {"top", "top/a", "top/a/b", "top/c", "top/d"}
