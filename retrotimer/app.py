"""Composition root: the real clock, stores, library and screen-awake wired into the window."""

from __future__ import annotations

import logging
import shutil
import sys
import tempfile
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from retrotimer import collector_at_start
from retrotimer.audio.cues_on_demand import CuesOnDemand, cues_on_demand
from retrotimer.core.history.history_ports import HistoryUnavailable
from retrotimer.core.sensors.pairing import paired_devices
from retrotimer.core.value import replace, value
from retrotimer.exchange.exchange_files import ExchangeFiles
from retrotimer.exchange.history.history_files import JsonCsvHistoryFiles, save_unsaved
from retrotimer.runtime.clock import Clock, ScaledClock, Wait, system_clock, system_wait
from retrotimer.runtime.run_parts import RunParts
from retrotimer.runtime.sensor_feed import SensorFeed
from retrotimer.runtime.session_runs import SessionRuns
from retrotimer.runtime.settings_source import SettingsSource
from retrotimer.sensors.link_on_demand import LinkOnDemand
from retrotimer.storage.history.history_opening import (
    WritableHistory,
    lock_history,
    open_for_writing,
)
from retrotimer.storage.instance_lock import AlreadyRunning
from retrotimer.storage.log_file import logging_to_file
from retrotimer.storage.paths import AppPaths
from retrotimer.storage.program_store import ProgramLibrary
from retrotimer.storage.settings_store import SettingsStore
from retrotimer.storage.templates.template_library import TemplateLibrary
from retrotimer.storage.user_files import unusable_file
from retrotimer.ui.common.theme import apply_theme, new_application, use_style
from retrotimer.ui.shell.app_parts import AppParts
from retrotimer.ui.shell.main_window import MainWindow
from retrotimer.ui.shell.screen_awake import WakepyScreenAwake

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

    from retrotimer.audio.playback import BackendFactory
    from retrotimer.core.history.history_ports import HistoryRepository
    from retrotimer.core.model import Template
    from retrotimer.core.ports import CueSink
    from retrotimer.core.sensors.sensor_ports import SensorLink, SensorListener

log = logging.getLogger(__name__)


def window_memory(paths: AppPaths) -> tuple[QSettings, str | None]:
    """Window geometry, the last template and checklist state, in the config dir, and None.
    When that file cannot be used (Qt would wait for ever on a FIFO, and write through a link
    to wherever it points), a file in a new temporary folder instead, and why."""
    path = paths.config / "window.ini"
    problem = unusable_file(path)
    if problem is not None:
        path = Path(tempfile.mkdtemp(prefix="retrotimer-window-")) / "window.ini"
        problem += "; the window's size and last template are not remembered this time"
    return QSettings(str(path), QSettings.Format.IniFormat), problem


def open_history(
    paths: AppPaths, *, recover: bool = True
) -> tuple[WritableHistory | None, list[str]]:
    """The history to write, and what the user should be told about it; with `recover`
    False only its lock is taken, and `history_messages` tells the rest after `recover()`.
    Raises AlreadyRunning when another RetroTimer writes the history."""
    try:
        history = open_for_writing(paths) if recover else lock_history(paths)
    except HistoryUnavailable as error:
        return None, [f"History is not available: {error}. Sessions are not recorded."]
    return history, history_messages(history)


def history_messages(history: WritableHistory) -> list[str]:
    """What the user should be told about an opened history."""
    messages = [notice[:1].upper() + notice[1:] + "." for notice in history.notices]
    if history.problem is not None:
        messages.append(f"History cannot be saved just now: {history.problem}.")
    return messages


def tell_after_first_paint(
    window: MainWindow, paths: AppPaths, history: WritableHistory | None
) -> None:
    """Once the window is painted: the program followed looked up (the built-in programs are
    made then), the history's database opened (and checked: a long history takes a while)
    and dead sessions recovered; what the user must be told goes to the window."""
    told = [ProgramLibrary(paths).problem()]
    if history is not None:
        history.recover()
        told += history_messages(history)
    for text in told:
        if text:
            log.warning("%s", text)
            window.notify(text)


def wire_parts(
    paths: AppPaths,
    settings_store: SettingsStore,
    sessions: RunParts,
    history: HistoryRepository | None,
    *,
    history_problem: str = "",
    library: TemplateLibrary | None = None,
    memory: QSettings | None = None,
    sensors: SensorFeed | None = None,
    sensor_link: SensorLink | None = None,
) -> AppParts:
    """Everything the window is given: the settings (the cue player hears every change),
    the sessions (`sessions`, recorded in `history`), the templates (`library`, by default
    the built-ins and the user's), the window's memory (by default `window_memory`), the
    history's files, other tools' files and the programs, all kept under `paths`; the
    Bluetooth sensors (`sensors`, heard through `sensor_link`) follow the paired ones."""
    settings = settings_store.load()
    for problem in settings_store.problems:
        log.warning("%s", problem)
    source = SettingsSource(settings_store, settings)
    cues = sessions.cues
    if cues is not None:
        cues.apply_settings(settings)
        source.changed.connect(lambda new, _old: cues.apply_settings(new))
    if sensor_link is not None:
        sensor_link.follow(paired_devices(settings))
        source.changed.connect(lambda new, _old: sensor_link.follow(paired_devices(new)))
    return AppParts(
        settings=source,
        runs=SessionRuns(replace(sessions, history=history, samples=history)),
        library=library if library is not None else TemplateLibrary.from_paths(paths),
        memory=memory if memory is not None else window_memory(paths)[0],
        history=history,
        transfer=JsonCsvHistoryFiles(history, [paths.data, paths.cache])
        if history is not None
        else None,
        history_problem=history_problem,
        exchange=ExchangeFiles(),
        programs=ProgramLibrary(paths),
        sensors=sensors,
        sensor_link=sensor_link,
    )


def build_window(
    paths: AppPaths,
    *,
    clock: Clock | None = None,
    precise_wait: Wait | None = system_wait,
    speed: float = 1.0,
    history: WritableHistory | None = None,
    history_problem: str = "",
    cues: CueSink | None = None,
    settings_store: SettingsStore | None = None,
    memory: QSettings | None = None,
    sensor_link: Callable[[SensorListener], SensorLink] | None = None,
) -> MainWindow:
    """The main window with every real part; a QApplication must exist. A benchmark passes a
    scaled clock and its wait; the screenshots a fake clock and no wait. `sensor_link` makes
    the Bluetooth link that tells the window's sensor feed (none: no sensors)."""
    clock = clock if clock is not None else system_clock()
    feed = SensorFeed(clock) if sensor_link is not None else None
    sessions = RunParts(
        clock=clock,
        cues=cues,
        awake=WakepyScreenAwake(),
        precise_wait=precise_wait,
        speed=speed,
        sensors=feed,
    )
    parts = wire_parts(
        paths,
        settings_store if settings_store is not None else SettingsStore(paths),
        sessions,
        history.repository if history is not None else None,
        history_problem=history_problem,
        memory=memory,
        sensors=feed,
        sensor_link=sensor_link(feed) if sensor_link is not None and feed is not None else None,
    )
    app = QApplication.instance()
    if isinstance(app, QApplication):
        apply_theme(app, parts.settings.current.theme)
    window = MainWindow(parts)
    parts.settings.setParent(window)
    parts.runs.setParent(window)
    if feed is not None:
        feed.setParent(window)
    return window


@value
class Desktop:
    """The window and what it holds while it is open; `close_desktop` lets go of them.
    `startup` is what the user is told first (folders not writable, a settings file kept
    aside, a window memory file that cannot be used), `notices` what they are told about the
    history at once (it cannot be locked); a program file that cannot be used and what the
    history's opening finds are told after the first paint. `memory_folder` is the temporary
    folder of a window memory used instead of the user's, removed on closing."""

    paths: AppPaths
    window: MainWindow
    history: WritableHistory | None
    cues: CuesOnDemand
    startup: tuple[str, ...]
    notices: tuple[str, ...]
    memory_folder: Path | None = None


def open_desktop(
    paths: AppPaths,
    *,
    clock: Clock,
    precise_wait: Wait | None,
    speed: float = 1.0,
    audio_backends: Mapping[str, BackendFactory] | None = None,
) -> Desktop:
    """The history, the settings, the cue player (built when sound is first wanted) and the
    window on `paths`, as `retrotimer` opens them; a QApplication must exist.
    RETROTIMER_AUDIO or the settings choose among `audio_backends` (the real ones by
    default). Raises AlreadyRunning when another RetroTimer writes the history."""
    # The lock now, so that a second instance is refused at once; the database, and the
    # program followed, once the window is painted.
    history, notices = open_history(paths, recover=False)
    problem = notices[0] if history is None and notices else ""
    store = SettingsStore(paths)
    cues = cues_on_demand(store.load(), paths.cache, factories=audio_backends)
    memory, memory_problem = window_memory(paths)
    startup = tuple(text for text in (paths.problem, store.notice, memory_problem) if text)
    window = build_window(
        paths,
        clock=clock,
        precise_wait=precise_wait,
        speed=speed,
        history=history,
        history_problem=problem,
        cues=cues,
        settings_store=store,
        memory=memory,
        sensor_link=LinkOnDemand,
    )
    window.first_painted.connect(lambda: tell_after_first_paint(window, paths, history))
    memory_folder = Path(memory.fileName()).parent if memory_problem is not None else None
    return Desktop(paths, window, history, cues, startup, tuple(notices), memory_folder)


def keep_unsaved(window: MainWindow, paths: AppPaths) -> str | None:
    """Once the window has closed: sessions the history still refuses go to a backup file;
    returns what the user must be told, if anything."""
    runs = window.parts.runs
    unsaved = runs.unsaved()
    runs.close()
    if not unsaved:
        return None
    saved = save_unsaved(unsaved, [paths.data, paths.cache])
    what = "the last session" if len(unsaved) == 1 else f"the last {len(unsaved)} sessions"
    if saved is None:
        return f"The history could not be written, and {what} could not be saved anywhere."
    return (
        f"The history could not be written, so {what} went to {saved}. "
        f"Once it can be written, restore it with: retrotimer history import {saved}"
    )


def close_desktop(desktop: Desktop) -> str | None:
    """Once the window has closed: the speaker is let go, unsaved sessions kept, deleted ones
    purged and the history closed; returns what the user must be told, if anything."""
    desktop.cues.close()
    if desktop.window.parts.sensor_link is not None:
        desktop.window.parts.sensor_link.close()
    if desktop.memory_folder is not None:
        shutil.rmtree(desktop.memory_folder, ignore_errors=True)
    history = desktop.history
    try:
        message = keep_unsaved(desktop.window, desktop.paths)
        if history is not None:
            history.store.purge_deleted()
    except HistoryUnavailable as error:
        message = f"The history could not be tidied up: {error}"
    finally:
        if history is not None:
            history.close()
    return message


def _show_and_wait(app: QApplication, box: QMessageBox, quit_after_s: float | None) -> None:
    box.finished.connect(lambda _result: app.quit())
    box.open()
    if quit_after_s is not None:
        QTimer.singleShot(max(0, round(quit_after_s * 1000)), box.reject)
    app.exec()


def run_gui(
    argv: Sequence[str] | None = None,
    *,
    quit_after_s: float | None = None,
    template: Template | None = None,
    speed: float = 1.0,
) -> int:
    """Open the main window and run until it closes (or `quit_after_s` has passed), with
    `template` loaded if given; `speed` other than 1 compresses session time (test runs)."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        app = existing
        use_style(app)
    else:
        app = new_application(list(argv if argv is not None else sys.argv))
    app.setApplicationName("RetroTimer")
    app.setDesktopFileName("retrotimer")
    paths = AppPaths.from_environment().ensure()
    with logging_to_file(paths, "the window"):
        return _run_window(app, paths, quit_after_s, template, speed)


def _run_window(
    app: QApplication,
    paths: AppPaths,
    quit_after_s: float | None,
    template: Template | None,
    speed: float,
) -> int:
    clock = ScaledClock(system_clock(), speed)
    try:
        desktop = open_desktop(paths, clock=clock, precise_wait=clock.wait, speed=speed)
    except AlreadyRunning as error:
        log.error("%s", error)
        from PySide6.QtWidgets import QMessageBox  # made only when there is this to say

        box = QMessageBox(
            QMessageBox.Icon.Critical,
            "RetroTimer is already open",
            "RetroTimer is already open on this computer: use the window that is open. "
            "Only one at a time can record your sessions.",
        )
        _show_and_wait(app, box, quit_after_s)
        return 1
    # Said before the history's notices: a settings file kept aside, folders not writable, a
    # program file that cannot be used.
    told = desktop.startup + desktop.notices
    for text in told:
        log.warning("%s", text)
    window = desktop.window
    window.first_painted.connect(collector_at_start.release)  # held by the command line
    if template is not None:
        window.open_template(template)
    window.show()
    if not window.settings.first_run_done:
        window.show_welcome()
    for text in told:
        window.notify(text)
    if quit_after_s is not None:
        QTimer.singleShot(max(0, round(quit_after_s * 1000)), window.close)
    code = app.exec()
    message = close_desktop(desktop)
    if message:
        log.warning("%s", message)
        from PySide6.QtWidgets import QMessageBox

        _show_and_wait(app, QMessageBox(QMessageBox.Icon.Warning, "History", message), quit_after_s)
    return code
