"""The one atomic write of user files: only regular files, modes kept, folders never made."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from retrotimer.storage import atomic
from retrotimer.storage.atomic import temp_name, write_atomic
from retrotimer.storage.user_files import UserFileError


def test_a_symlinked_file_is_written_through_and_the_link_stays(tmp_path: Path) -> None:
    real = tmp_path / "real.toml"
    real.write_text("old")
    link = tmp_path / "link.toml"
    link.symlink_to(real)
    write_atomic(link, "new")
    assert link.is_symlink() and real.read_text() == "new"


@pytest.mark.parametrize("overwrite", [True, False])
def test_a_link_out_of_its_folder_is_never_written_through(tmp_path: Path, overwrite: bool) -> None:
    outside = tmp_path / "elsewhere" / "precious.txt"
    outside.parent.mkdir()
    outside.write_text("precious")
    folder = tmp_path / "templates"
    folder.mkdir()
    link = folder / "tuesday.toml"
    link.symlink_to(outside)
    with pytest.raises(UserFileError, match="is a link to .*, outside its folder; nothing was"):
        write_atomic(link, "new", overwrite=overwrite)
    assert outside.read_text() == "precious" and link.is_symlink()
    assert sorted(p.name for p in folder.iterdir()) == ["tuesday.toml"]


def test_an_existing_file_is_kept_unless_overwriting(tmp_path: Path) -> None:
    target = tmp_path / "kept.toml"
    target.write_text("mine")
    with pytest.raises(UserFileError, match="already exists; it was left as it is"):
        write_atomic(target, "theirs", overwrite=False)
    assert target.read_text() == "mine"


def test_the_app_may_make_its_own_folders(tmp_path: Path) -> None:
    target = tmp_path / "a" / "b" / "settings.toml"
    with pytest.raises(UserFileError, match="does not exist"):
        write_atomic(target, "x")
    write_atomic(target, "x", make_folder=True)
    assert target.read_text() == "x"


def test_a_failed_write_leaves_the_old_file_and_no_temp_file(tmp_path: Path) -> None:
    target = tmp_path / "history.json"
    target.write_text("old")
    target.chmod(0o640)
    with pytest.raises(UserFileError, match="not Unicode"):
        write_atomic(target, "ok \ud800")
    with pytest.raises(UserFileError, match="history.json is not a folder; x was not written"):
        write_atomic(target / "x", "a file is not a folder")
    assert target.read_text() == "old" and stat.S_IMODE(target.stat().st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["history.json"]


def test_temp_names_stay_short_whatever_the_target() -> None:
    name = "\U00020000" * 60 + ".toml"
    temp = temp_name(name)
    assert temp.startswith(".") and temp.endswith(".tmp")
    assert len(temp.encode("utf-8")) < 255 - 100
    assert os.path.basename(temp) == temp


def test_a_new_file_never_replaces_one_made_meanwhile(tmp_path: Path) -> None:
    # The last step of a new file's write, when another program has made the file since
    # the write looked: the other program's file is kept.
    target = tmp_path / "tuesday.toml"
    target.write_text("theirs")
    temp = tmp_path / temp_name(target.name)
    temp.write_text("ours")
    with pytest.raises(FileExistsError):
        atomic._link_new(temp, target)
    assert target.read_text() == "theirs"
    write_atomic(tmp_path / "monday.toml", "new", overwrite=False)
    assert (tmp_path / "monday.toml").read_text() == "new"
    assert sorted(p.name for p in tmp_path.iterdir() if p != temp) == [
        "monday.toml",
        "tuesday.toml",
    ]
