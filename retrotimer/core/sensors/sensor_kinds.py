"""The kinds of sensor and the states of their links: all the first frame needs of them."""

from __future__ import annotations

import enum


class SensorKind(enum.Enum):
    """A kind of Bluetooth LE sensor, by the GATT service it serves."""

    HEART_RATE = "heart_rate"
    FOOTPOD = "footpod"


class Contact(enum.Enum):
    """Whether a heart-rate strap touches the skin, as far as it can tell."""

    UNKNOWN = "unknown"  # the strap does not report contact
    TOUCHING = "touching"
    LOST = "lost"


class LinkState(enum.Enum):
    """Where the link to one paired sensor stands."""

    SEARCHING = "searching"  # connecting, or waiting to connect again after a drop
    CONNECTED = "connected"
    OFF = "off"  # no sensor of this kind is paired, or the link was closed
