"""What goes into the PyInstaller bundle: names, icons, data and the modules left out.

`packaging/retrotimer.spec` builds from these values; the tests check them against the code
(an excluded Qt module the app imports would break the bundle only at run time).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from retrotimer.cli import SUBCOMMANDS

ROOT = Path(__file__).resolve().parent.parent
APP_ID = "org.retrotimer.RetroTimer"
APP_NAME = "RetroTimer"
# The console program (every platform) and, on Windows and macOS, a windowed one that opens
# no terminal. On Linux the desktop entry starts the console program without a terminal.
CONSOLE_NAME = "retrotimer"
WINDOWED_NAME = "retrotimer-gui"
ENTRY_SCRIPT = ROOT / "retrotimer" / "__main__.py"
# (source folder, folder inside the bundle): the package's own files that are not Python.
DATA = ((ROOT / "retrotimer" / "assets", "retrotimer/assets"),)

# Qt modules RetroTimer never imports. PyInstaller's hooks would otherwise pull in what they
# drag along (a web engine alone is hundreds of megabytes). QtNetwork stays: QtMultimedia's
# binding imports it.
EXCLUDED_QT_MODULES = tuple(
    f"PySide6.{name}"
    for name in (
        "Qt3DAnimation",
        "Qt3DCore",
        "Qt3DExtras",
        "Qt3DInput",
        "Qt3DLogic",
        "Qt3DRender",
        "QtBluetooth",
        "QtCharts",
        "QtConcurrent",
        "QtDataVisualization",
        "QtDesigner",
        "QtGraphs",
        "QtGraphsWidgets",
        "QtHelp",
        "QtHttpServer",
        "QtLocation",
        "QtNetworkAuth",
        "QtNfc",
        "QtOpenGL",
        "QtOpenGLWidgets",
        "QtPdf",
        "QtPdfWidgets",
        "QtPositioning",
        "QtPrintSupport",
        "QtQml",
        "QtQuick",
        "QtQuick3D",
        "QtQuickControls2",
        "QtQuickTest",
        "QtQuickWidgets",
        "QtRemoteObjects",
        "QtScxml",
        "QtSensors",
        "QtSerialBus",
        "QtSerialPort",
        "QtSpatialAudio",
        "QtSql",
        "QtStateMachine",
        "QtSvgWidgets",
        "QtTest",
        "QtTextToSpeech",
        "QtUiTools",
        "QtWebChannel",
        "QtWebEngineCore",
        "QtWebEngineQuick",
        "QtWebEngineWidgets",
        "QtWebSockets",
        "QtWebView",
        "QtXml",
    )
)
# Development tools that may sit in the same environment.
EXCLUDED_PYTHON_MODULES = (
    "tkinter",
    "_tkinter",
    "pytest",
    "_pytest",
    "pytestqt",
    "hypothesis",
    "mypy",
    "ruff",
    "importlinter",
    "grimp",
)
EXCLUDED_MODULES = EXCLUDED_QT_MODULES + EXCLUDED_PYTHON_MODULES

# Libraries of the file formats for watches and training logs (FIT, TCX, Zwift). The window
# imports them only when a file is first read or written; named here so that the bundle has
# them whatever PyInstaller's analysis makes of that (a bundle without them would fail only
# when a runner exports a workout). Pure Python: no data files or binaries to collect.
# The command line imports each subcommand's module by name when it runs (retrotimer.cli),
# which PyInstaller's analysis cannot see.
# bleak picks its backend by platform when a scan or connection starts (and the window
# imports bleak itself only then): the backend of the platform the bundle is built on.
BLE_BACKEND = {"win32": "winrt", "darwin": "corebluetooth"}.get(sys.platform, "bluezdbus")
HIDDEN_IMPORTS = (
    "bleak",
    f"bleak.backends.{BLE_BACKEND}.client",
    f"bleak.backends.{BLE_BACKEND}.scanner",
    "garmin_fit_sdk",
    "garmin_fit_sdk.profile",
    "defusedxml",
    "defusedxml.ElementTree",
    *(f"retrotimer.commands.{subcommand.module}" for subcommand in SUBCOMMANDS),
)

# Libraries and plugins that PyInstaller's Qt hooks collect by whole plugin folders. Qt
# Multimedia's FFmpeg plugin plays media files: RetroTimer plays its own PCM through
# QSoundEffect and QAudioSink, which work without any media plugin ("only QMediaDevices,
# QAudioDevice, QSoundEffect, QAudioSink and QAudioSource are available", as Qt says on start);
# the plugin alone drags in FFmpeg, Qt Quick and QML. The virtual keyboard (Qt Quick again)
# and the PDF image plugin are of no use here either. Matched against the names of files in
# the bundle on every platform (libQt6Quick.so.6, Qt6Quick.dll, QtQuick.framework/...).
LEFT_OUT_BINARIES = re.compile(
    r"ffmpegmediaplugin|(^|[/\\])(lib)?(avcodec|avformat|avutil|swresample|swscale)[-.]"
    r"|Qt6?FFmpegStub|Qt6?(Quick|Qml|VirtualKeyboard|Pdf)|qtvirtualkeyboardplugin|[/\\](lib)?qpdf\.",
)


def left_out(name: str) -> bool:
    """Whether a file PyInstaller collected (its path inside the bundle) is left out."""
    return LEFT_OUT_BINARIES.search(name) is not None


def icon_for(platform: str) -> Path | None:
    """The program icon in the format the platform's executables take (`sys.platform`).
    Linux executables carry no icon: the desktop entry names one."""
    if platform == "win32":
        return ROOT / "packaging" / "windows" / "retrotimer.ico"
    if platform == "darwin":
        return ROOT / "packaging" / "macos" / "retrotimer.icns"
    return None


def has_windowed_program(platform: str) -> bool:
    """Windows and macOS tell console programs from windowed ones; Linux does not."""
    return platform in ("win32", "darwin")


def version() -> str:
    """The version in `retrotimer/__init__.py`, read without importing the package."""
    text = (ROOT / "retrotimer" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__ = "([^"]+)"', text, re.MULTILINE)
    if match is None:
        raise ValueError("retrotimer/__init__.py has no __version__")
    return match.group(1)
