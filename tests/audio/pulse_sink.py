"""A private PulseAudio daemon with a null sink, recorded through its monitor with `parec`.

Nothing reaches real speakers. The daemon gets its own runtime dir and socket; a silent
`pacat` stream keeps the sink running at its default latency, so the monitor never drops
the start of a sound (an idle null sink's monitor loses the first second or two).
The recorder stamps every chunk with the monotonic clock as it arrives, which places each
recorded sample in the same time base as the calls that played it.
"""

from __future__ import annotations

import math
import os
import shutil
import signal
import subprocess
import threading
import time
from array import array
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

SINK = "retrotimer_test"
# Chunks whose estimates of where sample 0 lies agree this closely came in step with time.
_STEADY_S = 0.005
RATE = 48000
_START_TIMEOUT_S = 15.0


def missing_tools() -> list[str]:
    return [tool for tool in ("pulseaudio", "pactl", "pacat", "parec") if not shutil.which(tool)]


class PrivatePulse:
    """`start()` it, use `env` for every process that should play into it, `stop()` it."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.runtime = root / "runtime"
        self.socket = self.runtime / "native"
        self._daemon: subprocess.Popen[bytes] | None = None
        self._keep_alive: subprocess.Popen[bytes] | None = None
        self._zeros: BinaryIO | None = None

    @property
    def env(self) -> dict[str, str]:
        """Variables that send libpulse, ALSA's pulse plugin and Qt to this daemon only."""
        return {
            "PULSE_SERVER": f"unix:{self.socket}",
            "PULSE_RUNTIME_PATH": str(self.runtime),
            "PULSE_SINK": SINK,
            "PULSE_SOURCE": f"{SINK}.monitor",
        }

    def _child_env(self) -> dict[str, str]:
        home = self.root / "home"
        return {
            **os.environ,
            "HOME": str(home),
            "XDG_RUNTIME_DIR": str(self.runtime),
            "XDG_CONFIG_HOME": str(home / ".config"),
            "PULSE_STATE_PATH": str(self.root / "state"),
            **self.env,
        }

    def start(self) -> None:
        for directory in (self.runtime, self.root / "home", self.root / "state"):
            directory.mkdir(parents=True, exist_ok=True)
        self.runtime.chmod(0o700)
        log = (self.root / "pulseaudio.log").open("wb")
        self._daemon = subprocess.Popen(
            [
                "pulseaudio",
                "-n",  # no default.pa: only the modules below
                "--daemonize=no",
                "--system=false",  # root may run a per-user daemon with this
                "--exit-idle-time=-1",
                "--disallow-module-loading=false",
                "--use-pid-file=false",
                "--log-target=stderr",
                "--log-level=error",
                "-L",
                f"module-native-protocol-unix auth-anonymous=1 socket={self.socket}",
                "-L",
                f"module-null-sink sink_name={SINK} rate={RATE} channels=1",
            ],
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=log,
            env=self._child_env(),
            start_new_session=True,
        )
        log.close()
        deadline = time.monotonic() + _START_TIMEOUT_S
        while True:
            info = subprocess.run(
                ["pactl", "info"], env=self._child_env(), capture_output=True, check=False
            )
            if info.returncode == 0:
                break
            if self._daemon.poll() is not None or time.monotonic() > deadline:
                self.stop()
                text = (self.root / "pulseaudio.log").read_text(errors="replace")
                raise RuntimeError(f"the private PulseAudio daemon did not start:\n{text}")
            time.sleep(0.1)
        subprocess.run(["pactl", "set-default-sink", SINK], env=self._child_env(), check=True)
        self._zeros = Path("/dev/zero").open("rb")  # noqa: SIM115 (closed in stop)
        self._keep_alive = subprocess.Popen(
            [
                "pacat",
                "--playback",
                f"--device={SINK}",
                "--raw",
                "--format=s16le",
                f"--rate={RATE}",
                "--channels=1",
                # No latency asked for: the sink runs at its default, as a desktop's does
                # with only ordinary streams on it.
                "--stream-name=keep-alive",
            ],
            stdin=self._zeros,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=self._child_env(),
        )

    def stop(self) -> None:
        for process in (self._keep_alive, self._daemon):
            if process is not None and process.poll() is None:
                process.send_signal(signal.SIGTERM)
                try:
                    process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()
        self._keep_alive = self._daemon = None
        if self._zeros is not None:
            self._zeros.close()
            self._zeros = None

    def sink_latency_ms(self) -> float:
        """The null sink's current latency as PulseAudio reports it."""
        out = subprocess.run(
            ["pactl", "list", "sinks"], env=self._child_env(), capture_output=True, text=True
        ).stdout
        for line in out.splitlines():
            if line.strip().startswith("Latency:"):
                return float(line.split()[1]) / 1000
        raise RuntimeError(f"pactl reported no sink latency:\n{out}")

    @contextmanager
    def recording(self, latency_ms: int | None = None) -> Iterator[Recording]:
        """Record the sink's monitor for the duration of the block.

        A recorder that asks for a latency also sets the sink's (a monitor's requested latency
        is the sink's): left at None, the sink keeps its default.
        """
        recording = Recording()
        asked = [] if latency_ms is None else [f"--latency-msec={latency_ms}"]
        recorder = subprocess.Popen(
            [
                "parec",
                f"--device={SINK}.monitor",
                "--raw",
                "--format=s16le",
                f"--rate={RATE}",
                "--channels=1",
                *asked,
                "--stream-name=retrotimer-test-recorder",
            ],
            stdout=subprocess.PIPE,
            env=self._child_env(),
        )
        assert recorder.stdout is not None
        reader = threading.Thread(target=recording.read_from, args=(recorder.stdout.fileno(),))
        reader.start()
        try:
            recording.wait_for_data()
            yield recording
        finally:
            recorder.send_signal(signal.SIGTERM)
            recorder.wait(timeout=10)
            reader.join(timeout=10)
            recorder.stdout.close()


@dataclass
class Recording:
    """Samples from the monitor, and where sample 0 lies on the monotonic clock."""

    samples: array[int] = field(default_factory=lambda: array("h"))
    rate: int = RATE
    start_time: float = float("inf")
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _pending: bytes = b""
    _chunks: list[tuple[float, int]] = field(default_factory=list)

    def read_from(self, fd: int) -> None:
        while True:
            chunk = os.read(fd, 4096)
            arrived = time.monotonic()
            if not chunk:
                return
            with self._lock:
                data = self._pending + chunk
                whole = len(data) - len(data) % 2
                self._pending = data[whole:]
                self.samples.frombytes(data[:whole])
                self._chunks.append((arrived, len(self.samples)))
                # A chunk arrives after its last sample was captured, never before: the
                # earliest estimate over all chunks is the closest to the truth.
                self.start_time = min(self.start_time, arrived - len(self.samples) / self.rate)

    def settle(self, after: float, before: float = float("inf")) -> None:
        """Place the samples on the clock by the chunks that came in step with real time
        between two moments.

        A sink at a long latency renders (and its monitor delivers) sound in lumps up to a
        couple of seconds ahead of time, which would place samples too early. While a
        player's stream holds it at a short latency, chunks come as the sound is captured:
        each one then gives the same estimate as the one before, and those are trusted.
        """
        with self._lock:
            estimates = [arrived - count / self.rate for arrived, count in self._chunks]
            steady = [
                estimate
                for (arrived, _), estimate, previous in zip(
                    self._chunks[1:], estimates[1:], estimates, strict=False
                )
                if after < arrived < before and abs(estimate - previous) < _STEADY_S
            ]
            if steady:
                self.start_time = min(steady)

    def wait_for_data(self, timeout_s: float = 10.0) -> None:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            with self._lock:
                if len(self.samples) > self.rate // 10:
                    return
            time.sleep(0.01)
        raise RuntimeError("parec recorded nothing from the null sink's monitor")

    def time_of(self, index: int) -> float:
        return self.start_time + index / self.rate

    def snapshot(self) -> array[int]:
        with self._lock:
            return array("h", self.samples)


@dataclass(frozen=True)
class Burst:
    """A stretch of sound between silences, in seconds on the monotonic clock."""

    start: float
    end: float

    @property
    def length(self) -> float:
        return self.end - self.start


def high_passed(samples: array[int], rate: int, cutoff_hz: float = 150.0) -> array[int]:
    """A one-pole high-pass filter; twice over, it hides the sub-audible warm-up."""
    alpha = 1.0 / (1.0 + 2 * math.pi * cutoff_hz / rate)
    out = array("h", bytes(2 * len(samples)))
    previous_in = previous_out = 0.0
    for i, value in enumerate(samples):
        previous_out = alpha * (previous_out + value - previous_in)
        previous_in = value
        out[i] = max(-32768, min(32767, int(previous_out)))
    return out


def bursts(
    recording: Recording,
    threshold: int = 600,
    min_silence_s: float = 0.15,
    frame_s: float = 0.001,
    min_sound_s: float = 0.02,
) -> list[Burst]:
    """Audible sounds separated by at least `min_silence_s` below `threshold` (of 32767)."""
    samples = high_passed(high_passed(recording.snapshot(), recording.rate), recording.rate)
    frame = max(1, round(frame_s * recording.rate))
    gap_frames = round(min_silence_s / frame_s)
    found: list[tuple[int, int]] = []
    start = last_loud = -1
    for begin in range(0, len(samples) - frame + 1, frame):
        window = samples[begin : begin + frame]
        if max(window) > threshold or -min(window) > threshold:
            index = begin // frame
            if start < 0:
                start = index
            elif index - last_loud > gap_frames:
                found.append((start, last_loud))
                start = index
            last_loud = index
    if start >= 0:
        found.append((start, last_loud))
    # A blip of a millisecond or two is a click (a stream opening), not a cue.
    found = [(a, b) for a, b in found if (b + 1 - a) * frame_s >= min_sound_s]
    return [
        Burst(recording.time_of(a * frame), recording.time_of((b + 1) * frame)) for a, b in found
    ]


def first_sound_after(
    recording: Recording, moment: float, threshold: int = 600, within_s: float = 1.0
) -> float | None:
    """When the first audible sample above `threshold` in `within_s` after `moment` was captured."""
    samples = recording.snapshot()
    lead = round(0.05 * recording.rate)  # room for the filter to settle before the moment
    first = max(0, int((moment - recording.start_time) * recording.rate))
    start = max(0, first - lead)
    end = min(len(samples), first + round(within_s * recording.rate))
    window = high_passed(high_passed(samples[start:end], recording.rate), recording.rate)
    for index in range(first - start, len(window)):
        if abs(window[index]) > threshold:
            return recording.time_of(start + index)
    return None


@contextmanager
def busy_core() -> Iterator[None]:
    """One CPU core kept busy by a process of its own, as a browser or music player would."""
    import sys

    burner = subprocess.Popen(
        [sys.executable, "-c", "while True: pass"],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        yield
    finally:
        burner.kill()
        burner.wait()
