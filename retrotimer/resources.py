"""Files shipped inside the package (icons, voice clips), found alike from source and frozen."""

from __future__ import annotations

import importlib.resources
import re
import sys
from pathlib import Path

PACKAGE = "retrotimer"
ICON_NAME = re.compile(r"retrotimer-(\d+)\.png")


def assets_dir() -> Path:
    """`retrotimer/assets` as a real folder.

    From a source tree or an installed wheel this is beside the package's code. A PyInstaller
    bundle keeps the package layout under its own folder (`sys._MEIPASS`), and its importer
    hands out that folder to `importlib.resources`, so the same call finds it there.
    """
    root = importlib.resources.files(PACKAGE)
    if isinstance(root, Path):
        return root / "assets"
    # Another kind of importer (a zip file, say): the bundle folder is the one place left.
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle is None:
        raise RuntimeError(f"{PACKAGE} is imported from {root}, which is not a folder")
    return Path(bundle) / PACKAGE / "assets"


def window_icon_files(assets: Path | None = None) -> list[tuple[int, Path]]:
    """The window icon's PNG files by size, smallest first."""
    folder = (assets if assets is not None else assets_dir()) / "icons"
    found = []
    for path in folder.glob("retrotimer-*.png"):
        match = ICON_NAME.fullmatch(path.name)
        if match:
            found.append((int(match.group(1)), path))
    return sorted(found)

