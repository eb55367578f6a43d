"""Write a user's file so that a crash leaves the old or the new content, never a mix."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from retrotimer.storage.user_files import (
    UserFileError,
    describe_os_error,
    file_kind,
    folder_problem,
)

# The temp file's name starts with this much of the target's, so a leftover is recognised
# without the temp name ever passing the file system's 255-byte limit.
_TEMP_NAME_BYTES = 100


def temp_name(target: str) -> str:
    """ ".NAME.RANDOM.tmp" beside the target: a dot file, which listings skip."""
    head = target.encode("utf-8")[:_TEMP_NAME_BYTES].decode("utf-8", "ignore")
    # os.urandom, not secrets: that imports hashlib, which maps OpenSSL's libcrypto (3 MB).
    return f".{head}.{os.urandom(4).hex()}.tmp"


def write_atomic(
    path: Path, text: str | bytes, *, overwrite: bool = True, make_folder: bool = False
) -> None:
    """Write `text` (bytes as they are) to a temp file beside `path`, fsync it, then
    os.replace it into place.

    Refuses (UserFileError) a target that is a folder, a device or anything but a regular
    file, an existing file unless `overwrite`, and a missing folder unless `make_folder`
    (the app's own folders). A replaced file keeps its permissions; a new one gets the
    usual ones (the umask's). A link is followed only to a file in the same folder: one that
    points elsewhere is refused, so a write never lands outside the folder it was aimed at.
    Every failure is a UserFileError naming the file; nothing is left behind but the old
    file."""
    path = _within_its_folder(path)
    folder = path.parent
    try:
        data = text if isinstance(text, bytes) else text.encode("utf-8")
    except UnicodeEncodeError:
        raise UserFileError(
            f"cannot write {path}: the text holds a character that is not Unicode "
            "(a lone surrogate); nothing was written"
        ) from None
    try:
        if make_folder:
            _make_folder(folder, path)
        elif not folder.is_dir():
            missing = "is not a folder" if os.path.lexists(folder) else "does not exist"
            raise UserFileError(f"the folder {folder} {missing}; {path.name} was not written")
        try:
            existing: os.stat_result | None = os.stat(path)
        except FileNotFoundError:
            existing = None
        if existing is not None:
            if not stat.S_ISREG(existing.st_mode):
                raise UserFileError(
                    f"{path} is {file_kind(existing.st_mode)}, not a file; nothing was written"
                )
            if not overwrite:
                raise UserFileError(f"{path} already exists; it was left as it is", errno.EEXIST)
        _replace_with(path, data, existing, exclusive=not overwrite)
    except FileExistsError:
        raise UserFileError(f"{path} already exists; it was left as it is", errno.EEXIST) from None
    except UserFileError:
        raise
    except OSError as error:
        raise UserFileError(
            f"cannot write {path}: {describe_os_error(error)}", error.errno
        ) from None


def _within_its_folder(path: Path) -> Path:
    """The file a write to `path` lands in: `path`, or where its link points when that is in
    the same folder; UserFileError for a link out of it (into another folder, or to a
    device), so that a link planted among the app's files cannot redirect a write."""
    if not path.is_symlink():
        return path
    target = Path(os.path.realpath(path))
    if target.parent != Path(os.path.realpath(path.parent)):
        raise UserFileError(
            f"{path} is a link to {target}, outside its folder; nothing was written (a link is "
            "followed only to a file beside it)"
        )
    return target


def _make_folder(folder: Path, path: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        reason = folder_problem(folder) or describe_os_error(error)
        raise UserFileError(f"cannot write {path}: {reason}", error.errno) from None


def _replace_with(
    path: Path, data: bytes, existing: os.stat_result | None, *, exclusive: bool
) -> None:
    temp = path.with_name(temp_name(path.name))
    # 0o666 and the umask give a new file the mode any other program's new file gets.
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    descriptor = os.open(temp, flags, 0o666)
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
            stream.flush()
            if existing is not None and os.name == "posix":
                os.fchmod(stream.fileno(), stat.S_IMODE(existing.st_mode))
            os.fsync(stream.fileno())
        if exclusive:
            _link_new(temp, path)
        else:
            os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    _fsync_directory(path.parent)


def _link_new(temp: Path, path: Path) -> None:
    """Put the written file in place only if no file is there: a hard link fails with
    FileExistsError when one is, even one made a moment ago by another program (what
    O_EXCL does for a new file). Where the file system has no hard links, a rename after
    a last look is the best there is."""
    try:
        os.link(temp, path)
    except FileExistsError:
        raise
    except OSError:
        if os.path.lexists(path):
            raise FileExistsError(errno.EEXIST, "exists", str(path)) from None
        os.replace(temp, path)
        return
    temp.unlink()


def _fsync_directory(directory: Path) -> None:
    # Makes the rename itself durable on POSIX; Windows cannot open directories.
    if os.name != "posix":
        return
    descriptor = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
