"""Fixtures for the real-audio tests: one private PulseAudio daemon for the whole run."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.audio.pulse_sink import PrivatePulse, missing_tools


@pytest.fixture(scope="session")
def pulse(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PrivatePulse]:
    """A null sink nobody hears, recorded through its monitor; skipped without PulseAudio."""
    missing = missing_tools()
    if missing:
        pytest.skip(
            f"real-audio tests need PulseAudio ({', '.join(missing)} not found); "
            "packaging/system-deps.sh test installs it"
        )
    daemon = PrivatePulse(tmp_path_factory.mktemp("pulse"))
    daemon.start()
    yield daemon
    daemon.stop()
