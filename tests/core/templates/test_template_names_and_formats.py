"""Kind names and aliases, telling the two formats apart, and free names for copies and imports."""

from __future__ import annotations

import pytest

from retrotimer.core.model import SegmentKind
from retrotimer.core.templates.builtin_templates import BUILTIN_TEMPLATES
from retrotimer.core.templates.kind_names import KIND_NAMES, closest_kind, kind_from_name, normalise
from retrotimer.core.templates.library import (
    ImportedTemplate,
    NameTaken,
    ReadOnlyTemplate,
    TemplateNotFound,
    free_name,
    same_name,
)
from retrotimer.core.templates.template_formats import (
    TemplateFormat,
    detect_format,
    read_template,
    write_template,
)


def test_every_kind_has_a_name_that_reads_back() -> None:
    assert set(KIND_NAMES) == set(SegmentKind)
    for kind, name in KIND_NAMES.items():
        assert kind_from_name(name) is kind
        assert kind_from_name(kind.value) is kind


def test_names_are_normalised() -> None:
    assert normalise("  Warm-Up__walk ") == "warm up walk"
    assert kind_from_name("RETRO   Jog") is SegmentKind.BACKWARD_JOG
    assert kind_from_name("moonwalk") is None


def test_close_misspellings_are_recognised_and_far_ones_are_not() -> None:
    assert closest_kind("backwrd jog") is SegmentKind.BACKWARD_JOG
    assert closest_kind("cooldwn") is SegmentKind.COOLDOWN
    assert closest_kind("swim") is None
    assert closest_kind("walk " * 10_000) is None


def test_same_name_and_free_name_ignore_spaces_around_a_name() -> None:
    assert same_name(" Tuesday", "tuesday ")
    assert free_name(" Tuesday ", {"tuesday"}) == "Tuesday (2)"


@pytest.mark.parametrize(
    ("text", "file_name", "expected"),
    [
        ("# T\n5m walk\n", "t.toml", TemplateFormat.TOML),
        ("format = 1\n", "t.txt", TemplateFormat.TEXT),
        ("format = 1\n", "t", TemplateFormat.TOML),
        ("\n[[segments]]\nkind = 'walk'\n", "", TemplateFormat.TOML),
        ("# T\n5m walk\n", "t.retro", TemplateFormat.TEXT),
        ("\ufeffformat = 1\n", "t", TemplateFormat.TOML),
        ("\ufeff# T\n5m walk\n", "t", TemplateFormat.TEXT),
    ],
)
def test_detect_format(text: str, file_name: str, expected: TemplateFormat) -> None:
    assert detect_format(text, file_name) is expected


@pytest.mark.parametrize("template_format", TemplateFormat)
def test_read_what_was_written_in_either_format(template_format: TemplateFormat) -> None:
    template = BUILTIN_TEMPLATES[1]
    text = write_template(template, template_format)
    assert read_template(text, f"x{template_format.suffix}").template == template
    assert read_template(text).template == template


def test_a_text_file_without_a_name_takes_the_default_name() -> None:
    reading = read_template("5m warmup\n", "jogs.txt", default_name="jogs")
    assert reading.template is not None and reading.template.name == "jogs"


def test_free_names() -> None:
    assert free_name("Jogs", set()) == "Jogs"
    assert free_name("Jogs", {"jogs", "jogs (2)"}) == "Jogs (3)"
    assert free_name("Jogs (2)", {"jogs (2)"}) == "Jogs (3)"
    long = "x" * 60
    assert free_name(long, {long}) == "x" * 56 + " (2)"
    assert same_name(" Jogs ", "JOGS")


def test_library_errors_read_well() -> None:
    assert str(TemplateNotFound("Jogs")) == 'There is no template named "Jogs".'
    assert "already used by a built-in template" in str(NameTaken("x", builtin=True))
    assert "duplicate it" in str(ReadOnlyTemplate("First steps backward"))
    assert ImportedTemplate("A (2)", "A", "/x").renamed
    assert not ImportedTemplate("A", "A", "/x").renamed
