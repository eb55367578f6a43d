"""File > Settings: the dialog, its answer applied, and the training program chosen in it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QWidget

from retrotimer.core.programs.program_source import ProgramSource
from retrotimer.core.sensors.sensor_ports import SensorLink
from retrotimer.runtime.sensor_feed import SensorFeed
from retrotimer.runtime.settings_source import SettingsSource
from retrotimer.ui.common.modal import open_modal
from retrotimer.ui.programs.followed_program import FollowedProgram

if TYPE_CHECKING:
    from retrotimer.ui.shell.settings_dialog import SettingsDialog


class SettingsFlow:
    """Opens the dialog over `parent`; Save updates the settings source and, when another
    program was chosen, follows it and calls `program_changed`."""

    def __init__(
        self,
        parent: QWidget,
        settings: SettingsSource,
        programs: ProgramSource | None,
        followed: FollowedProgram,
        *,
        tell: Callable[[str], None],
        program_changed: Callable[[], None],
        sensors: SensorFeed | None = None,
        sensor_link: SensorLink | None = None,
    ) -> None:
        self._parent = parent
        self._settings = settings
        self._programs = programs
        self._followed = followed
        self._tell = tell
        self._program_changed = program_changed
        self._sensors = sensors
        self._sensor_link = sensor_link
        self.dialog: SettingsDialog | None = None

    def open(self) -> None:
        # Imported when first opened: not before the window's first paint.
        from retrotimer.ui.programs.program_settings_box import ProgramSettingsBox
        from retrotimer.ui.shell.sensor_settings_box import SensorSettingsBox
        from retrotimer.ui.shell.settings_dialog import SettingsDialog

        box = None
        if self._programs is not None:
            active = self._programs.active()
            box = ProgramSettingsBox(
                self._programs.programs(), active[1] if active else None, self._followed.today()
            )
        sensors = None
        if self._sensors is not None and self._sensor_link is not None:
            sensors = SensorSettingsBox(self._settings.current, self._sensors, self._sensor_link)
        dialog = SettingsDialog(self._settings.current, self._parent, programs=box, sensors=sensors)
        self.dialog = open_modal(dialog, self._answered)

    def _answered(self, dialog: SettingsDialog, result: int) -> None:
        self.dialog = None
        if result == QDialog.DialogCode.Accepted:
            self._settings.update(dialog.settings())
            self._choose_program(dialog)

    def _choose_program(self, dialog: SettingsDialog) -> None:
        programs = self._programs
        if programs is None or dialog.programs is None:
            return
        active = programs.active()
        chosen = dialog.programs.choice()
        if chosen == (active[1] if active else None):
            return
        try:
            programs.choose(chosen)
        except OSError as error:
            self._tell(f"The training program could not be saved: {error}")
            return
        self._program_changed()
