"""How long Python's full cycle collection holds the window once it has started.

A full collection stops every Python thread, the session's timer among them. Each contender
opens its window as `retrotimer` does, on a home with 5,000 sessions and a program followed;
a few seconds after the first paint (the history opened, Today shown, the session prepared)
a full collection is run twice and timed: the first also frees what start-up left, the
second is what any later one in a session costs. The objects the collector tracks, and those
frozen out of its passes, are counted with them. Prints JSON; medians over alternating rounds.

    python bench/collection_pause.py [--rounds 5] [--before /work/main]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from first_paint import open_window  # noqa: E402
from side_by_side import (  # noqa: E402
    add_before_options,
    contenders,
    environment,
    make_home,
    rotated,
    scratch_and_sound,
    spread,
)

SETTLE_S = 3.0  # after the first paint: the work it held back is done


def child() -> None:
    """Open the window, time two full collections once it has settled; print one JSON line."""
    import gc
    import time

    def collect() -> None:
        from PySide6.QtWidgets import QApplication

        timings = []
        for _ in range(2):
            began = time.perf_counter()
            gc.collect()
            timings.append((time.perf_counter() - began) * 1000)
        figures = {
            "first_ms": timings[0],
            "again_ms": timings[1],
            "tracked": len(gc.get_objects()),
            "frozen": gc.get_freeze_count(),
        }
        print(json.dumps(figures), flush=True)
        QApplication.closeAllWindows()

    def settled() -> None:
        from PySide6.QtCore import QTimer

        QTimer.singleShot(round(SETTLE_S * 1000), collect)

    open_window(None, "app", settled)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5, help="starts of each, alternating")
    add_before_options(parser)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child()
        return 0
    measured = [c for c in contenders(args.before, args.before_python) if c.code is not None]
    found: dict[str, dict[str, list[float]]] = {c.label: {} for c in measured}
    with scratch_and_sound(False) as (scratch, sound):
        runs = [
            (c, environment(c, scratch, sound, make_home(c, scratch, "history", 5000, True)))
            for c in measured
        ]
        for number in range(args.rounds + 1):  # the first round warms the bytecode
            for contender, env in rotated(runs, number):
                process = subprocess.run(
                    [contender.python, __file__, "--child"],
                    capture_output=True,
                    text=True,
                    env=env,
                    cwd=scratch,
                    timeout=120,
                )
                if process.returncode != 0 or not process.stdout.strip():
                    raise RuntimeError(f"{contender.label} failed: {process.stderr[-2000:]}")
                if number == 0:
                    continue
                for key, value in json.loads(process.stdout.splitlines()[-1]).items():
                    found[contender.label].setdefault(key, []).append(float(value))
    report: dict[str, Any] = {"rounds": args.rounds}
    for label, figures in found.items():
        report[label] = {key: spread(values, 1) for key, values in figures.items()}
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
