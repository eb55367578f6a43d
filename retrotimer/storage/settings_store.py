"""Settings as a small TOML file in the config dir; what cannot be used is kept aside and told."""

from __future__ import annotations

import enum
import os
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from retrotimer.core.settings import FIELD_NAMES, Settings, read_settings_text
from retrotimer.storage.atomic import write_atomic
from retrotimer.storage.user_files import (
    UserFileError,
    corrupt_name,
    decode_user_lines,
    describe_os_error,
    not_utf8_words,
    read_user_file,
)

if TYPE_CHECKING:
    from retrotimer.storage.paths import AppPaths

# A settings file is a few hundred bytes; a bigger one is not ours and is not read whole.
MAX_SETTINGS_BYTES = 64 * 1024


def _toml_value(value: Any) -> str:
    if isinstance(value, enum.Enum):
        value = value.value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    escaped = str(value).replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'


class SettingsStore:
    """Loads and saves Settings. `problems` says what was ignored on the last load, one
    message each; `notice` is one sentence for the window's status bar (None when all was
    well). A file that cannot be used as it is (a bad byte, broken TOML, a value out of
    range) is moved aside, never deleted, and the values that could be read are kept."""

    def __init__(self, paths: AppPaths, wall_clock: Callable[[], float] = time.time) -> None:
        self.path = paths.settings_file
        self.problems: list[str] = []
        self.notice: str | None = None
        self._wall_clock = wall_clock

    def load(self) -> Settings:
        self.problems, self.notice = [], None
        if not os.path.lexists(self.path):
            return Settings()
        try:
            data = read_user_file(self.path, MAX_SETTINGS_BYTES, what="settings file")
        except UserFileError as error:
            self.problems.append(f"{error}; using the defaults")
            if error.errno is None:
                # Not a settings file at all (a folder, a FIFO, far too big): moved aside.
                self._keep_aside(Settings(), why=[error.reason], readable=False)
            else:
                self.notice = f"The settings cannot be read ({error}); the defaults are used."
            return Settings()
        # A line that is not UTF-8 is left out; the others are read.
        text, failures = decode_user_lines(data)
        problems = [f"{not_utf8_words(f'line {failure.line}')} (ignored)" for failure in failures]
        reading = read_settings_text(text)
        for problem in reading.problems:
            if problem.field and problem.field not in FIELD_NAMES:
                continue  # a setting of a newer version, or a typo: nothing to keep aside for
            where = f"line {problem.line}: " if problem.line else ""
            problems.append(f"{where}{problem.message} (ignored)")
        unknown = [
            problem.message
            for problem in reading.problems
            if problem.field and problem.field not in FIELD_NAMES
        ]
        self.problems = [f"{self.path}: {problem}" for problem in problems + unknown]
        if problems:
            self._keep_aside(reading.settings, why=problems)
        elif unknown:
            self.notice = "Some settings were ignored: " + "; ".join(unknown) + "."
        return reading.settings

    def _keep_aside(self, settings: Settings, *, why: list[str], readable: bool = True) -> None:
        """Move the file aside and write the settings in use, so that nothing is lost and
        the next start reads a good file; told in `notice`, with the first reason."""
        reason = why[0] + (f", and {len(why) - 1} more" if len(why) > 1 else "")
        target = corrupt_name(self.path, self._wall_clock())
        try:
            os.replace(self.path, target)
        except OSError as error:
            self.notice = (
                f"The settings file {self.path} cannot be used as it is ({reason}) and cannot "
                f"be moved aside ({describe_os_error(error)}); the values that could be read "
                "are used."
            )
            return
        kept = "the values that could be read are kept" if readable else "defaults are used"
        self.notice = (
            f"The settings file could not be used as it was ({reason}); it was moved to "
            f"{target} (nothing was deleted) and {kept}."
        )
        try:
            self.save(settings)
        except (OSError, ValueError) as error:
            self.notice += f" The settings cannot be saved just now: {error}."

    def save(self, settings: Settings) -> None:
        problems = settings.validate()
        if problems:
            raise ValueError("; ".join(problems))
        lines = [f"{name} = {_toml_value(getattr(settings, name))}" for name in FIELD_NAMES]
        write_atomic(self.path, "\n".join(lines) + "\n", make_folder=True)
