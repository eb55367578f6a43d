"""A template's or a program's file read for its reader: any failure a TemplateError, placed."""

from __future__ import annotations

from pathlib import Path

from retrotimer.core.templates.validation import Problem, Severity, TemplateError
from retrotimer.storage.user_files import (
    NotUtf8Text,
    UserFileError,
    decode_user_text,
    read_user_file,
)

# A template is a few kilobytes; anything this big is not one, and is not read into memory.
MAX_FILE_BYTES = 1_000_000


def read_template_bytes(path: Path, *, what: str = "template file") -> bytes:
    """The file's bytes; TemplateError (never anything else) when it cannot be read: not a
    regular file, too big, or an error of the disk."""
    try:
        return read_user_file(path, MAX_FILE_BYTES, what=what)
    except UserFileError as error:
        raise TemplateError([error.reason], str(path)) from None


def decode_template_text(data: bytes, path: Path) -> str:
    """The file's text; TemplateError placing the first byte that is not UTF-8."""
    try:
        return decode_user_text(data)
    except NotUtf8Text as error:
        problem = Problem(Severity.ERROR, str(error), error.line, error.column)
        raise TemplateError([problem], str(path)) from None


def read_template_file_text(path: Path, *, what: str = "template file") -> str:
    """`read_template_bytes` then `decode_template_text`."""
    return decode_template_text(read_template_bytes(path, what=what), path)
