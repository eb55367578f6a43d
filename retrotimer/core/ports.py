"""Protocols for the parts app.py injects into the UI: settings, templates, screen-awake."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from retrotimer.core.model import Template
from retrotimer.core.settings import Settings


class SettingsRepository(Protocol):
    """Where the user's settings live between runs."""

    def load(self) -> Settings: ...

    def save(self, settings: Settings) -> None: ...


class TemplateCatalog(Protocol):
    """The templates a session can be run from, built-in ones first."""

    def templates(self) -> Sequence[Template]: ...


class ScreenAwake(Protocol):
    """Keeps the display from sleeping while held; `hold` and `release` may repeat."""

    @property
    def held(self) -> bool: ...

    def hold(self) -> None: ...

    def release(self) -> None: ...
