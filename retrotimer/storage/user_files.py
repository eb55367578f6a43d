"""Read a file the user names, safely (regular files only, never blocking, a real size cap),
and decode its text; name the copy a damaged one is kept aside as."""

from __future__ import annotations

import errno
import os
import stat
from datetime import UTC, datetime
from pathlib import Path

_CHUNK = 64 * 1024
# What a failed system call means for the user, by errno; anything else gets the OS's words.
_REASONS = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is used up",
    errno.EROFS: "the disk is read-only",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.ENOENT: "no such file or folder",
    errno.ENOTDIR: "a part of the path is not a folder",
    errno.EISDIR: "it is a folder",
    errno.ENAMETOOLONG: "the file name is too long",
    errno.EIO: "the disk reported an input/output error",
    errno.ELOOP: "it is a link, which is not followed there",
}


class UserFileError(OSError):
    """A file that cannot be read or written as asked; the message is for the user and names
    the file. An OSError, so code that handles failed file access handles this too.
    `reason` is the message without the file's name, for a caller that names it itself."""

    def __init__(self, message: str, code: int | None = None, reason: str | None = None) -> None:
        super().__init__(message)
        self.errno = code
        self.reason = reason or message


def describe_os_error(error: OSError) -> str:
    """Words for a failed file operation: "the disk is full", not "an input/output error"."""
    if isinstance(error, UserFileError):
        return str(error)
    reason = _REASONS.get(error.errno) if error.errno is not None else None
    return reason or error.strerror or str(error)


def file_kind(mode: int) -> str:
    """What a non-regular file is, in words."""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def unusable_file(path: Path) -> str | None:
    """Why the app's own file at `path` cannot be read and written in place: a folder, a FIFO
    (reading it would wait for ever), a device, or a link out of its folder (a write would
    land elsewhere); None when it can, or does not exist yet."""
    if path.is_symlink():
        target = Path(os.path.realpath(path))
        if target.parent != Path(os.path.realpath(path.parent)):
            return f"{path} is a link to {target}, outside its folder"
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return None
    except OSError as error:
        return f"{path} cannot be used: {describe_os_error(error)}"
    return None if stat.S_ISREG(mode) else f"{path} is {file_kind(mode)}, not a file"


def in_the_way(path: Path) -> Path | None:
    """The part of `path` (itself or a folder above it) that exists and is not a folder, so
    that nothing can be made or read there; None when there is none."""
    for candidate in (path, *path.parents):
        try:
            mode = os.stat(candidate).st_mode
        except OSError:
            continue
        return None if stat.S_ISDIR(mode) else candidate
    return None


def folder_problem(folder: Path) -> str | None:
    """ "/home/me/.local/share/RetroTimer is a file, not a folder" when something that is not
    a folder stands where `folder` or one above it should be; else None."""
    blocker = in_the_way(folder)
    if blocker is None:
        return None
    mode = os.stat(blocker).st_mode
    kind = "a file" if stat.S_ISREG(mode) else file_kind(mode)
    return f"{blocker} is {kind}, not a folder"


def read_user_file(path: Path, max_bytes: int, *, what: str = "file") -> bytes:
    """The bytes of `path`. Raises UserFileError for a folder, a device, a FIFO or a socket
    (none is opened for reading, so nothing blocks), for more than `max_bytes` (counted while
    reading: /proc files and growing files do not tell their size), and for any OS error."""
    # O_NONBLOCK: opening a FIFO with no writer would otherwise wait for ever.
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    flags |= getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        descriptor = os.open(path, flags)
    except IsADirectoryError:
        # Windows cannot open a folder at all.
        raise UserFileError(
            f"{path} is a folder, not a {what}", reason=f"this is a folder, not a {what}"
        ) from None
    except OSError as error:
        reason = f"cannot read the file: {describe_os_error(error)}"
        raise UserFileError(
            f"cannot read {path}: {describe_os_error(error)}", error.errno, reason
        ) from None
    try:
        mode = os.fstat(descriptor).st_mode
        if not stat.S_ISREG(mode):
            kind = file_kind(mode)
            raise UserFileError(
                f"{path} is {kind}, not a {what}", reason=f"this is {kind}, not a {what}"
            )
        chunks: list[bytes] = []
        size = 0
        while True:
            chunk = os.read(descriptor, min(_CHUNK, max_bytes + 1 - size))
            if not chunk:
                return b"".join(chunks)
            chunks.append(chunk)
            size += len(chunk)
            if size > max_bytes:
                reason = (
                    f"larger than {size_words(max_bytes)}, far too big for a {what}; "
                    "it was not read"
                )
                raise UserFileError(f"{path} is {reason}", reason=f"the file is {reason}")
    except UserFileError:
        raise
    except OSError as error:
        reason = f"cannot read the file: {describe_os_error(error)}"
        raise UserFileError(
            f"cannot read {path}: {describe_os_error(error)}", error.errno, reason
        ) from None
    finally:
        os.close(descriptor)


def not_utf8_words(subject: str = "the file") -> str:
    """The one wording for bytes that are not UTF-8 text, said of the file or of one line."""
    return f"{subject} is not UTF-8 text: this character cannot be read; save the file as UTF-8"


class NotUtf8Text(ValueError):
    """A user's file that is not UTF-8 text; `line` and `column` (from 1, the column in bytes)
    place the first byte that cannot be read."""

    def __init__(self, line: int, column: int) -> None:
        super().__init__(not_utf8_words())
        self.line = line
        self.column = column

    @classmethod
    def at(cls, data: bytes, offset: int) -> NotUtf8Text:
        """The failure at byte `offset` of `data`."""
        line_start = data.rfind(b"\n", 0, offset) + 1
        return cls(data.count(b"\n", 0, offset) + 1, offset - line_start + 1)


def decode_user_text(data: bytes) -> str:
    """The text of a user's file: UTF-8, a byte-order mark allowed (Windows editors write
    one); NotUtf8Text placing the first byte that is not."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise NotUtf8Text.at(data, error.start) from None


def decode_user_lines(data: bytes) -> tuple[str, tuple[NotUtf8Text, ...]]:
    """`decode_user_text` for a reader that can do without a line: each line that is not
    UTF-8 is left empty (the others keep their numbers) and its failure given."""
    try:
        return decode_user_text(data), ()
    except NotUtf8Text:
        pass
    kept: list[str] = []
    failures: list[NotUtf8Text] = []
    for number, raw in enumerate(data.split(b"\n"), start=1):
        try:
            # A byte-order mark is one only at the very start.
            kept.append(raw.decode("utf-8-sig" if number == 1 else "utf-8"))
        except UnicodeDecodeError as error:
            failures.append(NotUtf8Text(number, error.start + 1))
            kept.append("")
    return "\n".join(kept), tuple(failures)


def size_words(size: int) -> str:
    if size >= 1_000_000:
        return f"{size / 1_000_000:g} MB"
    return f"{size / 1000:g} KB"


def corrupt_name(path: Path, at_utc_s: float) -> Path:
    """history.sqlite -> history-corrupt-20240501T073000Z.sqlite, numbered when taken."""
    stamp = datetime.fromtimestamp(at_utc_s, UTC).strftime("%Y%m%dT%H%M%SZ")
    candidate = path.with_name(f"{path.stem}-corrupt-{stamp}{path.suffix}")
    number = 2
    while candidate.exists():
        candidate = path.with_name(f"{path.stem}-corrupt-{stamp}-{number}{path.suffix}")
        number += 1
    return candidate
