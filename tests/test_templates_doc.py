"""docs/templates.md: its examples are real templates and its lists match the code."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from retrotimer.core.templates.builtin_templates import BUILTIN_TEMPLATES
from retrotimer.core.templates.kind_names import KIND_NAMES, kind_from_name
from retrotimer.core.templates.template_toml import read_template_toml, template_to_toml
from retrotimer.core.templates.text_syntax import read_template_text

DOC = Path(__file__).parent.parent / "docs" / "templates.md"


def blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", DOC.read_text(encoding="utf-8"), re.DOTALL)


def test_the_full_toml_example_uses_every_key_and_reads_without_problems() -> None:
    (example,) = blocks("toml")
    reading = read_template_toml(example)
    assert reading.ok and reading.problems == ()
    assert reading.template is not None
    for key in ("format", "name", "description", "venue", "repeat", "steps", "label", "note"):
        assert re.search(rf"^{key} = ", example, re.MULTILINE), key
    assert "[[segments.segments.segments]]" in example
    assert template_to_toml(reading.template) == example


@pytest.mark.parametrize("example", blocks("text"))
def test_text_examples_read_without_problems(example: str) -> None:
    reading = read_template_text(example)
    assert reading.ok and reading.problems == ()


def test_the_kinds_table_matches_the_code() -> None:
    rows = re.findall(r"^\| `(\w+)` \| `([^`]+)` \| (.*) \|$", DOC.read_text(), re.MULTILINE)
    assert {kind for kind, _, _ in rows} == {kind.value for kind in KIND_NAMES}
    for kind, name, aliases in rows:
        found = kind_from_name(kind)
        assert found is not None and KIND_NAMES[found] == name
        for alias in re.findall(r"`([^`]+)`", aliases):
            assert kind_from_name(alias) is kind_from_name(kind), alias


def test_every_built_in_is_in_the_table() -> None:
    text = DOC.read_text(encoding="utf-8")
    for template in BUILTIN_TEMPLATES:
        assert f"| {template.name} | {template.venue.value} |" in text
