"""The window's cue sink: the cue player (tones, voice clips, label engine, backends) is built
the first time sound is wanted, not before the window is painted."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from retrotimer.audio.cue_player import CuePlayer
    from retrotimer.audio.playback import BackendFactory
    from retrotimer.core.session.plan import Cue, Plan
    from retrotimer.core.session.session_events import Event
    from retrotimer.core.settings import Settings


class CuesOnDemand:
    """Implements `core.ports.CueSink`. Until a session holds the output (or a volume key
    asks for a beep) it only keeps the plan and the settings; then it builds the player with
    `build(settings)` and hands them on. A window that plays nothing never imports the audio
    stack. Custom labels are rendered from then on: until one is, its kind's phrase is said.
    """

    def __init__(self, build: Callable[[Settings], CuePlayer], settings: Settings) -> None:
        self._build = build
        self._settings = settings
        self._loaded: tuple[Plan, Sequence[Cue]] | None = None
        self._player: CuePlayer | None = None

    @property
    def built(self) -> CuePlayer | None:
        """The player, once sound has been wanted."""
        return self._player

    def _built(self) -> CuePlayer:
        if self._player is None:
            self._player = self._build(self._settings)
            if self._loaded is not None:
                self._player.load(*self._loaded)
        return self._player

    @property
    def backend_name(self) -> str:
        return self._built().backend_name

    def load(self, plan: Plan, get_ready: Sequence[Cue]) -> None:
        self._loaded = (plan, get_ready)
        if self._player is not None:
            self._player.load(plan, get_ready)

    def hold(self, held: bool) -> None:
        if held:
            self._built().hold(True)
        elif self._player is not None:
            self._player.hold(False)

    def wait_ready(self, timeout_s: float) -> bool:
        return True if self._player is None else self._player.wait_ready(timeout_s)

    def handle(self, event: Event) -> None:
        self._built().handle(event)

    def say_heart_rate(self, bpm: int) -> None:
        self._built().say_heart_rate(bpm)

    def apply_settings(self, settings: Settings) -> None:
        self._settings = settings
        if self._player is not None:
            self._player.apply_settings(settings)

    def preview_volume(self) -> None:
        self._built().preview_volume()

    def close(self) -> None:
        if self._player is not None:
            self._player.close()


def cues_on_demand(
    settings: Settings,
    cache_dir: Path,
    *,
    factories: Mapping[str, BackendFactory] | None = None,
) -> CuesOnDemand:
    """The app's cue player as `open_cue_player` builds it, when sound is first wanted."""

    def build(current: Settings) -> CuePlayer:
        from retrotimer.audio.startup import open_cue_player

        return open_cue_player(current, cache_dir, factories=factories)

    return CuesOnDemand(build, settings)
