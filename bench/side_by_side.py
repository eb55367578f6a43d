"""What the side-by-side benchmarks share: contenders, their homes and processes, rounds.

A contender is a program measured in fresh processes: the bare PySide6 reference, the
code of this checkout, and optionally an older checkout (`--before DIR`, run with that
checkout's own `.venv`). Rounds alternate the order of the contenders, so a machine that
gets busier halfway through weighs on all of them alike; medians are reported.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
BENCH = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Contender:
    """`code` None: the bare PySide6 window (no RetroTimer code at all)."""

    label: str
    python: str
    code: Path | None


def contenders(before: Path | None, before_python: str | None = None) -> list[Contender]:
    """The bare window, this checkout, and `before` run by `before_python` (by default its
    own `.venv`, else this interpreter)."""
    found = [Contender("bare", sys.executable, None), Contender("after", sys.executable, ROOT)]
    if before is not None:
        python = before / ".venv" / "bin" / "python"
        default = str(python) if python.exists() else sys.executable
        found.insert(1, Contender("before", before_python or default, before))
    return found


def add_before_options(parser: Any) -> None:
    parser.add_argument("--before", type=Path, help="an older checkout to measure beside this one")
    parser.add_argument("--before-python", help="the interpreter for it (its .venv by default)")


def load_average() -> float | None:
    try:
        return round(os.getloadavg()[0], 2)
    except OSError:
        return None


@contextmanager
def scratch_and_sound(pulse: bool) -> Iterator[tuple[Path, dict[str, str]]]:
    """A scratch folder, and the environment that sends sound to a private PulseAudio null
    sink (what a desktop has; without a sound server the Qt stream is never opened)."""
    with tempfile.TemporaryDirectory(prefix="retrotimer-bench-") as folder:
        scratch = Path(folder)
        if not pulse:
            yield scratch, {}
            return
        sys.path.insert(0, str(ROOT))
        from tests.audio.pulse_sink import PrivatePulse, missing_tools

        missing = missing_tools()
        if missing:
            raise SystemExit(f"PulseAudio tools missing ({', '.join(missing)}); use --no-pulse")
        daemon = PrivatePulse(scratch / "pulse")
        daemon.start()
        try:
            yield scratch, daemon.env
        finally:
            daemon.stop()


def environment(
    contender: Contender, scratch: Path, sound: dict[str, str], home: Path | None
) -> dict[str, str]:
    """Offscreen, the contender's code first on the path, bytecode cached as an installed
    package has it (in the scratch folder: no checkout is written to). Children run in the
    scratch folder (`cwd=scratch`), so no checkout in the working directory shadows it."""
    env = {**os.environ, **sound, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(scratch / "bytecode" / contender.label)
    if contender.code is not None:
        env["PYTHONPATH"] = str(contender.code)
    else:
        env.pop("PYTHONPATH", None)
    if home is not None:
        env["RETROTIMER_HOME"] = str(home)
    return env


def make_home(
    contender: Contender, scratch: Path, name: str, sessions: int, program: bool
) -> Path | None:
    """A home written by the contender's own code (its history schema is the one it reads)."""
    if contender.code is None:
        return None
    home = scratch / "homes" / contender.label / name
    extra = ["--sessions", str(sessions)] + (["--program"] if program else [])
    subprocess.run(
        [contender.python, str(BENCH / "sample_home.py"), str(home), *extra],
        env=environment(contender, scratch, {}, None),
        cwd=scratch,
        check=True,
    )
    return home


def rotated(items: list[Any], round_number: int) -> list[Any]:
    shift = round_number % len(items)
    return items[shift:] + items[:shift]


def spread(values: list[float], digits: int = 3) -> dict[str, Any]:
    ordered = sorted(values)
    return {
        "median": round(statistics.median(ordered), digits),
        "min": round(ordered[0], digits),
        "max": round(ordered[-1], digits),
        "runs": len(ordered),
    }


def ratio(value: float, reference: float) -> float:
    return round(value / reference, 2) if reference > 0 else float("inf")


def rss_mb() -> float:
    """Resident memory of this process now (Linux)."""
    with open("/proc/self/status", encoding="ascii") as stream:
        for line in stream:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS in /proc/self/status")


def open_window(app: Any, kind: str, at_first_paint: Callable[[], None]) -> None:
    """In a child process: open the bare window (`kind` "bare", on `app`) or RetroTimer's as
    the `retrotimer` command does (on `app` if one was made, else on the one it makes), and
    call `at_first_paint` from the event loop just after the window is first painted; returns
    when the event loop ends.

    The first window shown is watched, not the application: a Python filter on the
    application would be called for every event of every object, and PySide6 would then
    look up every Qt class to name the objects of Qt's private classes, a cost neither
    program has."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QMainWindow, QWidget

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                watched.removeEventFilter(self)
                QTimer.singleShot(0, at_first_paint)
            return False

    watcher = FirstPaint()
    show = QMainWindow.show

    def watched_show(window: QWidget) -> None:
        QMainWindow.show = show  # type: ignore[method-assign]
        window.installEventFilter(watcher)
        show(window)

    QMainWindow.show = watched_show  # type: ignore[method-assign]
    if kind == "bare":
        window = QMainWindow()
        window.resize(1280, 800)
        window.show()
        app.exec()
    else:
        from retrotimer.cli import main

        main([])
