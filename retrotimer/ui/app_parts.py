"""Everything app.py hands the main window: stores, clocks, devices, in one value."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSettings

from retrotimer.core.ports import (
    CueSink,
    ExchangeFiles,
    HistoryRepository,
    HistoryTransfer,
    ScreenAwake,
    SettingsRepository,
    TemplateRepository,
)
from retrotimer.runtime.clock import Clock, Wait
from retrotimer.runtime.wall_clock import WallClock, system_wall_clock


@dataclass(frozen=True, slots=True)
class AppParts:
    """`history` is None when this instance cannot write the history (then its screen says
    why: `history_problem`); `cues` is None for a silent window (tests, screenshots).
    `speed` compresses session time (demos and benchmarks). `exchange` reads and writes other
    tools' files (without it the export-for-watch and export-session commands are off)."""

    settings_store: SettingsRepository
    library: TemplateRepository
    clock: Clock
    awake: ScreenAwake
    memory: QSettings
    wall_clock: WallClock = system_wall_clock
    history: HistoryRepository | None = None
    transfer: HistoryTransfer | None = None
    history_problem: str = ""
    cues: CueSink | None = None
    precise_wait: Wait | None = None
    speed: float = 1.0
    exchange: ExchangeFiles | None = None
