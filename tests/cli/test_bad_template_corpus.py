"""The corpus of bad templates: each file gives exactly the messages in its .expected file."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from retrotimer.cli import main
from retrotimer.core.templates.builtin_templates import BUILTIN_TEMPLATES
from retrotimer.core.templates.template_toml import template_to_toml
from retrotimer.storage.paths import AppPaths
from retrotimer.storage.templates.template_library import TemplateLibrary

CORPUS = Path(__file__).parent.parent / "data" / "bad_templates"
FILES = sorted(path for path in CORPUS.iterdir() if path.suffix in (".toml", ".txt"))
# Files whose problems are only warnings: they still validate.
USABLE = {"unknown_keys.toml"}


def expected(path: Path) -> list[str]:
    return path.with_name(path.name + ".expected").read_text(encoding="utf-8").splitlines()


def test_the_corpus_covers_every_problem_the_issue_names() -> None:
    names = {path.stem for path in FILES}
    assert {
        "empty_template",
        "zero_length",
        "negative_length",
        "session_over_four_hours",
        "too_many_steps",
        "unknown_kind",
        "repeat_zero",
        "repeat_over_a_hundred",
        "nested_too_deep",
        "long_label",
        "unknown_keys",
        "future_format",
        "text_syntax_errors",
    } <= names
    assert all(expected(path) for path in FILES)


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.name)
def test_validate_prints_the_expected_messages(
    path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(CORPUS)
    code = main(["templates", "validate", path.name])
    out, err = capsys.readouterr()
    lines = out.splitlines()
    if path.name in USABLE:
        assert code == 0
        assert lines == [*expected(path), f"{path.name}: ok ({len(expected(path))} warnings)"]
    else:
        assert code == 1
        assert lines == expected(path)
        assert err == "1 of 1 files cannot be used as templates\n"


def test_validating_the_whole_corpus_reports_every_file(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(CORPUS)
    assert main(["templates", "validate", *(path.name for path in FILES)]) == 1
    out = capsys.readouterr().out.splitlines()
    wanted: list[str] = []
    for path in FILES:
        wanted += expected(path)
        if path.name in USABLE:
            wanted.append(f"{path.name}: ok (2 warnings)")
    assert out == wanted


def test_in_the_templates_folder_bad_files_are_skipped_and_good_ones_still_load() -> None:
    paths = AppPaths.from_environment().ensure()
    for path in FILES:
        if path.suffix == ".toml":
            shutil.copy(path, paths.templates / path.name)
    good = paths.templates / "good.toml"
    good.write_text(
        template_to_toml(BUILTIN_TEMPLATES[0]).replace("First steps", "My first steps"),
        encoding="utf-8",
    )
    before = {path.name: path.read_bytes() for path in paths.templates.iterdir()}
    entries = TemplateLibrary.from_paths(paths).entries()[len(BUILTIN_TEMPLATES) :]
    usable = {entry.name for entry in entries if entry.usable}
    assert usable == {"My first steps backward", "Extra keys"}
    for entry in entries:
        if entry.usable:
            continue
        source = Path(entry.location or "")
        assert [p.render(source.name) for p in entry.problems] == [
            line for line in expected(CORPUS / source.name) if ": error: " in line
        ]
    assert {path.name: path.read_bytes() for path in paths.templates.iterdir()} == before
