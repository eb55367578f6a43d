"""Programs on disk and the active choice: read back, bad files skipped, broken choice told."""

from __future__ import annotations

from pathlib import Path

import pytest

from retrotimer.core.history.calendar_days import days_from_civil
from retrotimer.core.programs.builtin_programs import BUILTIN_PROGRAMS, LEARN
from retrotimer.core.programs.program_choice import ProgramChoice
from retrotimer.core.programs.program_error import ProgramError
from retrotimer.core.programs.program_source import ProgramSource
from retrotimer.storage.paths import AppPaths
from retrotimer.storage.program_store import (
    ProgramChoiceStore,
    ProgramLibrary,
    ProgramStore,
    read_program_file,
)


def test_the_choice_is_saved_and_read_back_and_a_broken_file_is_told(tmp_path: Path) -> None:
    store = ProgramChoiceStore(tmp_path / "program.toml")
    assert store.load() is None
    choice = ProgramChoice('A "quoted" plan', days_from_civil(2026, 3, 2), 2, ("tue", "sat"))
    store.save(choice)
    assert store.load() == choice
    assert "start_day = 2026-03-02" in store.path.read_text()
    store.path.write_text('active = "x"\nstart_day = "soon"\n')
    with pytest.raises(ProgramError, match="the active program file cannot be used"):
        store.load()
    assert store.clear() and not store.clear()


def test_a_choice_with_any_characters_in_its_name_reads_back(tmp_path: Path) -> None:
    store = ProgramChoiceStore(tmp_path / "program.toml")
    choice = ProgramChoice('Back\x1b[31m"ward"\\\x07\x7f', days_from_civil(2026, 3, 2), 1)
    store.save(choice)
    assert store.load() == choice


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("x = " + "[" * 5000 + "]" * 5000, "nested too deeply"),
        ('active = "P"\nstart_day = 2026-03-02\nstart_week = 0\n', '"start_week" must be'),
        ('active = "P"\nstart_day = 2026-03-02T07:00:00\n', '"start_day" must be a date'),
        ('active = "P"\nstart_day = 2026-03-02\ntraining_days = "mon"\n', "training_days"),
        ('active = ""\nstart_day = 2026-03-02\n', '"active" must be'),
    ],
)
def test_a_choice_file_that_cannot_be_used_is_told(tmp_path: Path, text: str, reason: str) -> None:
    store = ProgramChoiceStore(tmp_path / "program.toml")
    store.path.write_text(text, encoding="utf-8")
    with pytest.raises(ProgramError, match=reason):
        store.load()


def test_bad_program_files_are_skipped_and_a_huge_one_is_not_read(tmp_path: Path) -> None:
    store = ProgramStore(tmp_path)
    (tmp_path / "broken.toml").write_text("format = 1\nname = [\n")
    huge = tmp_path / "huge.toml"
    huge.write_bytes(b"#" * 1_000_001)
    assert [e.program.name for e in store.entries()] == [p.name for p in BUILTIN_PROGRAMS]
    (problem,) = read_program_file(huge).problems
    assert "larger than 1 MB" in problem.message


def test_a_program_file_that_is_not_utf8_is_placed_like_a_template(tmp_path: Path) -> None:
    path = tmp_path / "latin1.toml"
    path.write_bytes(b'format = 1\nname = "Caf\xe9"\n')
    (problem,) = read_program_file(path).problems
    assert (problem.line, problem.column) == (2, 12)
    assert problem.message.startswith("the file is not UTF-8 text: this character")


def test_the_library_gives_the_active_program_only_when_it_is_installed(tmp_path: Path) -> None:
    paths = AppPaths.from_environment({"RETROTIMER_HOME": str(tmp_path)})
    library: ProgramSource = ProgramLibrary(paths)
    assert library.active() is None and not library.chosen()
    choice = ProgramChoice(LEARN, days_from_civil(2026, 3, 2))
    library.choose(choice)
    active = library.active()
    assert active is not None and active[0].name == LEARN and active[1] == choice
    library.choose(ProgramChoice("Gone", 1))
    assert library.active() is None
    assert library.chosen(), "chosen, though not installed"
    library.choose(None)
    assert not (paths.config / "program.toml").exists()
    assert not library.chosen()
    (paths.config / "program.toml").write_text("not toml [", encoding="utf-8")
    assert not library.chosen(), "a broken choice file follows no program"
