"""Audio backends side by side: call cost, call-to-sound latency, CPU while idle (JSON out).

Everything plays into a private PulseAudio null sink recorded through its monitor, so the
first sample of each cue can be found in the recording and set against the moment of the
call. Run `make bench` (or `.venv/bin/python bench/audio.py`); it needs PulseAudio.
"""

from __future__ import annotations

import json
import os
import platform
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer  # noqa: E402

from retrotimer.audio.backend import AudioBackend  # noqa: E402
from retrotimer.audio.playback import default_factories  # noqa: E402
from retrotimer.audio.tones import synthesise_tones  # noqa: E402
from retrotimer.core.model import Direction  # noqa: E402
from tests.audio.pulse_sink import PrivatePulse, first_sound_after, missing_tools  # noqa: E402

CUES = 50
SPACING_S = 0.25
IDLE_S = 5.0


def spin(seconds: float) -> None:
    """Let Qt deliver its events (the Qt backend needs them) without busy-waiting."""
    end = time.monotonic() + seconds
    while (left := end - time.monotonic()) > 0:
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
        time.sleep(min(0.002, left))


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def idle_cpu_percent(app: QCoreApplication) -> float:
    """Process CPU while the event loop idles, as a share of one core."""
    before = resource.getrusage(resource.RUSAGE_SELF)
    started = time.monotonic()
    QTimer.singleShot(round(IDLE_S * 1000), app.quit)
    app.exec()
    after = resource.getrusage(resource.RUSAGE_SELF)
    used = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return round(100 * used / (time.monotonic() - started), 2)


def measure(pulse: PrivatePulse, app: QCoreApplication, name: str, held: bool) -> dict[str, Any]:
    backend: AudioBackend = default_factories()[name]()
    clip = synthesise_tones().family(Direction.BACKWARD).pip
    backend.prepare(clip)
    backend.wait_ready(5.0)
    backend.hold(held)
    spin(0.5)
    calls: list[float] = []
    costs: list[float] = []
    with pulse.recording() as recording:
        for _ in range(CUES):
            started = time.monotonic()
            backend.play(clip, 1.0)
            costs.append(time.monotonic() - started)
            calls.append(started)
            spin(SPACING_S)
        spin(0.3)
    latencies: list[float] = []
    for moment in calls:
        heard = first_sound_after(recording, moment - 0.005)
        if heard is not None and heard - moment < SPACING_S:
            latencies.append(heard - moment)
    result: dict[str, Any] = {
        "call_us": {
            "p50": round(percentile(costs, 0.5) * 1e6),
            "p99": round(percentile(costs, 0.99) * 1e6),
        },
        "latency_ms": None,
        "heard": f"{len(latencies)}/{CUES}",
    }
    if latencies:
        result["latency_ms"] = {
            "p50": round(percentile(latencies, 0.5) * 1000, 1),
            "p99": round(percentile(latencies, 0.99) * 1000, 1),
            "spread": round(statistics.pstdev(latencies) * 1000, 1),
        }
    result["idle_cpu_percent"] = idle_cpu_percent(app)
    backend.close()
    return result


def main() -> int:
    missing = missing_tools()
    if missing:
        print(json.dumps({"error": f"needs PulseAudio ({', '.join(missing)} not found)"}))
        return 1
    with tempfile.TemporaryDirectory(prefix="retrotimer-bench-") as scratch:
        pulse = PrivatePulse(Path(scratch))
        pulse.start()
        try:
            os.environ.update(pulse.env)  # before any sound library reads its configuration
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
            app = QCoreApplication.instance() or QCoreApplication([])
            runs = {
                "simpleaudio": ("simpleaudio", False),
                "qt (held, as in a session)": ("qt", True),
                "qt (not held)": ("qt", False),
                "silent": ("silent", False),
            }
            results = {
                label: measure(pulse, app, name, held) for label, (name, held) in runs.items()
            }
        finally:
            pulse.stop()
    print(
        json.dumps(
            {
                "benchmark": "audio backends",
                "cues": CUES,
                "spacing_s": SPACING_S,
                "idle_s": IDLE_S,
                "python": platform.python_version(),
                "machine": platform.machine(),
                # Samples are placed on the clock by when parec delivers them; the null sink
                # hands out blocks a few milliseconds ahead, so 0 ms is known to about 5 ms.
                "latency_zero_uncertainty_ms": 5,
                "backends": results,
            },
            indent=2,
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
