"""The settings for a command, with a settings file that could not be used told in one line."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from retrotimer.storage.settings_store import SettingsStore

if TYPE_CHECKING:
    from retrotimer.core.settings import Settings
    from retrotimer.storage.paths import AppPaths


def load_settings(paths: AppPaths) -> Settings:
    """The settings in use; the store's notice (a file kept aside, a value ignored) goes to
    stderr, as the window shows it in its status bar."""
    store = SettingsStore(paths)
    settings = store.load()
    if store.notice is not None:
        print(f"retrotimer: {store.notice}", file=sys.stderr)
    return settings
