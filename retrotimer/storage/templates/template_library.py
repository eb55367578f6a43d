"""Built-in templates (read-only) and the user's store as one library for the GUI and CLI."""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import TYPE_CHECKING

from retrotimer.core.templates.builtin_templates import BUILTIN_TEMPLATES
from retrotimer.core.templates.library import (
    ImportedTemplate,
    LibraryEntry,
    LibraryError,
    ReadOnlyTemplate,
    TemplateOrigin,
    TrashedTemplate,
    same_name,
)
from retrotimer.storage.atomic import write_atomic
from retrotimer.storage.templates.template_store import TemplateStore
from retrotimer.storage.user_files import UserFileError

if TYPE_CHECKING:
    from retrotimer.core.model import Template
    from retrotimer.core.ports import TemplateRepository
    from retrotimer.core.templates.template_formats import TemplateFormat
    from retrotimer.storage.paths import AppPaths


def export_template(
    template: Template, path: Path, template_format: TemplateFormat, *, overwrite: bool = False
) -> None:
    """Write `template` to `path` atomically; raises LibraryError if the file exists and
    `overwrite` is not given, so nothing is replaced by accident, and UserFileError (an
    OSError) for a target that is not a file, a missing folder or a refusing disk."""
    # Both formats' writers are loaded with the first export, not before the first paint.
    from retrotimer.core.templates.template_formats import write_template

    try:
        write_atomic(path, write_template(template, template_format), overwrite=overwrite)
    except UserFileError as error:
        if error.errno == errno.EEXIST:
            raise LibraryError(f"{path} already exists; it was left as it is.") from None
        raise


class TemplateLibrary:
    """The TemplateRepository the app uses: built-ins first, then the user's templates."""

    def __init__(self, store: TemplateStore, builtins: tuple[Template, ...] = BUILTIN_TEMPLATES):
        self.store = store
        self.builtins = builtins

    @classmethod
    def from_paths(cls, paths: AppPaths) -> TemplateLibrary:
        store = TemplateStore.from_paths(paths, (template.name for template in BUILTIN_TEMPLATES))
        return cls(store)

    def builtin(self, name: str) -> Template | None:
        return next((t for t in self.builtins if same_name(t.name, name)), None)

    def _writable(self, name: str) -> None:
        if self.builtin(name) is not None:
            raise ReadOnlyTemplate(name)

    def entries(self) -> tuple[LibraryEntry, ...]:
        listing = self.store.listing()
        return (
            *(LibraryEntry(t.name, TemplateOrigin.BUILTIN, t) for t in self.builtins),
            *(
                LibraryEntry(s.name, TemplateOrigin.USER, s.template, s.warnings, str(s.path))
                for s in listing.templates
            ),
            *(
                LibraryEntry(b.path.name, TemplateOrigin.USER, None, b.problems, str(b.path))
                for b in listing.bad_files
            ),
        )

    def get(self, name: str) -> Template:
        return self.builtin(name) or self.store.load(name)

    def save(self, template: Template, *, replacing: str | None = None) -> None:
        if replacing is not None:
            self._writable(replacing)
        self.store.save(template, replacing=replacing)

    def rename(self, old_name: str, new_name: str) -> None:
        self._writable(old_name)
        self.store.rename(old_name, new_name)

    def duplicate(self, name: str, new_name: str | None = None) -> Template:
        return self.store.duplicate(self.get(name), new_name)

    def delete(self, name: str) -> TrashedTemplate:
        self._writable(name)
        return self.store.delete(name)

    def trash(self) -> tuple[TrashedTemplate, ...]:
        return self.store.trash()

    def restore(self, trash_id: str) -> str:
        return self.store.restore(trash_id)

    def import_file(self, path: str | os.PathLike[str]) -> ImportedTemplate:
        return self.store.import_file(Path(path))

    def add_new(self, template: Template, source: str) -> ImportedTemplate:
        return self.store.add_new(template, source)

    def export_file(
        self,
        name: str,
        path: str | os.PathLike[str],
        template_format: TemplateFormat,
        *,
        overwrite: bool = False,
    ) -> None:
        """Write a template to a file atomically; an existing file is replaced only when
        `overwrite` is given."""
        export_template(self.get(name), Path(path), template_format, overwrite=overwrite)


if TYPE_CHECKING:

    def _is_a_repository(library: TemplateLibrary) -> TemplateRepository:
        # app.py hands the library to the UI as its TemplateRepository; mypy checks it fits.
        return library
