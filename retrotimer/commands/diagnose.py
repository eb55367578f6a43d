"""`retrotimer diagnose`: which audio backend plays the cues, and why the others do not."""

from __future__ import annotations

import argparse
import json
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication

from retrotimer.audio.backend import BackendUnavailable
from retrotimer.audio.playback import (
    BACKEND_ORDER,
    DEFAULT_CHOICE,
    ENV_VARIABLE,
    BackendFactory,
    BackendStatus,
    default_factories,
)
from retrotimer.audio.startup import open_cue_player
from retrotimer.storage.paths import AppPaths
from retrotimer.storage.settings_store import SettingsStore


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    parser.set_defaults(handler=run)


def probe(name: str, factories: Mapping[str, BackendFactory]) -> str:
    """Whether a fallback backend would start, opening and closing it."""
    try:
        backend = factories[name]()
    except BackendUnavailable as error:
        return f"would not start: {error}"
    except Exception as error:  # a broken library is also an answer
        return f"would not start: {error}"
    backend.close()
    return "would start if needed"


def run(args: argparse.Namespace) -> int:
    paths = AppPaths.from_environment()
    store = SettingsStore(paths)
    settings = store.load()
    QCoreApplication.instance() or QCoreApplication([])
    factories = default_factories()
    player = open_cue_player(settings, paths.cache, factories=factories)
    playback = player.playback
    backend = playback.backend_name  # the chain is started when first asked for
    statuses: list[BackendStatus] = []
    for status in playback.statuses():
        if status.state == "fallback":
            status = BackendStatus(status.name, "fallback", probe(status.name, factories))
        statuses.append(status)
    engine = player.label_engine
    report: dict[str, Any] = {
        "backend": backend,
        "chosen_by": playback.request.reason,
        "order": list(BACKEND_ORDER),
        "why_this_order": DEFAULT_CHOICE,
        "backends": [{"name": s.name, "state": s.state, "detail": s.detail} for s in statuses],
        "problems": [*playback.request.problems, *store.problems],
        "voice_phrases": len(player.voice.phrases),
        "voice_engine": player.voice.engine,
        "label_engine": engine.description if engine is not None else None,
        "label_cache": str(paths.cache / "voice"),
        "settings": {
            "audio_backend": settings.audio_backend,
            "voice": settings.voice,
            "beeps": settings.beeps,
            "step_ticks": settings.step_ticks,
            "volume": settings.volume,
            "muted": settings.muted,
        },
    }
    player.close()
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    print(f"audio backend in use: {report['backend']} (chosen by {report['chosen_by']})")
    for status in statuses:
        print(f"  {status.name:<12} {status.state:<12} {status.detail}")
    print(f"  default order {', '.join(BACKEND_ORDER)}: {report['why_this_order']}")
    print(f"  override with {ENV_VARIABLE}={'|'.join(BACKEND_ORDER)} or the audio_backend setting")
    for problem in report["problems"]:
        print(f"problem: {problem}")
    print(f"voice clips: {report['voice_phrases']} phrases ({report['voice_engine'] or 'none'})")
    if engine is None:
        print("custom labels: no speech engine found; the kind's stock phrase is spoken instead")
    else:
        print(f"custom labels: spoken by {engine.description}, cached in {report['label_cache']}")
    shown = report["settings"]
    print(
        f"settings: voice {'on' if shown['voice'] else 'off'}, "
        f"beeps {'on' if shown['beeps'] else 'off'}, "
        f"step ticks {'on' if shown['step_ticks'] else 'off'}, "
        f"volume {round(shown['volume'] * 100)} %{', muted' if shown['muted'] else ''}"
    )
    return 0
