"""Bluetooth sensors in the window: Settings scans, pairs and forgets; the run screen shows
the heart rate and cadence, and "no signal" when a paired sensor is not heard."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from retrotimer.core.sensors.pairing import paired_devices
from retrotimer.core.sensors.sensor_kinds import LinkState, SensorKind
from retrotimer.core.sensors.sensor_values import (
    HeartRateReading,
    SensorDevice,
    SensorStatus,
    StrideReading,
)
from retrotimer.storage.paths import AppPaths
from retrotimer.ui.run.sensor_readout import HEART
from tests.ui.conftest import TEST_SETTINGS, Harness

STRAP = SensorDevice("C0:FF:EE:00:00:01", "Polar H10", SensorKind.HEART_RATE)
POD = SensorDevice("C0:FF:EE:00:00:02", "Stryd", SensorKind.FOOTPOD)


class RecordingLink:
    """The radio's stand-in: records what the window asks of the link."""

    def __init__(self) -> None:
        self.scans: list[float] = []
        self.followed: list[tuple[SensorDevice, ...]] = []
        self.closed = False

    def scan(self, seconds: float) -> None:
        self.scans.append(seconds)

    def follow(self, devices: Sequence[SensorDevice]) -> None:
        self.followed.append(tuple(devices))

    def close(self) -> None:
        self.closed = True


@pytest.fixture
def link() -> RecordingLink:
    return RecordingLink()


@pytest.fixture
def sensed(qtbot: QtBot, app_paths: AppPaths, link: RecordingLink) -> Iterator[Harness]:
    made = Harness(qtbot, app_paths, TEST_SETTINGS, sensor_link=link)
    yield made
    made.window.close()
    made.history.close()


def tell(harness: Harness, qtbot: QtBot, news: object) -> None:
    feed = harness.feed
    assert feed is not None
    with qtbot.waitSignal(feed.readings_changed):
        if isinstance(news, SensorStatus):
            feed.link_changed(news)
        elif isinstance(news, HeartRateReading):
            feed.heard_heart_rate(STRAP.address, news)
        elif isinstance(news, StrideReading):
            feed.heard_stride(POD.address, news)


def test_scan_pair_save_and_forget(sensed: Harness, qtbot: QtBot, link: RecordingLink) -> None:
    assert link.followed == [()], "nothing paired: nothing followed"
    sensed.show()
    sensed.window.open_settings()
    dialog = sensed.window.settings_dialog
    assert dialog is not None and dialog.sensors is not None
    box = dialog.sensors
    box.scan_button.click()
    assert link.scans == [8.0] and not box.scan_button.isEnabled()
    feed = sensed.feed
    assert feed is not None
    with qtbot.waitSignal(feed.scan_finished):
        feed.scan_done([STRAP, POD], "")
    assert box.found.count() == 2 and box.scan_button.isEnabled()
    box.pair_button.click()  # the first is chosen
    box.found.setCurrentRow(1)
    box.pair_button.click()
    dialog.done(QDialog.DialogCode.Accepted)
    assert paired_devices(sensed.settings.current) == (STRAP, POD)
    assert link.followed[-1] == (STRAP, POD)

    sensed.window.open_settings()
    dialog = sensed.window.settings_dialog
    assert dialog is not None and dialog.sensors is not None
    tell(sensed, qtbot, SensorStatus(SensorKind.FOOTPOD, LinkState.CONNECTED, POD))
    assert dialog.sensors.paired_text(SensorKind.FOOTPOD) == (
        "Footpod: Stryd (C0:FF:EE:00:00:02): connected"
    )
    dialog.sensors.forget_buttons[SensorKind.FOOTPOD].click()
    assert dialog.sensors.paired_text(SensorKind.FOOTPOD) == "Footpod: none"
    dialog.done(QDialog.DialogCode.Accepted)
    assert paired_devices(sensed.settings.current) == (STRAP,)
    assert link.followed[-1] == (STRAP,)


def test_a_scan_that_cannot_run_says_why(sensed: Harness, qtbot: QtBot) -> None:
    sensed.show()
    sensed.window.open_settings()
    dialog = sensed.window.settings_dialog
    assert dialog is not None and dialog.sensors is not None
    dialog.sensors.scan_button.click()
    assert sensed.feed is not None
    with qtbot.waitSignal(sensed.feed.scan_finished):
        sensed.feed.scan_done([], "Bluetooth is not available: No Bluetooth adapters found.")
    assert dialog.sensors.status.text().startswith("Bluetooth is not available")
    dialog.reject()


def test_the_run_screen_shows_the_heart_rate_cadence_and_no_signal(
    sensed: Harness, qtbot: QtBot
) -> None:
    sensed.show()
    readout = sensed.run.sensor_readout
    assert readout.isHidden(), "nothing paired: no line"
    tell(sensed, qtbot, SensorStatus(SensorKind.HEART_RATE, LinkState.SEARCHING, STRAP))
    assert readout.isVisible() and readout.text() == f"{HEART} no signal"
    tell(sensed, qtbot, SensorStatus(SensorKind.HEART_RATE, LinkState.CONNECTED, STRAP))
    tell(sensed, qtbot, HeartRateReading(142))
    assert readout.text() == f"{HEART} 142"
    tell(sensed, qtbot, SensorStatus(SensorKind.FOOTPOD, LinkState.CONNECTED, POD))
    tell(sensed, qtbot, StrideReading(2.0, 168, True))
    assert readout.text() == f"{HEART} 142   ·   168 steps/min"
    # The strap falls silent mid-session: the next displayed second says so.
    sensed.run.start()
    sensed.run_for(6.0)
    assert readout.text() == f"{HEART} no signal   ·   footpod: no signal"
    sensed.run.stop_now()


def test_the_heart_rate_heard_goes_to_the_speaker_at_segment_ends_with_room(
    sensed: Harness, qtbot: QtBot
) -> None:
    sensed.show()
    tell(sensed, qtbot, SensorStatus(SensorKind.HEART_RATE, LinkState.CONNECTED, STRAP))
    sensed.run.start()
    tell(sensed, qtbot, HeartRateReading(131))
    sensed.run_for(57.0)
    tell(sensed, qtbot, HeartRateReading(133))
    sensed.run_for(4.0)
    # The 60 s warm-up ended, but the 9 s backward walk after it has no room for more words.
    assert sensed.cues.heart_rates == []
    sensed.run_for(6.0)
    tell(sensed, qtbot, HeartRateReading(147))
    sensed.run_for(3.0)
    # The backward walk ended: a 30 s walk follows, time enough.
    assert sensed.cues.heart_rates == [147]
    sensed.run.stop_now()
