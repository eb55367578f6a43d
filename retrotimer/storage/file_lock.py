"""OS file locks: freed when the holder exits, even on SIGKILL; one writer at a time."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from types import TracebackType

from retrotimer.storage.user_files import UserFileError, describe_os_error

WAIT_S = 10.0
_POLL_S = 0.01
# A lock file is opened for writing: never through a link, which could point anywhere.
LOCK_FLAGS = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0)


class FolderLock:
    """An exclusive lock over the files of one folder, held by one process at a time: a dot
    file beside it (`.templates.lock`), so the folder holds only what the user put there,
    or the `lock_file` given. Others wait for it, up to WAIT_S. Re-entrant in one object."""

    def __init__(
        self, folder: Path, wait_s: float = WAIT_S, *, lock_file: Path | None = None
    ) -> None:
        self.folder = folder
        self.path = lock_file or folder.with_name(f".{folder.name}.lock")
        self._wait_s = wait_s
        self._descriptor: int | None = None
        self._depth = 0

    def __enter__(self) -> FolderLock:
        if self._depth == 0:
            self._descriptor = self._acquire()
        self._depth += 1
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self._depth -= 1
        if self._depth == 0 and self._descriptor is not None:
            descriptor, self._descriptor = self._descriptor, None
            unlock(descriptor)
            os.close(descriptor)

    def _acquire(self) -> int:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            descriptor = os.open(self.path, LOCK_FLAGS, 0o666)
        except OSError as error:
            raise UserFileError(
                f"cannot write in {self.folder}: {describe_os_error(error)}", error.errno
            ) from None
        deadline = time.monotonic() + self._wait_s
        while not try_lock(descriptor):
            if time.monotonic() > deadline:
                os.close(descriptor)
                raise UserFileError(f"{self.folder} is being written by another program; try again")
            time.sleep(_POLL_S)
        return descriptor


if sys.platform == "win32":
    import msvcrt

    def try_lock(descriptor: int) -> bool:
        """Lock one byte far beyond any content (the pid stays readable); False if taken."""
        os.lseek(descriptor, 1024, os.SEEK_SET)
        try:
            msvcrt.locking(descriptor, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        finally:
            os.lseek(descriptor, 0, os.SEEK_SET)
        return True

    def unlock(descriptor: int) -> None:
        os.lseek(descriptor, 1024, os.SEEK_SET)
        msvcrt.locking(descriptor, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def try_lock(descriptor: int) -> bool:
        """Take the exclusive lock at once, or return False when another holds it."""
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def unlock(descriptor: int) -> None:
        fcntl.flock(descriptor, fcntl.LOCK_UN)
