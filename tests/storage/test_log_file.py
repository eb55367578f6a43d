"""The log file: written by every launch, rotated at its size, and never in the way."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest

from retrotimer.storage.log_file import BACKUPS, LOG_NAME, MAX_BYTES, logging_to_file
from retrotimer.storage.paths import AppPaths
from tests.storage.disk_faults import make_read_only, small_disk


def test_a_launch_is_logged_with_its_warnings(
    private_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = AppPaths.from_environment()
    with logging_to_file(paths, "a test launch") as path:
        logging.getLogger("retrotimer.audio").warning("the sound output went away")
        logging.getLogger("retrotimer.audio").debug("not worth a line")
    assert path == private_home / "log" / LOG_NAME
    text = path.read_text(encoding="utf-8")
    assert "started: a test launch" in text and "ended: a test launch" in text
    assert "WARNING retrotimer.audio: the sound output went away" in text
    assert "not worth a line" not in text
    assert capsys.readouterr().err == "retrotimer: the sound output went away\n"
    logging.getLogger("retrotimer").warning("after the launch")
    assert "after the launch" not in path.read_text(encoding="utf-8")


def test_the_file_rotates_and_keeps_a_few(private_home: Path) -> None:
    paths = AppPaths.from_environment()
    line = "x" * 1000
    with logging_to_file(paths, "a long launch"):
        for _ in range((BACKUPS + 2) * MAX_BYTES // 1000):
            logging.getLogger("retrotimer").info(line)
    kept = sorted(path.name for path in paths.log.iterdir())
    assert kept == [LOG_NAME] + [f"{LOG_NAME}.{number}" for number in range(1, BACKUPS + 1)]
    assert all(path.stat().st_size <= MAX_BYTES + 2000 for path in paths.log.iterdir())


def test_a_rotation_that_fails_loses_no_line(
    private_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = AppPaths.from_environment()
    paths.log.mkdir(parents=True)
    for number in (2, 3):  # folders with something in them, where the old files would go
        (paths.log / f"{LOG_NAME}.{number}" / "kept").mkdir(parents=True)
    line = "x" * 1000
    with logging_to_file(paths, "a launch that cannot rotate") as path:
        assert path is not None
        for _ in range(MAX_BYTES // 1000 + 50):
            logging.getLogger("retrotimer").info(line)
        logging.getLogger("retrotimer").info("the last line")
    assert "the last line" in path.read_text(encoding="utf-8")
    assert path.stat().st_size > MAX_BYTES
    assert "Logging error" in capsys.readouterr().err


@pytest.mark.slow
def test_a_log_folder_that_cannot_be_written_is_said_and_the_launch_goes_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with small_disk(tmp_path / "stick") as stick:
        make_read_only(stick)
        paths = AppPaths.from_environment({"RETROTIMER_HOME": str(stick)})
        with logging_to_file(paths, "a read-only launch") as path:
            logging.getLogger("retrotimer").warning("still said")
    assert path is None
    error = capsys.readouterr().err
    assert f"no log file in {stick / 'log'}" in error and "still said" in error


@pytest.mark.parametrize("kind", ["fifo", "link out of its folder"])
def test_a_log_file_that_is_a_fifo_or_a_link_out_is_never_opened(
    kind: str, private_home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = AppPaths.from_environment()
    paths.log.mkdir(parents=True)
    precious = tmp_path / "precious.txt"
    precious.write_text("precious")
    if kind == "fifo":
        os.mkfifo(paths.log / LOG_NAME)
    else:
        (paths.log / LOG_NAME).symlink_to(precious)
    with logging_to_file(paths, "a launch") as path:
        logging.getLogger("retrotimer").warning("still said")
    assert path is None and precious.read_text() == "precious"
    error = capsys.readouterr().err
    assert f"no log file in {paths.log}: {paths.log / LOG_NAME} is" in error
    assert "still said" in error
