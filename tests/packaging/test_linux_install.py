"""The Linux installer puts the bundle, command, menu entry, icons and metainfo in place, and
takes exactly those away again."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from tests.packaging.scripts import PACKAGING, ROOT

INSTALL = PACKAGING / "linux" / "install.sh"
APP_ID = "org.retrotimer.RetroTimer"


def fake_bundle(folder: Path) -> Path:
    """A stand-in for dist/retrotimer: a program that says its version, and a data file."""
    folder.mkdir()
    program = folder / "retrotimer"
    program.write_text("#!/bin/sh\necho retrotimer from the bundle\n", encoding="utf-8")
    program.chmod(0o755)
    (folder / "_internal").mkdir()
    (folder / "_internal" / "data.txt").write_text("data", encoding="utf-8")
    return folder


def install(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", str(INSTALL), *map(str, args)], capture_output=True, text=True, cwd=ROOT
    )


def test_install_then_uninstall(tmp_path: Path) -> None:
    prefix = tmp_path / "prefix"
    bundle = fake_bundle(tmp_path / "bundle")
    result = install("--prefix", prefix, bundle)
    assert result.returncode == 0, result.stderr

    command = prefix / "bin" / "retrotimer"
    assert subprocess.run([command], capture_output=True, text=True).stdout == (
        "retrotimer from the bundle\n"
    )
    assert (prefix / "lib" / "retrotimer" / "_internal" / "data.txt").is_file()
    desktop = (prefix / "share" / "applications" / f"{APP_ID}.desktop").read_text("utf-8")
    assert f"Exec={prefix}/lib/retrotimer/retrotimer\n" in desktop
    assert (prefix / "share" / "metainfo" / f"{APP_ID}.metainfo.xml").is_file()
    for size in ("16x16", "48x48", "256x256", "512x512"):
        assert (prefix / "share" / "icons" / "hicolor" / size / "apps" / f"{APP_ID}.png").is_file()
    assert (prefix / "share/icons/hicolor/scalable/apps" / f"{APP_ID}.svg").is_file()
    if shutil.which("desktop-file-validate"):
        installed = prefix / "share" / "applications" / f"{APP_ID}.desktop"
        check = subprocess.run(["desktop-file-validate", str(installed)], capture_output=True)
        assert check.returncode == 0, check.stdout

    # Something of the user's own in the same folders stays where it is.
    own = prefix / "share" / "applications" / "other.desktop"
    own.write_text("[Desktop Entry]\n", encoding="utf-8")
    result = install("--prefix", prefix, "--uninstall")
    assert result.returncode == 0, result.stderr
    assert not command.exists() and not command.is_symlink()
    assert not (prefix / "lib" / "retrotimer").exists()
    assert not list(prefix.rglob(f"{APP_ID}*"))
    assert own.is_file()


def test_reinstalling_replaces_the_old_program(tmp_path: Path) -> None:
    prefix = tmp_path / "prefix"
    bundle = fake_bundle(tmp_path / "bundle")
    assert install("--prefix", prefix, bundle).returncode == 0
    (bundle / "_internal" / "data.txt").unlink()
    (bundle / "_internal" / "new.txt").write_text("new", encoding="utf-8")
    assert install("--prefix", prefix, bundle).returncode == 0
    internal = prefix / "lib" / "retrotimer" / "_internal"
    assert sorted(path.name for path in internal.iterdir()) == ["new.txt"]


def test_a_missing_bundle_is_reported_and_nothing_installed(tmp_path: Path) -> None:
    result = install("--prefix", tmp_path / "prefix", tmp_path / "nothing")
    assert result.returncode == 1
    assert "make dist" in result.stderr
    assert not (tmp_path / "prefix").exists()


def test_an_unknown_option_is_refused(tmp_path: Path) -> None:
    result = install("--prefx", tmp_path)
    assert result.returncode == 2 and "--prefx" in result.stderr
