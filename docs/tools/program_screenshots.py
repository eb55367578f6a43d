"""Render the program views into PNGs at 1280x800 on a real X server (run it under Xvfb).

    xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python docs/tools/program_screenshots.py [OUT_DIR]

Today (a new week, and a rest day), a program's path with a repeat and a step back, and the
real window: Today, History's program path, the summary dialog with "felt dizzy or off
balance" ticked, History's review editor and Today after a report of pain, in the dark and
the light theme.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "xcb")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the checkout, for retrotimer

import dataclasses  # noqa: E402
import tempfile  # noqa: E402

from PySide6.QtWidgets import QApplication  # noqa: E402

from retrotimer.app import build_window, open_history  # noqa: E402
from retrotimer.core.history.calendar_days import DAY_S, days_from_civil, local_day  # noqa: E402
from retrotimer.core.history.history_values import (  # noqa: E402
    HistoryEntry,
    HistorySession,
    SessionStatus,
    plan_snapshot,
)
from retrotimer.core.history.program_ref import ProgramRef  # noqa: E402
from retrotimer.core.history.session_figures import real_session_figures  # noqa: E402
from retrotimer.core.model import Venue  # noqa: E402
from retrotimer.core.programs.builtin_programs import LEARN, builtin_program  # noqa: E402
from retrotimer.core.programs.program_choice import ProgramChoice  # noqa: E402
from retrotimer.core.programs.program_view import ProgramView, view_program  # noqa: E402
from retrotimer.core.session.plan import compile_plan  # noqa: E402
from retrotimer.core.session.records import (  # noqa: E402
    SegmentRecord,
    SessionOutcome,
    SessionSummary,
)
from retrotimer.core.settings import Settings, Theme  # noqa: E402
from retrotimer.runtime.clock import FakeClock  # noqa: E402
from retrotimer.runtime.wall_clock import system_wall_clock  # noqa: E402
from retrotimer.storage.paths import AppPaths  # noqa: E402
from retrotimer.storage.program_store import ProgramLibrary  # noqa: E402
from retrotimer.storage.settings_store import SettingsStore  # noqa: E402
from retrotimer.ui.common.theme import apply_theme, new_application, run_colours  # noqa: E402
from retrotimer.ui.programs.program_path_chart import ProgramPathChart  # noqa: E402
from retrotimer.ui.programs.today_panel import TodayPanel  # noqa: E402
from retrotimer.ui.run.summary_dialog import SummaryDialog  # noqa: E402
from screenshots import settle, shoot, shoot_dialog  # noqa: E402

START = days_from_civil(2026, 3, 2)
SIZE = (1280, 800)


def entry(number: int, days: int, week: int, session: int, **review: object) -> HistoryEntry:
    learn = builtin_program(LEARN)
    assert learn is not None
    template = learn.session(week, session)
    assert template is not None
    planned = compile_plan(template, Settings())
    midnight = float((START + days) * DAY_S)
    share = float(review.pop("share", 1.0))  # type: ignore[arg-type]
    values: dict[str, object] = {"rating": 4, "near_stumbles": 0, **review}
    return HistoryEntry(
        f"{number:032d}",
        template.name,
        Venue.TRACK,
        midnight + 8 * 3600,
        0,
        midnight + 9 * 3600,
        SessionStatus.COMPLETED if share == 1.0 else SessionStatus.STOPPED,
        planned.total_s,
        active_s=planned.total_s * share,
        backward_s=planned.backward_s * share,
        planned_backward_s=planned.backward_s,
        program=ProgramRef(LEARN, week, session),
        **values,  # type: ignore[arg-type]
    )


def runner_history() -> list[HistoryEntry]:
    """Weeks 1 and 2 well, a hard week 3 that steps back, then week 2 again."""
    plan = [(1, 1), (1, 2), (1, 3), (2, 1), (2, 2), (2, 3)]
    entries = [entry(n, 2 * n + n // 3, w, s, rating=2 - n % 2) for n, (w, s) in enumerate(plan)]
    entries.append(entry(6, 16, 3, 1, rating=4))
    entries.append(entry(7, 18, 3, 1, share=0.6))
    entries.append(entry(8, 21, 2, 1, rating=2))
    entries.append(entry(9, 23, 2, 2, rating=3, near_stumbles=1))
    return entries


def recorded(entry: HistoryEntry) -> HistorySession:
    """The session as the history keeps it: with the plan it was run with, and its segments
    done in full up to where it stopped."""
    learn = builtin_program(LEARN)
    assert learn is not None and entry.program is not None
    template = learn.session(entry.program.week, entry.program.session)
    assert template is not None
    plan = compile_plan(template, Settings())
    done = [s for s in plan.segments if s.start_s + s.duration_s <= entry.active_s + 1e-6]
    records = tuple(
        SegmentRecord(s.index, s.kind, s.label, s.duration_s, s.duration_s, False, s.steps)
        for s in done
    )
    return HistorySession(entry, plan_snapshot(plan), records)


def seen_on(history: list[HistoryEntry], today: int) -> ProgramView:
    """Learn to run backward as the coach sees it on `today`, started on START."""
    learn = builtin_program(LEARN)
    assert learn is not None
    sessions = real_session_figures(history)
    return view_program(learn, ProgramChoice(LEARN, START), sessions, today, Settings())


def window_scene(out: Path, theme: Theme, history: list[HistoryEntry]) -> None:
    """The real window, opened on Today, with the sample runner's sessions in its history."""
    with tempfile.TemporaryDirectory(prefix="retrotimer-shots-") as home:
        os.environ["RETROTIMER_HOME"] = home
        paths = AppPaths.from_environment().ensure()
        SettingsStore(paths).save(Settings(theme=theme, safety_checklist=False))
        writable, _ = open_history(paths)
        assert writable is not None
        today = local_day(system_wall_clock())
        shifted = [
            dataclasses.replace(
                e,
                started_utc_s=e.started_utc_s + (today - START - 25) * DAY_S,
                ended_utc_s=(e.ended_utc_s or 0) + (today - START - 25) * DAY_S,
            )
            for e in history
        ]
        writable.store.import_sessions(recorded(e) for e in shifted)
        ProgramLibrary(paths).choose(ProgramChoice(LEARN, today - 25))
        window = build_window(paths, clock=FakeClock(), precise_wait=None, history=writable)
        window.move(0, 0)
        window.resize(*SIZE)
        window.showMaximized()  # the screen's size, whether a window manager frames it or not
        settle(0.4)
        shoot(window, out / f"window-today-{theme.value}-{SIZE[0]}x{SIZE[1]}.png")
        window.open_settings()
        dialog = window.settings_dialog
        assert dialog is not None
        shoot_dialog(dialog, out / f"settings-program-{theme.value}-{SIZE[0]}x{SIZE[1]}.png")
        dialog.reject()
        window.tabs.setCurrentWidget(window.history_screen)
        window.history_screen.charts.setCurrentIndex(1)
        settle(0.3)
        shoot(window, out / f"window-history-path-{theme.value}-{SIZE[0]}x{SIZE[1]}.png")
        summary = SessionSummary(
            "Learn backward 3.1", SessionOutcome.FINISHED, 1290.0, 1290.0, 300.0, 0, 0, ()
        )
        dialog = SummaryDialog(summary, window, program=ProgramRef(LEARN, 3, 1))
        dialog.set_rating(4)
        dialog.near_stumbles.setValue(1)
        dialog.dizzy.setChecked(True)
        dialog.show()
        settle(0.3)
        shoot(window, out / f"summary-dizzy-{theme.value}-{SIZE[0]}x{SIZE[1]}.png")
        dialog.close()
        # Pain reported on the latest session: History's review editor shows the whole review
        # in words, and Today rests first for it.
        latest = writable.store.list_sessions()[0]
        writable.store.set_review(latest.session_id, dataclasses.replace(latest.review, pain=True))
        screen = window.history_screen
        screen.refresh()
        screen.charts.setCurrentIndex(0)
        screen.table.selectRow(0)
        settle(0.3)
        shoot(window, out / f"window-history-review-{theme.value}-{SIZE[0]}x{SIZE[1]}.png")
        window.refresh_today()
        window.tabs.setCurrentWidget(window.today_tab)
        settle(0.3)
        shoot(window, out / f"window-today-pain-{theme.value}-{SIZE[0]}x{SIZE[1]}.png")
        window.close()
        settle()
        writable.close()


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots")
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or new_application([])
    learn = builtin_program(LEARN)
    assert learn is not None
    history = runner_history()
    for theme in (Theme.DARK, Theme.LIGHT):
        assert isinstance(app, QApplication)
        apply_theme(app, theme)
        tag = f"{theme.value}-{SIZE[0]}x{SIZE[1]}"
        panel = TodayPanel()
        panel.resize(*SIZE)
        panel.show_proposal(seen_on(history[:6], START + 15).proposal, Settings())
        panel.show()
        shoot_dialog(panel, out / f"today-new-week-{tag}.png")
        panel.show_proposal(seen_on(history, START + 23).proposal, Settings())
        settle()
        shoot_dialog(panel, out / f"today-rest-{tag}.png")
        panel.close()

        chart = ProgramPathChart(run_colours(theme))
        chart.resize(*SIZE)
        chart.set_path(learn, seen_on(history, START + 24).path)
        chart.show()
        shoot(chart, out / f"program-path-{tag}.png")
        chart.close()
        window_scene(out, theme, history)
    return 0


if __name__ == "__main__":
    sys.exit(main())
