"""`retrotimer` without a subcommand opens the main window."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from retrotimer.app import open_history
from retrotimer.core.history.history_values import SessionStart
from retrotimer.core.history.wall_time import WallTime
from retrotimer.core.model import Venue
from retrotimer.storage.log_file import LOG_NAME
from retrotimer.storage.paths import AppPaths
from tests.cli_runner import retrotimer
from tests.storage.disk_faults import make_read_only, small_disk

SETTINGS_READ_IN_PART = b"cadence_backward_jog = 150\nvolume = 7.0\n"


def test_no_arguments_opens_the_window(private_home: Path) -> None:
    result = retrotimer("--quit-after", "0.3")
    assert result.returncode == 0, result.stderr
    # The window saves its geometry when it closes: it was there.
    memory = private_home / "config" / "window.ini"
    assert "geometry" in memory.read_text(encoding="utf-8")
    assert (private_home / "data" / "templates").is_dir()


def open_window(home: Path) -> subprocess.CompletedProcess[str]:
    return retrotimer("--quit-after", "0.5", home=home)


@pytest.mark.slow
def test_the_window_opens_on_a_read_only_empty_home_and_says_so(tmp_path: Path) -> None:
    with small_disk(tmp_path / "stick") as stick:
        make_read_only(stick)
        result = open_window(stick)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert f"RetroTimer cannot write in {stick}" in result.stderr
    assert "the disk is read-only" in result.stderr


def half_readable_settings(home: Path) -> Path:
    """A settings file in `home` with one good value and one out of range; its folder."""
    config = home / "config"
    config.mkdir(parents=True)
    (config / "settings.toml").write_bytes(SETTINGS_READ_IN_PART)
    return config


@pytest.mark.slow
def test_the_window_keeps_the_readable_settings_and_the_bad_file_aside(private_home: Path) -> None:
    config = half_readable_settings(private_home)
    result = open_window(private_home)
    assert result.returncode == 0, result.stderr
    assert "it was moved to" in result.stderr and "the values that could be read" in result.stderr
    (aside,) = config.glob("settings-corrupt-*.toml")
    assert aside.read_bytes() == SETTINGS_READ_IN_PART
    kept = (config / "settings.toml").read_text(encoding="utf-8")
    assert "cadence_backward_jog = 150" in kept and "volume = 0.8" in kept


# Opens the window as `retrotimer` does, lets it close itself, and prints its notices.
NOTICES_SCRIPT = """
import sys
from PySide6.QtWidgets import QApplication
from retrotimer.app import run_gui
from retrotimer.ui.shell.main_window import MainWindow
app = QApplication(sys.argv[:1])
code = run_gui(sys.argv[:1], quit_after_s=0.3)
(window,) = [w for w in app.topLevelWidgets() if isinstance(w, MainWindow)]
print("\\n".join(window.notices.texts()))
sys.exit(code)
"""


def notices_after_start(home: Path) -> str:
    result = subprocess.run(
        [sys.executable, "-c", NOTICES_SCRIPT],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "RETROTIMER_HOME": str(home)},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


@pytest.mark.slow
def test_a_notice_says_a_settings_file_was_kept_aside(private_home: Path) -> None:
    half_readable_settings(private_home)
    message = notices_after_start(private_home)
    assert message.startswith(
        "The settings file could not be used as it was (line 2: volume = 7.0: volume must be 0-1"
    )
    assert "the values that could be read are kept" in message


@pytest.mark.slow
def test_a_notice_says_which_folder_cannot_be_written(tmp_path: Path) -> None:
    with small_disk(tmp_path / "stick") as stick:
        # Welcomed before: nothing would be saved at the start but for the folders.
        (stick / "config").mkdir()
        (stick / "config" / "settings.toml").write_text("first_run_done = true\n")
        make_read_only(stick)
        message = notices_after_start(stick)
    assert message.startswith(f"RetroTimer cannot write in {stick}")
    assert "the disk is read-only" in message


@pytest.mark.slow
def test_a_session_a_crash_left_is_a_notice_and_every_launch_writes_the_log(
    private_home: Path,
) -> None:
    paths = AppPaths.from_environment().ensure()
    history, _ = open_history(paths)
    assert history is not None
    history.store.begin_session(
        SessionStart("abc", "First steps", "{}", Venue.TRACK, WallTime(1714980600.0, 0), 600.0)
    )
    history.close()  # as if the app had died mid-session
    notices = notices_after_start(private_home)
    assert "(First steps) did not finish; it is kept as interrupted" in notices
    log = (private_home / "log" / LOG_NAME).read_text(encoding="utf-8")
    assert "started: the window" in log and "ended: the window" in log
    assert "did not finish; it is kept as interrupted" in log
    notices_after_start(private_home)  # a second launch adds to the same file
    log = (private_home / "log" / LOG_NAME).read_text(encoding="utf-8")
    assert log.count("started: the window") == 2
