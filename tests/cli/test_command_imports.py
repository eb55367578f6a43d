"""Each command imports what it runs: `--version` and `--help` no command, `plan` its own
and no Qt, no audio and no window."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from retrotimer.cli import SUBCOMMANDS, Subcommand, main

SHORT = str(Path(__file__).parent.parent / "data" / "short.toml")
WATCHED = ("retrotimer.commands.", "retrotimer.audio", "retrotimer.ui", "PySide6")
SCRIPT = f"""
import json, sys
from retrotimer.cli import main
try:
    main(sys.argv[2:])
except SystemExit:
    pass
with open(sys.argv[1], "w", encoding="utf-8") as out:
    json.dump(sorted(m for m in sys.modules if m.startswith({WATCHED!r})), out)
"""


def imported_by(tmp_path: Path, *args: str) -> tuple[set[str], str]:
    """The watched modules a fresh `retrotimer ARGS` imported, and what it printed."""
    found = tmp_path / "modules.json"
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(found), *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return set(json.loads(found.read_text(encoding="utf-8"))), done.stdout


def test_version_imports_no_command_no_qt_and_no_audio(tmp_path: Path) -> None:
    modules, out = imported_by(tmp_path, "--version")
    assert out.startswith("retrotimer ")
    assert modules == set()


def test_help_lists_every_command_without_importing_one(tmp_path: Path) -> None:
    modules, out = imported_by(tmp_path, "--help")
    listed = {line.split()[0] for line in out.splitlines() if line.startswith("    ")}
    assert {command.name for command in SUBCOMMANDS} <= listed, out
    assert modules == set()


def test_plan_imports_its_own_module_and_neither_qt_nor_audio(tmp_path: Path) -> None:
    modules, out = imported_by(tmp_path, "plan", SHORT)
    assert out.startswith("Short")
    assert "retrotimer.commands.plan_timeline" in modules
    assert modules <= {
        "retrotimer.commands.plan_timeline",
        "retrotimer.commands.command_settings",
        "retrotimer.commands.template_source",
    }


@pytest.mark.parametrize("command", SUBCOMMANDS, ids=lambda command: command.name)
def test_every_command_registers_its_arguments_from_its_module(
    command: Subcommand, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main([command.name, "--help"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.startswith(f"usage: retrotimer {command.name} [-h]")
