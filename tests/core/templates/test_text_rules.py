"""The one check of names, labels and notes, and every way in that uses it: the two formats,
the editor's validation, saving, renaming and importing."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from retrotimer.core.model import Length, Segment, SegmentKind, Template
from retrotimer.core.templates.library import same_name
from retrotimer.core.templates.template_toml import read_template_toml, template_to_toml
from retrotimer.core.templates.text_rules import (
    MAX_NAME,
    char_name,
    is_refused,
    normal_name,
    shown_text,
    text_problems,
    visible,
)
from retrotimer.core.templates.text_syntax import format_template_text, read_template_text
from retrotimer.core.templates.validation import TemplateError, validate_template
from retrotimer.storage.paths import AppPaths
from retrotimer.storage.templates.template_store import TemplateStore
from tests.template_strategies import ODD_CHARACTERS

REFUSED = {
    "\x00": "U+0000 (NUL)",
    "\x1b": "U+001B (ESCAPE)",
    "\x7f": "U+007F (DELETE)",
    "\u202e": "U+202E (RIGHT-TO-LEFT OVERRIDE)",
    "\u2067": "U+2067 (RIGHT-TO-LEFT ISOLATE)",
    "\u200e": "U+200E (LEFT-TO-RIGHT MARK)",
    "\u200b": "U+200B (ZERO WIDTH SPACE)",
    "\ufeff": "U+FEFF (ZERO WIDTH NO-BREAK SPACE)",
    "\u2028": "U+2028 (LINE SEPARATOR)",
    "\ud800": "U+D800",
}
KEPT = ["Tuesday", "Späť vzad", "後ろ向き", "🏃\u200d♀️ back", "zig, zag", "نوروز\u200c"]


def walk(label: str | None = None, note: str | None = None) -> Segment:
    return Segment(SegmentKind.WALK, Length.seconds(30), label, note)


@pytest.mark.parametrize(("char", "named"), REFUSED.items(), ids=[*REFUSED.values()])
def test_invisible_characters_are_refused_and_named(char: str, named: str) -> None:
    assert is_refused(char)
    assert char_name(char) == named
    (message,) = text_problems("label", f"ab{char}c", 60)
    assert message == (
        f"the label holds {named} at character 3, which cannot be seen or spoken; remove it"
    )


@pytest.mark.parametrize("text", KEPT)
def test_real_words_in_any_script_are_kept(text: str) -> None:
    assert list(text_problems("name", text, MAX_NAME)) == []


def test_messages_show_at_most_a_line_of_text_with_hidden_characters_marked() -> None:
    assert visible("a\u202eb") == "a[U+202E]b"
    assert visible("x" * 1000) == "x" * 40 + "…"
    assert shown_text("\ufeff") == "U+FEFF (ZERO WIDTH NO-BREAK SPACE)"
    assert shown_text("walk") == '"walk"'


def test_spaces_around_a_name_are_not_part_of_it() -> None:
    assert normal_name("  Tuesday \t") == "Tuesday"
    assert same_name(" Tuesday", "tuesday ")


@pytest.mark.parametrize("char", [*REFUSED][:-1])  # a lone surrogate cannot be written to a file
@pytest.mark.parametrize("where", ["name", "label", "note"])
def test_every_format_refuses_the_same_characters_with_the_same_message(
    char: str, where: str
) -> None:
    template = Template(
        f"Tue{char}day" if where == "name" else "Tuesday",
        (
            walk(
                f"easy{char}" if where == "label" else None, f"r{char}" if where == "note" else None
            ),
        ),
    )
    expected = [p.message for p in validate_template(template) if p.is_error]
    assert len(expected) == 1 and REFUSED[char] in expected[0]
    for reading in (
        read_template_toml(template_to_toml(template)),
        read_template_text(format_template_text(template)),
    ):
        assert [p.message for p in reading.errors] == expected
        assert reading.errors[0].line is not None


@pytest.fixture
def store() -> TemplateStore:
    return TemplateStore.from_paths(AppPaths.from_environment().ensure())


def test_saving_and_renaming_refuse_invisible_characters(store: TemplateStore) -> None:
    store.save(Template("Tuesday", (walk(),)))
    with pytest.raises(TemplateError, match=r"U\+202E \(RIGHT-TO-LEFT OVERRIDE\)"):
        store.rename("Tuesday", "Tue\u202eday")
    with pytest.raises(TemplateError, match=r"U\+0000 \(NUL\)"):
        store.save(Template("Wednesday", (walk("\x00"),)))
    assert [stored.name for stored in store.listing().templates] == ["Tuesday"]


@pytest.mark.parametrize("suffix", [".toml", ".txt"])
def test_an_import_with_a_huge_name_is_refused_at_once(
    store: TemplateStore, tmp_path: Path, suffix: str
) -> None:
    template = Template("n" * 50_000, (walk(),))
    source = tmp_path / f"huge{suffix}"
    text = template_to_toml(template) if suffix == ".toml" else format_template_text(template)
    source.write_text(text, encoding="utf-8")
    started = time.perf_counter()
    with pytest.raises(TemplateError) as caught:
        store.import_file(source)
    assert time.perf_counter() - started < 5
    assert "50000 characters long; keep it to" in str(caught.value)
    assert len(str(caught.value)) < 500
    assert store.listing().templates == ()


@settings(max_examples=200, deadline=None)
@given(st.text(st.sampled_from([*ODD_CHARACTERS, "a", " ", "é", "界"]), max_size=20))
def test_a_text_is_refused_exactly_when_it_holds_a_refused_character(text: str) -> None:
    one_line = text.replace("\n", "").replace("\r", "")
    refused = any(is_refused(char) for char in one_line)
    assert bool(list(text_problems("label", one_line, 10**6))) == refused
    template = Template("T", (walk(one_line or None),))
    errors = [p for p in validate_template(template) if p.is_error]
    assert bool(errors) == refused


def test_pasted_free_text_loses_what_cannot_be_seen_but_keeps_its_lines() -> None:
    from retrotimer.core.templates.text_rules import cleaned_text

    assert cleaned_text("windy\tand \x1b[31mwet\u202e\nslipped\r\n") == (
        "windy and [31mwet\nslipped\r\n"
    )


def test_a_value_in_a_message_stays_short_and_shows_what_cannot_be_seen() -> None:
    from retrotimer.core.templates.text_rules import SHOWN_CHARS, shown_value

    assert shown_value("a\x1bb") == "'a\\x1bb'"
    assert shown_value("x" * 1000) == "'" + "x" * (SHOWN_CHARS - 1) + "…"
    assert shown_value({"k": [1]}) == "{'k': [1]}"
