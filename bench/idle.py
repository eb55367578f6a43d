"""CPU of the window sitting idle and during a session, beside a bare PySide6 window.

Each contender opens its window in a fresh process as `retrotimer` does (the bare one an
empty QMainWindow) with sound going to a private PulseAudio null sink. After the first
paint and a few seconds to settle, the process's CPU time (every thread) is measured over
`--idle-s`. RetroTimer then runs a session of a ten-minute template in real time and is
measured over `--session-s` of it; the session is stopped, its summary closed, and the
idle window measured once more. The bare window is measured idle over the same spans.
Resident memory is reported at the end. Prints JSON; medians over alternating rounds.

    python bench/idle.py [--rounds 3] [--idle-s 10] [--session-s 60] [--before /work/main]

Goals: idle at most 0.3 % of a core, before and after a session; at most 1 % during one.
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

from first_paint import open_window, rss_mb  # noqa: E402
from sample_home import SESSION_TEMPLATE  # noqa: E402
from side_by_side import (  # noqa: E402
    Contender,
    add_before_options,
    contenders,
    environment,
    load_average,
    make_home,
    rotated,
    scratch_and_sound,
    spread,
)

GOAL_IDLE_PERCENT = 0.3
GOAL_SESSION_PERCENT = 1.0
SETTLE_S = 3.0  # after the first paint, and after the session: let start-up work finish


def child(kind: str, idle_s: float, session_s: float) -> None:
    """Open the window and measure its phases; print one JSON line, then close it."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    result: dict[str, Any] = {}

    def later(seconds: float, action: Any) -> None:
        QTimer.singleShot(round(seconds * 1000), action)

    def measured(key: str, seconds: float, then: Any) -> None:
        """Measure CPU over `seconds` of doing nothing here, as % of one core."""
        began, cpu = time.monotonic(), time.process_time()

        def done() -> None:
            spent = time.process_time() - cpu
            result[key] = round(100 * spent / (time.monotonic() - began), 3)
            then()

        later(seconds, done)

    def window_of_app() -> Any:
        return next(w for w in app.topLevelWidgets() if hasattr(w, "run_screen"))

    def finish() -> None:
        result["rss_mb"] = round(rss_mb(), 1)
        print(json.dumps(result), flush=True)
        for widget in app.topLevelWidgets():
            widget.close()

    def idle_after() -> None:
        later(SETTLE_S, lambda: measured("idle_after_pct", idle_s, finish))

    def start_session() -> None:
        if kind == "bare":
            measured("session_pct", session_s, idle_after)
            return
        window = window_of_app()
        run = window.run_screen
        window.tabs.setCurrentWidget(run)
        assert run.select_template(SESSION_TEMPLATE), "the benchmark template is missing"
        session = run.session_run
        began = time.monotonic()

        def ended(_run: Any) -> None:
            dialog = window.summary_dialog
            if dialog is not None:
                QTimer.singleShot(0, dialog.reject)
            idle_after()

        def running(state: Any) -> None:
            if state.name == "RUNNING":
                session.state_changed.disconnect(running)
                result["sound_ready_s"] = round(time.monotonic() - began, 2)
                later(1.0, lambda: measured("session_pct", session_s, run.stop_now))

        session.state_changed.connect(running)
        run.session_ended.connect(ended)
        run.start()

    def idle_at_first() -> None:
        later(SETTLE_S, lambda: measured("idle_pct", idle_s, start_session))

    open_window(app, kind, idle_at_first)


def measure_once(
    contender: Contender, env: dict[str, str], scratch: Path, idle_s: float, session_s: float
) -> Any:
    kind = "bare" if contender.code is None else "app"
    result = subprocess.run(
        [contender.python, __file__, "--child", kind, str(idle_s), str(session_s)],
        capture_output=True,
        text=True,
        env=env,
        cwd=scratch,
        timeout=120 + 2 * idle_s + session_s,
        check=False,
    )
    lines = result.stdout.splitlines()
    if result.returncode != 0 or not lines:
        raise RuntimeError(f"{contender.label} failed ({result.returncode}): {result.stderr}")
    return json.loads(lines[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--idle-s", type=float, default=10.0)
    parser.add_argument("--session-s", type=float, default=60.0)
    add_before_options(parser)
    parser.add_argument("--no-pulse", action="store_true", help="no private PulseAudio daemon")
    args = parser.parse_args()
    load_at_start = load_average()
    with scratch_and_sound(not args.no_pulse) as (scratch, sound):
        runs = [
            (c, environment(c, scratch, sound, make_home(c, scratch, "idle", 0, False)))
            for c in contenders(args.before, args.before_python)
        ]
        found: dict[str, list[dict[str, Any]]] = {}
        for number in range(args.rounds):
            for contender, env in rotated(runs, number):
                figures = measure_once(contender, env, scratch, args.idle_s, args.session_s)
                found.setdefault(contender.label, []).append(figures)
    report: dict[str, Any] = {
        "rounds": args.rounds,
        "idle_s": args.idle_s,
        "session_s": args.session_s,
        "load_average": {"start": load_at_start, "end": load_average()},
    }
    for label, results in found.items():
        figures = {
            key: spread([r[key] for r in results], 3)
            for key in ("idle_pct", "session_pct", "idle_after_pct", "rss_mb", "sound_ready_s")
            if key in results[0]
        }
        if label != "bare":
            figures["met"] = {
                f"idle <= {GOAL_IDLE_PERCENT}%": max(
                    figures["idle_pct"]["median"], figures["idle_after_pct"]["median"]
                )
                <= GOAL_IDLE_PERCENT,
                f"session <= {GOAL_SESSION_PERCENT}%": figures["session_pct"]["median"]
                <= GOAL_SESSION_PERCENT,
            }
        report[label] = figures
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    if len(sys.argv) > 4 and sys.argv[1] == "--child":
        child(sys.argv[2], float(sys.argv[3]), float(sys.argv[4]))
    else:
        sys.exit(main())
