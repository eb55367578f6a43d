"""The Linux desktop entry and AppStream metainfo validate and agree with the app and the icon."""

from __future__ import annotations

import configparser
import shutil
import subprocess
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

from retrotimer import __version__
from tests.packaging.scripts import PACKAGING

LINUX = PACKAGING / "linux"
APP_ID = "org.retrotimer.RetroTimer"
DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"


def validator(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (packaging/system-deps.sh test installs it)")
    return path


def desktop_entry(path: Path = DESKTOP) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def test_the_desktop_entry_validates() -> None:
    result = subprocess.run(
        [validator("desktop-file-validate"), str(DESKTOP)], capture_output=True, text=True
    )
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


def test_the_validator_rejects_a_broken_desktop_entry(tmp_path: Path) -> None:
    broken = tmp_path / f"{APP_ID}.desktop"
    broken.write_text(
        DESKTOP.read_text(encoding="utf-8").replace("Type=Application", "Type=Program"),
        encoding="utf-8",
    )
    result = subprocess.run(
        [validator("desktop-file-validate"), str(broken)], capture_output=True, text=True
    )
    assert result.returncode != 0


def test_the_metainfo_validates() -> None:
    result = subprocess.run(
        [validator("appstreamcli"), "validate", "--no-net", str(METAINFO)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_validator_rejects_broken_metainfo(tmp_path: Path) -> None:
    broken = tmp_path / f"{APP_ID}.metainfo.xml"
    broken.write_text(
        METAINFO.read_text(encoding="utf-8")
        .replace("<summary>", "<summary>.")
        .replace("</summary>", ".</summary>")
        .replace(f"<id>{APP_ID}</id>", "<id></id>"),
        encoding="utf-8",
    )
    result = subprocess.run(
        [validator("appstreamcli"), "validate", "--no-net", str(broken)],
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0


def test_the_desktop_entry_starts_the_program_with_its_icon() -> None:
    entry = desktop_entry()
    assert entry["Exec"].split()[0] == "retrotimer"
    assert entry["Icon"] == APP_ID
    assert entry["StartupWMClass"] == "RetroTimer"  # the X11 window class: the app name
    assert (LINUX / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg").is_file()


def test_the_metainfo_names_the_desktop_entry_and_the_current_version() -> None:
    root = ElementTree.parse(METAINFO).getroot()
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == DESKTOP.name
    assert root.findtext("provides/binary") == desktop_entry()["Exec"].split()[0]
    releases = root.findall("releases/release")
    assert releases and releases[0].get("version") == __version__
