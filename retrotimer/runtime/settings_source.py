"""The one source of the user's settings: saved on change, heard by every part."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from retrotimer.core.ports import SettingsRepository
    from retrotimer.core.settings import Settings


class SettingsSource(QObject):
    """Holds the settings in use. `update` saves and applies them at once.

    Signals: `changed(new, old)` after every real change; `save_failed(str)` when the store
    refused (the new settings are in use all the same: a volume key must work mid-session).
    """

    changed = Signal(object, object)
    save_failed = Signal(str)

    def __init__(
        self, store: SettingsRepository, settings: Settings, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._settings = settings

    @property
    def current(self) -> Settings:
        return self._settings

    def update(self, settings: Settings) -> None:
        old = self._settings
        if settings == old:
            return
        self._settings = settings
        try:
            self._store.save(settings)
        except (OSError, ValueError) as error:
            self.save_failed.emit(f"The settings are in use but could not be saved: {error}")
        self.changed.emit(settings, old)
