"""Playback through Qt Multimedia: one preloaded QSoundEffect per clip, on the Qt main thread."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop, QLoggingCategory, QObject, QThread, QUrl

from retrotimer.audio.backend import BackendUnavailable, PlaybackError
from retrotimer.audio.pcm import Clip, silence, write_wav

READY_TIMEOUT_S = 5.0
# Qt probes for PipeWire and warns when the library is absent, then uses PulseAudio as it
# should; the probe's warning and the FFmpeg banner are noise on a terminal.
_QUIET_PROBES = "qt.multimedia.symbolsresolver.warning=false\nqt.multimedia.ffmpeg.info=false"


def _multimedia() -> Any:
    """Import Qt Multimedia (slow, and it loads the audio plugin), quieting its probes first."""
    QLoggingCategory.setFilterRules(_QUIET_PROBES)
    from PySide6 import QtMultimedia

    return QtMultimedia


class QtBackend:
    """QSoundEffect decodes each clip once when prepared and plays it from memory.

    Qt mixes the effects of one sample rate into one output stream, which it suspends
    whenever nothing plays; resuming it loses or delays the start of a sound now and then,
    the first one most of all. While held (a session is on), a silent looping effect per
    sample rate keeps each stream running, so every cue starts with the same short delay.
    Qt Multimedia objects belong to the application's main thread: create and use the
    backend there (the cue player runs on that thread).
    """

    name = "qt"
    audible = True

    def __init__(self) -> None:
        app = QCoreApplication.instance()
        if app is None:
            raise BackendUnavailable("Qt Multimedia needs a running Qt application")
        if QThread.currentThread() != app.thread():
            raise BackendUnavailable("Qt Multimedia must be used from the application's thread")
        self._qt = _multimedia()
        if not self._qt.QMediaDevices.audioOutputs():
            raise BackendUnavailable("Qt Multimedia sees no audio output device")
        self.device = str(self._qt.QMediaDevices.defaultAudioOutput().description())
        self._owner = QObject()
        self._files = tempfile.TemporaryDirectory(prefix="retrotimer-sounds-")
        self._effects: dict[str, Any] = {}
        self._keep_alive: dict[int, Any] = {}
        self._held = False
        probe = silence("qt-probe", 0.05, 16000)
        self.prepare(probe)
        if not self.wait_ready(READY_TIMEOUT_S):
            self.close()
            raise BackendUnavailable("Qt Multimedia did not load a sound within 5 s")

    def prepare(self, clip: Clip) -> None:
        if clip.name in self._effects:
            return
        self._effects[clip.name] = self._load(clip)
        if clip.rate not in self._keep_alive:
            # Looping silence the length of one second; only played while held.
            self._keep_alive[clip.rate] = keep = self._load(
                silence(f"keep-alive-{clip.rate}", 1.0, clip.rate)
            )
            keep.setLoopCount(self._qt.QSoundEffect.Loop.Infinite.value)
            if self._held:
                keep.play()

    def _load(self, clip: Clip) -> Any:
        path = Path(self._files.name) / f"{len(self._effects) + len(self._keep_alive):04d}.wav"
        write_wav(clip, path)
        effect = self._qt.QSoundEffect(self._owner)
        effect.setSource(QUrl.fromLocalFile(str(path)))
        return effect

    def wait_ready(self, timeout_s: float) -> bool:
        """Run Qt's events until every prepared clip has loaded (or failed to)."""
        loading = self._qt.QSoundEffect.Status.Loading
        effects = [*self._effects.values(), *self._keep_alive.values()]
        deadline = time.monotonic() + timeout_s
        while any(effect.status() == loading for effect in effects):
            if time.monotonic() >= deadline:
                return False
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
            time.sleep(0.002)
        return True

    def hold(self, held: bool) -> None:
        """Keep the output streams running (True) or let Qt suspend them when idle."""
        if held == self._held:
            return
        self._held = held
        for keep in self._keep_alive.values():
            if held:
                keep.play()
            else:
                keep.stop()

    def play(self, clip: Clip, gain: float) -> None:
        if clip.name not in self._effects:
            self.prepare(clip)  # plays once loaded
        effect = self._effects[clip.name]
        if effect.status() == self._qt.QSoundEffect.Status.Error:
            raise PlaybackError(f"Qt Multimedia could not load the sound {clip.name!r}")
        effect.setVolume(gain)
        effect.play()

    def stop_all(self) -> None:
        for effect in self._effects.values():
            effect.stop()

    def busy(self) -> bool:
        return any(effect.isPlaying() for effect in self._effects.values())

    def close(self) -> None:
        for effect in [*self._effects.values(), *self._keep_alive.values()]:
            effect.stop()
        self._effects.clear()
        self._keep_alive.clear()
        self._owner.deleteLater()  # and the effects with it
        self._files.cleanup()
