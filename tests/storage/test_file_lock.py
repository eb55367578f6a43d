"""The folder lock: one writer at a time, a clear message when another holds it too long."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from retrotimer.storage.file_lock import FolderLock
from retrotimer.storage.user_files import UserFileError


def test_a_second_holder_waits_then_is_told(tmp_path: Path) -> None:
    folder = tmp_path / "templates"
    with FolderLock(folder) as held:
        assert held.path == tmp_path / ".templates.lock"
        with pytest.raises(UserFileError, match="being written by another program"):
            FolderLock(folder, wait_s=0.05).__enter__()
        with held:  # the holder itself may take it again
            pass
    with FolderLock(folder, wait_s=0.05):
        pass
    assert sorted(p.name for p in tmp_path.iterdir()) == [".templates.lock", "templates"]


@pytest.mark.slow
def test_the_lock_is_freed_when_its_holder_is_killed(tmp_path: Path) -> None:
    folder = tmp_path / "templates"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from pathlib import Path;"
            "from retrotimer.storage.file_lock import FolderLock;"
            f"lock = FolderLock(Path({str(folder)!r})).__enter__(); print('held', flush=True);"
            "time.sleep(60)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
    with pytest.raises(UserFileError):
        FolderLock(folder, wait_s=0.05).__enter__()
    holder.kill()
    holder.wait(timeout=30)
    holder.stdout.close()
    with FolderLock(folder, wait_s=5):
        pass


def test_a_lock_file_that_is_a_link_is_never_written_through(tmp_path: Path) -> None:
    precious = tmp_path / "precious.txt"
    precious.write_text("precious")
    (tmp_path / ".templates.lock").symlink_to(precious)
    with pytest.raises(UserFileError, match="it is a link, which is not followed there"):
        FolderLock(tmp_path / "templates").__enter__()
    assert precious.read_text() == "precious"
