"""Render the run screen with a heart-rate strap and a footpod, heard and not, a backward
segment ending on the footpod's steps, and the Settings' sensors, as PNGs at 1280x800 on a
real X server (run it under Xvfb).

    xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python docs/tools/sensor_screenshots.py [OUT_DIR]

No radio is used: the sensors' news is told to the window's feed as the link would tell it.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "xcb")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the checkout, for retrotimer

import tempfile  # noqa: E402
from dataclasses import replace  # noqa: E402


from retrotimer.app import build_window, open_history  # noqa: E402
from retrotimer.core.sensors.pairing import with_paired  # noqa: E402
from retrotimer.core.sensors.sensor_ports import SensorListener  # noqa: E402
from retrotimer.core.sensors.sensor_kinds import LinkState, SensorKind  # noqa: E402
from retrotimer.core.sensors.sensor_values import (  # noqa: E402
    HeartRateReading,
    SensorDevice,
    SensorStatus,
    StrideReading,
)
from retrotimer.core.settings import Settings, Theme  # noqa: E402
from retrotimer.runtime.clock import FakeClock  # noqa: E402
from retrotimer.runtime.sensor_feed import SensorFeed  # noqa: E402
from retrotimer.ui.shell.main_window import MainWindow  # noqa: E402
from retrotimer.storage.paths import AppPaths  # noqa: E402
from retrotimer.storage.settings_store import SettingsStore  # noqa: E402
from retrotimer.ui.common.theme import apply_theme, new_application  # noqa: E402
from screenshots import advance, settle, shoot, shoot_dialog  # noqa: E402

SIZE = (1280, 800)
STRAP = SensorDevice("C0:FF:EE:12:34:56", "Polar H10 8A2B3C4D", SensorKind.HEART_RATE)
POD = SensorDevice("C0:FF:EE:65:43:21", "Stryd", SensorKind.FOOTPOD)


class QuietLink:
    """The link without a radio: the scene tells the feed what a link would."""

    def __init__(self, listener: SensorListener) -> None:
        self.listener = listener

    def scan(self, seconds: float) -> None:
        self.listener.scan_done([STRAP, POD], "")

    def follow(self, devices: Sequence[SensorDevice]) -> None:
        for device in devices:
            self.listener.link_changed(SensorStatus(device.kind, LinkState.CONNECTED, device))

    def close(self) -> None:
        pass


@contextmanager
def sensed_window(settings: Settings) -> Iterator[tuple[MainWindow, FakeClock, SensorFeed]]:
    """The window on a private home, the strap and the footpod paired, on the run screen."""
    with tempfile.TemporaryDirectory(prefix="retrotimer-shots-") as home:
        os.environ["RETROTIMER_HOME"] = home
        paths = AppPaths.from_environment().ensure()
        SettingsStore(paths).save(with_paired(with_paired(settings, STRAP), POD))
        writable, _ = open_history(paths)
        assert writable is not None
        clock = FakeClock()
        window = build_window(
            paths, clock=clock, precise_wait=None, history=writable, sensor_link=QuietLink
        )
        feed = window.parts.sensors
        assert feed is not None
        window.move(0, 0)
        window.resize(*SIZE)
        window.show()
        window.tabs.setCurrentWidget(window.run_screen)
        yield window, clock, feed
        window.close()
        settle()
        writable.close()


def quick(theme: Theme) -> Settings:
    return Settings(theme=theme, safety_checklist=False, get_ready_s=0)


def scene(out: Path, theme: Theme) -> None:
    with sensed_window(quick(theme)) as (window, clock, feed):
        run = window.run_screen
        run.start()
        advance(window, clock, lambda: run.badge.word() == "BACKWARD")
        advance(window, clock, lambda: run.digits.text() == "0:06")
        feed.heard_heart_rate(STRAP.address, HeartRateReading(142))
        feed.heard_stride(POD.address, StrideReading(1.6, 118, False))
        settle(0.3)
        run.show_readings(feed.readings())
        shoot(window, out / f"run-heart-rate-{theme.value}-{SIZE[0]}x{SIZE[1]}.png")
        feed.link_changed(SensorStatus(SensorKind.HEART_RATE, LinkState.SEARCHING, STRAP))
        feed.link_changed(SensorStatus(SensorKind.FOOTPOD, LinkState.SEARCHING, POD))
        settle(0.3)
        shoot(window, out / f"run-no-signal-{theme.value}-{SIZE[0]}x{SIZE[1]}.png")
        run.stop_now()
        settle(0.3)
        summary = window.summary_dialog
        if summary is not None:
            summary.reject()
        window.open_settings()
        dialog = window.settings_dialog
        assert dialog is not None and dialog.sensors is not None
        dialog.sensors.forget(SensorKind.FOOTPOD)
        dialog.sensors.scan()
        settle(0.3)
        dialog.body_area.ensureWidgetVisible(dialog.sensors)
        shoot_dialog(dialog, out / f"settings-sensors-{theme.value}-{SIZE[0]}x{SIZE[1]}.png")
        dialog.reject()


def striding(
    window: MainWindow, clock: FakeClock, feed: SensorFeed, cadence: int, until: Callable[[], bool]
) -> None:
    """Move the fake clock on in half seconds, the footpod heard at `cadence`, until true."""
    controller = window.run_screen.controller
    assert controller is not None
    while not until():
        feed.heard_stride(POD.address, StrideReading(1.0, cadence, False))
        settle(0.02)
        clock.advance(0.5)
        controller.poll()


def footpod_scene(out: Path, theme: Theme) -> None:
    """A slow backward walk past its planned 9 s, ended by the footpod's count of its steps."""
    counting = replace(quick(theme), footpod_ends_steps=True)
    with sensed_window(counting) as (window, clock, feed):
        run = window.run_screen
        run.start()
        striding(window, clock, feed, 110, lambda: run.badge.word() == "BACKWARD")
        striding(window, clock, feed, 70, lambda: run.steps_left.text().startswith("12 of"))
        feed.heard_heart_rate(STRAP.address, HeartRateReading(128))
        settle(0.3)
        run.show_readings(feed.readings())
        shoot(window, out / f"run-footpod-steps-{theme.value}-{SIZE[0]}x{SIZE[1]}.png")
        run.stop_now()
        settle(0.3)
        summary = window.summary_dialog
        if summary is not None:
            summary.reject()


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots")
    out.mkdir(parents=True, exist_ok=True)
    app = new_application(sys.argv[:1])
    for theme in (Theme.DARK, Theme.LIGHT):
        apply_theme(app, theme)
        scene(out, theme)
    footpod_scene(out, Theme.DARK)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
