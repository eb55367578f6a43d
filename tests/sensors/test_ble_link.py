"""The real bleak client against a fake BlueZ on a private D-Bus: scan, follow, hear
notifications, lose the link and get it back."""

from __future__ import annotations

import queue
import shutil
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

from retrotimer.core.sensors.gatt_measurements import (
    HEART_RATE_MEASUREMENT,
    HEART_RATE_SERVICE,
    RSC_MEASUREMENT,
    RSC_SERVICE,
)
from retrotimer.core.sensors.sensor_kinds import Contact, LinkState, SensorKind
from retrotimer.core.sensors.sensor_values import (
    HeartRateReading,
    SensorDevice,
    SensorStatus,
    StrideReading,
)
from retrotimer.sensors.ble_link import BleLink
from tests.sensors.fake_bluez import FakeBluez, private_bus

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("dbus-daemon") is None, reason="needs dbus-daemon"),
]
STRAP = SensorDevice("C0:FF:EE:00:00:01", "Polar H10 1A2B3C4D", SensorKind.HEART_RATE)
POD = SensorDevice("C0:FF:EE:00:00:02", "Stryd", SensorKind.FOOTPOD)
WAIT_S = 20.0


@dataclass(frozen=True)
class ScanReport:
    found: tuple[SensorDevice, ...]
    problem: str


def scan_report(item: object) -> bool:
    return isinstance(item, ScanReport)


class HeardNews:
    """A SensorListener that queues what it is told, from whichever thread tells it."""

    def __init__(self) -> None:
        self.news: queue.Queue[object] = queue.Queue()

    def heard_heart_rate(self, address: str, reading: HeartRateReading) -> None:
        self.news.put((address, reading))

    def heard_stride(self, address: str, reading: StrideReading) -> None:
        self.news.put((address, reading))

    def link_changed(self, status: SensorStatus) -> None:
        self.news.put(status)

    def scan_done(self, found: Sequence[SensorDevice], problem: str) -> None:
        self.news.put(ScanReport(tuple(found), problem))

    def wait_for(self, wanted: Callable[[object], bool]) -> object:
        while True:
            item = self.news.get(timeout=WAIT_S)
            if wanted(item):
                return item


@pytest.fixture
def bluez(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeBluez]:
    with private_bus(tmp_path) as address:
        monkeypatch.setenv("DBUS_SYSTEM_BUS_ADDRESS", address)
        fake = FakeBluez(address)
        fake.start()
        fake.add_sensor(STRAP.address, STRAP.name, HEART_RATE_SERVICE, HEART_RATE_MEASUREMENT)
        fake.add_sensor(POD.address, POD.name, RSC_SERVICE, RSC_MEASUREMENT)
        try:
            yield fake
        finally:
            fake.close()


@pytest.fixture
def link_and_news() -> Iterator[tuple[BleLink, HeardNews]]:
    news = HeardNews()
    link = BleLink(news, reconnect_delays_s=(0.2, 0.4), connect_timeout_s=5.0)
    try:
        yield link, news
    finally:
        link.close()


def state_of(device: SensorDevice, state: LinkState) -> Callable[[object], bool]:
    return lambda item: item == SensorStatus(device.kind, state, device)


def test_a_scan_finds_the_strap_and_the_footpod_by_their_services(
    bluez: FakeBluez, link_and_news: tuple[BleLink, HeardNews]
) -> None:
    link, news = link_and_news
    link.scan(0.5)
    assert news.wait_for(scan_report) == ScanReport((STRAP, POD), "")


def test_heart_rate_notifications_arrive_and_the_link_comes_back_after_a_drop(
    bluez: FakeBluez, link_and_news: tuple[BleLink, HeardNews]
) -> None:
    link, news = link_and_news
    link.follow([STRAP])
    news.wait_for(state_of(STRAP, LinkState.CONNECTED))
    assert bluez.notify(STRAP.address, bytes([0x16, 128, 0x00, 0x04]))
    assert news.wait_for(lambda item: isinstance(item, tuple) and item[0] == STRAP.address) == (
        STRAP.address,
        HeartRateReading(128, Contact.TOUCHING, rr_intervals_s=(1.0,)),
    )

    bluez.drop(STRAP.address, in_range=False)
    news.wait_for(state_of(STRAP, LinkState.SEARCHING))
    bluez.come_back(STRAP.address)
    news.wait_for(state_of(STRAP, LinkState.CONNECTED))
    assert bluez.devices[STRAP.address].connects == 2
    assert bluez.notify(STRAP.address, bytes([0x01, 0x9A, 0x00]))
    assert news.wait_for(lambda item: isinstance(item, tuple) and item[0] == STRAP.address) == (
        STRAP.address,
        HeartRateReading(154),
    )


def test_a_footpod_is_followed_and_letting_go_disconnects_it(
    bluez: FakeBluez, link_and_news: tuple[BleLink, HeardNews]
) -> None:
    link, news = link_and_news
    link.follow([POD])
    news.wait_for(state_of(POD, LinkState.CONNECTED))
    assert bluez.notify(POD.address, bytes([0x04, 0x00, 0x03, 172]))
    assert news.wait_for(lambda item: isinstance(item, tuple) and item[0] == POD.address) == (
        POD.address,
        StrideReading(3.0, 172, True),
    )
    link.follow([])
    news.wait_for(state_of(POD, LinkState.OFF))
    assert not bluez.devices[POD.address].connected


def test_without_bluetooth_a_scan_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, link_and_news: tuple[BleLink, HeardNews]
) -> None:
    monkeypatch.setenv("DBUS_SYSTEM_BUS_ADDRESS", f"unix:path={tmp_path / 'no-bus'}")
    link, news = link_and_news
    link.scan(0.5)
    report = news.wait_for(scan_report)
    assert isinstance(report, ScanReport)
    assert report.found == ()
    assert report.problem.startswith("Bluetooth is not available")
