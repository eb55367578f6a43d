"""Writing an exported file whole or not at all, through storage's one atomic write."""

from __future__ import annotations

from pathlib import Path

from retrotimer.core.exchange.exchange_ports import ExchangeRefused
from retrotimer.storage.atomic import write_atomic
from retrotimer.storage.user_files import UserFileError


class OutputRefused(ExchangeRefused):
    """The file was not written; the message says why, for the user."""


def write_file_atomic(path: Path, data: bytes, *, overwrite: bool = False) -> None:
    """Write `data` to `path` whole or not at all: never over a file unless `overwrite`,
    never into a device, a folder or a folder that does not exist."""
    if path.is_dir():
        raise OutputRefused(f"{path} is a folder; give a file name")
    try:
        write_atomic(path, data, overwrite=overwrite)
    except UserFileError as error:
        raise OutputRefused(str(error)) from None
