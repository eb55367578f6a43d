"""The command line's start: `retrotimer --version` and `retrotimer plan` beside Python
importing PySide6.QtCore, each a fresh process, in alternating rounds.

    python bench/cli.py [--rounds 15] [--before /work/main]

Goal: `retrotimer --version` at most 2x `python -c 'import PySide6.QtCore'`.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from side_by_side import (  # noqa: E402
    Contender,
    add_before_options,
    contenders,
    environment,
    load_average,
    make_home,
    ratio,
    rotated,
    scratch_and_sound,
    spread,
)

GOAL_RATIO = 2.0
ENTRY = "import sys; from retrotimer.cli import main; sys.exit(main())"
# A built-in template every version knows.
PLAN_TEMPLATE = "First steps backward"


def commands(contender: Contender) -> dict[str, list[str]]:
    if contender.code is None:
        return {"import PySide6.QtCore": [contender.python, "-c", "import PySide6.QtCore"]}
    entry = [contender.python, "-c", ENTRY]
    return {"--version": [*entry, "--version"], "plan": [*entry, "plan", PLAN_TEMPLATE]}


def run_once(command: list[str], env: dict[str, str], scratch: Path) -> float:
    begun = time.perf_counter()
    result = subprocess.run(
        command, capture_output=True, text=True, env=env, cwd=scratch, check=False
    )
    elapsed = time.perf_counter() - begun
    if result.returncode != 0:
        raise RuntimeError(f"{command} failed ({result.returncode}): {result.stderr}")
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    add_before_options(parser)
    args = parser.parse_args()
    load_at_start = load_average()
    with scratch_and_sound(False) as (scratch, _):
        runs = []
        for contender in contenders(args.before, args.before_python):
            home = make_home(contender, scratch, "cli", 0, False)
            env = environment(contender, scratch, {}, home)
            for name, command in commands(contender).items():
                runs.append((contender.label, name, command, env))
        for _, _, command, env in runs:
            run_once(command, env, scratch)  # cold: disk cache and bytecode
        times: dict[tuple[str, str], list[float]] = {}
        for number in range(args.rounds):
            for label, name, command, env in rotated(runs, number):
                times.setdefault((label, name), []).append(run_once(command, env, scratch))
    reference = spread(times[("bare", "import PySide6.QtCore")])["median"]
    report: dict[str, Any] = {
        "rounds": args.rounds,
        "load_average": {"start": load_at_start, "end": load_average()},
        "import PySide6.QtCore": spread(times[("bare", "import PySide6.QtCore")]),
    }
    for (label, name), values in times.items():
        if label == "bare":
            continue
        figures = spread(values)
        entry: dict[str, Any] = {"s": figures, "ratio": ratio(figures["median"], reference)}
        if name == "--version":
            entry["met"] = {f"<= {GOAL_RATIO}x": entry["ratio"] <= GOAL_RATIO}
        report.setdefault(label, {})[name] = entry
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
