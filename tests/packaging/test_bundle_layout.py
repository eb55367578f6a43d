"""The bundle's layout: nothing the app imports is left out, icons exist, the version agrees."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import retrotimer
from tests.packaging.scripts import PACKAGING, ROOT, load_script

layout = load_script("bundle_layout")


def imported_modules(package: Path) -> set[str]:
    """Every module named in an import statement anywhere in the package."""
    names: set[str] = set()
    for path in package.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names |= {alias.name for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.add(node.module)
                names |= {f"{node.module}.{alias.name}" for alias in node.names}
    return names


def test_nothing_the_app_imports_is_excluded() -> None:
    used = imported_modules(ROOT / "retrotimer")
    assert "PySide6.QtCore" in used
    excluded = set(layout.EXCLUDED_MODULES)
    assert not {name for name in used if name in excluded or name.split(".")[0] in excluded}


def test_the_check_sees_an_excluded_import(tmp_path: Path) -> None:
    (tmp_path / "module.py").write_text("from PySide6 import QtWebEngineCore\n", encoding="utf-8")
    assert "PySide6.QtWebEngineCore" in imported_modules(tmp_path)
    assert "PySide6.QtWebEngineCore" in layout.EXCLUDED_MODULES


def test_the_exchange_libraries_go_into_the_bundle() -> None:
    import importlib

    used = imported_modules(ROOT / "retrotimer" / "exchange")
    for library in ("garmin_fit_sdk", "defusedxml"):
        assert library in {name.split(".")[0] for name in used}
        assert library in layout.HIDDEN_IMPORTS
    for name in layout.HIDDEN_IMPORTS:
        importlib.import_module(name)
        assert name.split(".")[0] not in layout.EXCLUDED_MODULES


def test_qtnetwork_stays_for_qtmultimedia() -> None:
    assert "PySide6.QtNetwork" not in layout.EXCLUDED_MODULES
    assert "PySide6.QtMultimedia" not in layout.EXCLUDED_MODULES


@pytest.mark.parametrize(
    ("platform", "suffix"), [("win32", ".ico"), ("darwin", ".icns"), ("linux", None)]
)
def test_each_platform_gets_its_icon_format(platform: str, suffix: str | None) -> None:
    icon = layout.icon_for(platform)
    if suffix is None:
        assert icon is None
    else:
        assert icon is not None and icon.suffix == suffix and icon.is_file()


def test_only_windows_and_macos_get_a_windowed_program() -> None:
    assert layout.has_windowed_program("win32") and layout.has_windowed_program("darwin")
    assert not layout.has_windowed_program("linux")


def test_the_bundle_carries_the_package_assets_and_the_entry_point() -> None:
    assert layout.ENTRY_SCRIPT.is_file()
    for source, target in layout.DATA:
        assert source.is_dir() and (source / "icons").is_dir()
        assert Path(target).parts == ("retrotimer", "assets")


def test_the_version_is_read_without_importing() -> None:
    assert layout.version() == retrotimer.__version__


def test_the_spec_builds_from_the_layout() -> None:
    spec = (PACKAGING / "retrotimer.spec").read_text(encoding="utf-8")
    for name in (
        "EXCLUDED_MODULES",
        "HIDDEN_IMPORTS",
        "icon_for",
        "DATA",
        "ENTRY_SCRIPT",
        "CONSOLE_NAME",
    ):
        assert f"layout.{name}" in spec
    compile(spec, "retrotimer.spec", "exec")  # at least valid Python


@pytest.mark.parametrize(
    "name",
    [
        "PySide6/Qt/plugins/multimedia/libffmpegmediaplugin.so",
        "PySide6/plugins/multimedia/ffmpegmediaplugin.dll",
        "PySide6/Qt/lib/libavcodec.so.61",
        "PySide6/avformat-61.dll",
        "PySide6/Qt/lib/libswresample.so.5",
        "PySide6/Qt/lib/libQt6FFmpegStub-va.so.2",
        "PySide6/Qt/lib/libQt6Quick.so.6",
        "PySide6/Qt6Qml.dll",
        "PySide6/Qt/lib/QtQuick.framework/Versions/A/QtQuick",
        "PySide6/Qt/lib/libQt6VirtualKeyboard.so.6",
        "PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so",
        "PySide6/Qt/plugins/imageformats/libqpdf.so",
        "PySide6/Qt/lib/libQt6Pdf.so.6",
    ],
)
def test_media_quick_and_pdf_files_are_left_out(name: str) -> None:
    assert layout.left_out(name)


@pytest.mark.parametrize(
    "name",
    [
        "PySide6/Qt/lib/libQt6Multimedia.so.6",
        "PySide6/Qt6Multimedia.dll",
        "PySide6/QtMultimedia.abi3.so",
        "PySide6/Qt/lib/libQt6Core.so.6",
        "PySide6/Qt/lib/libQt6Gui.so.6",
        "PySide6/Qt/lib/libQt6Widgets.so.6",
        "PySide6/Qt/lib/libQt6Network.so.6",
        "PySide6/Qt/lib/libQt6XcbQpa.so.6",
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/plugins/platforms/libqoffscreen.so",
        "PySide6/Qt/plugins/imageformats/libqsvg.so",
        "libavahi-client.so.3",
        "libasound.so.2",
        "simpleaudio/_simpleaudio.cpython-311-x86_64-linux-gnu.so",
        "retrotimer/assets/voice/15.wav",
    ],
)
def test_what_the_app_loads_stays(name: str) -> None:
    assert not layout.left_out(name)


def test_every_subcommand_module_goes_into_the_bundle() -> None:
    """The command line imports a subcommand's module by name, which the bundle's analysis
    cannot follow: without it, `retrotimer history` would fail in the bundle alone."""
    from retrotimer.cli import SUBCOMMANDS

    for subcommand in SUBCOMMANDS:
        assert f"retrotimer.commands.{subcommand.module}" in layout.HIDDEN_IMPORTS
