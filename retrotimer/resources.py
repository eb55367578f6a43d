"""Files shipped inside the package (icons, voice clips), found alike from source and frozen."""

from __future__ import annotations

import importlib.resources
import re
from pathlib import Path

PACKAGE = "retrotimer"
ICON_NAME = re.compile(r"retrotimer-(\d+)\.png")


def assets_dir() -> Path:
    """`retrotimer/assets` as a real folder.

    From a source tree or an installed wheel this is beside the package's code. A PyInstaller
    bundle keeps the package layout under its own folder (`sys._MEIPASS`), and its importer
    answers `importlib.resources.files` with a path there, so one call finds both.
    """
    root = importlib.resources.files(PACKAGE)
    if not isinstance(root, Path):
        # A zip import, say: the clips and icons must be real files for Qt and the decoder.
        raise RuntimeError(f"{PACKAGE} is imported from {root}, which is not a folder")
    return root / "assets"


def window_icon_files(assets: Path | None = None) -> list[tuple[int, Path]]:
    """The window icon's PNG files by size, smallest first."""
    folder = (assets if assets is not None else assets_dir()) / "icons"
    found = []
    for path in folder.glob("retrotimer-*.png"):
        match = ICON_NAME.fullmatch(path.name)
        if match:
            found.append((int(match.group(1)), path))
    return sorted(found)
