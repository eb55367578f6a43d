"""`retrotimer templates export --format fit|icu` and `templates import` of other tools' files."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from garmin_fit_sdk import Decoder, Stream

from retrotimer.storage.paths import AppPaths


def retrotimer(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "retrotimer", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        check=False,
    )


def fit_steps(path: Path) -> list[dict[str, object]]:
    stream = Stream.from_byte_array(bytearray(path.read_bytes()))
    messages, errors = Decoder(stream).read()
    assert errors == []
    return messages["workout_step_mesgs"]  # type: ignore[no-any-return]


def test_export_a_built_in_template_for_a_watch(tmp_path: Path) -> None:
    target = tmp_path / "first.fit"
    done = retrotimer(
        "templates", "export", "First steps backward", "--format", "fit", "-o", str(target)
    )
    assert done.returncode == 0, done.stderr
    assert f'exported "First steps backward" to {target}' in done.stdout
    assert Decoder(Stream.from_byte_array(bytearray(target.read_bytes()))).check_integrity()
    assert fit_steps(target)[1]["duration_type"] == "time"


def test_steps_as_lap_by_flag_and_by_setting(tmp_path: Path) -> None:
    by_flag = tmp_path / "flag.fit"
    args = ("templates", "export", "Short backward jogs", "--format", "fit")
    assert retrotimer(*args, "--steps-as", "lap", "-o", str(by_flag)).returncode == 0
    assert fit_steps(by_flag)[2]["duration_type"] == "open"

    settings_file = AppPaths.from_environment().settings_file
    settings_file.parent.mkdir(parents=True, exist_ok=True)
    settings_file.write_text('watch_steps_as = "lap"\n', encoding="utf-8")
    by_setting = tmp_path / "setting.fit"
    assert retrotimer(*args, "-o", str(by_setting)).returncode == 0
    assert fit_steps(by_setting)[2]["duration_type"] == "open"
    by_time = tmp_path / "time.fit"
    assert retrotimer(*args, "--steps-as", "time", "-o", str(by_time)).returncode == 0
    assert fit_steps(by_time)[2]["duration_type"] == "time"


def test_an_existing_file_is_kept_without_force(tmp_path: Path) -> None:
    target = tmp_path / "kept.fit"
    target.write_bytes(b"mine")
    args = ("templates", "export", "Backward sprints", "--format", "fit", "-o", str(target))
    done = retrotimer(*args)
    assert done.returncode == 1
    assert "already exists" in done.stderr and "--force" in done.stderr
    assert target.read_bytes() == b"mine"
    assert retrotimer(*args, "--force").returncode == 0
    assert target.read_bytes() != b"mine"


def test_fit_is_not_printed_to_the_terminal() -> None:
    done = retrotimer("templates", "export", "Backward sprints", "--format", "fit")
    assert done.returncode == 2
    assert "-o FILE.fit" in done.stderr
    assert done.stdout == ""
