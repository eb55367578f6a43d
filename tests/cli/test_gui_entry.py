"""`retrotimer` without a subcommand opens the main window."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def test_no_arguments_opens_the_window(private_home: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-m", "retrotimer", "--quit-after", "0.3"],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    # The window saves its geometry when it closes: it was there.
    memory = private_home / "config" / "window.ini"
    assert "geometry" in memory.read_text(encoding="utf-8")
    assert (private_home / "data" / "templates").is_dir()
