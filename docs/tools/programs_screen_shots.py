"""Render the Programs screen, the celebration after the last week and Today (a rest day, and
the first day of week 4) into PNGs on a
real X server with a window manager, as the screen shows them (`import -window root`).

    xvfb-run -a -s "-screen 0 1280x800x24" sh -c \
        'openbox & sleep 1; .venv/bin/python docs/tools/programs_screen_shots.py OUT_DIR'

Run it again on a 1366x768 screen for the other size; the file names carry the size.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "xcb")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the checkout, for retrotimer

import dataclasses  # noqa: E402
import tempfile  # noqa: E402
from collections.abc import Callable  # noqa: E402

from PySide6.QtGui import QGuiApplication  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from retrotimer.app import build_window, open_history  # noqa: E402
from retrotimer.core.history.calendar_days import DAY_S, local_day  # noqa: E402
from retrotimer.core.history.history_values import HistoryEntry, HistorySession  # noqa: E402
from retrotimer.core.programs.builtin_programs import LEARN  # noqa: E402
from retrotimer.core.programs.program_choice import ProgramChoice  # noqa: E402
from retrotimer.core.settings import Settings, Theme  # noqa: E402
from retrotimer.runtime.clock import FakeClock  # noqa: E402
from retrotimer.runtime.wall_clock import system_wall_clock  # noqa: E402
from retrotimer.storage.paths import AppPaths  # noqa: E402
from retrotimer.storage.program_store import ProgramLibrary  # noqa: E402
from retrotimer.storage.settings_store import SettingsStore  # noqa: E402
from retrotimer.ui.common.theme import apply_theme, new_application  # noqa: E402
from retrotimer.ui.shell.main_window import MainWindow  # noqa: E402
from program_screenshots import START, entry  # noqa: E402
from screenshots import settle  # noqa: E402


def three_weeks() -> list[HistoryEntry]:
    """Weeks 1-3 of learning, a session every other day; week 3's second was hard, and done
    well two days later."""
    plan = [(w, s) for w in (1, 2) for s in (1, 2, 3)]
    entries = [entry(n, 7 * (w - 1) + 2 * (s - 1), w, s, rating=2) for n, (w, s) in enumerate(plan)]
    for day, session, rating in ((14, 1, 2), (16, 2, 4), (18, 2, 3), (20, 3, 3)):
        entries.append(entry(len(entries), day, 3, session, rating=rating))
    return entries


def ten_weeks() -> list[HistoryEntry]:
    """Every session of learning done, three a week; week 6's last was hard and run again two
    days later, and the weeks after it begin two days later."""
    entries = []
    for week in range(1, 11):
        for session in range(1, 4):
            day = 7 * (week - 1) + 2 * (session - 1) + (2 if week > 6 else 0)
            if (week, session) == (6, 3):
                entries.append(entry(len(entries), day, week, session, rating=4))
                day += 2
            entries.append(entry(len(entries), day, week, session, rating=3))
    return entries


def grab(path: Path) -> None:
    settle(0.5)
    subprocess.run(["import", "-window", "root", str(path)], check=True)
    print(path)


def scene(history: list[HistoryEntry], days: int, shots: Callable[[MainWindow], None]) -> None:
    """The window maximised, following learning since `days` ago, handed to `shots`."""
    with tempfile.TemporaryDirectory(prefix="retrotimer-shots-") as home:
        os.environ["RETROTIMER_HOME"] = home
        paths = AppPaths.from_environment().ensure()
        SettingsStore(paths).save(
            Settings(theme=Theme.DARK, safety_checklist=False, first_run_done=True)
        )
        writable, _ = open_history(paths)
        assert writable is not None
        today = local_day(system_wall_clock())
        shift = (today - START - days) * DAY_S
        moved = [
            dataclasses.replace(
                e, started_utc_s=e.started_utc_s + shift, ended_utc_s=(e.ended_utc_s or 0) + shift
            )
            for e in history
        ]
        writable.store.import_sessions(HistorySession(e, "{}", ()) for e in moved)
        ProgramLibrary(paths).choose(ProgramChoice(LEARN, today - days))
        window = build_window(paths, clock=FakeClock(), precise_wait=None, history=writable)
        window.showMaximized()
        shots(window)
        window.close()
        settle()
        writable.close()


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots")
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or new_application([])
    assert isinstance(app, QApplication)
    apply_theme(app, Theme.DARK)
    geometry = QGuiApplication.primaryScreen().geometry()
    size = f"{geometry.width()}x{geometry.height()}"

    def week_4(window: MainWindow) -> None:
        grab(out / f"today-week-4-dark-{size}.png")
        window.show_programs()
        grab(out / f"programs-dark-{size}.png")

    def complete(window: MainWindow) -> None:
        screen = window.show_programs()
        dialog = screen.open_completion()
        assert dialog is not None
        grab(out / f"program-complete-dark-{size}.png")
        dialog.reject()

    scene(three_weeks(), 21, lambda _window: grab(out / f"today-rest-dark-{size}.png"))
    scene(three_weeks(), 22, week_4)
    scene(ten_weeks(), 72, complete)
    return 0


if __name__ == "__main__":
    sys.exit(main())
