"""Settings as a small TOML file in the config dir; unknown or bad values fall back to defaults."""

from __future__ import annotations

import dataclasses
import enum
import tomllib
from typing import Any

from retrotimer.core.settings import Settings
from retrotimer.storage.atomic import write_atomic
from retrotimer.storage.paths import AppPaths


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


class SettingsStore:
    """Loads and saves Settings; `problems` says what was ignored on the last load."""

    def __init__(self, paths: AppPaths) -> None:
        self.path = paths.settings_file
        self.problems: list[str] = []

    def load(self) -> Settings:
        self.problems = []
        if not self.path.exists():
            return Settings()
        try:
            data = tomllib.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
            self.problems.append(f"{self.path}: cannot read settings ({error}); using defaults")
            return Settings()
        defaults = Settings()
        values: dict[str, Any] = {}
        fields = {field.name for field in dataclasses.fields(Settings)}
        for key, value in data.items():
            if key not in fields:
                self.problems.append(f"{self.path}: unknown setting {key!r} ignored")
                continue
            try:
                values[key] = _coerce(getattr(defaults, key), value)
            except (TypeError, ValueError) as error:
                self.problems.append(f"{self.path}: {key} = {value!r} ignored ({error})")
        settings = dataclasses.replace(defaults, **values)
        invalid = settings.validate()
        if invalid:
            self.problems += [f"{self.path}: {message}; using defaults" for message in invalid]
            return defaults
        return settings

    def save(self, settings: Settings) -> None:
        problems = settings.validate()
        if problems:
            raise ValueError("; ".join(problems))
        lines = [
            f"{field.name} = {_toml_value(getattr(settings, field.name))}"
            for field in dataclasses.fields(Settings)
        ]
        write_atomic(self.path, "\n".join(lines) + "\n", make_folder=True)
