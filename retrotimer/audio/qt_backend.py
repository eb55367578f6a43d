"""Playback through Qt Multimedia: one QAudioSink stream fed by a small mixer on its own thread."""

from __future__ import annotations

import atexit
import threading
import time
from array import array
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QLoggingCategory,
    QObject,
    Qt,
    QThread,
    QTimer,
    Signal,
    Slot,
)

from retrotimer.audio.backend import BackendUnavailable, PlaybackError
from retrotimer.audio.pcm import SAMPLE_WIDTH, SOUND_RATE, Clip, resampled, samples_of
from retrotimer.core.value import builder

# How far ahead of the speaker the mixer keeps the stream while it plays: enough to ride
# out a moment without the interpreter lock, little enough that a cue is not heard late.
# It is the stream's whole buffer; between sounds Qt plays silence of its own (Qt 6.10 and
# later fill what the buffer lacks), so nothing is written, and nothing runs here, then.
QUEUE_AHEAD_S = 0.04
FEED_INTERVAL_MS = 10
# What the sound server adds after the stream's own buffer, as measured through PulseAudio.
DEVICE_LATENCY_S = 0.05
# Outside a session the stream is closed after this long without a sound.
IDLE_CLOSE_S = 2.0
# In a session the stream is suspended (PulseAudio corks it) after this long without a
# sound, long after the last of it has left the speaker: Qt would otherwise keep feeding
# silence to the sound server, waking two threads some 70 times a second (0.7 % of a core).
# A sound resumes it first; measured through PulseAudio, a resumed stream's sound starts
# 5-15 ms later than a running one's, and whole.
QUIET_SUSPEND_S = 1.0
# A stream that stops taking sound for this long has lost its device (Qt reports no error
# when the sound server goes away: the queue simply stops draining). A new stream may take
# a while to start (a Bluetooth headset waking up), so it gets longer.
STALL_S = 1.0
START_S = 5.0
# Qt probes for PipeWire and warns when the library is absent, then uses PulseAudio as it
# should; the probe's warning and the FFmpeg banner are noise on a terminal.
_QUIET_PROBES = "qt.multimedia.symbolsresolver.warning=false\nqt.multimedia.ffmpeg.info=false"


def _multimedia() -> Any:
    """Import Qt Multimedia (slow, and it loads the audio plugin), quieting its probes first."""
    QLoggingCategory.setFilterRules(_QUIET_PROBES)
    from PySide6 import QtMultimedia

    return QtMultimedia


@builder
class _Voice:
    """A sound being mixed: its samples and how far it has got."""

    samples: array[int]
    position: int = 0


class _Stream(QObject):
    """The sink and its timers, living on the audio thread; the voices are shared, locked.

    The feeder runs only while there is something to write (voices, or a new stream's first
    buffer until it starts to drain); the closer fires once, when the stream has been quiet
    for IDLE_CLOSE_S outside a session; the suspender once, when it has been quiet for
    QUIET_SUSPEND_S in one. A held stream with nothing to play wakes nothing.
    """

    def __init__(self, qt: Any, device: Any, audio_format: Any) -> None:
        super().__init__()
        self._qt = qt
        self._device = device
        self._format = audio_format
        self._sink: Any = None
        self._output: Any = None
        self._feeder: QTimer | None = None
        self._closer: QTimer | None = None
        self._suspender: QTimer | None = None
        self.suspended = False
        self.lock = threading.Lock()
        self.voices: list[_Voice] = []
        # Every sound plays at the gain of the latest; the sink applies it (in Qt's C++), so
        # a lone sound is mixed by copying its samples.
        self.gain = 1.0
        self._sink_gain = 1.0
        self.held = False
        self.failure: str | None = None
        self.sounding_until = 0.0
        self._last_taken = time.monotonic()
        self.flowing = False
        self._filled = False

    @property
    def streaming(self) -> bool:
        return self._output is not None

    def active_timers(self) -> int:
        """How many of the stream's timers are running (none while a held stream is quiet)."""
        timers = (self._feeder, self._closer, self._suspender)
        return sum(1 for timer in timers if timer and timer.isActive())

    @Slot()
    def open(self) -> None:
        """Start the stream (if it is not running) and feed it at once."""
        if self._sink is None:
            self._sink = self._qt.QAudioSink(self._device, self._format, self)
            self._sink.setBufferSize(_bytes(QUEUE_AHEAD_S))
            self._feeder = QTimer(self)
            self._feeder.setTimerType(Qt.TimerType.PreciseTimer)
            self._feeder.setInterval(FEED_INTERVAL_MS)
            self._feeder.timeout.connect(self.feed)
            self._closer = QTimer(self)
            self._closer.setSingleShot(True)
            self._closer.setInterval(round(IDLE_CLOSE_S * 1000))
            self._closer.timeout.connect(self.close)
            self._suspender = QTimer(self)
            self._suspender.setSingleShot(True)
            self._suspender.setInterval(round(QUIET_SUSPEND_S * 1000))
            self._suspender.timeout.connect(self._suspend)
        if self._output is None:
            self._output = self._sink.start()
            self._note_failure()
            if self._output is None:
                self.failure = self.failure or "Qt Multimedia could not open an audio stream"
                return
            self._last_taken = time.monotonic()
            self.flowing = self._filled = False
        self.feed()

    def _note_failure(self) -> None:
        error = self._sink.error()
        if error != self._qt.QtAudio.Error.NoError:
            self.failure = f"Qt Multimedia audio output failed ({error.name})"

    @Slot()
    def feed(self) -> None:
        """Fill the stream's buffer with the mix of the playing voices; a new stream's first
        buffer is silence, to learn when it starts to take sound."""
        if self._output is None:
            self.open()
            return
        assert self._feeder is not None and self._closer is not None
        assert self._suspender is not None
        if self.suspended:
            with self.lock:
                resume = bool(self.voices)
            if resume:  # before the sound is written
                self._sink.resume()
                self.suspended = False
                self._last_taken = time.monotonic()
        self._note_failure()
        room = self._sink.bytesFree()
        now = time.monotonic()
        with self.lock:
            sounding = bool(self.voices)
            held, gain = self.held, self.gain
            if room > 0:
                # Room after the first fill means the stream has begun to take sound.
                self.flowing = self.flowing or self._filled
                self._last_taken = now
            writing = room > 0 and (sounding or not self._filled)
            block = self._mix(room // SAMPLE_WIDTH) if writing else None
        if gain != self._sink_gain:
            self._sink.setVolume(gain)
            self._sink_gain = gain
        if block is not None:
            self._filled = True
            self._output.write(block.tobytes())
            if sounding:
                # The last of it leaves the speaker once the queue ahead of it has played.
                ahead = (self._sink.bufferSize() - self._sink.bytesFree()) / _bytes(1.0)
                self.sounding_until = now + ahead + DEVICE_LATENCY_S
        waiting = sounding or not self.flowing
        if waiting and now - self._last_taken > (STALL_S if self.flowing else START_S):
            if not self.failure:
                self.failure = "Qt Multimedia audio output stopped taking sound"
            with self.lock:
                self.voices.clear()
            waiting = False
        if waiting and not self._feeder.isActive():
            self._feeder.start()
        elif not waiting:
            self._feeder.stop()
        if held or waiting:
            self._closer.stop()
        elif not self._closer.isActive():
            self._closer.start()
        if not held or waiting:
            self._suspender.stop()
        elif not self.suspended:
            self._suspender.start()  # from the last sound written

    def _mix(self, count: int) -> array[int]:
        # Qt's 16-bit samples are in the machine's byte order, as `array` holds them.
        chunks = []
        for voice in self.voices:
            chunks.append(voice.samples[voice.position : voice.position + count])
            voice.position += len(chunks[-1])
        self.voices = [v for v in self.voices if v.position < len(v.samples)]
        if not chunks:
            return array("h", bytes(SAMPLE_WIDTH * count))
        if len(chunks) == 1:
            block = chunks[0]
        else:  # sounds that overlap (a pip over words) are added, and clipped
            sums = [0] * count
            for chunk in chunks:
                for i, sample in enumerate(chunk):
                    sums[i] += sample
            block = array("h", [max(-32768, min(32767, value)) for value in sums])
        block.frombytes(bytes(SAMPLE_WIDTH * (count - len(block))))
        return block

    @Slot()
    def _suspend(self) -> None:
        with self.lock:
            quiet = self.held and not self.voices
        if quiet and self._output is not None:
            self._sink.suspend()
            self.suspended = True

    @Slot()
    def close(self) -> None:
        for timer in (self._feeder, self._closer, self._suspender):
            if timer is not None:
                timer.stop()
        if self._output is not None:
            self._sink.stop()
            self._output = None
        self.flowing = self.suspended = False


class _Requests(QObject):
    """Signals from the caller's thread to the stream's."""

    open = Signal()
    wake = Signal()
    close = Signal()


def _bytes(seconds: float) -> int:
    return SAMPLE_WIDTH * round(seconds * SOUND_RATE)


class QtBackend:
    """One QAudioSink stream at 16 kHz; `play` adds a voice to the mix, never a new stream.

    QSoundEffect was the first choice, but from Qt 6.10 its real-time engine can destroy a
    finished voice on the audio thread, which breaks a socket notifier of the main thread:
    the event loop then spins at full CPU and the session's timer stops. A QAudioSink fed by
    a mixer on a thread of its own has no such engine, and a busy UI thread cannot starve it.
    While held (a session is on) the stream stays open, so every cue starts after about the
    same short delay; quiet for a second, it is suspended, so that nothing is written or
    woken between sounds, and the next sound resumes it. Outside a session it closes when
    quiet.
    """

    name = "qt"
    audible = True

    def __init__(self) -> None:
        if QCoreApplication.instance() is None:
            raise BackendUnavailable("Qt Multimedia needs a running Qt application")
        qt = _multimedia()
        if not qt.QMediaDevices.audioOutputs():
            raise BackendUnavailable("Qt Multimedia sees no audio output device")
        device = qt.QMediaDevices.defaultAudioOutput()
        audio_format = qt.QAudioFormat()
        audio_format.setSampleRate(SOUND_RATE)
        audio_format.setChannelCount(1)
        audio_format.setSampleFormat(qt.QAudioFormat.SampleFormat.Int16)
        if not device.isFormatSupported(audio_format):
            raise BackendUnavailable(f"{device.description()} cannot play 16 kHz mono")
        self.device = str(device.description())
        self._clips: dict[str, array[int]] = {}
        self._thread = QThread()
        self._thread.setObjectName("retrotimer-audio")
        self._stream = _Stream(qt, device, audio_format)
        self._stream.moveToThread(self._thread)
        self._requests = _Requests()
        blocking = Qt.ConnectionType.BlockingQueuedConnection
        self._requests.open.connect(self._stream.open, blocking)
        self._requests.close.connect(self._stream.close, blocking)
        self._requests.wake.connect(self._stream.feed, Qt.ConnectionType.QueuedConnection)
        self._thread.start()
        # A running QThread must not outlive the process's last moments: close it at exit
        # if the owner has not.
        atexit.register(self.close)
        # A first stream now, with silence: the first cue does not pay for opening it.
        self._requests.open.emit()
        if self._stream.failure:
            failure = self._stream.failure
            self.close()
            raise BackendUnavailable(failure)

    def prepare(self, clip: Clip) -> None:
        """Keep the clip's samples, at the stream's rate, ready to mix."""
        if clip.name not in self._clips:
            self._clips[clip.name] = samples_of(resampled(clip, SOUND_RATE))

    def wait_ready(self, timeout_s: float) -> bool:
        """While held, wait until the sound server takes sound from the stream.

        Under load a new stream can take seconds to start; a cue played before then is lost
        or late (the get-ready words were). The stream lives on its own thread, so waiting
        here holds up nothing it needs.
        """
        deadline = time.monotonic() + timeout_s
        while True:
            with self._stream.lock:
                held = self._stream.held
            if not held or self._stream.flowing:
                return True
            if self._stream.failure:
                raise PlaybackError(self._stream.failure)
            if time.monotonic() >= deadline:
                return False
            time.sleep(0.005)

    def hold(self, held: bool) -> None:
        """Open the stream and keep it running (a session is on), or let it close when
        quiet. Held, it is open when this returns, so `wait_ready` waits for this stream."""
        with self._stream.lock:
            self._stream.held = held
        if held:
            self._requests.open.emit()
        else:
            self._requests.wake.emit()

    def play(self, clip: Clip, gain: float) -> None:
        failure = self._stream.failure
        if failure:
            raise PlaybackError(failure)
        self.prepare(clip)
        with self._stream.lock:
            self._stream.gain = gain
            self._stream.voices.append(_Voice(self._clips[clip.name]))
        self._requests.wake.emit()

    def stop_all(self) -> None:
        with self._stream.lock:
            self._stream.voices.clear()

    def busy(self) -> bool:
        with self._stream.lock:
            if self._stream.voices:
                return True
        return time.monotonic() < self._stream.sounding_until

    @property
    def streaming(self) -> bool:
        """A stream is open: held for a session, or a sound outside one not yet quiet."""
        return self._stream.streaming

    def timers_running(self) -> int:
        """The stream's timers that are running: none while it is quiet."""
        return self._stream.active_timers()

    @property
    def suspended(self) -> bool:
        """The stream is open but suspended: held and quiet for a while."""
        return self._stream.suspended

    def close(self) -> None:
        atexit.unregister(self.close)
        if not self._thread.isRunning():
            return
        self.stop_all()
        self._requests.close.emit()
        self._thread.quit()
        self._thread.wait()
