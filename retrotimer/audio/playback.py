"""Choosing a backend (order, setting, RETROTIMER_AUDIO) and falling back when one fails."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING

from retrotimer.audio.backend import AudioBackend, BackendUnavailable, SilentBackend
from retrotimer.core.value import value

if TYPE_CHECKING:
    from retrotimer.audio.pcm import Clip

log = logging.getLogger(__name__)

# What the window shows of a failing sound output (the log says which and why).
FALLBACK_NOTICE = (
    "The sound output failed and RetroTimer switched to another one: the cues go on, "
    "perhaps a little later than before."
)
SILENT_NOTICE = (
    "No sound: no sound output works on this computer just now, so the cues are silent. "
    "Watch the screen, and check the speakers and the volume."
)

ENV_VARIABLE = "RETROTIMER_AUDIO"

# Why the default order is what it is, as `retrotimer diagnose` tells it.
DEFAULT_CHOICE = (
    "the Qt stream comes first: through PulseAudio at its default latency with one core busy "
    "it played every cue whole, 70-105 ms after the call, in every run; simpleaudio did as "
    "well only with a silent carrier stream and 1.5 s to settle, and without them came up to "
    "2 s late, stretched or not at all (bench/audio.py); a Qt stream that stalls falls back"
)


# The backends to try, best first, on every platform: the Qt stream is the one measured to
# hold up, and a Qt stream that stalls falls back to simpleaudio by itself.
BACKEND_ORDER = ("qt", "simpleaudio", "silent")

BackendFactory = Callable[[], AudioBackend]


def default_factories() -> dict[str, BackendFactory]:
    """The real backends; imported on demand so a missing library costs nothing until tried."""

    def simpleaudio() -> AudioBackend:
        from retrotimer.audio.simpleaudio_backend import SimpleaudioBackend

        return SimpleaudioBackend()

    def qt() -> AudioBackend:
        from retrotimer.audio.qt_backend import QtBackend

        return QtBackend()

    return {"simpleaudio": simpleaudio, "qt": qt, "silent": SilentBackend}


@value
class BackendRequest:
    """The backends to try, best first, and what decided it."""

    order: tuple[str, ...]
    reason: str
    problems: tuple[str, ...] = ()


def request_backends(setting: str, environ: Mapping[str, str] | None = None) -> BackendRequest:
    """RETROTIMER_AUDIO beats the setting, which beats the default order.

    A chosen backend is tried first; the ones after it in the default order remain as
    fallbacks, so a forced backend that fails still leaves the session with sound or silence.
    """
    env = os.environ if environ is None else environ
    default = BACKEND_ORDER
    problems: list[str] = []
    forced = env.get(ENV_VARIABLE, "").strip().lower()
    if forced and forced not in default:
        problems.append(f"{ENV_VARIABLE}={forced!r} ignored: expected one of {', '.join(default)}")
        forced = ""
    if forced:
        reason = f"{ENV_VARIABLE}={forced}"
    elif setting in default:
        forced, reason = setting, f"setting audio_backend = {setting}"
    else:
        return BackendRequest(default, "default order", tuple(problems))
    order = default[default.index(forced) :]
    return BackendRequest(order, reason, tuple(problems))


@value
class BackendStatus:
    """One backend as `diagnose` reports it."""

    name: str
    state: str
    detail: str


class Playback:
    """The backend in use, and the rest of the chain to fall back to.

    No backend is started until sound is wanted (a session holds the output, or a sound is
    played): a window that plays nothing loads no audio library and opens no stream. Any
    error from a backend is logged once and playback moves to the next backend, which gets
    every clip prepared so far: a session never stops, at worst it goes silent.
    """

    def __init__(
        self,
        request: BackendRequest,
        factories: Mapping[str, BackendFactory] | None = None,
    ) -> None:
        self.request = request
        self._factories = dict(factories or default_factories())
        order = list(request.order)
        if "silent" not in order:
            order.append("silent")
        self._waiting = order
        self._statuses: dict[str, BackendStatus] = {
            name: BackendStatus(name, "not tried", f"not in the order chosen by {request.reason}")
            for name in BACKEND_ORDER
            if name not in order
        }
        self._clips: dict[str, Clip] = {}
        self._held = False
        for problem in request.problems:
            log.warning("%s", problem)
        self._silent_by_choice = request.order[:1] == ("silent",)
        self._backend: AudioBackend | None = None

    @property
    def in_use(self) -> AudioBackend | None:
        """The backend started, or None before sound is first wanted."""
        return self._backend

    @property
    def backend_name(self) -> str:
        """The backend in use, started now if none is yet."""
        return self._in_use().name

    @property
    def audible(self) -> bool:
        """Sounds are heard: a backend other than the silent one has been started."""
        return self._backend is not None and self._backend.audible

    def _in_use(self) -> AudioBackend:
        if self._backend is None:
            self._backend = self._open_next()
            if not self._backend.audible and not self._silent_by_choice:
                log.warning("audio: no backend works", extra={"notice": SILENT_NOTICE})
        return self._backend

    def statuses(self) -> list[BackendStatus]:
        """Every backend: in use, unavailable or failed (with why), or a fallback not started."""
        statuses = dict(self._statuses)
        for name in self._waiting:
            statuses[name] = BackendStatus(name, "fallback", "not started")
        return [statuses[name] for name in BACKEND_ORDER if name in statuses]

    def _open_next(self) -> AudioBackend:
        while self._waiting:
            name = self._waiting.pop(0)
            factory = self._factories.get(name)
            try:
                if factory is None:
                    raise BackendUnavailable("not part of this build")
                backend = factory()
                for clip in self._clips.values():
                    backend.prepare(clip)
                backend.hold(self._held)
            except BackendUnavailable as error:
                self._statuses[name] = BackendStatus(name, "unavailable", str(error))
                continue
            except Exception as error:  # a backend that breaks while starting is skipped too
                self._statuses[name] = BackendStatus(
                    name, "unavailable", f"failed to start: {error}"
                )
                log.warning("audio backend %s failed to start: %s", name, error)
                continue
            self._statuses[name] = BackendStatus(name, "in use", f"chosen by {self.request.reason}")
            return backend
        backend = SilentBackend()
        self._statuses["silent"] = BackendStatus("silent", "in use", "every other backend failed")
        return backend

    def _fail(self, error: Exception) -> None:
        failed = self._in_use()
        self._statuses[failed.name] = BackendStatus(failed.name, "failed", str(error))
        try:
            failed.close()
        except Exception as close_error:  # it is broken already; closing is a courtesy
            log.debug("closing the failed backend %s: %s", failed.name, close_error)
        self._backend = self._open_next()
        log.warning(
            "audio: %s failed (%s); playing through %s from now on",
            failed.name,
            error,
            self._backend.name,
            extra={"notice": SILENT_NOTICE if not self._backend.audible else FALLBACK_NOTICE},
        )

    def prepare(self, clips: Iterable[Clip]) -> None:
        """Keep the clips for the backend: one started later gets them all."""
        for clip in clips:
            self._clips[clip.name] = clip
            while self._backend is not None:
                try:
                    self._backend.prepare(clip)
                    break
                except Exception as error:
                    self._fail(error)

    def wait_ready(self, timeout_s: float) -> bool:
        """While held, block until the output takes sound (True at once when not held)."""
        if self._backend is None:
            return True
        try:
            return self._backend.wait_ready(timeout_s)
        except Exception as error:
            self._fail(error)
            return self._in_use().wait_ready(timeout_s)

    def hold(self, held: bool) -> None:
        """Held: start the backend if need be and keep its output open (a session is on).
        Let go: the backend may close its output once quiet."""
        self._held = held
        if self._backend is None:
            if held:
                self._backend = self._open_next()  # a backend starts as held as playback is
            return
        try:
            self._backend.hold(held)
        except Exception as error:
            self._fail(error)

    def play(self, clip: Clip, gain: float) -> None:
        self._clips.setdefault(clip.name, clip)
        while True:
            try:
                self._in_use().play(clip, gain)
                return
            except Exception as error:
                self._fail(error)

    def stop_all(self) -> None:
        if self._backend is None:
            return
        try:
            self._backend.stop_all()
        except Exception as error:
            self._fail(error)

    def busy(self) -> bool:
        if self._backend is None:
            return False
        try:
            return self._backend.busy()
        except Exception as error:
            self._fail(error)
            return False

    def close(self) -> None:
        if self._backend is None:
            return
        try:
            self._backend.close()
        except Exception as error:
            log.debug("closing the audio backend %s: %s", self._backend.name, error)
