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
from collections.abc import Iterator
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
