"""File > Settings: the dialog, its answer applied, and the training program chosen in it."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from retrotimer.core.sensors.sensor_ports import SensorLink
    from retrotimer.runtime.sensor_feed import SensorFeed
    from retrotimer.runtime.settings_source import SettingsSource
    from retrotimer.ui.programs.followed_program import FollowedProgram
    from retrotimer.ui.programs.program_following import ProgramFollowing
    from retrotimer.ui.shell.settings_dialog import SettingsDialog


class SettingsFlow:
    """Opens the dialog over `parent`; Save updates the settings source and, when another
    program was chosen, follows it."""

    def __init__(
        self,
        parent: QWidget,
        settings: SettingsSource,
        following: ProgramFollowing,
        followed: FollowedProgram,
        *,
        sensors: SensorFeed | None = None,
        sensor_link: SensorLink | None = None,
    ) -> None:
        self._parent = parent
        self._settings = settings
        self._programs = following.programs
        self._following = following
        self._followed = followed
        self._sensors = sensors
        self._sensor_link = sensor_link
        self.dialog: SettingsDialog | None = None

    def open(self) -> None:
        # Imported when first opened: not before the window's first paint.
        from retrotimer.ui.common.modal import open_modal
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
        if result == dialog.DialogCode.Accepted:
            self._settings.update(dialog.settings())
            self._choose_program(dialog)

    def _choose_program(self, dialog: SettingsDialog) -> None:
        programs = self._programs
        if programs is None or dialog.programs is None:
            return
        active = programs.active()
        chosen = dialog.programs.choice()
        if chosen != (active[1] if active else None):
            self._following.choose(chosen)
