"""`-o` targets of every export: only regular files are written; modes and folders respected."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from retrotimer.cli import main
from retrotimer.storage.history.history_store import HistoryStore
from retrotimer.storage.paths import AppPaths
from tests.history_samples import MONDAY_2024_05_06, session

pytestmark = pytest.mark.skipif(os.name != "posix", reason="FIFOs and /dev are POSIX")

EXPORTS = {
    "templates": ["templates", "export", "First steps backward", "--force"],
    "history": ["history", "export", "--format", "json", "--force"],
}
# Every command that writes `-o FILE`, each needing --force to replace a file.
WITHOUT_FORCE = {
    "templates export": ["templates", "export", "First steps backward"],
    "templates export fit": ["templates", "export", "First steps backward", "--format", "fit"],
    "templates export icu": ["templates", "export", "First steps backward", "--format", "icu"],
    "history export json": ["history", "export", "--format", "json"],
    "history export csv": ["history", "export", "--format", "csv"],
    "program export": ["program", "export", "Learn to run backward"],
    "program calendar": ["program", "calendar", "--today", "2024-05-06", "--weeks", "1"],
    "history export fit": ["history", "export", "--format", "fit", "00000000"],
    "history export tcx": ["history", "export", "--format", "tcx", "00000000"],
}


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


def a_session_in_the_history() -> None:
    """One session, "00000000-...", for the exports of a session as an activity."""
    store = HistoryStore(AppPaths.from_environment().history_db)
    store.import_sessions([session(0, MONDAY_2024_05_06)])
    store.close()


def export(command: str, target: str | Path) -> int:
    return main([*EXPORTS[command], "-o", str(target)])


def special_files(tmp_path: Path) -> dict[str, Path]:
    """A folder, a FIFO and, where this process may make one, a device node like /dev/null,
    all private to the test: the real /dev/null is never offered to code under test."""
    made = {"folder": tmp_path / "folder", "fifo": tmp_path / "fifo"}
    made["folder"].mkdir()
    os.mkfifo(made["fifo"])
    try:
        os.mknod(tmp_path / "null", 0o666 | stat.S_IFCHR, os.makedev(1, 3))
        made["device"] = tmp_path / "null"
    except (PermissionError, AttributeError):
        pass
    return made


@pytest.mark.parametrize("command", list(EXPORTS))
@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("device", "{path} is a device, not a file; nothing was written"),
        ("folder", "{path} is a folder, not a file; nothing was written"),
        ("fifo", "{path} is a named pipe (FIFO), not a file; nothing was written"),
        ("/proc/version", "cannot write /proc/version"),
        ("missing", "{path} does not exist; new.json was not written"),
    ],
)
def test_a_target_that_is_not_a_regular_file_is_refused(
    command: str, target: str, message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    special = special_files(tmp_path)
    if target == "device" and target not in special:
        pytest.skip("making a device node needs root")
    path = str(special[target]) if target in special else target
    if target == "missing":
        path = str(tmp_path / "missing")
        message = message.format(path=path)
        path += "/new.json"
    message = message.format(path=path)
    code = export(command, path)
    err = capsys.readouterr().err
    assert code != 0
    assert message in err and "Traceback" not in err
    assert err.count("\n") == 1  # one line
    if "device" in special:
        assert stat.S_ISCHR(special["device"].stat().st_mode)
    assert stat.S_ISFIFO(special["fifo"].stat().st_mode)
    assert special["folder"].is_dir() and list(special["folder"].iterdir()) == []
    assert not (tmp_path / "missing").exists()


@pytest.mark.parametrize("command", list(EXPORTS))
def test_a_new_file_gets_the_usual_mode_and_a_replaced_one_keeps_its_own(
    command: str, tmp_path: Path, umask_022: None, capsys: pytest.CaptureFixture[str]
) -> None:
    new = tmp_path / "new.out"
    assert export(command, new) == 0
    assert stat.S_IMODE(new.stat().st_mode) == 0o644
    shared = tmp_path / "shared.out"
    shared.write_text("old")
    shared.chmod(0o664)
    assert export(command, shared) == 0
    assert stat.S_IMODE(shared.stat().st_mode) == 0o664
    assert shared.read_text() != "old"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


@pytest.mark.parametrize("command", list(WITHOUT_FORCE))
def test_an_existing_file_is_replaced_only_with_force(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["program", "start", "Learn to run backward", "--on", "2024-05-06"]) == 0
    a_session_in_the_history()
    target = tmp_path / "mine.out"
    target.write_text("mine")
    assert main([*WITHOUT_FORCE[command], "-o", str(target)]) != 0
    err = capsys.readouterr().err
    assert f"{target} already exists; it was left as it is. Add --force to replace it." in err
    assert target.read_bytes() == b"mine"
    assert main([*WITHOUT_FORCE[command], "-o", str(target), "--force"]) == 0
    assert target.read_bytes() != b"mine"


def test_files_already_in_the_folder_of_every_activity_are_replaced_only_with_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a_session_in_the_history()
    folder = tmp_path / "activities"
    assert main(["history", "export", "--format", "fit", "--all", str(folder)]) == 0
    (written,) = folder.iterdir()
    written.write_bytes(b"mine")
    capsys.readouterr()
    assert main(["history", "export", "--format", "fit", "--all", str(folder)]) == 0
    assert "1 file already there kept (--force replaces them)" in capsys.readouterr().err
    assert written.read_bytes() == b"mine"
    assert main(["history", "export", "--format", "fit", "--all", str(folder), "--force"]) == 0
    assert written.read_bytes() != b"mine"
