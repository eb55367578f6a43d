"""Every launch writes what happened to a rotating log file in the app's log folder."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from retrotimer import __version__
from retrotimer.storage.user_files import UserFileError, unusable_file

if TYPE_CHECKING:
    from retrotimer.storage.paths import AppPaths

LOG_NAME = "retrotimer.log"
MAX_BYTES = 1_000_000
BACKUPS = 3  # retrotimer.log.1 .. .3: a few launches' worth, never more than 4 MB
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class RotatingLog(logging.FileHandler):
    """The log file, started afresh when a line would take it to MAX_BYTES, the older ones
    kept as .1 to .BACKUPS: the rule of logging.handlers.RotatingFileHandler. That module is
    not imported for it: with the sockets, pickling and queues its other handlers need, it
    took 8 ms of the window's start."""

    def emit(self, record: logging.LogRecord) -> None:
        stream = self.stream  # opened with the handler (no `delay`)
        assert stream is not None
        stream.seek(0, os.SEEK_END)
        if stream.tell() + len(self.format(record)) + 1 >= MAX_BYTES:
            stream.close()
            try:
                self._rotate()
            except OSError:
                self.handleError(record)  # the line goes to the file as it is
        super().emit(record)

    def _rotate(self) -> None:
        try:
            for number in range(BACKUPS - 1, 0, -1):
                older = f"{self.baseFilename}.{number}"
                if os.path.exists(older):
                    os.replace(older, f"{self.baseFilename}.{number + 1}")
            os.replace(self.baseFilename, f"{self.baseFilename}.1")
        finally:
            self.stream = self._open()


def log_path(paths: AppPaths) -> Path:
    return paths.log / LOG_NAME


@contextmanager
def logging_to_file(paths: AppPaths, what: str) -> Iterator[Path | None]:
    """While inside: INFO and above go to the log file (rotated at 1 MB), warnings also to
    stderr as before. Yields the file, or None when the log folder cannot be written (the
    launch goes on; stderr still hears the warnings)."""
    root = logging.getLogger()
    handlers: list[logging.Handler] = []
    # Without a handler of its own, Python prints warnings to stderr; keep that.
    stderr = logging.StreamHandler(sys.stderr)
    stderr.setFormatter(logging.Formatter("retrotimer: %(message)s"))
    stderr.setLevel(logging.WARNING)
    handlers.append(stderr)
    path: Path | None = log_path(paths)
    try:
        paths.log.mkdir(parents=True, exist_ok=True)
        # Opened to append: a FIFO there would wait for a reader for ever, and a link would
        # take the lines wherever it points.
        problem = unusable_file(log_path(paths))
        if problem is not None:
            raise UserFileError(problem)
        to_file = RotatingLog(log_path(paths), encoding="utf-8")
    except OSError as error:
        reason = error if isinstance(error, UserFileError) else error.strerror or error
        print(f"retrotimer: no log file in {paths.log}: {reason}", file=sys.stderr)
        path = None
    else:
        to_file.setFormatter(logging.Formatter(FORMAT))
        to_file.setLevel(logging.INFO)
        handlers.append(to_file)
    level = root.level
    if level > logging.INFO:  # the default, WARNING, would keep INFO out of the file
        root.setLevel(logging.INFO)
    for handler in handlers:
        root.addHandler(handler)
    started = logging.getLogger("retrotimer")
    started.info("RetroTimer %s started: %s (Python %s)", __version__, what, sys.version.split()[0])
    try:
        yield path
    finally:
        started.info("RetroTimer %s ended: %s", __version__, what)
        for handler in handlers:
            root.removeHandler(handler)
            handler.close()
        root.setLevel(level)
