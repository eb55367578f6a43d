"""The coach at scale: `retrotimer next` and the window's first paint with a long program history.

Builds a real history (a SQLite file written through the HistoryStore) of program sessions
run for "Learn to run backward", makes it the active program, then starts fresh processes:
`retrotimer next --json` (timed as a whole process, and inside it the command alone after
its imports) and the main window (timed from the start of the process to its first paint).
The first `next` replays every session and keeps the replay in the cache folder
(`first_run`); the others go on from it, as every later `next` does until the history
changes before its end. Prints JSON.

    python bench/coach.py [--sessions 50000] [--runs 3]

Goals: `next` under 0.5 s (the command, after its imports) and the first paint under 1.5 s,
with 50,000 program sessions. `today_refresh_s` is Today's first refresh alone (the
history's database opened and checked, the coach's view and what the window reads for it),
which the window does just after its first paint, timed there. On a shared
machine wall times follow its load (printed): the CPU times (`command_cpu_s`,
`cpu_to_first_paint_s`) much less.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from contextlib import redirect_stdout
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from first_paint import open_window  # noqa: E402

GOAL_NEXT_S = 0.5
GOAL_FIRST_PAINT_S = 1.5
START_UTC = 315_532_800.0  # 1980-01-01
SESSION_SPACING_S = 8 * 3600.0
TIMEOUT_S = 900


def build_home(home: Path, sessions: int) -> None:
    """The active program and `sessions` sessions run for it, in program order, most of
    them done well and every seventh rated hard."""
    from retrotimer.core.history.calendar_days import DAY_S
    from retrotimer.core.history.history_values import (
        HistoryEntry,
        HistorySession,
        Review,
        SessionStart,
        SessionStatus,
        SessionTotals,
        plan_snapshot,
    )
    from retrotimer.core.history.program_ref import ProgramRef
    from retrotimer.core.history.wall_time import WallTime
    from retrotimer.core.programs.builtin_programs import LEARN, builtin_program
    from retrotimer.core.programs.program_choice import ProgramChoice
    from retrotimer.core.session.plan import compile_plan
    from retrotimer.core.settings import Settings
    from retrotimer.storage.history.history_store import HistoryStore
    from retrotimer.storage.paths import AppPaths
    from retrotimer.storage.program_store import ProgramChoiceStore

    paths = AppPaths.from_environment().ensure()
    settings_file = paths.config / "settings.toml"
    settings_file.write_text("first_run_done = true\n", encoding="utf-8")
    program = builtin_program(LEARN)
    assert program is not None
    places = [
        (week, session, compile_plan(template, Settings()))
        for week, session, template in program.all_sessions()
    ]
    snapshots = [plan_snapshot(plan) for _, _, plan in places]

    def session(number: int) -> HistorySession:
        week, place, plan = places[number % len(places)]
        started = START_UTC + number * SESSION_SPACING_S
        start = SessionStart(
            str(uuid.UUID(int=number + 1)),
            plan.template_name,
            snapshots[number % len(places)],
            plan.venue,
            WallTime(started, 3600),
            plan.total_s,
            program=ProgramRef(program.name, week, place),
        )
        totals = SessionTotals(plan.total_s, plan.backward_s, plan.forward_s, 0)
        entry = HistoryEntry.build(
            start,
            status=SessionStatus.COMPLETED,
            ended_utc_s=started + plan.total_s,
            totals=totals,
            review=Review(rating=2 if number % 7 else 5, near_stumbles=0),
            longest_backward_s=60.0,
        )
        return HistorySession(entry, start.plan_json, ())

    store = HistoryStore(paths.history_db)
    store.import_sessions(session(number) for number in range(sessions))
    store.close()
    first_day = int(START_UTC // DAY_S)
    ProgramChoiceStore.from_paths(paths).save(ProgramChoice(program.name, first_day))


# ---- child processes ---------------------------------------------------------------------
def child_next() -> None:
    """`retrotimer next --json` as the command line runs it; the command timed after its
    imports."""
    begun = time.perf_counter()
    from retrotimer import cli

    imported = time.perf_counter()
    cpu = time.process_time()
    output = io.StringIO()
    with redirect_stdout(output):
        code = cli.main(["next", "--json"])
    done = time.perf_counter()
    cpu_s = time.process_time() - cpu
    answer = json.loads(output.getvalue()) if code == 0 else {}
    print(
        json.dumps(
            {
                "import_s": round(imported - begun, 3),
                "command_s": round(done - imported, 3),
                "command_cpu_s": round(cpu_s, 3),
                "decision": answer.get("decision"),
                "week": answer.get("week"),
            }
        ),
        flush=True,
    )


def child_window() -> None:
    """The window as `retrotimer` opens it; report when it is first painted, then what
    Today's refresh costs alone (it comes just after the first paint)."""
    from PySide6.QtWidgets import QApplication

    from retrotimer.ui.shell.main_window import MainWindow

    app = QApplication(sys.argv[:1])

    def report() -> None:
        # The first line as soon as the window is painted: the parent times its arrival.
        (window,) = [w for w in app.topLevelWidgets() if isinstance(w, MainWindow)]
        shown = window.tabs.currentWidget().accessibleName()
        print(json.dumps({"screen": shown, "cpu_s": time.process_time()}), flush=True)
        begun = time.perf_counter()
        window.refresh_today()  # the first, with the history's opening
        print(json.dumps({"today_s": time.perf_counter() - begun}), flush=True)
        window.close()

    open_window(app, "app", report)


# ---- the parent ------------------------------------------------------------------------------
def spawn(mode: str, home: Path) -> tuple[float, dict[str, Any]]:
    env = {**os.environ, "RETROTIMER_HOME": str(home)}
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    begun = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, __file__, mode],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert process.stdout is not None
    line = process.stdout.readline()
    elapsed = time.perf_counter() - begun
    rest, errors = process.communicate(timeout=TIMEOUT_S)
    if process.returncode != 0 or not line:
        raise RuntimeError(f"{mode} failed ({process.returncode}): {errors}")
    data: dict[str, Any] = json.loads(line)
    for more in rest.splitlines():
        data.update(json.loads(more))
    return elapsed, data


def summary(values: list[float]) -> dict[str, float]:
    return {
        "median": round(statistics.median(values), 3),
        "min": round(min(values), 3),
        "max": round(max(values), 3),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=3, help="processes of each kind")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="retrotimer-bench-") as folder:
        home = Path(folder)
        os.environ["RETROTIMER_HOME"] = str(home)
        begun = time.perf_counter()
        build_home(home, args.sessions)
        build_s = time.perf_counter() - begun
        first = spawn("--child-next", home)
        nexts = [spawn("--child-next", home) for _ in range(args.runs)]
        windows = [spawn("--child-window", home) for _ in range(args.runs)]
    command = [data["command_s"] for _, data in nexts]
    paints = [elapsed for elapsed, _ in windows]
    todays = [data["today_s"] for _, data in windows]
    paint_cpu = [data["cpu_s"] for _, data in windows]
    report = {
        "sessions": args.sessions,
        "load_average": [round(load, 2) for load in os.getloadavg()],
        "build_history_s": round(build_s, 1),
        "next": {
            "process_s": summary([elapsed for elapsed, _ in nexts]),
            "import_s": summary([data["import_s"] for _, data in nexts]),
            "command_s": summary(command),
            "command_cpu_s": summary([data["command_cpu_s"] for _, data in nexts]),
            "first_run": {
                "process_s": round(first[0], 3),
                "command_s": first[1]["command_s"],
                "command_cpu_s": first[1]["command_cpu_s"],
            },
            "answer": {"decision": nexts[0][1]["decision"], "week": nexts[0][1]["week"]},
            "goal_s": GOAL_NEXT_S,
            "met": statistics.median(command) < GOAL_NEXT_S,
        },
        "window_first_paint_s": {
            **summary(paints),
            "screen": windows[0][1]["screen"],
            "today_refresh_s": summary(todays),
            "cpu_to_first_paint_s": summary(paint_cpu),
            "goal_s": GOAL_FIRST_PAINT_S,
            "met": statistics.median(paints) < GOAL_FIRST_PAINT_S,
        },
    }
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child-next":
        child_next()
    elif len(sys.argv) > 1 and sys.argv[1] == "--child-window":
        child_window()
    else:
        sys.exit(main())
