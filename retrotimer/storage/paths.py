"""Where RetroTimer keeps its files: platformdirs, or everything under RETROTIMER_HOME."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "RetroTimer"
HOME_VARIABLE = "RETROTIMER_HOME"


@dataclass(frozen=True, slots=True)
class AppPaths:
    """The app's directories; nothing is created until `ensure` is called."""

    config: Path
    data: Path
    cache: Path
    log: Path

    @property
    def templates(self) -> Path:
        return self.data / "templates"

    @property
    def trash(self) -> Path:
        return self.data / "templates-trash"

    @property
    def history_db(self) -> Path:
        return self.data / "history.sqlite"

    @property
    def settings_file(self) -> Path:
        return self.config / "settings.toml"

    def ensure(self) -> AppPaths:
        for directory in (self.config, self.data, self.cache, self.log, self.templates):
            directory.mkdir(parents=True, exist_ok=True)
        return self

    @classmethod
    def from_environment(cls, environ: Mapping[str, str] | None = None) -> AppPaths:
        """RETROTIMER_HOME=DIR puts config, data, cache and log under DIR."""
        env = os.environ if environ is None else environ
        home = env.get(HOME_VARIABLE)
        if home:
            root = Path(home).expanduser().resolve()
            return cls(root / "config", root / "data", root / "cache", root / "log")
        dirs = platformdirs.PlatformDirs(APP_NAME, appauthor=False)
        return cls(
            Path(dirs.user_config_dir),
            Path(dirs.user_data_dir),
            Path(dirs.user_cache_dir),
            Path(dirs.user_log_dir),
        )
