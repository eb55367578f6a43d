"""The layers hold: the core imports nothing but the standard library (and never the clock or
sqlite), the runtime only QtCore; every module's file name and every public top-level name
is unique in the package."""

from __future__ import annotations

import ast
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import retrotimer
import retrotimer.core
import retrotimer.runtime

PACKAGE = Path(retrotimer.__file__).parent
CORE = Path(retrotimer.core.__file__).parent
RUNTIME = Path(retrotimer.runtime.__file__).parent
FORBIDDEN_STDLIB = {"time", "sqlite3", "os", "pathlib", "datetime", "threading", "subprocess"}


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


def shared_module_names(root: Path) -> dict[str, list[str]]:
    """Module file names found more than once under `root` (package markers aside), each
    with the places it is found."""
    places: defaultdict[str, list[str]] = defaultdict(list)
    for path in sorted(root.rglob("*.py")):
        if path.name != "__init__.py":
            places[path.name].append(str(path.relative_to(root)))
    return {name: found for name, found in places.items() if len(found) > 1}


def test_no_two_modules_share_a_file_name() -> None:
    """A name says which module it is without its folder (in tracebacks, editors' tabs and
    searches)."""
    assert len(list(PACKAGE.rglob("*.py"))) > 100
    assert shared_module_names(PACKAGE) == {}


def test_a_shared_module_name_is_found_in_any_folder(tmp_path: Path) -> None:
    for module in ("a/__init__.py", "a/plan.py", "b/c/plan.py", "b/__init__.py", "b/run.py"):
        (tmp_path / module).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / module).touch()
    assert shared_module_names(tmp_path) == {"plan.py": ["a/plan.py", "b/c/plan.py"]}


# Every subcommand module offers the same calls to cli.py: one name per role, by design.
SUBCOMMAND_CALLS = {"register", "run", "list_command", "show_command", "import_command"}
SUBCOMMAND_CALLS |= {"export_command"}
# Importing another tool's workout: the window's over its ports (warnings gathered for a
# notice), the command line's over the files (--format, warnings printed as they come).
SAME_JOB_ON_TWO_FLOORS = {"import_foreign"}


def shared_public_names(root: Path) -> dict[str, list[str]]:
    """Public functions and classes defined at the top of more than one module under `root`,
    each with its modules."""
    places: defaultdict[str, list[str]] = defaultdict(list)
    for path in sorted(root.rglob("*.py")):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            module = str(path.relative_to(root))
            public = isinstance(node, ast.FunctionDef | ast.ClassDef) and node.name[0] != "_"
            # A function's @overload signatures are the one function, in its one module.
            if public and module not in places[node.name]:
                places[node.name].append(module)
    return {name: found for name, found in places.items() if len(found) > 1}


def test_no_two_public_functions_share_a_name() -> None:
    """Two functions that write different texts, or read different things, have different
    names: a name found in a search or a traceback says which one it is."""
    shared = shared_public_names(PACKAGE)
    assert set(shared) == SUBCOMMAND_CALLS | SAME_JOB_ON_TWO_FLOORS, shared
    assert all(place.startswith("commands/") for name in SUBCOMMAND_CALLS for place in shared[name])


def loaded_at_start(prefixes: tuple[str, ...]) -> list[str]:
    """The modules named with `prefixes` that importing the command line, every command (it
    imports a command's module only when it runs) and the window loads."""
    code = (
        "import importlib, sys, retrotimer.cli, retrotimer.app; "
        "[importlib.import_module(f'retrotimer.commands.{c.module}') "
        "for c in retrotimer.cli.SUBCOMMANDS]; "
        f"print(sorted(m for m in sys.modules if m.startswith({prefixes!r})))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    return list(ast.literal_eval(done.stdout))


def test_commands_and_the_window_start_without_the_calendar_library() -> None:
    """icalendar (with dateutil and the time-zone data) is for `program calendar` alone."""
    assert loaded_at_start(("icalendar", "dateutil")) == []


def test_commands_and_the_window_start_without_the_fit_sdk() -> None:
    """Garmin's SDK (a megabyte of profile) is imported by the commands that read or write
    other tools' files, not by every start of the program or the window."""
    assert loaded_at_start(("garmin_fit_sdk", "defusedxml")) == []
