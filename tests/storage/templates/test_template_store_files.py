"""Template files on real disks: names of any width, read-only folders, names with spaces."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from retrotimer.core.templates.template_toml import template_to_toml
from retrotimer.core.templates.validation import MAX_NAME, validate_template
from retrotimer.storage.templates.template_store import MAX_STEM_BYTES, TemplateStore, file_stem
from retrotimer.storage.user_files import UserFileError
from tests.factories import named
from tests.storage.disk_faults import make_read_only, make_writable, small_disk

# The widest a character gets in UTF-8 (4 bytes): a CJK ideograph beyond the first plane.
WIDE = "\U00020000"


def valid_names() -> st.SearchStrategy[str]:
    return st.text(
        st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=MAX_NAME
    ).filter(lambda name: not any(p.is_error for p in validate_template(named(name))))


@settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=valid_names())
def test_every_valid_name_gets_a_file_name_the_file_system_takes(name: str, tmp_path: Path) -> None:
    stem = file_stem(name)
    assert stem.isascii() and 0 < len(stem) <= MAX_STEM_BYTES
    assert file_stem(name) == stem  # stable: the same name, the same file


@pytest.mark.parametrize(
    "name",
    [WIDE * MAX_NAME, "ü" * MAX_NAME, WIDE * 30 + "a" * 30, "日本語" * 20],
)
def test_a_long_name_of_wide_characters_is_saved_and_read_back(name: str, tmp_path: Path) -> None:
    store = TemplateStore(tmp_path / "templates", tmp_path / "trash")
    path = store.save(named(name))
    assert len(path.name.encode("utf-8")) <= MAX_STEM_BYTES + len(".toml")
    assert store.load(name) == named(name)
    # Two names alike in their first hundred bytes still get two files.
    other = store.save(named(name[:-1] + "x"))
    assert other != path and len(store.listing().templates) == 2
    trashed = store.delete(name)
    assert store.restore(trashed.trash_id) == name


def test_a_name_with_spaces_around_it_is_saved_without_them_and_not_taken(
    tmp_path: Path,
) -> None:
    store = TemplateStore(tmp_path / "templates", tmp_path / "trash")
    source = tmp_path / "spaced.toml"
    source.write_text(template_to_toml(named("  Tuesday ")), encoding="utf-8")
    imported = store.import_file(source)
    assert (imported.name, imported.renamed) == ("Tuesday", False)
    assert [stored.name for stored in store.listing().templates] == ["Tuesday"]
    again = store.import_file(source)
    assert (again.name, again.requested_name) == ("Tuesday (2)", "Tuesday")
    # Saved as typed, with a space in front: one name, compared one way everywhere.
    store.save(named(" Wednesday"))
    store.save(named("Wednesday  "), replacing=" Wednesday")
    assert store.duplicate(named(" Wednesday")).name == "Wednesday (2)"
    assert [stored.name for stored in store.listing().templates] == [
        "Tuesday",
        "Tuesday (2)",
        "Wednesday",
        "Wednesday (2)",
    ]


@pytest.mark.slow
def test_a_read_only_templates_folder_is_told_and_left_alone(tmp_path: Path) -> None:
    with small_disk(tmp_path / "disk") as disk:
        store = TemplateStore(disk / "templates", disk / "trash")
        store.save(named("Monday"))
        source = tmp_path / "tuesday.toml"
        source.write_text(template_to_toml(named("Tuesday")), encoding="utf-8")
        make_read_only(disk)
        try:
            with pytest.raises(UserFileError, match="the disk is read-only") as refused:
                store.import_file(source)
            with pytest.raises(UserFileError, match="the disk is read-only"):
                store.delete("Monday")
            assert str(disk) in str(refused.value)
            assert [stored.name for stored in store.listing().templates] == ["Monday"]
        finally:
            make_writable(disk)
