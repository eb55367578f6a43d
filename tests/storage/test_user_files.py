"""Reading a file the user names: what it is, how big, and failed calls in plain words."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from retrotimer.storage.user_files import (
    NotUtf8Text,
    UserFileError,
    decode_user_lines,
    decode_user_text,
    describe_os_error,
    not_utf8_words,
    read_user_file,
)

pytestmark = pytest.mark.skipif(os.name != "posix", reason="FIFOs and /dev are POSIX")


@pytest.mark.parametrize(
    ("code", "words"),
    [
        (errno.ENOSPC, "the disk is full"),
        (errno.EROFS, "the disk is read-only"),
        (errno.EDQUOT, "the disk quota is used up"),
        (errno.EACCES, "permission denied"),
        (errno.ENAMETOOLONG, "the file name is too long"),
        (errno.EIO, "the disk reported an input/output error"),
    ],
)
def test_failed_calls_are_told_in_plain_words(code: int, words: str) -> None:
    assert describe_os_error(OSError(code, os.strerror(code))) == words


def test_an_unknown_error_keeps_the_system_words() -> None:
    assert describe_os_error(OSError(errno.EXDEV, "Invalid cross-device link")) == (
        "Invalid cross-device link"
    )


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda path: path.mkdir(), "is a folder, not a template"),
        (lambda path: os.mkfifo(path), r"is a named pipe \(FIFO\), not a template"),
        (lambda path: path.write_bytes(b"x" * 1001), "is larger than 1 KB"),
        (lambda path: None, "cannot read .*: no such file or folder"),
    ],
)
def test_only_regular_files_within_the_cap_are_read(
    make: object, message: str, tmp_path: Path
) -> None:
    path = tmp_path / "offered"
    make(path)  # type: ignore[operator]
    with pytest.raises(UserFileError, match=message):
        read_user_file(path, 1000, what="template")


def test_a_device_is_refused_before_a_byte_is_read() -> None:
    with pytest.raises(UserFileError, match="/dev/zero is a device, not a file"):
        read_user_file(Path("/dev/zero"), 1000)


def test_a_file_at_the_cap_is_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "exact"
    path.write_bytes(b"y" * 1000)
    assert read_user_file(path, 1000) == b"y" * 1000


def test_text_may_start_with_a_byte_order_mark() -> None:
    assert decode_user_text(b"\xef\xbb\xbfa = 1\n") == "a = 1\n"
    assert decode_user_lines("é\n".encode()) == ("é\n", ())


def test_text_that_is_not_utf8_is_placed_at_its_first_bad_byte() -> None:
    with pytest.raises(NotUtf8Text) as error:
        decode_user_text(b"a = 1\nb = \xff\xfe\nc = \xff\n")
    assert (error.value.line, error.value.column) == (2, 5)
    assert str(error.value) == (
        "the file is not UTF-8 text: this character cannot be read; save the file as UTF-8"
    )


def test_lines_that_are_not_utf8_are_left_empty_and_the_rest_kept() -> None:
    text, failures = decode_user_lines(b"\xef\xbb\xbfa = 1\nb = \xff\nc = 3\n\xc3\n")
    assert text == "a = 1\n\nc = 3\n\n"
    assert [(failure.line, failure.column) for failure in failures] == [(2, 5), (4, 1)]
    assert not_utf8_words("line 2").startswith("line 2 is not UTF-8 text: ")
