"""Every command, and the window, start on a broken home and say in one line what is wrong."""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.cli.test_gui_entry import notices_after_start
from tests.cli_runner import retrotimer

pytestmark = pytest.mark.skipif(os.name != "posix", reason="FIFOs are POSIX")

PROGRAM = 'active = "Learn to run backward"\nstart_day = 2024-05-06\n'
COMMANDS = {
    "next": ["next", "--today", "2024-05-08"],
    "run --next": ["run", "--next", "--headless", "--speed", "1000", "--today", "2024-05-08"],
    "program calendar": ["program", "calendar", "--today", "2024-05-08"],
    "program list": ["program", "list"],
    "program stop": ["program", "stop"],
    "templates list": ["templates", "list"],
    "history list": ["history", "list"],
}


def followed(home: Path) -> Path:
    (home / "config").mkdir(parents=True)
    (home / "config" / "program.toml").write_text(PROGRAM, encoding="utf-8")
    (home / "data").mkdir()
    return home


def newer_history(home: Path) -> None:
    with sqlite3.connect(followed(home) / "data" / "history.sqlite") as database:
        database.execute("CREATE TABLE sessions (id TEXT)")
        database.execute("PRAGMA user_version = 99")


def damaged_history(home: Path) -> None:
    (followed(home) / "data" / "history.sqlite").write_bytes(b"SQLite format 3\0" + b"\x07" * 4096)


def history_folder(home: Path) -> None:
    (followed(home) / "data" / "history.sqlite").mkdir()


def history_fifo(home: Path) -> None:
    os.mkfifo(followed(home) / "data" / "history.sqlite")


def data_file(home: Path) -> None:
    followed(home)
    (home / "data").rmdir()
    (home / "data").write_text("not a folder")


def folder_is_a_file(relative: str) -> Callable[[Path], None]:
    def make(home: Path) -> None:
        folder = followed(home) / relative
        if folder.is_dir():
            shutil.rmtree(folder)
        folder.write_text("not a folder")

    return make


def templates_file(home: Path) -> None:
    (followed(home) / "data" / "templates").write_text("not a folder")


def program_fifo(home: Path) -> None:
    program = followed(home) / "config" / "program.toml"
    program.unlink()
    os.mkfifo(program)


def program_folder(home: Path) -> None:
    program = followed(home) / "config" / "program.toml"
    program.unlink()
    program.mkdir()


def program_nested(home: Path) -> None:
    program = followed(home) / "config" / "program.toml"
    program.write_text("x = " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")


def window_memory_fifo(home: Path) -> None:
    os.mkfifo(followed(home) / "config" / "window.ini")


# What is broken, and words the command line and the window say about it.
STATES: dict[str, tuple[Callable[[Path], None], str]] = {
    "newer history": (newer_history, "schema version 99, newer than"),
    "damaged history": (damaged_history, "file is not a database"),
    "history is a folder": (history_folder, "history.sqlite is a folder"),
    "history is a FIFO": (history_fifo, "history.sqlite is a named pipe (FIFO)"),
    "data is a file": (data_file, "data is a file, not a folder"),
    "templates is a file": (templates_file, "templates is a file, not a folder"),
    "config is a file": (folder_is_a_file("config"), "config is a file, not a folder"),
    "cache is a file": (folder_is_a_file("cache"), "cache is a file, not a folder"),
    "log is a file": (folder_is_a_file("log"), "log is a file, not a folder"),
    "programs is a file": (folder_is_a_file("data/programs"), "programs is a file, not a folder"),
    "program.toml is a FIFO": (program_fifo, "a named pipe (FIFO)"),
    "program.toml is a folder": (program_folder, "a folder"),
    "program.toml nested": (program_nested, "nested too deeply"),
    "window.ini is a FIFO": (window_memory_fifo, "window.ini is a named pipe (FIFO)"),
}
# The commands that need what is broken.
CONCERNED = {
    "newer history": ("next", "run --next", "program calendar", "history list"),
    "damaged history": ("next", "run --next", "program calendar"),
    "history is a folder": ("next", "run --next", "program calendar", "history list"),
    "history is a FIFO": ("next", "run --next", "program calendar", "history list"),
    "data is a file": tuple(COMMANDS),
    "templates is a file": ("templates list",),
    "config is a file": ("next", "program calendar", "templates list"),
    "cache is a file": ("next", "run --next"),
    "log is a file": ("history list",),
    "programs is a file": ("program list", "next"),
    "program.toml is a FIFO": ("next", "run --next", "program calendar"),
    "program.toml is a folder": ("next", "run --next", "program calendar", "program stop"),
    "program.toml nested": ("next", "run --next", "program calendar"),
    "window.ini is a FIFO": (),
}


@pytest.mark.slow
@pytest.mark.parametrize("state", [state for state in STATES if CONCERNED[state]])
def test_every_command_says_what_is_broken_in_one_line(state: str, tmp_path: Path) -> None:
    make, words = STATES[state]
    for command in CONCERNED[state]:
        home = tmp_path / command.replace(" ", "-")
        make(home)
        result = retrotimer(*COMMANDS[command], home=home, timeout=30)
        assert "Traceback" not in result.stderr, (command, result.stderr)
        told = [line for line in result.stderr.splitlines() if words in line]
        # Said first on a line of its own (a session run all the same, or a listing of what
        # was skipped, may say it again).
        assert told, (command, result.stderr)
        assert told[0].startswith("retrotimer: "), result.stderr


@pytest.mark.slow
@pytest.mark.parametrize("state", list(STATES))
def test_the_window_starts_and_says_what_is_broken(state: str, private_home: Path) -> None:
    make, words = STATES[state]
    make(private_home)
    if not (private_home / "config").exists():
        (private_home / "config").mkdir()
    if (private_home / "config").is_dir():
        (private_home / "config" / "settings.toml").write_text("first_run_done = true\n")
    assert words in notices_after_start(private_home)


@pytest.mark.slow
def test_the_window_never_writes_its_memory_through_a_link_out_of_its_folder(
    private_home: Path, tmp_path: Path
) -> None:
    precious = tmp_path / "precious.txt"
    precious.write_text("precious")
    (followed(private_home) / "config" / "window.ini").symlink_to(precious)
    (private_home / "config" / "settings.toml").write_text("first_run_done = true\n")
    assert "window.ini is a link to" in notices_after_start(private_home)
    assert precious.read_text() == "precious"
