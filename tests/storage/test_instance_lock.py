"""One instance writes the history: the lock refuses a second holder and dies with its process."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from retrotimer.storage.instance_lock import AlreadyRunning, InstanceLock, lock_path
from retrotimer.storage.paths import AppPaths

HOLDER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from retrotimer.storage.instance_lock import InstanceLock
    lock = InstanceLock(Path(sys.argv[1]))
    lock.acquire()
    print("held", flush=True)
    time.sleep(120)
    """
)


def test_a_second_holder_is_refused_until_the_first_lets_go(tmp_path: Path) -> None:
    path = tmp_path / "data" / "instance.lock"
    first, second = InstanceLock(path), InstanceLock(path)
    first.acquire()
    assert first.held and path.read_text().strip().isdigit()
    with pytest.raises(AlreadyRunning, match=r"another RetroTimer is running \(process \d+\)"):
        second.acquire()
    assert not second.held
    first.release()
    with second:
        assert second.held
    assert not second.held


def test_the_lock_lives_in_the_data_folder() -> None:
    paths = AppPaths.from_environment()
    assert lock_path(paths) == paths.data / "instance.lock"
    assert InstanceLock.for_paths(paths).path == lock_path(paths)


@pytest.mark.slow
def test_a_killed_holder_frees_the_lock_and_is_named_while_it_lives(tmp_path: Path) -> None:
    path = tmp_path / "instance.lock"
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        with pytest.raises(AlreadyRunning) as refused:
            InstanceLock(path).acquire()
        assert refused.value.pid == holder.pid
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait(timeout=30)
        if holder.stdout is not None:
            holder.stdout.close()
    with InstanceLock(path) as lock:
        assert lock.held, "a lock left by a killed process does not block the next start"


def test_a_lock_file_that_is_a_link_is_never_written_through(tmp_path: Path) -> None:
    from retrotimer.core.history.history_ports import HistoryUnavailable
    from retrotimer.storage.history.history_opening import open_for_writing

    paths = AppPaths.from_environment().ensure()
    precious = tmp_path / "precious.txt"
    precious.write_text("precious")
    lock_path(paths).symlink_to(precious)
    with pytest.raises(HistoryUnavailable, match="the instance lock cannot be made: it is a link"):
        open_for_writing(paths)
    assert precious.read_text() == "precious"
