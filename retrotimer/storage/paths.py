"""Where RetroTimer keeps its files: platformdirs, or everything under RETROTIMER_HOME."""

from __future__ import annotations

import errno
import os
from collections.abc import Mapping
from pathlib import Path

import platformdirs

from retrotimer.core.value import field, replace, value
from retrotimer.storage.user_files import describe_os_error, folder_problem

APP_NAME = "RetroTimer"
HOME_VARIABLE = "RETROTIMER_HOME"


@value
class AppPaths:
    """The app's directories; nothing is created until `ensure` is called. `problem` says,
    after `ensure`, why some cannot be made (for the window's status bar and one line of
    the command line); the app then runs what it can."""

    config: Path
    data: Path
    cache: Path
    log: Path
    problem: str | None = field(default=None, compare=False)

    @property
    def templates(self) -> Path:
        return self.data / "templates"

    @property
    def trash(self) -> Path:
        return self.data / "templates-trash"

    @property
    def programs(self) -> Path:
        return self.data / "programs"

    @property
    def history_db(self) -> Path:
        return self.data / "history.sqlite"

    @property
    def settings_file(self) -> Path:
        return self.config / "settings.toml"

    def ensure(self) -> AppPaths:
        """Make the folders; never raises. The paths returned carry `problem` when a folder
        cannot be made or written in (a read-only or full disk, a file in the way)."""
        for directory in (
            self.config,
            self.data,
            self.cache,
            self.log,
            self.templates,
            self.programs,
        ):
            try:
                directory.mkdir(parents=True, exist_ok=True)
                if not os.access(directory, os.W_OK):
                    raise PermissionError(errno.EACCES, "permission denied")
            except OSError as error:
                reason = folder_problem(directory) or describe_os_error(error)
                return replace(
                    self,
                    problem=(
                        f"RetroTimer cannot write in {directory} ({reason}): settings, "
                        "templates and the history cannot be saved there"
                    ),
                )
        return self

    def blocked_folders(self) -> list[str]:
        """One sentence for each file (or FIFO, device...) standing where one of the app's
        folders should be; nothing is made or changed."""
        found: dict[str, None] = {}
        for folder in (self.config, self.data, self.cache, self.log, self.templates, self.programs):
            problem = folder_problem(folder)
            if problem is not None:
                found[f"{problem}; RetroTimer keeps its files in a folder there: move it"] = None
        return list(found)

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
