"""Reading the user's files: a real cap on what is read, plain files only, one plain error."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from retrotimer.core.templates.validation import TemplateError
from retrotimer.exchange.user_files import decode_text, read_user_file


def test_a_file_is_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "w.fit"
    path.write_bytes(b"abc")
    assert read_user_file(path) == b"abc"


def test_more_than_the_cap_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.zwo"
    path.write_bytes(b"x" * 2001)
    with pytest.raises(TemplateError, match="larger than 0 MB|far too big"):
        read_user_file(path, limit=2000)
    path.write_bytes(b"x" * 2000)
    assert len(read_user_file(path, limit=2000)) == 2000


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_pipe_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.fit"
    os.mkfifo(pipe)
    with pytest.raises(TemplateError, match=r"not a template file"):
        read_user_file(pipe)


def test_a_missing_file_and_a_folder_are_one_line(tmp_path: Path) -> None:
    with pytest.raises(TemplateError) as missing:
        read_user_file(tmp_path / "nope.fit")
    assert "cannot read the file" in str(missing.value) and "\n" not in str(missing.value)
    with pytest.raises(TemplateError, match=r"not a template file"):
        read_user_file(tmp_path)


def test_text_that_is_not_utf8_names_its_line(tmp_path: Path) -> None:
    with pytest.raises(TemplateError, match="line 2: the file is not UTF-8"):
        decode_text(b"- 5m\n- \xff 30s\n", tmp_path / "w.txt")
