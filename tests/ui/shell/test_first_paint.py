"""The window's first paint comes before what it does not show: the coach, the screens and
dialogs not yet opened, the Run screen's session, the sound, the application's event filter;
and PySide6 keeps none of RetroTimer's sources for it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog

from retrotimer.core.history.calendar_days import local_day
from retrotimer.core.programs.builtin_programs import LEARN
from retrotimer.core.programs.program_choice import ProgramChoice
from retrotimer.runtime.wall_clock import system_wall_clock
from retrotimer.storage.paths import AppPaths
from retrotimer.storage.program_store import ProgramLibrary
from retrotimer.ui.shell.pyside_sources import module_names_pyside
from tests.ui.conftest import Harness
from tests.ui.screen_geometry import outside_screen, place_on, screen_named

# `retrotimer` as the command opens it (it makes the application); at the first paint, what
# is imported, what linecache holds, the Qt classes made and whether the cycle collector
# runs, and just after it whether it runs and on how many objects not, go to the file
# named, and the window closes.
SCRIPT = """
import gc, json, linecache, sys
from PySide6 import QtGui, QtWidgets
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

found = {}


class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            found["modules"] = sorted(sys.modules)
            found["sources"] = sorted(linecache.cache)
            found["classes"] = sorted([*vars(QtWidgets), *vars(QtGui)])
            found["collecting_at_paint"] = gc.isenabled()
        return False


def painted():
    found["collecting_after"] = gc.isenabled()
    found["frozen"] = gc.get_freeze_count()
    with open(sys.argv[1], "w", encoding="utf-8") as out:
        json.dump(found, out)
    QTimer.singleShot(0, QApplication.closeAllWindows)


# The window is watched, not the application: a filter on the application would itself make
# PySide6 look up every Qt class.
watcher = FirstPaint()
show = QMainWindow.show


def watched_show(window):
    QMainWindow.show = show
    window.installEventFilter(watcher)
    window.first_painted.connect(painted)
    show(window)


QMainWindow.show = watched_show
from retrotimer.cli import main

sys.exit(main([]))
"""

# Each is imported later, when it is first needed (a name ending in "." is a whole folder).
NOT_BEFORE_THE_FIRST_PAINT = (
    "retrotimer.core.programs.builtin_programs",  # the program followed, looked up
    "retrotimer.core.programs.coach",  # Today's proposal, and the coach's words
    "retrotimer.core.programs.program_view",
    # the Run screen's session, made once the window is painted (or by an earlier key)
    "retrotimer.runtime.session_run",
    "retrotimer.runtime.session_controller",
    "retrotimer.runtime.history_recording",
    "retrotimer.runtime.sample_recording",
    "retrotimer.runtime.footpod_steps",
    "retrotimer.core.history.session_recorder",
    "retrotimer.core.session.heart_rate_cue",
    "uuid",
    "retrotimer.ui.programs.today_texts",
    "retrotimer.ui.history.",  # the screens not shown, and the dialogs
    "retrotimer.ui.templates.",
    "retrotimer.ui.welcome.",
    "retrotimer.ui.shell.settings_dialog",
    "retrotimer.ui.run.summary_dialog",
    "retrotimer.audio.cue_player",  # the sound, when a session first wants it
    "PySide6.QtMultimedia",
    "wakepy",  # the screen kept awake, when a session first holds it
    "retrotimer.exchange.history.history_codec",  # the history's files, when first written
    "retrotimer.ui.common.modal",  # a question or dialog, when first asked
    "retrotimer.ui.run.stop_question",
    "retrotimer.ui.run.safety_checklist",
    "retrotimer.core.templates.template_formats",  # a template file imported or exported
    "retrotimer.core.templates.text_syntax",
    "csv",
    "difflib",  # a close name suggested for a misspelt one in a file
    "logging.handlers",  # the log file rotates without it (with sockets and pickling)
    "retrotimer.storage.history.history_store",  # the history, made when first used
    "retrotimer.core.history.history_values",
    "sqlite3",
    "retrotimer.core.programs.program_toml",  # which program is followed is read, not it
    "socket",
    "retrotimer.core.sensors.sensor_values",  # a sensor's values, once one is paired
    "dataclasses",  # records are retrotimer.core.value's: a dataclass compiles its methods
)


def first_paint(home: Path) -> dict[str, Any]:
    found = home.parent / "first-paint.json"
    subprocess.run(
        [sys.executable, "-c", SCRIPT, str(found)],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "RETROTIMER_HOME": str(home)},
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    answer: dict[str, Any] = json.loads(found.read_text(encoding="utf-8"))
    return answer


@pytest.mark.parametrize("program", [False, True], ids=["no program", "a program followed"])
def test_the_first_paint_imports_only_what_it_shows(private_home: Path, program: bool) -> None:
    paths = AppPaths.from_environment().ensure()
    paths.settings_file.write_text("first_run_done = true\n", encoding="utf-8")
    if program:
        ProgramLibrary(paths).choose(ProgramChoice(LEARN, local_day(system_wall_clock())))
    found = first_paint(private_home)
    folders = tuple(name for name in NOT_BEFORE_THE_FIRST_PAINT if name.endswith("."))
    early = [
        m for m in found["modules"] if m in NOT_BEFORE_THE_FIRST_PAINT or m.startswith(folders)
    ]
    assert early == []
    assert "retrotimer.ui.shell.main_window" in found["modules"]
    # Today is built when a program is followed: without one it is never shown.
    assert ("retrotimer.ui.programs.today_panel" in found["modules"]) is program
    kept = [source for source in found["sources"] if "retrotimer" in Path(source).parts]
    assert kept == [], "PySide6 kept the sources of the modules it looked at"
    # PySide6 makes a Qt class (and a Python enum class for each of its enums) when it is
    # first used; a Python filter on the application made it make them all (a wizard too).
    # The style is made by Qt alone; a question box, a dialog and an icon are not yet needed,
    # nor the tab bar's Python side (it is named just after the first paint).
    unused = {"QWizard", "QStyle", "QMessageBox", "QDialog", "QIcon", "QTabBar"}
    made = set(found["classes"]) & unused
    assert made == set()


def test_the_cycle_collector_waits_for_the_first_paint(private_home: Path) -> None:
    paths = AppPaths.from_environment().ensure()
    paths.settings_file.write_text("first_run_done = true\n", encoding="utf-8")
    found = first_paint(private_home)
    assert found["collecting_at_paint"] is False
    assert found["collecting_after"] is True
    # What the start made is left out of the collector's passes during sessions.
    assert found["frozen"] > 10_000


def test_the_window_fits_its_screen_before_the_first_paint(harness: Harness) -> None:
    window = harness.window
    place_on(window, screen_named("1280x800"))
    window.resize(1600, 1000)
    window.show()  # no event handled yet: the application's filter is not installed
    assert outside_screen(window) is None


def test_every_dialog_fits_its_screen_from_the_first_paint_on(harness: Harness) -> None:
    window = harness.window
    place_on(window, screen_named("1280x800"))
    with harness.qtbot.waitSignal(window.first_painted):
        window.show()
    dialog = QDialog(window)
    dialog.resize(3000, 2000)
    dialog.show()
    assert outside_screen(dialog) is None
    dialog.reject()


def test_a_module_names_pyside_when_its_source_does() -> None:
    import retrotimer.core.model
    import retrotimer.ui.shell.main_window

    assert module_names_pyside(retrotimer.ui.shell.main_window)
    assert not module_names_pyside(retrotimer.core.model)
    assert not module_names_pyside(sys), "a built-in module has no source"
