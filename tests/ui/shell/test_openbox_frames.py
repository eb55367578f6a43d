"""The window and the tallest dialogs under a real window manager: openbox on Xvfb at each of
the three screen sizes frames them, and every frame lies inside the screen."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QRect

from tests.ui.screen_geometry import SCREEN_SIZES

CHECKED = {"main window", "settings", "summary with dizziness and pain ticked"}


@pytest.mark.slow
@pytest.mark.skipif(
    shutil.which("xvfb-run") is None or shutil.which("openbox") is None,
    reason="needs xvfb-run and openbox",
)
@pytest.mark.parametrize("size", SCREEN_SIZES)
def test_openbox_frames_every_window_inside_the_screen(private_home: Path, size: str) -> None:
    environ = {**os.environ, "QT_QPA_PLATFORM": "xcb"}
    result = subprocess.run(
        ["xvfb-run", "-a", "-s", f"-screen 0 {size}x24"]
        + [sys.executable, "-m", "tests.ui.shell.openbox_frames"],
        capture_output=True,
        text=True,
        timeout=120,
        env=environ,
        cwd=Path(__file__).parents[3],
        check=False,
    )
    assert result.returncode == 0, result.stderr
    shown = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert {window["name"] for window in shown} == CHECKED
    width, height = map(int, size.split("x"))
    for window in shown:
        frame, inner = QRect(*window["frame"]), QRect(*window["inner"])
        available = QRect(*window["available"])
        assert available.size().toTuple() == (width, height)
        assert frame.contains(inner) and frame.top() < inner.top(), f"unframed: {window}"
        assert available.contains(frame), window
