"""The sensor feed: news from the radio's thread reach Qt's thread, and old values go."""

from __future__ import annotations

import threading

from PySide6.QtCore import QThread
from pytestqt.qtbot import QtBot

from retrotimer.core.sensors.sensor_kinds import Contact, LinkState, SensorKind
from retrotimer.core.sensors.sensor_values import (
    HeartRateReading,
    SensorDevice,
    SensorReadings,
    SensorStatus,
    StrideReading,
)
from retrotimer.runtime.clock import FakeClock
from retrotimer.runtime.sensor_feed import STALE_S, SensorFeed

STRAP = SensorDevice("C0:FF:EE:00:00:01", "Polar H10", SensorKind.HEART_RATE)


def from_another_thread(work: object) -> None:
    thread = threading.Thread(target=work)  # type: ignore[arg-type]
    thread.start()
    thread.join()


def test_news_from_the_radio_thread_is_told_on_qts_thread(qtbot: QtBot) -> None:
    feed = SensorFeed(FakeClock(10.0))
    told_on: list[bool] = []
    feed.readings_changed.connect(
        lambda _readings: told_on.append(QThread.currentThread() is feed.thread())
    )
    with qtbot.waitSignal(feed.status_changed):
        from_another_thread(
            lambda: feed.link_changed(SensorStatus(STRAP.kind, LinkState.CONNECTED, STRAP))
        )
    with qtbot.waitSignal(feed.readings_changed) as heard:
        from_another_thread(lambda: feed.heard_heart_rate(STRAP.address, HeartRateReading(131)))
    assert heard.args == [SensorReadings(heart_rate=131, heart_rate_link=LinkState.CONNECTED)]
    assert told_on and all(told_on)


def test_a_value_goes_stale_and_a_strap_off_the_skin_is_no_signal(qtbot: QtBot) -> None:
    clock = FakeClock(10.0)
    feed = SensorFeed(clock)
    with qtbot.waitSignal(feed.readings_changed):
        feed.heard_stride("pod", StrideReading(2.5, 168, True))
    assert feed.readings().cadence_spm == 168
    clock.advance(STALE_S + 0.1)
    assert feed.readings().cadence_spm is None
    with qtbot.waitSignal(feed.readings_changed):
        feed.heard_heart_rate(STRAP.address, HeartRateReading(120, Contact.TOUCHING))
    assert feed.readings().heart_rate == 120
    with qtbot.waitSignal(feed.readings_changed):
        feed.heard_heart_rate(STRAP.address, HeartRateReading(120, Contact.LOST))
    assert feed.readings().heart_rate is None


def test_a_link_that_drops_forgets_its_value_and_a_scan_is_told(qtbot: QtBot) -> None:
    feed = SensorFeed(FakeClock(10.0))
    with qtbot.waitSignal(feed.readings_changed):
        feed.heard_heart_rate(STRAP.address, HeartRateReading(99))
    with qtbot.waitSignal(feed.status_changed):
        feed.link_changed(SensorStatus(STRAP.kind, LinkState.SEARCHING, STRAP))
    assert feed.readings() == SensorReadings(heart_rate_link=LinkState.SEARCHING)
    with qtbot.waitSignal(feed.scan_finished) as scanned:
        feed.scan_done([STRAP], "")
    assert scanned.args == [(STRAP,), ""]
