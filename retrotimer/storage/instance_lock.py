"""One RetroTimer at a time writes the history: an OS file lock, freed even when a process dies."""

from __future__ import annotations

import os
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from retrotimer.core.number_text import whole_number
from retrotimer.storage.file_lock import LOCK_FLAGS, try_lock, unlock

if TYPE_CHECKING:
    from retrotimer.storage.paths import AppPaths

LOCK_NAME = "instance.lock"


def lock_path(paths: AppPaths) -> Path:
    return paths.data / LOCK_NAME


class AlreadyRunning(Exception):
    """Another RetroTimer holds the lock; the message says which process."""

    def __init__(self, pid: int | None) -> None:
        self.pid = pid
        who = f" (process {pid})" if pid is not None else ""
        super().__init__(f"another RetroTimer is running{who} and writing the history")


class InstanceLock:
    """An exclusive, non-blocking lock on a file in the data dir.

    The operating system drops the lock when the holder exits, even on SIGKILL or a crash,
    so a stale lock file never blocks the next start; its content (the pid) only informs.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._descriptor: int | None = None

    @classmethod
    def for_paths(cls, paths: AppPaths) -> InstanceLock:
        return cls(lock_path(paths))

    @property
    def held(self) -> bool:
        return self._descriptor is not None

    def acquire(self) -> None:
        """Take the lock or raise AlreadyRunning; OSError when the file cannot be made."""
        if self._descriptor is not None:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(self.path, LOCK_FLAGS, 0o644)
        if not try_lock(descriptor):
            pid = _read_pid(descriptor)
            os.close(descriptor)
            raise AlreadyRunning(pid) from None
        os.ftruncate(descriptor, 0)
        os.lseek(descriptor, 0, os.SEEK_SET)
        os.write(descriptor, f"{os.getpid()}\n".encode())
        self._descriptor = descriptor

    def release(self) -> None:
        descriptor, self._descriptor = self._descriptor, None
        if descriptor is not None:
            unlock(descriptor)
            os.close(descriptor)

    def __enter__(self) -> InstanceLock:
        self.acquire()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.release()


def _read_pid(descriptor: int) -> int | None:
    try:
        text = os.read(descriptor, 32).decode("ascii", "replace").strip()
    except OSError:
        return None
    return whole_number(text)
