"""docs/exchange.md: every template command shown there prints what the page says it prints."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from tests.cli_runner import retrotimer

DOC = Path(__file__).parent.parent / "docs" / "exchange.md"


def console_blocks() -> list[str]:
    return re.findall(r"```console\n(.*?)```", DOC.read_text(encoding="utf-8"), re.DOTALL)


def steps(block: str) -> list[tuple[str, list[str]]]:
    """(command, the lines it prints) for each `$ ` line of a block."""
    found: list[tuple[str, list[str]]] = []
    for line in block.splitlines():
        if line.startswith("$ "):
            found.append((line[2:], []))
        else:
            found[-1][1].append(line)
    return found


@pytest.mark.slow
def test_the_template_examples_are_what_the_commands_print(tmp_path: Path) -> None:
    blocks = [block for block in console_blocks() if "retrotimer history" not in block]
    assert len(blocks) >= 4
    env = {"PYTHONPATH": str(DOC.parent.parent)}
    for block in blocks:
        for command, expected in steps(block):
            words = shlex.split(command)
            if words[0] == "cat":
                # The page shows the file: make it.
                (tmp_path / words[1]).write_text("\n".join(expected) + "\n", encoding="utf-8")
                continue
            assert words[0] == "retrotimer", command
            done = retrotimer(*words[1:], env=env, cwd=tmp_path)
            printed = (done.stderr + done.stdout).splitlines()
            assert sorted(printed) == sorted(expected), command
