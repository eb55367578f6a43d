"""Run under Xvfb: openbox frames the window, Settings and the summary with dizziness ticked,
and each one's frame and the screen's available geometry are printed, one JSON line each."""

from __future__ import annotations

import json
import subprocess
import sys
import time

from PySide6.QtCore import QCoreApplication, QEventLoop
from PySide6.QtWidgets import QApplication, QWidget

from retrotimer.app import build_window, open_history
from retrotimer.core.session.session_machine import SessionState
from retrotimer.core.settings import Settings
from retrotimer.runtime.clock import FakeClock
from retrotimer.storage.paths import AppPaths
from retrotimer.storage.settings_store import SettingsStore

# Long enough for openbox to map a window and tell Qt its frame.
SETTLE_S = 0.8


def settle() -> None:
    end = time.monotonic() + SETTLE_S
    while time.monotonic() < end:
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        time.sleep(0.01)


def wait_for_openbox() -> None:
    """Until openbox has taken the screen (it says so on the root window), at most 20 s."""
    end = time.monotonic() + 20
    while time.monotonic() < end:
        found = subprocess.run(
            ["xprop", "-root", "_NET_SUPPORTING_WM_CHECK"], capture_output=True, text=True
        )
        if "window id" in found.stdout:
            return
        time.sleep(0.1)
    raise SystemExit("openbox did not start")


def report(name: str, window: QWidget) -> None:
    # Openbox frames a window in steps (its frame's size, then its place): what is reported
    # is a frame that stayed the same over one settling, at most 10 s on a busy machine.
    end = time.monotonic() + 10
    settle()
    before = None
    while time.monotonic() < end:
        frame, inner = window.frameGeometry(), window.geometry()
        if frame != inner and (frame, inner) == before:
            break
        before = (frame, inner)
        settle()
    available = window.screen().availableGeometry()
    print(
        json.dumps(
            {
                "name": name,
                "frame": frame.getRect(),
                "inner": inner.getRect(),
                "available": available.getRect(),
            }
        ),
        flush=True,
    )


def main() -> int:
    manager = subprocess.Popen(["openbox"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for_openbox()  # it takes the screen before the first window is mapped
        app = QApplication(sys.argv[:1])
        paths = AppPaths.from_environment().ensure()
        SettingsStore(paths).save(
            Settings(safety_checklist=False, get_ready_s=0, first_run_done=True)
        )
        history, _ = open_history(paths)
        clock = FakeClock()
        window = build_window(paths, clock=clock, precise_wait=None, history=history)
        window.show()
        report("main window", window)
        window.open_settings()
        assert window.settings_dialog is not None
        report("settings", window.settings_dialog)
        window.settings_dialog.reject()
        run = window.run_screen
        run.start()
        while run.state is not SessionState.FINISHED:
            clock.advance(1.0)
            if run.controller is not None:
                run.controller.poll()
            if run.state is SessionState.RUNNING:
                run.skip()
        summary = window.summary_dialog
        assert summary is not None
        summary.dizzy.click()
        summary.pain.click()
        report("summary with dizziness and pain ticked", summary)
        summary.reject()
        window.close()
        settle()
        history.close()
        app.quit()
    finally:
        manager.terminate()
        manager.wait(10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
