"""The test kit's command-line runner: the one place a test starts `python -m retrotimer`."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.cli_runner import cli_environment, retrotimer

TESTS = Path(__file__).parent


def starts_the_command_line(node: ast.AST) -> bool:
    """A list or tuple holding "-m", "retrotimer" side by side: a command that runs the CLI."""
    if not isinstance(node, ast.List | ast.Tuple):
        return False
    words = [item.value if isinstance(item, ast.Constant) else None for item in node.elts]
    return ("-m", "retrotimer") in zip(words, words[1:], strict=False)


def test_only_the_runner_starts_the_command_line() -> None:
    starters = [
        f"{path.relative_to(TESTS)}:{node.lineno}"
        for path in sorted(TESTS.rglob("*.py"))
        if path != Path(__file__)  # it names the pair it looks for
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if starts_the_command_line(node)
    ]
    assert len(starters) == 2  # retrotimer() and start_retrotimer()
    assert all(place.startswith("cli_runner.py:") for place in starters), starters


def test_the_environment_leaves_out_what_it_is_told(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DISPLAY", ":9")
    environment = cli_environment(tmp_path, {"EXTRA": "1"}, without=("DISPLAY",))
    assert "DISPLAY" not in environment
    assert environment["RETROTIMER_HOME"] == str(tmp_path)
    assert environment["EXTRA"] == "1" and environment["QT_QPA_PLATFORM"] == "offscreen"
    assert cli_environment(None, None)["DISPLAY"] == ":9"


def test_stdout_can_go_elsewhere_than_the_capture(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    with target.open("w", encoding="utf-8") as out:
        result = retrotimer("--version", stdout=out, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout is None
    assert target.read_text(encoding="utf-8").startswith("retrotimer ")
