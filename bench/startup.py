"""Start-up of the desktop app: time to the first painted main window, and memory.

Starts fresh processes that open the real main window (real settings store, template
library, SQLite history, screen-awake) and report the moment the run screen is first
painted. The first run warms the disk cache and is reported apart; the median of the rest is
the warm start. A further process
runs a 10-minute session at high speed through the real controller and window and reports its
memory afterwards. Prints JSON.

    python bench/startup.py [--runs 7] [--speed 60]

Goals: warm start under 0.8 s, RSS under 150 MB.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
GOAL_START_S = 0.8
GOAL_RSS_MB = 150.0
SESSION_TEMPLATE = "Ten-minute benchmark"


def rss_mb() -> float:
    """Resident memory now (Linux), else the peak the OS reports."""
    try:
        with open("/proc/self/status", encoding="ascii") as stream:
            for line in stream:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def write_session_template(home: Path) -> None:
    from retrotimer.core.model import Length, Repeat, Segment, SegmentKind, Template, Venue
    from retrotimer.core.templates.template_toml import template_to_toml

    template = Template(
        SESSION_TEMPLATE,
        (
            Segment(SegmentKind.WARMUP, Length.minutes(2)),
            Repeat(
                6,
                (
                    Segment(SegmentKind.BACKWARD_JOG, Length.seconds(30)),
                    Segment(SegmentKind.WALK, Length.seconds(30)),
                ),
            ),
            Segment(SegmentKind.COOLDOWN, Length.minutes(2)),
        ),
        "Ten minutes: warm-up, six backward jogs, cool-down.",
        Venue.TRACK,
    )
    folder = home / "data" / "templates"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "benchmark.toml").write_text(template_to_toml(template), encoding="utf-8")


# ---- child processes ---------------------------------------------------------------------
def child_start() -> None:
    """Open the window as `retrotimer` does; report when the run screen is first painted."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    from retrotimer.app import build_window, open_history
    from retrotimer.audio.startup import open_cue_player
    from retrotimer.storage.paths import AppPaths
    from retrotimer.storage.settings_store import SettingsStore

    app = QApplication(sys.argv[:1])
    paths = AppPaths.from_environment().ensure()
    history, _ = open_history(paths)
    cues = open_cue_player(SettingsStore(paths).load(), paths.cache)  # as `retrotimer` does
    window = build_window(paths, history=history, cues=cues)

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                watched.removeEventFilter(self)
                QTimer.singleShot(0, report)
            return False

    def report() -> None:
        print(
            json.dumps({"painted": True, "rss_mb": round(rss_mb(), 1), "sound": cues.backend_name}),
            flush=True,
        )
        window.close()
        cues.close()
        if history is not None:
            history.close()
        app.quit()

    watcher = FirstPaint()
    window.run_screen.installEventFilter(watcher)
    window.show()
    app.exec()


def child_session(speed: float) -> None:
    """A 10-minute session in compressed time through the real window; memory afterwards."""
    from PySide6.QtWidgets import QApplication

    from retrotimer.app import build_window, open_history
    from retrotimer.audio.startup import open_cue_player
    from retrotimer.runtime.clock import ScaledClock, system_clock
    from retrotimer.runtime.session_run import SessionRun
    from retrotimer.storage.paths import AppPaths
    from retrotimer.storage.settings_store import SettingsStore

    app = QApplication(sys.argv[:1])
    clock = ScaledClock(system_clock(), speed)
    paths = AppPaths.from_environment().ensure()
    history, _ = open_history(paths)  # recorded and heard, as in the app
    cues = open_cue_player(SettingsStore(paths).load(), paths.cache)
    window = build_window(
        paths, clock=clock, precise_wait=clock.wait, speed=speed, history=history, cues=cues
    )
    window.show()
    run = window.run_screen
    assert run.select_template(SESSION_TEMPLATE)
    painted = {"views": 0}
    started = time.perf_counter()
    result: dict[str, Any] = {}

    def ended(session: SessionRun) -> None:
        summary = session.summary
        assert summary is not None
        result.update(
            status=summary.status.value,
            plan_s=summary.planned_s,
            active_s=summary.active_s,
            wall_s=round(time.perf_counter() - started, 2),
            views=painted["views"],
        )
        app.quit()

    run.session_ended.connect(ended)
    session = run.session_run
    assert session is not None
    session.view_changed.connect(lambda _view: painted.__setitem__("views", painted["views"] + 1))
    run.start()
    app.exec()
    result["rss_mb"] = round(rss_mb(), 1)
    window.close()
    cues.close()
    if history is not None:
        result["recorded"] = [entry.status.value for entry in history.store.list_sessions()]
        history.close()
    print(json.dumps(result), flush=True)


# ---- the parent ------------------------------------------------------------------------------
def spawn(mode: str, home: Path, extra: list[str] | None = None) -> tuple[float, dict[str, Any]]:
    env = {**os.environ, "RETROTIMER_HOME": str(home)}
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    begun = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, __file__, mode, *(extra or [])],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert process.stdout is not None
    line = process.stdout.readline()
    elapsed = time.perf_counter() - begun
    _, errors = process.communicate(timeout=120)
    if process.returncode != 0 or not line:
        raise RuntimeError(f"{mode} failed ({process.returncode}): {errors}")
    data: dict[str, Any] = json.loads(line)
    return elapsed, data


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="warm starts to take the median of")
    parser.add_argument("--speed", type=float, default=60.0, help="session time compression")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="retrotimer-bench-") as folder:
        home = Path(folder)
        settings = home / "config" / "settings.toml"
        settings.parent.mkdir(parents=True)
        settings.write_text("safety_checklist = false\nget_ready_s = 0\n", encoding="utf-8")
        write_session_template(home)
        cold_s, _ = spawn("--child-start", home)
        starts = [spawn("--child-start", home) for _ in range(args.runs)]
        _, session = spawn("--child-session", home, ["--speed", str(args.speed)])
    times = sorted(elapsed for elapsed, _ in starts)
    start_rss = statistics.median(data["rss_mb"] for _, data in starts)
    report = {
        "platform": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        "first_start_s": round(cold_s, 3),
        "warm_start_s": {
            "median": round(statistics.median(times), 3),
            "min": round(times[0], 3),
            "max": round(times[-1], 3),
            "runs": len(times),
            "goal": GOAL_START_S,
            "met": statistics.median(times) < GOAL_START_S,
        },
        "sound": starts[0][1]["sound"],
        "rss_after_start_mb": {
            "median": start_rss,
            "goal": GOAL_RSS_MB,
            "met": start_rss < GOAL_RSS_MB,
        },
        "session_10_min": {
            **session,
            "speed": args.speed,
            "goal_rss_mb": GOAL_RSS_MB,
            "met": session["rss_mb"] < GOAL_RSS_MB,
        },
    }
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child-start":
        child_start()
    elif len(sys.argv) > 1 and sys.argv[1] == "--child-session":
        child_session(float(sys.argv[sys.argv.index("--speed") + 1]))
    else:
        sys.exit(main())
