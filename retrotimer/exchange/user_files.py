"""Reading a file the user hands us: a real size cap, and one kind of error with a plain message."""

from __future__ import annotations

import stat
from pathlib import Path

from retrotimer.core.templates.validation import TemplateError

# A workout file is a few kilobytes; anything this big is not one, and is not read whole.
MAX_WORKOUT_BYTES = 1_000_000


def read_user_file(path: Path, limit: int = MAX_WORKOUT_BYTES) -> bytes:
    """The file's bytes; TemplateError (never anything else) when it cannot be read or holds
    more than `limit` bytes. The cap is on what is read, not on what the file system says,
    so a device or a growing file cannot make us read without end."""
    try:
        # A pipe or a device would make the read wait or never end: only plain files.
        if not stat.S_ISREG(path.stat().st_mode):
            raise TemplateError(
                ["this is not a file RetroTimer can read: it was not read"], str(path)
            )
        with path.open("rb") as stream:
            data = stream.read(limit + 1)
    except OSError as error:
        raise TemplateError(
            [f"cannot read the file: {error.strerror or error}"], str(path)
        ) from None
    if len(data) > limit:
        raise TemplateError(
            [
                f"the file is larger than {limit // 1_000_000} MB, far too big for a workout; "
                "it was not read"
            ],
            str(path),
        )
    return data


def decode_text(data: bytes, path: Path) -> str:
    """UTF-8 text (a byte-order mark allowed); TemplateError naming the line otherwise."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise TemplateError(
            [f"line {line}: the file is not UTF-8 text; save it as UTF-8"], str(path)
        ) from None
