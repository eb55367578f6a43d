"""Render every screen of the app into PNGs, on a real X server (run it under Xvfb).

    xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/python docs/tools/screenshots.py [OUT_DIR]
        [--run-only] [--open-steps] [--size 1280x800] [--theme dark]

Each theme (dark, light) at 1280x800 and 1920x1080: the run screen before, during and after
a session (a backward segment mid-way with its banner, both steady and flashing), the
dialogs, and the other screens. A fake clock puts each scene at an exact moment.
With --open-steps: only the run screen in an open step (past its estimate, on a track) and
in a distance step (on a treadmill).
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "xcb")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the checkout, for retrotimer

import uuid  # noqa: E402

from PySide6.QtCore import QCoreApplication, QEventLoop  # noqa: E402
from PySide6.QtGui import QGuiApplication  # noqa: E402
from PySide6.QtWidgets import QDialog, QWidget  # noqa: E402

from retrotimer.app import build_window, open_history  # noqa: E402
from retrotimer.ui.common.theme import new_application  # noqa: E402
from retrotimer.core.history.history_values import (  # noqa: E402
    HistorySession,
    Review,
    SessionStart,
    SessionStatus,
    SessionTotals,
    plan_snapshot,
    session_from_parts,
)
from retrotimer.core.history.wall_time import WallTime  # noqa: E402
from retrotimer.core.model import (  # noqa: E402
    Length,
    Prompt,
    Segment,
    SegmentKind,
    Template,
    Venue,
)
from retrotimer.core.session.plan import compile_plan  # noqa: E402
from retrotimer.core.session.records import SegmentRecord  # noqa: E402
from retrotimer.core.session.session_machine import SessionState  # noqa: E402
from retrotimer.core.settings import Settings, Theme  # noqa: E402
from retrotimer.core.templates.builtin_templates import BUILTIN_TEMPLATES  # noqa: E402
from retrotimer.runtime.clock import FakeClock  # noqa: E402
from retrotimer.storage.paths import AppPaths  # noqa: E402
from retrotimer.storage.settings_store import SettingsStore  # noqa: E402
from retrotimer.storage.templates.template_store import TemplateStore  # noqa: E402
from retrotimer.ui.shell.main_window import MainWindow  # noqa: E402

SIZES = ((1280, 800), (1920, 1080))
THEMES = (Theme.DARK, Theme.LIGHT)

# Built-in templates: what a new user sees first.
TRACK = "Short backward jogs"
TREADMILL = "Treadmill retro intro"
MIX = "Forward and backward mix"


# How hard the sample sessions felt, on the rating's 1 "very easy" to 5 "too hard".
SAMPLE_RATINGS = (2, 3, 3, 4)


def sample_sessions() -> list[HistorySession]:
    """Ten weeks of a runner building from two careful minutes towards ten."""
    plan = compile_plan(BUILTIN_TEMPLATES[4], Settings())
    sessions = []
    now = time.time()
    for number in range(24):
        days_ago = 70 - number * 3
        backward = min(600.0, 120.0 + number * 21.0)
        records = [
            SegmentRecord(0, SegmentKind.WARMUP, "Warm-up walk", 300, 300, False),
            SegmentRecord(1, SegmentKind.BACKWARD_JOG, "Backward jog", 600, backward, False),
        ]
        start = SessionStart(
            str(uuid.UUID(int=number + 1)),
            plan.template_name,
            plan_snapshot(plan),
            plan.venue,
            WallTime(now - days_ago * 86400.0 - 3600, 3600),
            plan.total_s,
        )
        totals = SessionTotals.from_records(records)
        sessions.append(
            session_from_parts(
                start,
                records,
                status=SessionStatus.STOPPED if backward < 600 else SessionStatus.COMPLETED,
                totals=totals,
                ended_utc_s=start.started.utc_s + totals.active_s,
                review=Review(rating=SAMPLE_RATINGS[number % len(SAMPLE_RATINGS)]),
            )
        )
    return sessions


def settle(delay_s: float = 0.15) -> None:
    """Let Qt lay out, paint and flush to the X server."""
    end = time.monotonic() + delay_s
    while time.monotonic() < end:
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        time.sleep(0.01)


def shoot(widget: QWidget, path: Path) -> None:
    window = widget.window()
    if isinstance(window, MainWindow):
        # Xvfb cannot keep a screen awake, and its notice is not what these pictures show.
        for notice in window.notices.texts():
            window.notices.dismiss(notice)
    settle()
    screen = QGuiApplication.primaryScreen()
    geometry = window.frameGeometry()
    # Grab what the X server shows, so dialogs over the window are in the picture too.
    pixmap = screen.grabWindow(0, geometry.x(), geometry.y(), geometry.width(), geometry.height())
    if pixmap.isNull():
        pixmap = widget.grab()
    pixmap.save(str(path))
    print(path)


def shoot_dialog(dialog: QWidget, path: Path) -> None:
    settle()
    dialog.grab().save(str(path))
    print(path)


def shoot_with_dialog(window: QWidget, dialog: QDialog, out: Path, name: str) -> None:
    """The window with `dialog` over it, then the dialog alone (`name` has a {} for
    "window-" and ""); the dialog is closed afterwards."""
    settle()
    shoot(window, out / name.format("window-"))
    shoot_dialog(dialog, out / name.format(""))
    dialog.reject()


def advance(
    window: MainWindow, clock: FakeClock, until: Callable[[], bool], limit_s: float = 4000
) -> None:
    """Move the fake clock on in half seconds, as the controller's timer would, until true."""
    controller = window.run_screen.controller
    assert controller is not None
    end = clock.now + limit_s
    while not until() and clock.now < end:
        clock.advance(0.5)
        controller.poll()


def position(window: MainWindow) -> float:
    controller = window.run_screen.controller
    assert controller is not None
    return controller.view().position_s


def segment_kind(window: MainWindow) -> SegmentKind:
    controller = window.run_screen.controller
    assert controller is not None
    return controller.view().segment.kind


def scenes(
    window: MainWindow, clock: FakeClock, out: Path, tag: str, *, run_only: bool = False
) -> None:
    run = window.run_screen
    run.select_template(TRACK)
    shoot(window, out / f"run-idle-{tag}.png")
    run.start()
    advance(
        window,
        clock,
        lambda: (
            run.state is SessionState.COUNTDOWN
            and (run.controller is not None and run.controller.view().get_ready_remaining_s <= 3)
        ),
    )
    shoot(window, out / f"run-get-ready-{tag}.png")
    advance(window, clock, lambda: position(window) >= 170)
    shoot(window, out / f"run-warmup-{tag}.png")
    advance(window, clock, lambda: position(window) >= 300 + 45)
    run.banner.stop_flashing()
    shoot(window, out / f"run-backward-walk-{tag}.png")
    if tag.endswith("1920x1080"):
        window.toggle_fullscreen()
        settle(0.3)
        shoot(window, out / f"run-backward-fullscreen-{tag}.png")
        window.toggle_fullscreen()
        settle(0.3)
    advance(
        window,
        clock,
        lambda: (
            segment_kind(window) is SegmentKind.BACKWARD_JOG
            and run.texts is not None
            and run.texts.rep.startswith("Rep 3")
        ),
    )
    advance(window, clock, lambda: run.banner.inverted or run.banner.flashing, 3)
    shoot(window, out / f"run-backward-jog-flash-{tag}.png")
    run.banner.stop_flashing()
    clock.advance(2)
    run.controller.poll() if run.controller else None
    shoot(window, out / f"run-backward-jog-{tag}.png")  # a step-counted segment
    run.toggle_mute()
    shoot(window, out / f"run-muted-{tag}.png")
    run.toggle_mute()
    advance(window, clock, lambda: segment_kind(window) is SegmentKind.WALK)
    shoot(window, out / f"run-turn-around-{tag}.png")
    run.toggle()
    shoot(window, out / f"run-paused-{tag}.png")
    run.toggle()
    if run_only:
        run.stop_now()
        return
    run.request_stop()
    shoot(window, out / f"run-stop-confirm-{tag}.png")
    assert run.stop_confirmation is not None
    run.stop_confirmation.reject()
    advance(window, clock, lambda: run.state is SessionState.FINISHED)
    settle()
    shoot(window, out / f"run-finished-summary-{tag}.png")
    if window.summary_dialog is not None:
        shoot_dialog(window.summary_dialog, out / f"dialog-summary-{tag}.png")
        window.summary_dialog.reject()
    run.toggle()

    run.select_template(TREADMILL)
    run.start()
    advance(window, clock, lambda: segment_kind(window) is SegmentKind.BACKWARD_WALK)
    advance(window, clock, lambda: run.banner.flash_count >= 3, 60)
    run.banner.stop_flashing()
    shoot(window, out / f"run-treadmill-{tag}.png")
    run.stop_now()
    settle()
    if window.summary_dialog is not None:
        window.summary_dialog.reject()
    run.toggle()

    window.open_settings()
    assert window.settings_dialog is not None
    shoot_dialog(window.settings_dialog, out / f"dialog-settings-{tag}.png")
    window.settings_dialog.reject()

    run.select_template(MIX)
    run._memory.remove(f"checklist_done/{MIX}")
    window.parts.settings.update(dataclasses.replace(window.settings, safety_checklist=True))
    run.start()
    assert run.checklist is not None
    shoot_dialog(run.checklist, out / f"dialog-checklist-{tag}.png")
    run.checklist.reject()
    settle()

    templates = window.templates_screen
    window.tabs.setCurrentWidget(templates)
    templates.select(TRACK)
    shoot(window, out / f"templates-built-in-{tag}.png")
    templates.buttons["duplicate"].click()
    editor = templates.editor
    editor.select_paths([(2, 0)])
    editor.model.setData(editor.model.index_of((2, 0), 1), 1500)  # a step count too large
    shoot(window, out / f"templates-editor-problem-{tag}.png")
    editor.tabs.setCurrentWidget(editor.text_view)
    shoot(window, out / f"templates-text-{tag}.png")
    editor.revert()
    editor.tabs.setCurrentWidget(editor.tree)
    templates.select(TRACK)
    window.watch_action.trigger()
    watch = templates.watch_dialog
    assert watch is not None
    shoot_with_dialog(window, watch, out, f"dialog-export-for-watch-{{}}{tag}.png")

    window.tabs.setCurrentWidget(window.history_screen)
    history = window.history_screen
    history.table.selectRow(2)
    shoot(window, out / f"history-{tag}.png")
    window.session_export_action.trigger()
    export = history.export_dialog
    assert export is not None
    shoot_with_dialog(window, export, out, f"dialog-export-session-{{}}{tag}.png")
    window.tabs.setCurrentWidget(window.run_screen)


def open_step_templates() -> tuple[Template, ...]:
    """An open step on a track, distance steps on a treadmill, and another tool's timed
    prompt."""
    warmup = Segment(SegmentKind.WARMUP, Length.seconds(10))
    prompt = Prompt(15, "We will start out with some intervals at an easy effort")
    return (
        Template(
            "Zwift prompts",
            (
                warmup,
                Segment(SegmentKind.WALK, Length.seconds(60), prompts=(prompt,)),
                Segment(SegmentKind.BACKWARD_WALK, Length.seconds(60)),
            ),
            venue=Venue.TRACK,
        ),
        Template(
            "Run to the cone",
            (warmup, Segment(SegmentKind.BACKWARD_WALK, Length.open(), "Walk back to the cone")),
            venue=Venue.TRACK,
        ),
        Template(
            "Treadmill distances",
            (
                warmup,
                Segment(SegmentKind.BACKWARD_WALK, Length.metres(100, cap_s=180)),
                Segment(SegmentKind.WALK, Length.seconds(60)),
            ),
            venue=Venue.TREADMILL,
        ),
    )


def open_step_scenes(window: MainWindow, clock: FakeClock, out: Path, tag: str) -> None:
    """The run screen counting up in an open step and in a distance step, and showing a
    timed prompt."""
    shoot_open_step(window, clock, out / f"run-open-step-{tag}.png", "Run to the cone", 55)
    shoot_open_step(
        window, clock, out / f"run-distance-treadmill-{tag}.png", "Treadmill distances", 42
    )
    shoot_open_step(window, clock, out / f"run-prompt-{tag}.png", "Zwift prompts", 18)


def shoot_open_step(
    window: MainWindow, clock: FakeClock, path: Path, template: str, into_s: float
) -> None:
    """`into_s` seconds into the second segment of `template`, then stopped."""
    run = window.run_screen
    window.reload_templates()
    run.select_template(template)
    run.start()
    controller = run.controller
    assert controller is not None
    advance(window, clock, lambda: position(window) >= 10)
    advance(window, clock, lambda: controller.view().segment_elapsed_s >= into_s)
    run.banner.stop_flashing()
    shoot(window, path)
    run.stop_now()
    if window.summary_dialog is not None:
        window.summary_dialog.reject()
    settle()


def main() -> int:
    parser = argparse.ArgumentParser(description="Render the app's screens into PNGs.")
    parser.add_argument("out", nargs="?", default="screenshots", help="folder for the PNGs")
    parser.add_argument("--run-only", action="store_true", help="only the run screen")
    parser.add_argument(
        "--open-steps", action="store_true", help="only the run screen in open and distance steps"
    )
    parser.add_argument("--size", action="append", help="WIDTHxHEIGHT (default: both sizes)")
    parser.add_argument(
        "--theme", action="append", choices=[theme.value for theme in THEMES], help="dark, light"
    )
    args = parser.parse_args()
    out = Path(args.out).resolve()
    out.mkdir(parents=True, exist_ok=True)
    sizes = [tuple(map(int, size.split("x"))) for size in args.size] if args.size else SIZES
    themes = [Theme(name) for name in args.theme] if args.theme else THEMES
    app = new_application(sys.argv[:1])
    app.setApplicationName("RetroTimer")
    for theme in themes:
        for width, height in sizes:
            with tempfile.TemporaryDirectory(prefix="retrotimer-shots-") as home:
                os.environ["RETROTIMER_HOME"] = home
                paths = AppPaths.from_environment().ensure()
                SettingsStore(paths).save(
                    Settings(theme=theme, safety_checklist=False, get_ready_s=5)
                )
                history, _ = open_history(paths)
                assert history is not None
                history.store.import_sessions(sample_sessions())
                store = TemplateStore.from_paths(paths)
                for template in open_step_templates():
                    store.save(template)
                clock = FakeClock()
                window = build_window(paths, clock=clock, precise_wait=None, history=history)
                window.move(0, 0)
                window.resize(width, height)
                # The screen's size (run it at the size wanted), framed by a window manager or not.
                window.showMaximized()
                settle(0.4)
                tag = f"{theme.value}-{width}x{height}"
                if args.open_steps:
                    open_step_scenes(window, clock, out, tag)
                else:
                    scenes(window, clock, out, tag, run_only=args.run_only)
                window.close()
                settle()
                history.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
