"""Start-up of the desktop app beside a bare PySide6 window: time to first paint, and memory.

Each start is a fresh process (`first_paint.py`, which loads nothing before the contender):
the bare window (QApplication + an empty 1280x800 QMainWindow) or `retrotimer` itself
(`retrotimer.cli.main([])`, exactly what the command runs). Time runs from spawning the
process to its first painted frame; memory is the resident size at that moment, and the
process's CPU time up to it (which a busy machine changes much less than the wall time). Two
homes: an empty one, and one with years of history (5,000 sessions) and a program being
followed (the Today tab opens first). Rounds alternate the contenders; a first round warms
the disk cache and bytecode and is left out.

With --instructions, each contender also starts once more under valgrind's callgrind, which
counts the instructions it runs up to its first paint: a figure no other load on the machine
changes, where a difference of a few milliseconds hides in the times' noise. The bare
window with a timer face in it (one time in big digits, in colour: `first_paint.timer_face`)
is counted too, as the floor of any window that shows a number.

    python bench/startup.py [--rounds 15] [--sessions 5000] [--before /work/main] [--no-pulse]
                            [--instructions]

Goals: warm start at most 2x the bare window's, memory at most 1.5x, in both homes.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
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

# The child: it loads nothing before the contender's own code (see its docstring).
FIRST_PAINT = Path(__file__).resolve().parent / "first_paint.py"
GOAL_START_RATIO = 2.0
GOAL_RSS_RATIO = 1.5


def start_once(
    contender: Contender, env: dict[str, str], scratch: Path
) -> tuple[float, float, float]:
    kind = "bare" if contender.code is None else "app"
    begun = time.perf_counter()
    process = subprocess.Popen(
        [contender.python, str(FIRST_PAINT), kind],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=scratch,
    )
    assert process.stdout is not None
    line = process.stdout.readline()
    elapsed = time.perf_counter() - begun
    _, errors = process.communicate(timeout=120)
    if process.returncode != 0 or not line:
        raise RuntimeError(f"{contender.label} failed ({process.returncode}): {errors}")
    figures = json.loads(line)
    return elapsed, float(figures["rss_mb"]), float(figures["cpu_s"])


def instructions_once(
    contender: Contender, env: dict[str, str], scratch: Path, kind: str | None = None
) -> int:
    """The instructions one start runs up to its first paint (its bytecode already cached);
    `kind` "face" for the bare contender's window with a timer face."""
    kind = kind or ("bare" if contender.code is None else "app")
    process = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"]
        + [contender.python, str(FIRST_PAINT), kind, "--exit-at-paint"],
        capture_output=True,
        text=True,
        env=env,
        cwd=scratch,
        timeout=600,
    )
    counted = re.search(r"Collected : (\d+)", process.stderr)
    if process.returncode != 0 or counted is None:
        raise RuntimeError(f"{contender.label} under callgrind failed: {process.stderr[-2000:]}")
    return int(counted.group(1))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15, help="warm starts of each, alternating")
    parser.add_argument("--sessions", type=int, default=5000, help="sessions in the long history")
    add_before_options(parser)
    parser.add_argument("--no-pulse", action="store_true", help="no private PulseAudio daemon")
    parser.add_argument(
        "--instructions", action="store_true", help="also count each start's instructions"
    )
    args = parser.parse_args()
    if args.instructions and shutil.which("valgrind") is None:
        raise SystemExit("--instructions needs valgrind (apt-get install valgrind)")
    homes = {"empty": (0, False), "history": (args.sessions, True)}
    load_at_start = load_average()
    with scratch_and_sound(not args.no_pulse) as (scratch, sound):
        runs: list[tuple[str, Contender, dict[str, str]]] = []
        for name, (sessions, program) in homes.items():
            for contender in contenders(args.before, args.before_python):
                home = make_home(contender, scratch, name, sessions, program)
                runs.append((name, contender, environment(contender, scratch, sound, home)))
        for _, contender, env in runs:
            start_once(contender, env, scratch)  # cold: disk cache and bytecode
        times: dict[tuple[str, str], list[float]] = {}
        memory: dict[tuple[str, str], list[float]] = {}
        cpu: dict[tuple[str, str], list[float]] = {}
        for number in range(args.rounds):
            for name, contender, env in rotated(runs, number):
                elapsed, rss, cpu_s = start_once(contender, env, scratch)
                times.setdefault((name, contender.label), []).append(elapsed)
                memory.setdefault((name, contender.label), []).append(rss)
                cpu.setdefault((name, contender.label), []).append(cpu_s)
        counts = {
            (name, contender.label): instructions_once(contender, env, scratch)
            for name, contender, env in (runs if args.instructions else [])
        }
        if counts:
            # The floor of any window that shows a number (it reads no home).
            _, bare, bare_env = runs[0]
            # Counted after a start of its own, as every other count follows the timed starts.
            instructions_once(bare, bare_env, scratch, "face")
            face = instructions_once(bare, bare_env, scratch, "face")
    report: dict[str, Any] = {
        "rounds": args.rounds,
        "load_average": {"start": load_at_start, "end": load_average()},
        "sessions_in_history": args.sessions,
    }
    if counts:
        report["timer_face"] = {
            "instructions": face,
            "instruction_ratio": ratio(face, counts[("empty", "bare")]),
        }
    for name in homes:
        bare_times = spread(times[(name, "bare")])
        bare_start, bare_fastest = bare_times["median"], bare_times["min"]
        bare_rss = spread(memory[(name, "bare")], 1)["median"]
        bare_cpu = spread(cpu[(name, "bare")])["median"]
        figures: dict[str, Any] = {}
        for contender in contenders(args.before, args.before_python):
            start = spread(times[(name, contender.label)])
            rss = spread(memory[(name, contender.label)], 1)
            cpu_s = spread(cpu[(name, contender.label)])
            figures[contender.label] = {"start_s": start, "rss_mb": rss, "cpu_s": cpu_s}
            if counts:
                figures[contender.label]["instructions"] = counts[(name, contender.label)]
            if contender.code is not None:
                figures[contender.label]["cpu_ratio"] = ratio(cpu_s["median"], bare_cpu)
                start_ratio = ratio(start["median"], bare_start)
                rss_ratio = ratio(rss["median"], bare_rss)
                figures[contender.label]["start_ratio"] = start_ratio
                # The fastest starts, which a busy machine disturbs least, side by side.
                figures[contender.label]["fastest_start_ratio"] = ratio(start["min"], bare_fastest)
                figures[contender.label]["rss_ratio"] = rss_ratio
                if counts:
                    figures[contender.label]["instruction_ratio"] = ratio(
                        counts[(name, contender.label)], counts[(name, "bare")]
                    )
                figures[contender.label]["met"] = {
                    f"start <= {GOAL_START_RATIO}x": start_ratio <= GOAL_START_RATIO,
                    f"rss <= {GOAL_RSS_RATIO}x": rss_ratio <= GOAL_RSS_RATIO,
                }
        report[name] = figures
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
