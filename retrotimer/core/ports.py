"""Protocols the UI is given its storage and devices through (app.py supplies the real ones)."""

from __future__ import annotations

from typing import Protocol

from retrotimer.core.library import ImportedTemplate, LibraryEntry, TrashedTemplate
from retrotimer.core.model import Template
from retrotimer.core.settings import Settings
from retrotimer.core.template_formats import TemplateFormat


class TemplateRepository(Protocol):
    """Built-in and user templates. Failing operations raise LibraryError (name problems) or
    TemplateError (a template or file with errors), each with a message for the user."""

    def entries(self) -> tuple[LibraryEntry, ...]:
        """Built-ins first, then the user's templates by name, then files that cannot be read."""
        ...

    def get(self, name: str) -> Template: ...

    def save(self, template: Template, *, replacing: str | None = None) -> None:
        """Save a user template. `replacing` names the template it was loaded as (None for a
        new one); any other template of the same name is never overwritten."""
        ...

    def rename(self, old_name: str, new_name: str) -> None: ...

    def duplicate(self, name: str, new_name: str | None = None) -> Template:
        """Copy a built-in or user template into the user's templates, "NAME (copy)" by default."""
        ...

    def delete(self, name: str) -> TrashedTemplate:
        """Move a user template to the trash, from where `restore` brings it back."""
        ...

    def trash(self) -> tuple[TrashedTemplate, ...]: ...

    def restore(self, trash_id: str) -> str:
        """Bring a template back from the trash; returns its name (with a suffix if taken)."""
        ...

    def import_file(self, path: str) -> ImportedTemplate: ...

    def export_file(
        self, name: str, path: str, template_format: TemplateFormat, *, overwrite: bool = False
    ) -> None: ...


class SettingsRepository(Protocol):
    """Where the user's settings live between runs."""

    def load(self) -> Settings: ...

    def save(self, settings: Settings) -> None: ...


class ScreenAwake(Protocol):
    """Keeps the display from sleeping while held; `hold` and `release` may repeat."""

    @property
    def held(self) -> bool: ...

    def hold(self) -> None: ...

    def release(self) -> None: ...
