"""The library the GUI uses: built-ins read-only, user templates, bad files, import and export."""

from __future__ import annotations

from pathlib import Path

import pytest

from retrotimer.core.model import Template
from retrotimer.core.templates.builtin_templates import BUILTIN_TEMPLATES
from retrotimer.core.templates.library import (
    LibraryError,
    ReadOnlyTemplate,
    TemplateNotFound,
    TemplateOrigin,
)
from retrotimer.core.templates.template_formats import TemplateFormat
from retrotimer.core.templates.template_toml import parse_template_toml
from retrotimer.core.templates.text_syntax import parse_template_text
from retrotimer.storage.paths import AppPaths
from retrotimer.storage.templates.template_library import TemplateLibrary
from tests.factories import named


@pytest.fixture
def library() -> TemplateLibrary:
    return TemplateLibrary.from_paths(AppPaths.from_environment())


def test_a_new_library_holds_the_built_ins_read_only(library: TemplateLibrary) -> None:
    entries = library.entries()
    assert [e.name for e in entries] == [t.name for t in BUILTIN_TEMPLATES]
    assert all(e.read_only and e.usable and e.origin is TemplateOrigin.BUILTIN for e in entries)


def test_entries_list_built_ins_then_user_templates_then_bad_files(
    library: TemplateLibrary,
) -> None:
    library.save(named("Zigzag"))
    library.save(named("alpha"))
    library.store.directory.joinpath("broken.toml").write_text("format = 3\n", encoding="utf-8")
    entries = library.entries()[len(BUILTIN_TEMPLATES) :]
    assert [(e.name, e.origin, e.usable, e.read_only) for e in entries] == [
        ("alpha", TemplateOrigin.USER, True, False),
        ("Zigzag", TemplateOrigin.USER, True, False),
        ("broken.toml", TemplateOrigin.USER, False, False),
    ]
    bad = entries[-1]
    assert bad.location == str(library.store.directory / "broken.toml")
    assert [(p.line, p.field) for p in bad.problems] == [(1, "format")]


def test_get_finds_built_ins_and_user_templates_by_name(library: TemplateLibrary) -> None:
    library.save(named("Jogs"))
    assert library.get("first steps backward") is BUILTIN_TEMPLATES[0]
    assert library.get("jogs") == named("Jogs")
    with pytest.raises(TemplateNotFound, match='no template named "Nope"'):
        library.get("Nope")


def test_duplicating_a_built_in_makes_an_editable_user_copy(library: TemplateLibrary) -> None:
    copy = library.duplicate("Short backward jogs")
    assert copy.name == "Short backward jogs (2)"
    assert copy.items == BUILTIN_TEMPLATES[1].items
    assert copy.description == BUILTIN_TEMPLATES[1].description
    entry = next(e for e in library.entries() if e.name == copy.name)
    assert entry.origin is TemplateOrigin.USER and not entry.read_only
    edited = Template(copy.name, copy.items[:2], copy.description, copy.venue)
    library.save(edited, replacing=copy.name)
    assert library.get(copy.name) == edited
    assert library.get("Short backward jogs") is BUILTIN_TEMPLATES[1]
    assert library.duplicate("Short backward jogs").name == "Short backward jogs (3)"


def test_built_ins_cannot_be_changed(library: TemplateLibrary) -> None:
    name = BUILTIN_TEMPLATES[0].name
    with pytest.raises(ReadOnlyTemplate, match="duplicate it"):
        library.save(BUILTIN_TEMPLATES[0], replacing=name)
    with pytest.raises(ReadOnlyTemplate):
        library.rename(name, "Mine")
    with pytest.raises(ReadOnlyTemplate):
        library.delete(name)
    assert library.store.listing().templates == ()


def test_rename_delete_and_restore_through_the_library(library: TemplateLibrary) -> None:
    library.save(named("Jogs"))
    library.rename("Jogs", "Evening jogs")
    trashed = library.delete("Evening jogs")
    assert [t.name for t in library.trash()] == ["Evening jogs"]
    assert library.restore(trashed.trash_id) == "Evening jogs"
    assert library.get("Evening jogs") == named("Evening jogs")


@pytest.mark.parametrize("template_format", TemplateFormat)
def test_export_writes_either_format_and_import_reads_it_back(
    library: TemplateLibrary, tmp_path: Path, template_format: TemplateFormat
) -> None:
    target = tmp_path / f"out{template_format.suffix}"
    library.export_file("Backward sprints", str(target), template_format)
    text = target.read_text(encoding="utf-8")
    parse = parse_template_toml if template_format is TemplateFormat.TOML else parse_template_text
    assert parse(text) == BUILTIN_TEMPLATES[-1]
    imported = library.import_file(str(target))
    assert imported.name == "Backward sprints (2)" and imported.renamed


def test_export_never_replaces_a_file_unless_told(library: TemplateLibrary, tmp_path: Path) -> None:
    target = tmp_path / "keep.toml"
    target.write_text("precious", encoding="utf-8")
    with pytest.raises(LibraryError, match="already exists; it was left as it is"):
        library.export_file("Backward sprints", target, TemplateFormat.TOML)
    assert target.read_text(encoding="utf-8") == "precious"
    library.export_file("Backward sprints", target, TemplateFormat.TOML, overwrite=True)
    assert parse_template_toml(target.read_text(encoding="utf-8")) == BUILTIN_TEMPLATES[-1]
