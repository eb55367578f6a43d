"""Settings as a small TOML file in the config dir; what cannot be used is kept aside and told."""

from __future__ import annotations

import dataclasses
import enum
import os
import time
import tomllib
from collections.abc import Callable
from typing import Any

from retrotimer.core.settings import Settings
from retrotimer.storage.atomic import write_atomic
from retrotimer.storage.history_database import corrupt_name
from retrotimer.storage.paths import AppPaths
from retrotimer.storage.user_files import UserFileError, describe_os_error, read_user_file

# A settings file is a few hundred bytes; a bigger one is not ours and is not read whole.
MAX_SETTINGS_BYTES = 64 * 1024
_FIELDS = {field.name: field for field in dataclasses.fields(Settings)}


def _coerce(default: Any, value: Any) -> Any:
    """`value` as the type of `default`, or raise ValueError/TypeError."""
    if isinstance(default, enum.Enum):
        return type(default)(value)
    if isinstance(default, bool):
        if not isinstance(value, bool):
            raise TypeError("expected true or false")
        return value
    if isinstance(default, int):
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError("expected a whole number")
        return value
    if isinstance(default, float):
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise TypeError("expected a number")
        return float(value)
    if not isinstance(value, str):
        raise TypeError("expected text")
    return value


def _toml_value(value: Any) -> str:
    if isinstance(value, enum.Enum):
        value = value.value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    escaped = str(value).replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'


def _parse(text: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except RecursionError:
        raise tomllib.TOMLDecodeError("values nested far too deeply") from None


def read_lenient(data: bytes) -> tuple[dict[str, tuple[int, Any]], list[str]]:
    """Every `key = value` that can be read, with its line; and a problem per line that
    cannot be (a bad byte, broken TOML). The whole file is read as TOML when it can be."""
    problems: list[str] = []
    try:
        whole = _parse(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        whole_error = str(error)
    else:
        return {key: (0, value) for key, value in whole.items()}, problems
    values: dict[str, tuple[int, Any]] = {}
    for number, raw in enumerate(data.split(b"\n"), start=1):
        try:
            line = raw.decode("utf-8-sig").strip()
        except UnicodeDecodeError:
            problems.append(f"line {number} is not UTF-8 text; ignored")
            continue
        if not line or line.startswith("#"):
            continue
        try:
            parsed = _parse(line)
        except tomllib.TOMLDecodeError as error:
            problems.append(f"line {number} cannot be read ({error}); ignored")
            continue
        values.update({key: (number, value) for key, value in parsed.items()})
    if not problems:
        # Every line reads alone but not the whole (a key twice, a table split over lines).
        problems.append(f"the file is not valid TOML as a whole ({whole_error})")
    return values, problems


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
        values, problems = read_lenient(data)
        settings, value_problems = self._settings_from(values)
        self.problems = [f"{self.path}: {problem}" for problem in problems + value_problems]
        serious = problems + [p for p in value_problems if "unknown setting" not in p]
        if serious:
            self._keep_aside(settings, why=serious)
        elif self.problems:
            self.notice = "Some settings were ignored: " + "; ".join(value_problems) + "."
        return settings

    def _settings_from(self, values: dict[str, tuple[int, Any]]) -> tuple[Settings, list[str]]:
        defaults = Settings()
        accepted: dict[str, Any] = {}
        problems: list[str] = []
        for key, (line, value) in values.items():
            where = f"line {line}: " if line else ""
            if key not in _FIELDS:
                problems.append(f"{where}unknown setting {key!r} ignored")
                continue
            try:
                coerced = _coerce(getattr(defaults, key), value)
            except (TypeError, ValueError) as error:
                problems.append(f"{where}{key} = {value!r} ignored: {error}")
                continue
            # The ranges are the core's: a value is judged with every other one at its default.
            invalid = dataclasses.replace(defaults, **{key: coerced}).validate()
            if invalid:
                problems.append(f"{where}{key} = {value!r} ignored: {'; '.join(invalid)}")
                continue
            accepted[key] = coerced
        settings = dataclasses.replace(defaults, **accepted)
        # Values fine alone may clash together; the last read give way to the first.
        while settings.validate() and accepted:
            key = next(reversed(accepted))
            problems.append(f"{key} = {accepted.pop(key)!r} ignored: {settings.validate()[0]}")
            settings = dataclasses.replace(defaults, **accepted)
        return settings, problems

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
        lines = [
            f"{field.name} = {_toml_value(getattr(settings, field.name))}"
            for field in dataclasses.fields(Settings)
        ]
        write_atomic(self.path, "\n".join(lines) + "\n", make_folder=True)
