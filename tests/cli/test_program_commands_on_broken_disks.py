"""`next`, `run --next` and `program calendar` on a real disk that is full or read-only."""

from __future__ import annotations

import os
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest

from retrotimer.storage.history.history_database import connect_sqlite
from retrotimer.storage.history.history_schema import migrate
from tests.cli.test_broken_home import COMMANDS
from tests.cli_runner import retrotimer
from tests.storage.disk_faults import fill_up, make_read_only, make_writable, small_disk
from tests.storage.history.test_history_schema import DATA_AT_VERSION

pytestmark = pytest.mark.skipif(os.name != "posix", reason="mounting disks is POSIX")

LEARN = "Learn to run backward"
PROGRAM_COMMANDS = ("next", "run --next", "program calendar")
FAULTS: dict[str, tuple[Callable[[Path], object], str]] = {
    "full": (fill_up, "the disk is full"),
    "read-only": (make_read_only, "the disk is read-only"),
}


def following(stick: Path) -> Path:
    home = stick / "home"
    started = retrotimer("program", "start", LEARN, "--on", "2024-05-06", home=home)
    assert started.returncode == 0, started.stderr
    return home


def old_history(home: Path) -> None:
    """A history as the first released version wrote it: opening it needs an upgrade."""
    (home / "data").mkdir(parents=True, exist_ok=True)
    with closing(connect_sqlite(home / "data" / "history.sqlite")) as old:
        migrate(old, target=1)
        for statement in DATA_AT_VERSION[1]:
            old.execute(statement)
        old.commit()


def run_on_broken_disk(
    tmp_path: Path, fault: str, make_history: Callable[[Path], None]
) -> dict[str, tuple[int, str, str]]:
    """Each program command's exit code, output and errors once the disk broke."""
    breaking, _ = FAULTS[fault]
    # A session that cannot be saved is kept in the system's temporary folder: the test's own.
    scratch = {"TMPDIR": str(tmp_path)}
    with small_disk(tmp_path / "stick", size_kb=2048) as stick:
        home = following(stick)
        make_history(home)
        breaking(stick)
        try:
            results = {}
            for command in PROGRAM_COMMANDS:
                result = retrotimer(*COMMANDS[command], home=home, env=scratch, timeout=60)
                results[command] = (result.returncode, result.stdout, result.stderr)
            return results
        finally:
            if fault == "read-only":
                make_writable(stick)


def a_session_run(home: Path) -> None:
    ran = retrotimer(*COMMANDS["run --next"], home=home, timeout=60)
    assert ran.returncode == 0, ran.stderr


@pytest.mark.slow
@pytest.mark.parametrize("fault", list(FAULTS))
def test_a_history_that_needs_no_upgrade_is_read_on_a_broken_disk(
    tmp_path: Path, fault: str
) -> None:
    results = run_on_broken_disk(tmp_path, fault, a_session_run)
    for command, (code, _out, err) in results.items():
        assert code == 0 and "Traceback" not in err, (command, err)
    assert "Learn backward 1.1" in results["next"][1]
    assert "BEGIN:VCALENDAR" in results["program calendar"][1]
    # The session ran, told that it could not be saved, and where it was kept instead.
    assert "restore it with `retrotimer history import" in results["run --next"][2]
    assert list(tmp_path.glob("unsaved-session-*.json"))


@pytest.mark.slow
@pytest.mark.parametrize("fault", list(FAULTS))
def test_a_history_that_cannot_be_upgraded_on_a_broken_disk_is_told_in_one_line(
    tmp_path: Path, fault: str
) -> None:
    _, words = FAULTS[fault]
    for command, (code, out, err) in run_on_broken_disk(tmp_path, fault, old_history).items():
        assert code == 2 and out == "", (command, out, err)
        (line,) = err.splitlines()
        assert line.startswith(
            "retrotimer: error: the history cannot be read, so the program cannot say what is "
            "next: "
        ), (command, line)
        assert words in line, (command, line)
