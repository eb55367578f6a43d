"""Template, program and workout files read for their readers: a real cap, plain files only,
one placed error."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from retrotimer.core.templates.validation import TemplateError
from retrotimer.storage.templates.template_files import (
    MAX_FILE_BYTES,
    decode_template_text,
    read_template_bytes,
    read_template_file_text,
)


def test_a_file_is_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "w.fit"
    path.write_bytes(b"abc")
    assert read_template_bytes(path) == b"abc"


def test_more_than_the_cap_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.zwo"
    path.write_bytes(b"x" * (MAX_FILE_BYTES + 1))
    with pytest.raises(TemplateError, match="larger than 1 MB|far too big"):
        read_template_bytes(path)
    path.write_bytes(b"x" * MAX_FILE_BYTES)
    assert len(read_template_bytes(path)) == MAX_FILE_BYTES


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_pipe_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.fit"
    os.mkfifo(pipe)
    with pytest.raises(TemplateError, match=r"not a template file"):
        read_template_bytes(pipe)


def test_a_missing_file_and_a_folder_are_one_line(tmp_path: Path) -> None:
    with pytest.raises(TemplateError) as missing:
        read_template_bytes(tmp_path / "nope.fit")
    assert "cannot read the file" in str(missing.value) and "\n" not in str(missing.value)
    with pytest.raises(TemplateError, match=r"not a program file"):
        read_template_file_text(tmp_path, what="program file")


def test_text_that_is_not_utf8_is_placed_at_its_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "w.txt"
    with pytest.raises(TemplateError) as error:
        decode_template_text(b"- 5m\n- \xff 30s\n", path)
    (problem,) = error.value.details
    assert (problem.line, problem.column) == (2, 3)
    assert str(error.value) == (
        f"{path}:2:3: error: the file is not UTF-8 text: this character cannot be read; "
        "save the file as UTF-8"
    )


def test_a_byte_order_mark_is_not_part_of_the_text(tmp_path: Path) -> None:
    path = tmp_path / "notepad.txt"
    path.write_bytes(b"\xef\xbb\xbf# Mine\n")
    assert read_template_file_text(path) == "# Mine\n"
