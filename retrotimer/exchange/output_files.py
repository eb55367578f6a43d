"""Writing an exported file whole or not at all, never over a file the user did not give up."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from retrotimer.core.ports import ExchangeRefused


class OutputRefused(ExchangeRefused):
    """The file was not written; the message says why, for the user."""


def write_file_atomic(path: Path, data: bytes, *, overwrite: bool = False) -> None:
    """Write `data` to a temp file beside `path`, fsync it, then move it into place; an
    existing file is replaced only with `overwrite`, and a folder never."""
    if path.is_dir():
        raise OutputRefused(f"{path} is a folder; give a file name")
    if path.exists() and not overwrite:
        raise OutputRefused(f"{path} already exists; it was left as it is")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temp_name = tempfile.mkstemp(
            prefix=f".{path.name}.", suffix=".tmp", dir=path.parent
        )
    except OSError as error:
        raise OutputRefused(f"cannot write {path}: {error.strerror or error}") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp_name, path)
    except OSError as error:
        Path(temp_name).unlink(missing_ok=True)
        raise OutputRefused(f"cannot write {path}: {error.strerror or error}") from None
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
