"""Reading a file the user hands us: a real size cap, and one kind of error with a plain message."""

from __future__ import annotations

from pathlib import Path

from retrotimer.core.templates.validation import TemplateError
from retrotimer.storage.user_files import UserFileError
from retrotimer.storage.user_files import read_user_file as read_capped

# A workout file is a few kilobytes; anything this big is not one, and is not read whole.
MAX_WORKOUT_BYTES = 1_000_000


def read_user_file(path: Path, limit: int = MAX_WORKOUT_BYTES) -> bytes:
    """The file's bytes, through storage's one safe reader (plain files only, the cap counted
    while reading); TemplateError (never anything else) when it cannot be read."""
    try:
        return read_capped(path, limit, what="template file")
    except UserFileError as error:
        raise TemplateError([error.reason], str(path)) from None


def decode_text(data: bytes, path: Path) -> str:
    """UTF-8 text (a byte-order mark allowed); TemplateError naming the line otherwise."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise TemplateError(
            [f"line {line}: the file is not UTF-8 text; save it as UTF-8"], str(path)
        ) from None
