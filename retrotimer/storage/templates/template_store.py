"""The user's templates on disk: one TOML file each, atomic saves, a trash, import and export."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from retrotimer.core.file_names import ascii_slug
from retrotimer.core.templates.library import (
    ImportedTemplate,
    NameTaken,
    TemplateNotFound,
    TrashedTemplate,
    free_name,
    name_key,
    same_name,
)
from retrotimer.core.templates.template_toml import read_template_toml, template_to_toml
from retrotimer.core.templates.validation import (
    Problem,
    Severity,
    TemplateError,
    TemplateReading,
    validate_template,
)
from retrotimer.core.value import replace, value
from retrotimer.storage.atomic import write_atomic
from retrotimer.storage.file_lock import FolderLock
from retrotimer.storage.templates.template_files import read_template_file_text
from retrotimer.storage.user_files import UserFileError, describe_os_error, folder_problem

if TYPE_CHECKING:
    from retrotimer.core.model import Template
    from retrotimer.storage.paths import AppPaths

SUFFIX = ".toml"
# File names stay far below the file systems' 255 bytes, with room for "-2" and temp names.
MAX_STEM_BYTES = 100


@value
class StoredTemplate:
    """A user template read from its file, with any warnings the file gave."""

    name: str
    path: Path
    template: Template
    warnings: tuple[Problem, ...] = ()


@value
class BadTemplateFile:
    """A file in the templates folder that was skipped, and why; it is never written to."""

    path: Path
    problems: tuple[Problem, ...]

    def messages(self) -> list[str]:
        return [problem.render(str(self.path)) for problem in self.problems]


@value
class StoreListing:
    templates: tuple[StoredTemplate, ...]
    bad_files: tuple[BadTemplateFile, ...]


def file_stem(name: str) -> str:
    """A safe, stable ASCII file name for a template name: "Short jogs #2" -> "short-jogs-2"
    (see `ascii_slug`); the name inside the file is unchanged."""
    return ascii_slug(name_key(name), "template", MAX_STEM_BYTES)


def _read_stored(path: Path) -> TemplateReading:
    try:
        return read_template_toml(read_template_file_text(path))
    except TemplateError as error:
        return TemplateReading(None, error.details)


class TemplateStore:
    """One TOML file per template in `directory`; deleted files go to `trash`.

    Files that cannot be read are listed as bad, skipped, and never written to: new files
    always get a name no file has. `reserved_names` (the built-ins') cannot be taken.
    """

    def __init__(self, directory: Path, trash: Path, reserved_names: Iterable[str] = ()) -> None:
        self.directory = directory
        self.trash_directory = trash
        self._reserved = {name_key(name) for name in reserved_names}
        # Choosing a free name and writing the file is one step for all processes.
        self._lock = FolderLock(directory)

    @classmethod
    def from_paths(cls, paths: AppPaths, reserved_names: Iterable[str] = ()) -> TemplateStore:
        return cls(paths.templates, paths.trash, reserved_names)

    # ---- reading -----------------------------------------------------------------------
    def _files(self, directory: Path) -> list[Path]:
        try:
            candidates = sorted(directory.iterdir())
        except FileNotFoundError:
            return []
        # Dot files are the temp files of saves in progress (or cut short); never templates.
        return [
            path
            for path in candidates
            if path.suffix == SUFFIX and not path.name.startswith(".") and path.is_file()
        ]

    def listing(self) -> StoreListing:
        """Every template file read: the good ones by name, and the ones skipped with why (a
        templates folder that cannot be read is one of them)."""
        templates: dict[str, StoredTemplate] = {}
        bad: list[BadTemplateFile] = []
        try:
            files = self._files(self.directory)
        except OSError as error:
            reason = folder_problem(self.directory) or describe_os_error(error)
            problem = Problem(Severity.ERROR, f"your templates cannot be read: {reason}")
            return StoreListing((), (BadTemplateFile(self.directory, (problem,)),))
        for path in files:
            reading = _read_stored(path)
            template = reading.template
            if template is None or reading.errors:
                bad.append(BadTemplateFile(path, reading.errors or reading.problems))
                continue
            key = name_key(template.name)
            if key in self._reserved:
                message = (
                    f'the name "{template.name}" belongs to a built-in template, so this file '
                    "is skipped; change its name to use it"
                )
            elif key in templates:
                message = (
                    f"{templates[key].path.name} already holds a template named "
                    f'"{template.name}", so this file is skipped; change its name to use it'
                )
            else:
                templates[key] = StoredTemplate(template.name, path, template, reading.warnings)
                continue
            bad.append(BadTemplateFile(path, (Problem(Severity.ERROR, message, field="name"),)))
        ordered = sorted(templates.values(), key=lambda stored: name_key(stored.name))
        return StoreListing(tuple(ordered), tuple(bad))

    def find(self, name: str, listing: StoreListing | None = None) -> StoredTemplate | None:
        """The template of that name (ignoring case), from `listing` or a fresh one."""
        for stored in (listing or self.listing()).templates:
            if same_name(stored.name, name):
                return stored
        return None

    def load(self, name: str) -> Template:
        stored = self.find(name)
        if stored is None:
            raise TemplateNotFound(name)
        return stored.template

    def _taken(self) -> set[str]:
        return self._reserved | {name_key(stored.name) for stored in self.listing().templates}

    def _new_path(self, directory: Path, name: str) -> Path:
        """A path in `directory` that no file has, so nothing there is ever overwritten."""
        stem = file_stem(name)
        path = directory / f"{stem}{SUFFIX}"
        number = 2
        # A link counts as taken even when what it points to is gone.
        while os.path.lexists(path):
            path = directory / f"{stem}-{number}{SUFFIX}"
            number += 1
        return path

    # ---- writing -----------------------------------------------------------------------
    def save(self, template: Template, *, replacing: str | None = None) -> Path:
        """Save atomically. `replacing` is the name the template was loaded as: that file is
        replaced; a different template of the same name is never overwritten (NameTaken),
        not even one another process saves at the same moment."""
        template = replace(template, name=template.name.strip())
        errors = [problem for problem in validate_template(template) if problem.is_error]
        if errors:
            raise TemplateError(errors)
        if name_key(template.name) in self._reserved:
            raise NameTaken(template.name, builtin=True)
        with self._writing():
            return self._save_locked(template, replacing)

    def _writing(self) -> FolderLock:
        """The folder lock; a folder that cannot be written is told as such."""
        if not self.directory.is_dir():
            try:
                self.directory.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                reason = folder_problem(self.directory) or describe_os_error(error)
                raise UserFileError(
                    f"cannot save templates in {self.directory}: {reason}",
                    error.errno,
                ) from None
        return self._lock

    def _save_locked(self, template: Template, replacing: str | None) -> Path:
        listing = self.listing()
        old = self.find(replacing, listing) if replacing is not None else None
        if replacing is not None and old is None:
            raise TemplateNotFound(replacing)
        holder = self.find(template.name, listing)
        if holder is not None and (old is None or holder.path != old.path):
            raise NameTaken(template.name)
        text = template_to_toml(template)
        if old is not None and same_name(old.name, template.name):
            write_atomic(old.path, text)
            return old.path
        path = self._new_path(self.directory, template.name)
        write_atomic(path, text, overwrite=False)
        if old is not None:
            # The new file is in place before the old one goes, so a crash keeps one of them.
            old.path.unlink()
        return path

    def rename(self, old_name: str, new_name: str) -> Path:
        template = self.load(old_name)
        return self.save(replace(template, name=new_name.strip()), replacing=old_name)

    def duplicate(self, template: Template, new_name: str | None = None) -> Template:
        """Save a copy of `template` as a new user template under the first free name
        ("NAME (2)", as an import gets) unless named."""
        with self._writing():
            name = new_name.strip() if new_name else free_name(template.name, self._taken())
            copy = replace(template, name=name)
            self.save(copy)
        return copy

    def delete(self, name: str) -> TrashedTemplate:
        """Move the template's file to the trash; nothing is lost until the trash is emptied."""
        stored = self.find(name)
        if stored is None:
            raise TemplateNotFound(name)
        with self._writing():
            self.trash_directory.mkdir(parents=True, exist_ok=True)
            target = self._new_path(self.trash_directory, stored.name)
            os.replace(stored.path, target)
        return TrashedTemplate(stored.name, target.name, str(target))

    def trash(self) -> tuple[TrashedTemplate, ...]:
        found = []
        try:
            files = self._files(self.trash_directory)
        except OSError:
            # Nothing can have been put there: a deletion would have failed.
            return ()
        for path in files:
            template = _read_stored(path).template
            found.append(
                TrashedTemplate(template.name if template else path.stem, path.name, str(path))
            )
        return tuple(found)

    def restore(self, trash_id: str) -> str:
        """Bring a trashed template back; it gets a suffix if its name was taken meanwhile."""
        path = self.trash_directory / Path(trash_id).name
        if not path.is_file():
            raise TemplateNotFound(trash_id)
        reading = _read_stored(path)
        if reading.template is None or reading.errors:
            raise TemplateError(list(reading.errors), str(path))
        template = reading.template
        with self._writing():
            name = free_name(template.name, self._taken())
            if name == template.name:
                # Moved back as it is, byte for byte, to a file name no file has.
                os.replace(path, self._new_path(self.directory, name))
            else:
                self.save(replace(template, name=name))
                path.unlink()
        return name

    def import_file(self, source: Path) -> ImportedTemplate:
        """Add a template from a TOML or text-syntax file; a taken name gets a suffix, so
        nothing is overwritten. Raises TemplateError naming the file and every error."""
        # Either format's reader is loaded with the first import, not before the first paint.
        from retrotimer.core.templates.template_formats import read_template

        text = read_template_file_text(source)
        reading = read_template(text, source.name, default_name=source.stem)
        if reading.template is None or reading.errors:
            raise TemplateError(list(reading.errors), str(source))
        return self.add_new(reading.template, str(source))

    def add_new(self, template: Template, source: str) -> ImportedTemplate:
        """Save `template` read from `source` as a new template under the first free name.
        The name is chosen under the folder lock, so processes importing the same file at
        once each get their own name ("Tuesday", "Tuesday (2)"), never a refusal."""
        requested = template.name.strip()
        with self._writing():
            name = free_name(requested, self._taken())
            path = self.save(replace(template, name=name))
        return ImportedTemplate(name, requested, str(path))
