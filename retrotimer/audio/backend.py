"""The playback backend protocol, its errors, and the silent backend that always works."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from retrotimer.audio.pcm import Clip


class BackendUnavailable(Exception):
    """A backend that cannot be used on this machine; the message says why, for `diagnose`."""


class PlaybackError(Exception):
    """A backend that failed while playing; playback moves on to the next backend."""


class AudioBackend(Protocol):
    """Plays prepared clips. `play` returns at once; sounds may overlap one another."""

    name: str
    # False for the silent backend: nothing to wait for, nothing a listener hears.
    audible: bool

    def prepare(self, clip: Clip) -> None:
        """Make `clip` ready so that playing it later costs no decoding or disk access."""

    def wait_ready(self, timeout_s: float) -> bool:
        """Block until every prepared clip can start at once and, while held, the output takes
        sound; False when that took longer than `timeout_s` (0: just look)."""

    def hold(self, held: bool) -> None:
        """Keep the output open and running while held (a session is on), for steady timing."""

    def play(self, clip: Clip, gain: float) -> None:
        """Start `clip` now at `gain` times its amplitude; PlaybackError when the device fails."""

    def stop_all(self) -> None: ...

    def busy(self) -> bool:
        """True while a sound is still playing."""

    def close(self) -> None: ...


class SilentBackend:
    """Plays nothing: the last resort, and the backend of tests that need no sound."""

    name = "silent"
    audible = False

    def prepare(self, clip: Clip) -> None:
        pass

    def wait_ready(self, timeout_s: float) -> bool:
        return True

    def hold(self, held: bool) -> None:
        pass

    def play(self, clip: Clip, gain: float) -> None:
        pass

    def stop_all(self) -> None:
        pass

    def busy(self) -> bool:
        return False

    def close(self) -> None:
        pass
