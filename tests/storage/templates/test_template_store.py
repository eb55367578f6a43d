"""The template store on real files: save, rename, duplicate, trash, import, and bad files."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from retrotimer.core.file_names import text_digest
from retrotimer.core.templates.builtin_templates import BUILTIN_TEMPLATES
from retrotimer.core.templates.library import NameTaken, TemplateNotFound
from retrotimer.core.templates.template_toml import parse_template_toml, template_to_toml
from retrotimer.core.templates.text_syntax import format_template_text
from retrotimer.core.templates.validation import TemplateError
from retrotimer.core.value import replace
from retrotimer.storage.paths import AppPaths
from retrotimer.storage.templates.template_files import MAX_FILE_BYTES
from retrotimer.storage.templates.template_store import TemplateStore, file_stem
from tests.factories import first_steps, named


@pytest.fixture
def paths() -> AppPaths:
    return AppPaths.from_environment()


@pytest.fixture
def store(paths: AppPaths) -> TemplateStore:
    return TemplateStore.from_paths(paths, (t.name for t in BUILTIN_TEMPLATES))


def snapshot(directory: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(directory.iterdir())}


def test_save_writes_one_readable_toml_file_per_template(store: TemplateStore) -> None:
    path = store.save(first_steps())
    assert path == store.directory / "first-steps.toml"
    assert parse_template_toml(path.read_text(encoding="utf-8")) == first_steps()
    store.save(named("Hill #2 / fast"))
    assert sorted(p.name for p in store.directory.iterdir()) == [
        "first-steps.toml",
        "hill-2-fast.toml",
    ]
    assert [t.name for t in store.listing().templates] == ["First steps", "Hill #2 / fast"]
    assert store.load("FIRST STEPS") == first_steps()


def test_file_stems_are_safe() -> None:
    assert file_stem("Short jogs #2") == "short-jogs-2"
    assert file_stem("../../etc/passwd") == "etc-passwd"
    assert file_stem("???") == "template"
    assert file_stem("CON") == "con-template"
    assert file_stem("Rückwärts") == "ruckwarts"
    # No ASCII form: a stable hash tells such names apart.
    assert file_stem("火曜日") == f"template-{text_digest('火曜日')}"
    assert file_stem("Lauf 火曜日") == f"lauf-{text_digest('lauf 火曜日')}"
    assert file_stem("火曜日") != file_stem("水曜日")


def test_an_invalid_template_is_refused_and_nothing_is_written(store: TemplateStore) -> None:
    with pytest.raises(TemplateError, match="a segment needs a length"):
        store.save(named("Zero", seconds=0))
    assert not store.directory.exists() or not list(store.directory.iterdir())


def test_a_name_in_use_is_never_overwritten(store: TemplateStore) -> None:
    first = store.save(named("Jogs", 60))
    before = first.read_bytes()
    with pytest.raises(NameTaken, match='"jogs" is already used by another template'):
        store.save(named("jogs", 90))
    assert first.read_bytes() == before
    store.save(named("Jogs", 90), replacing="Jogs")
    assert store.load("Jogs") == named("Jogs", 90)
    assert [p.name for p in store.directory.iterdir()] == ["jogs.toml"]


def test_built_in_names_are_reserved(store: TemplateStore) -> None:
    with pytest.raises(NameTaken, match="built-in template"):
        store.save(named("first steps BACKWARD"))


def test_replacing_a_template_that_is_gone_is_an_error(store: TemplateStore) -> None:
    with pytest.raises(TemplateNotFound):
        store.save(named("Jogs"), replacing="Nothing")


def test_rename(store: TemplateStore) -> None:
    store.save(named("Jogs"))
    store.save(named("Sprints"))
    path = store.rename("Jogs", "Tuesday jogs")
    assert path.name == "tuesday-jogs.toml"
    assert not (store.directory / "jogs.toml").exists()
    assert store.load("Tuesday jogs") == named("Tuesday jogs")
    with pytest.raises(NameTaken):
        store.rename("Tuesday jogs", "sprints")
    assert store.load("Tuesday jogs") == named("Tuesday jogs")
    assert store.rename("Tuesday jogs", "TUESDAY JOGS").name == "tuesday-jogs.toml"
    assert [t.name for t in store.listing().templates] == ["Sprints", "TUESDAY JOGS"]


def test_duplicate_gets_the_first_free_name_as_an_import_does(
    store: TemplateStore, tmp_path: Path
) -> None:
    store.save(named("Jogs"))
    assert store.duplicate(named("Jogs")).name == "Jogs (2)"
    assert store.duplicate(named("Jogs (2)")).name == "Jogs (3)"
    assert store.duplicate(named("Jogs"), "Mine").name == "Mine"
    source = tmp_path / "jogs.toml"
    source.write_text(template_to_toml(named("Jogs")), encoding="utf-8")
    assert store.import_file(source).name == "Jogs (4)"
    assert [t.name for t in store.listing().templates] == [
        "Jogs",
        "Jogs (2)",
        "Jogs (3)",
        "Jogs (4)",
        "Mine",
    ]


def test_delete_moves_to_the_trash_and_restore_brings_it_back(store: TemplateStore) -> None:
    path = store.save(first_steps())
    content = path.read_bytes()
    trashed = store.delete("first steps")
    assert not path.exists()
    assert store.find("First steps") is None
    assert Path(trashed.location).read_bytes() == content
    assert store.trash() == (trashed,)
    assert store.restore(trashed.trash_id) == "First steps"
    assert store.load("First steps") == first_steps()
    assert path.read_bytes() == content
    assert store.trash() == ()


def test_restore_gets_a_suffix_when_the_name_was_taken_again(store: TemplateStore) -> None:
    store.save(named("Jogs", 60))
    trashed = store.delete("Jogs")
    store.save(named("Jogs", 90))
    assert store.restore(trashed.trash_id) == "Jogs (2)"
    assert store.load("Jogs") == named("Jogs", 90)
    assert store.load("Jogs (2)") == named("Jogs (2)", 60)


def test_deleting_twice_keeps_both_in_the_trash(store: TemplateStore) -> None:
    store.save(named("Jogs", 60))
    first = store.delete("Jogs")
    store.save(named("Jogs", 90))
    second = store.delete("Jogs")
    assert first.trash_id != second.trash_id
    assert len(store.trash()) == 2
    with pytest.raises(TemplateNotFound):
        store.delete("Jogs")
    with pytest.raises(TemplateNotFound):
        store.restore("no-such-file.toml")


def test_import_toml_and_text_and_collisions_get_a_suffix(
    store: TemplateStore, tmp_path: Path
) -> None:
    toml_file = tmp_path / "jogs.toml"
    toml_file.write_text(template_to_toml(named("Jogs", 60)), encoding="utf-8")
    text_file = tmp_path / "jogs.txt"
    text_file.write_text(format_template_text(named("Jogs", 90)), encoding="utf-8")

    first = store.import_file(toml_file)
    assert (first.name, first.renamed) == ("Jogs", False)
    second = store.import_file(text_file)
    assert (second.name, second.requested_name, second.renamed) == ("Jogs (2)", "Jogs", True)
    third = store.import_file(toml_file)
    assert third.name == "Jogs (3)"
    assert store.load("Jogs") == named("Jogs", 60)
    assert store.load("Jogs (2)") == named("Jogs (2)", 90)
    builtin = tmp_path / "builtin.toml"
    builtin.write_text(template_to_toml(BUILTIN_TEMPLATES[0]), encoding="utf-8")
    assert store.import_file(builtin).name == "First steps backward (2)"


def test_a_text_file_without_a_name_is_named_after_the_file(
    store: TemplateStore, tmp_path: Path
) -> None:
    source = tmp_path / "tuesday.txt"
    source.write_text("5m warmup\n6x (15 steps retro walk, 30s walk)\n", encoding="utf-8")
    assert store.import_file(source).name == "tuesday"


def test_a_bad_import_names_the_file_and_line_and_writes_nothing(
    store: TemplateStore, tmp_path: Path
) -> None:
    source = tmp_path / "bad.txt"
    source.write_text("# Bad\n5m warmup\n20 stps walk\n", encoding="utf-8")
    with pytest.raises(TemplateError) as caught:
        store.import_file(source)
    assert str(caught.value) == (
        f'{source}:3:4: error: expected a unit after "20": s, m, steps or metres; found "stps"'
    )
    assert store.listing().templates == ()
    with pytest.raises(TemplateError, match="cannot read the file"):
        store.import_file(tmp_path / "missing.toml")


BAD_FILES = {
    "broken.toml": b'format = 1\nname = "x\n',
    "future.toml": b'format = 2\nname = "From the future"\n',
    "binary.toml": b"\xff\xfe\x00format = 1",
    "kind.toml": b"format = 1\nname = 'Kind'\n\n[[segments]]\nkind = 'moonwalk'\nseconds = 5\n",
}


def test_bad_files_are_reported_with_path_line_and_field_skipped_and_never_written(
    store: TemplateStore,
) -> None:
    store.directory.mkdir(parents=True)
    for name, content in BAD_FILES.items():
        (store.directory / name).write_bytes(content)
    (store.directory / "huge.toml").write_bytes(b"#" * (MAX_FILE_BYTES + 1))
    store.save(named("Good"))
    before = snapshot(store.directory)

    listing = store.listing()
    assert [t.name for t in listing.templates] == ["Good"]
    messages = {bad.path.name: bad.messages() for bad in listing.bad_files}
    directory = store.directory
    assert messages == {
        "binary.toml": [
            f"{directory / 'binary.toml'}:1:1: error: the file is not UTF-8 text: this "
            "character cannot be read; save the file as UTF-8"
        ],
        "broken.toml": [
            f"{directory / 'broken.toml'}:2:10: error: not valid TOML: illegal character '\\n'",
        ],
        "future.toml": [
            f"{directory / 'future.toml'}:1:1: error: format 2 is not supported by this "
            "version of RetroTimer (it reads format = 1); the file is left as it is"
        ],
        "huge.toml": [
            f"{directory / 'huge.toml'}: error: the file is larger than 1 MB, far too big for "
            "a template file; it was not read"
        ],
        "kind.toml": [
            f"{directory / 'kind.toml'}:5:1: error: segment 1: unknown kind 'moonwalk' "
            "(expected one of warmup, backward_walk, backward_jog, backward_sprint, "
            "forward_run, walk, rest, cooldown)"
        ],
    }
    kind_problem = next(b for b in listing.bad_files if b.path.name == "kind.toml").problems[0]
    assert (kind_problem.line, kind_problem.field) == (5, "kind")

    # Work goes on around the bad files without touching them.
    store.save(named("Kind"))
    store.save(named("Broken"))
    store.rename("Good", "Future")
    store.delete("Kind")
    after = snapshot(store.directory)
    for name in (*BAD_FILES, "huge.toml"):
        assert after[name] == before[name]
    assert {"broken-2.toml", "future-2.toml"} <= set(after)


def test_two_files_with_one_name_keep_the_first_and_report_the_second(
    store: TemplateStore,
) -> None:
    store.directory.mkdir(parents=True)
    (store.directory / "a.toml").write_text(template_to_toml(named("Same", 1)), encoding="utf-8")
    (store.directory / "b.toml").write_text(template_to_toml(named("same", 2)), encoding="utf-8")
    (store.directory / "c.toml").write_text(
        template_to_toml(replace(BUILTIN_TEMPLATES[0])), encoding="utf-8"
    )
    listing = store.listing()
    assert [t.template for t in listing.templates] == [named("Same", 1)]
    assert [bad.problems[0].message for bad in listing.bad_files] == [
        'a.toml already holds a template named "same", so this file is skipped; change its '
        "name to use it",
        'the name "First steps backward" belongs to a built-in template, so this file is '
        "skipped; change its name to use it",
    ]


def test_other_files_and_leftover_temp_files_are_ignored(store: TemplateStore) -> None:
    store.save(named("Jogs"))
    (store.directory / ".jogs.toml.abc.tmp").write_text("half a file", encoding="utf-8")
    (store.directory / "notes.txt").write_text("not a template", encoding="utf-8")
    (store.directory / "folder.toml").mkdir()
    listing = store.listing()
    assert [t.name for t in listing.templates] == ["Jogs"]
    assert listing.bad_files == ()


def test_a_warning_does_not_stop_a_file_from_loading(store: TemplateStore) -> None:
    store.directory.mkdir(parents=True)
    text = template_to_toml(named("Jogs")).replace('venue = "any"', 'venue = "any"\ncolour = 1')
    (store.directory / "jogs.toml").write_text(text, encoding="utf-8")
    (stored,) = store.listing().templates
    assert [w.message for w in stored.warnings] == ["unknown key 'colour' ignored"]


def test_an_interrupted_save_leaves_the_old_file_intact(
    store: TemplateStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = store.save(named("Jogs", 60))
    before = path.read_bytes()

    def fail_between_write_and_replace(source: object, target: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail_between_write_and_replace)
    with pytest.raises(OSError, match="the disk is full"):
        store.save(named("Jogs", 90), replacing="Jogs")
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert sorted(p.name for p in store.directory.iterdir()) == ["jogs.toml"]
    assert store.load("Jogs") == named("Jogs", 60)


@pytest.mark.slow
def test_a_crash_between_write_and_replace_leaves_the_old_file_intact(
    store: TemplateStore, paths: AppPaths
) -> None:
    path = store.save(named("Jogs", 60))
    before = path.read_bytes()
    script = textwrap.dedent(
        """
        import os
        from retrotimer.core.model import Length, Segment, SegmentKind, Template
        from retrotimer.storage.paths import AppPaths
        from retrotimer.storage.templates.template_store import TemplateStore

        # The process dies the moment the new content is written and synced, before the
        # rename that would put it in place.
        os.replace = lambda source, target: os._exit(9)
        store = TemplateStore.from_paths(AppPaths.from_environment())
        template = Template("Jogs", (Segment(SegmentKind.WALK, Length.seconds(90)),))
        store.save(template, replacing="Jogs")
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 9, result.stderr
    assert path.read_bytes() == before
    leftovers = [p for p in store.directory.iterdir() if p.name.startswith(".jogs.toml.")]
    assert len(leftovers) == 1 and "90" in leftovers[0].read_text(encoding="utf-8")
    assert [t.template for t in store.listing().templates] == [named("Jogs", 60)]
