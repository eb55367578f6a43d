"""The core imports nothing but the standard library (and never the clock or sqlite)."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import retrotimer.core
import retrotimer.runtime

CORE = Path(retrotimer.core.__file__).parent
RUNTIME = Path(retrotimer.runtime.__file__).parent
FORBIDDEN_STDLIB = {"time", "sqlite3", "os", "pathlib", "datetime", "threading", "subprocess"}
# The command line imports a command's module only when it runs: import them all.
EVERY_COMMAND_AND_THE_WINDOW = (
    "import importlib, sys, retrotimer.cli, retrotimer.app; "
    "[importlib.import_module(f'retrotimer.commands.{c.module}') "
    "for c in retrotimer.cli.SUBCOMMANDS]; "
)


def imported_roots(path: Path) -> set[str]:
    roots: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            roots |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module)
    return roots


def test_core_uses_only_the_standard_library_and_itself() -> None:
    modules = sorted(CORE.rglob("*.py"))
    assert len(modules) >= 5
    assert any(path.parent != CORE for path in modules), "subpackages are walked too"
    for path in modules:
        for name in imported_roots(path):
            top = name.split(".")[0]
            if name.startswith("retrotimer."):
                assert name.startswith("retrotimer.core"), (
                    f"{path.relative_to(CORE)} imports {name}"
                )
            else:
                assert top in sys.stdlib_module_names, f"{path.relative_to(CORE)} imports {name}"
                assert top not in FORBIDDEN_STDLIB, f"{path.relative_to(CORE)} reaches for {name}"


def test_the_runtime_uses_qtcore_alone() -> None:
    """No widgets or painting in the runtime: the terminal runs sessions through it too."""
    modules = sorted(RUNTIME.rglob("*.py"))
    assert len(modules) >= 4
    for path in modules:
        for name in imported_roots(path):
            if name.split(".")[0] == "PySide6":
                assert name == "PySide6.QtCore", f"{path.name} imports {name}"


def test_commands_and_the_window_start_without_the_calendar_library() -> None:
    """icalendar (with dateutil and the time-zone data) is for `program calendar` alone."""
    import subprocess
    import sys

    code = EVERY_COMMAND_AND_THE_WINDOW + (
        "print(sorted(m for m in sys.modules if m.startswith(('icalendar', 'dateutil'))))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert done.stdout.strip() == "[]"


def test_commands_and_the_window_start_without_the_fit_sdk() -> None:
    """Garmin's SDK (a megabyte of profile) is imported by the commands that read or write
    other tools' files, not by every start of the program or the window."""
    import subprocess
    import sys

    code = EVERY_COMMAND_AND_THE_WINDOW + (
        "print(sorted(m for m in sys.modules if m.startswith(('garmin_fit_sdk', 'defusedxml'))))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert done.stdout.strip() == "[]"
