"""Audio backends side by side on the Linux default path, with one CPU core kept busy (JSON out).

Each backend plays a session's worth of cues (pips and spoken phrases) into a private
PulseAudio null sink at its default latency (nothing but the backend under test asks for a
latency), while a burner process keeps one core busy and `parec` records the monitor. For
every cue it reports how late its first sample was, how long it took to play against how
long it is, and whether it came in pieces. Every backend runs in a process of its own, as
the app would. Run `make bench` (or `.venv/bin/python bench/audio.py [--repeat N]`).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from array import array
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.audio.pulse_sink import (  # noqa: E402
    PrivatePulse,
    Recording,
    bursts,
    busy_core,
    missing_tools,
)

# (label, backend): simpleaudio also as it was before it held a carrier stream.
CONFIGS: tuple[tuple[str, str], ...] = (
    ("qt", "qt"),
    ("simpleaudio", "simpleaudio"),
    ("simpleaudio without its carrier", "simpleaudio-unheld"),
)
PHRASES = (
    "look over your shoulder",
    "stop and turn around",
    "backward walk",
    "hold the rails",
    "warm-up walk",
    "session complete",
)
PAUSE_S = 0.8
FRAGMENT_GAP_S = 0.25


def audible_length(samples: array[int], rate: int) -> tuple[float, int]:
    """How long a sound is from its first to its last audible sample, and in how many pieces."""
    found = bursts(Recording(samples=samples, rate=rate, start_time=0.0), min_silence_s=0.25)
    if not found:
        return 0.0, 0
    return found[-1].end - found[0].start, len(found)


def play_one(backend_name: str) -> dict[str, Any]:
    """In the child: play the cues through one backend; the parent records them."""
    from PySide6.QtCore import QCoreApplication, QEventLoop

    from retrotimer.audio.playback import default_factories
    from retrotimer.audio.tones import pip_name, synthesise_tones
    from retrotimer.audio.voice import VoiceLibrary
    from retrotimer.core.model import Direction

    app = QCoreApplication.instance() or QCoreApplication([])

    def spin(seconds: float) -> None:
        end = time.monotonic() + seconds
        while (left := end - time.monotonic()) > 0:
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
            time.sleep(min(0.002, left))

    voice = VoiceLibrary.load()
    pip = synthesise_tones().by_name()[pip_name(Direction.BACKWARD)]
    clips = [pip, pip, pip]
    for phrase in PHRASES:
        clip = voice.clip(phrase)
        assert clip is not None, phrase
        clips.append(clip)
    opened = time.monotonic()
    held = not backend_name.endswith("-unheld")
    backend = default_factories()[backend_name.removesuffix("-unheld")]()
    opening_s = time.monotonic() - opened
    for clip in clips:
        backend.prepare(clip)
    backend.hold(held)
    waited = time.monotonic()
    ready = backend.wait_ready(5.0)
    ready_s = time.monotonic() - waited
    spin(0.5)
    print("ready", flush=True)
    spin(0.5)
    played: list[dict[str, Any]] = []
    for clip in clips:
        called = time.monotonic()
        backend.play(clip, 1.0)
        cost = time.monotonic() - called
        played.append({"name": clip.name, "at": called, "call_ms": round(cost * 1000, 2)})
        spin(clip.duration_s + PAUSE_S)
    spin(1.0)
    backend.close()
    QCoreApplication.processEvents()
    return {
        "opening_s": round(opening_s, 3),
        "ready": ready,
        "ready_s": round(ready_s, 3),
        "played": played,
    }


def analyse(recording: Recording, played: list[dict[str, Any]]) -> dict[str, Any]:
    from retrotimer.audio.pcm import samples_of
    from retrotimer.audio.tones import synthesise_tones
    from retrotimer.audio.voice import VoiceLibrary

    voice = VoiceLibrary.load()
    clips = {c.name: c for c in (*voice.all(), *synthesise_tones().all())}
    found = bursts(recording, min_silence_s=FRAGMENT_GAP_S)
    late_ms: list[float] = []
    stretch: list[float] = []
    fragments = missing = 0
    for i, cue in enumerate(played):
        clip = clips[cue["name"]]
        own_length, own_pieces = audible_length(samples_of(clip), clip.rate)
        window_end = played[i + 1]["at"] if i + 1 < len(played) else float("inf")
        heard = [b for b in found if cue["at"] - 0.05 <= b.start < window_end - 0.05]
        if not heard:
            missing += 1
            continue
        late_ms.append((heard[0].start - cue["at"]) * 1000)
        stretch.append((heard[-1].end - heard[0].start) / own_length)
        fragments += max(0, len(heard) - own_pieces)
    words = [c for c in played if c["name"].startswith("voice:")]
    return {
        "cues": len(played),
        "missing": missing,
        "extra_fragments": fragments,
        "onset_late_ms": _spread(late_ms),
        "play_length_ratio": _spread(stretch, digits=3),
        "spoken_cues": len(words),
    }


def _spread(values: list[float], digits: int = 1) -> dict[str, float] | None:
    if not values:
        return None
    ordered = sorted(values)
    return {
        "min": round(ordered[0], digits),
        "p50": round(statistics.median(ordered), digits),
        "max": round(ordered[-1], digits),
    }


def measure(pulse: PrivatePulse, backend: str) -> dict[str, Any]:
    env = {**os.environ, **pulse.env, "QT_QPA_PLATFORM": "offscreen"}
    with pulse.recording() as recording:
        child = subprocess.Popen(
            [sys.executable, __file__, "--child", backend],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert child.stdout is not None
        ready = child.stdout.readline()
        settled = time.monotonic()
        out, err = child.communicate(timeout=120)
        time.sleep(0.5)
    if child.returncode != 0 or ready.strip() != "ready":
        return {"error": err.strip().splitlines()[-1:]}
    recording.settle(settled)
    report = json.loads(out)
    result = analyse(recording, report["played"])
    result["open_s"] = report["opening_s"]
    result["wait_ready_s"] = report["ready_s"] if report["ready"] else None
    result["stderr"] = sorted(set(err.splitlines()))[:3]
    return result


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--repeat", type=int, default=2, help="runs of each backend")
    parser.add_argument("--idle", action="store_true", help="without the CPU burner")
    parser.add_argument("--only", help="measure only the backends whose label contains this")
    args = parser.parse_args()
    if args.child:
        print(json.dumps(play_one(args.child)))
        return 0
    missing = missing_tools()
    if missing:
        print(json.dumps({"error": f"needs PulseAudio ({', '.join(missing)} not found)"}))
        return 1
    configs = CONFIGS
    results: dict[str, list[dict[str, Any]]] = {
        label: [] for label, _ in configs if not args.only or args.only in label
    }
    with tempfile.TemporaryDirectory(prefix="retrotimer-bench-") as scratch:
        pulse = PrivatePulse(Path(scratch))
        pulse.start()
        try:
            default_latency_ms = pulse.sink_latency_ms()
            for _ in range(args.repeat):
                for label, backend in configs:
                    if args.only and args.only not in label:
                        continue
                    if args.idle:
                        results[label].append(measure(pulse, backend))
                    else:
                        with busy_core():
                            results[label].append(measure(pulse, backend))
        finally:
            pulse.stop()
    load = os.getloadavg()
    print(
        json.dumps(
            {
                "benchmark": "audio backends on the default path",
                "path": "PulseAudio null sink at its default latency, reached through libpulse "
                "(qt) and ALSA's pulse plugin (simpleaudio)",
                "sink_default_latency_ms": round(default_latency_ms),
                "cpu_burner": not args.idle,
                "cores": os.cpu_count(),
                "load_average_1m": round(load[0], 2),
                "python": platform.python_version(),
                "runs": results,
            },
            indent=2,
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
