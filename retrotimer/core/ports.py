"""Protocols for the parts app.py injects into the UI."""

from __future__ import annotations

from typing import Protocol

from retrotimer.core.plan import Plan
from retrotimer.core.session import Event
from retrotimer.core.settings import Settings


class CueSink(Protocol):
    """Turns session events into sound. Never raises for audio trouble; it goes quiet instead.

    Call `load` with the plan before its session starts (custom labels are rendered then),
    pass every event of the controller to `handle`, and `close` when the window closes.
    """

    @property
    def backend_name(self) -> str: ...

    def load(self, plan: Plan) -> None: ...

    def handle(self, event: Event) -> None: ...

    def apply_settings(self, settings: Settings) -> None:
        """Voice, beeps, step ticks, next-up, halfway, volume and mute, from now on."""

    def set_volume(self, volume: float) -> None:
        """0.0 to 1.0."""

    def set_muted(self, muted: bool) -> None:
        """Muting silences what is sounding now as well."""

    def close(self) -> None: ...
