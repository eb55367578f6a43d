"""The window's link: nothing of asyncio or bleak is loaded until a sensor is wanted."""

from __future__ import annotations

import subprocess
import sys

from retrotimer.core.sensors.sensor_kinds import SensorKind
from retrotimer.core.sensors.sensor_values import SensorDevice
from retrotimer.sensors.link_on_demand import LinkOnDemand
from tests.sensors.test_ble_link import HeardNews


def test_nothing_paired_builds_no_link() -> None:
    link = LinkOnDemand(HeardNews())
    link.follow([])
    link.close()
    assert not link.built


def test_a_paired_sensor_builds_the_link_and_close_ends_it() -> None:
    link = LinkOnDemand(HeardNews())
    link.follow([SensorDevice("C0:FF:EE:00:00:01", "Polar H10", SensorKind.HEART_RATE)])
    assert link.built
    link.close()


def test_the_window_starts_without_asyncio_or_bleak() -> None:
    code = (
        "import sys, retrotimer.app; "
        "print(sorted(m for m in ('asyncio', 'bleak', 'dbus_fast') if m in sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert done.stdout.strip() == "[]"
