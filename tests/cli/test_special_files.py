"""Folders, FIFOs and devices offered as files: told what they are at once, never read."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from tests.cli_runner import retrotimer

pytestmark = pytest.mark.skipif(os.name != "posix", reason="FIFOs and /dev are POSIX")

# A process that reads without end would eat the machine; it is stopped at this.
MEMORY_LIMIT = 1024 * 1024 * 1024
COMMANDS = {
    "plan": ["plan", "{file}"],
    "run": ["run", "{file}", "--headless"],
    "templates import": ["templates", "import", "{file}"],
    "templates validate": ["templates", "validate", "{file}"],
    "templates show": ["templates", "show", "{file}"],
    "history import": ["history", "import", "{file}"],
}
TEMPLATE_WORDS = {"history import": "history export"}


def limited() -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def cli(*args: str, timeout: float = 30) -> subprocess.CompletedProcess[str]:
    return retrotimer(*args, timeout=timeout, preexec_fn=limited)


def special(kind: str, tmp_path: Path) -> tuple[Path, str]:
    if kind == "fifo":
        path = tmp_path / "tuesday.toml"
        os.mkfifo(path)
        return path, "is a named pipe (FIFO)"
    if kind == "folder":
        path = tmp_path / "tuesday"
        path.mkdir()
        return path, "is a folder"
    return Path(kind), "is a device"


@pytest.mark.slow
@pytest.mark.parametrize("command", list(COMMANDS))
@pytest.mark.parametrize("kind", ["fifo", "folder", "/dev/zero", "/dev/urandom"])
def test_a_special_file_is_told_as_what_it_is_at_once(
    command: str, kind: str, tmp_path: Path
) -> None:
    path, what = special(kind, tmp_path)
    result = cli(*(arg.format(file=path) for arg in COMMANDS[command]))
    words = TEMPLATE_WORDS.get(command, "template file")
    assert result.returncode != 0
    assert what in result.stderr + result.stdout
    assert f"not a {words}" in result.stderr + result.stdout
    assert "Traceback" not in result.stderr
    assert "no template file or template named" not in result.stderr


def test_the_size_cap_is_counted_while_reading_not_taken_from_the_size() -> None:
    from retrotimer.storage.user_files import UserFileError, read_user_file

    # /proc files say they are empty (st_size 0) and hold more.
    status = Path("/proc/self/status")
    assert status.stat().st_size == 0
    with pytest.raises(UserFileError, match="larger than 0.1 KB"):
        read_user_file(status, 100)
    assert len(read_user_file(status, 1_000_000)) > 100


@pytest.mark.slow
def test_a_settings_file_that_is_a_fifo_does_not_stop_a_command(private_home: Path) -> None:
    (private_home / "config").mkdir(parents=True)
    os.mkfifo(private_home / "config" / "settings.toml")
    result = cli("plan", "First steps backward")
    assert result.returncode == 0, result.stderr
    assert "First steps backward" in result.stdout
    assert "is a named pipe (FIFO), not a settings file" in result.stderr
