"""Everything app.py hands the main window: settings, sessions, stores, in one value."""

from __future__ import annotations

from typing import TYPE_CHECKING

from retrotimer.core.value import value

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings

    from retrotimer.core.exchange.exchange_ports import OtherToolFiles
    from retrotimer.core.history.history_ports import HistoryFiles, HistoryRepository
    from retrotimer.core.ports import TemplateRepository
    from retrotimer.core.programs.program_source import ProgramSource
    from retrotimer.core.sensors.sensor_ports import SensorLink
    from retrotimer.runtime.sensor_feed import SensorFeed
    from retrotimer.runtime.session_runs import SessionRuns
    from retrotimer.runtime.settings_source import SettingsSource


@value
class AppParts:
    """`history` is None when this instance cannot write the history (then its screen says
    why: `history_problem`). The clocks, the speaker and the screen-awake are the
    sessions' (`runs.parts`). `exchange` reads and writes other tools' files (without it
    the export-for-watch and export-session commands are off)."""

    settings: SettingsSource
    runs: SessionRuns
    library: TemplateRepository
    memory: QSettings
    history: HistoryRepository | None = None
    transfer: HistoryFiles | None = None
    history_problem: str = ""
    exchange: OtherToolFiles | None = None
    # The training programs and the one followed (without it there is no Today screen).
    programs: ProgramSource | None = None
    # The Bluetooth heart-rate strap and footpod: their news, and the link that scans and
    # follows them (without them the run screen shows no heart rate and Settings no sensors).
    sensors: SensorFeed | None = None
    sensor_link: SensorLink | None = None
