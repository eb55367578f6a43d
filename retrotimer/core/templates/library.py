"""The template library as the app sees it: entries, where each comes from, and its errors."""

from __future__ import annotations

import enum
import re
from typing import TYPE_CHECKING

from retrotimer.core.templates.text_rules import MAX_NAME, normal_name
from retrotimer.core.value import value

if TYPE_CHECKING:
    from retrotimer.core.model import Template
    from retrotimer.core.templates.validation import Problem


class TemplateOrigin(enum.Enum):
    """Built-in templates are read-only; the user's own can be edited, renamed and deleted."""

    BUILTIN = "built-in"
    USER = "user"


@value
class LibraryEntry:
    """One row of the library. `template` is None for a file that could not be read; then
    `problems` says why, and `location` is the file."""

    name: str
    origin: TemplateOrigin
    template: Template | None
    problems: tuple[Problem, ...] = ()
    location: str | None = None

    @property
    def read_only(self) -> bool:
        return self.origin is TemplateOrigin.BUILTIN

    @property
    def usable(self) -> bool:
        return self.template is not None


@value
class TrashedTemplate:
    """A deleted template kept in the trash; `trash_id` brings it back with restore."""

    name: str
    trash_id: str
    location: str


@value
class ImportedTemplate:
    """Where an import went; `name` differs from `requested_name` when that was taken."""

    name: str
    requested_name: str
    location: str

    @property
    def renamed(self) -> bool:
        return self.name != self.requested_name


class LibraryError(Exception):
    """An operation on the library that cannot be done; the message is for the user."""


class TemplateNotFound(LibraryError, KeyError):
    def __init__(self, name: str) -> None:
        super().__init__(f'There is no template named "{name}".')
        self.name = name

    def __str__(self) -> str:
        # KeyError would show the message in quotes.
        return str(self.args[0])


class NameTaken(LibraryError):
    def __init__(self, name: str, builtin: bool = False) -> None:
        owner = "a built-in template" if builtin else "another template"
        super().__init__(f'The name "{name}" is already used by {owner}; choose another.')
        self.name = name


class ReadOnlyTemplate(LibraryError):
    def __init__(self, name: str) -> None:
        super().__init__(
            f'"{name}" is a built-in template and cannot be changed; duplicate it to make '
            "your own version."
        )
        self.name = name


def name_key(name: str) -> str:
    """The one form names are compared in: without surrounding spaces, ignoring case."""
    return normal_name(name).casefold()


def same_name(first: str, second: str) -> bool:
    """Names are matched without regard to case or surrounding spaces."""
    return name_key(first) == name_key(second)


_NUMBERED = re.compile(r"^(?P<base>.*\S) \((?P<number>[0-9]+)\)$")


def free_name(base: str, taken: set[str]) -> str:
    """`base`, or the first of "base (2)", "base (3)"... not in `taken` (name keys), kept
    within the name limit. The one rule for a name that is free, whether a template is
    imported, duplicated, restored or new. "Jogs (2)" continues as "Jogs (3)"."""
    base = normal_name(base)
    if name_key(base) not in taken:
        return base
    first = 2
    numbered = _NUMBERED.match(base)
    if numbered is not None:
        base, first = numbered["base"], int(numbered["number"]) + 1
    for number in range(first, first + 10_000):
        suffix = f" ({number})"
        candidate = base[: MAX_NAME - len(suffix)].rstrip() + suffix
        if name_key(candidate) not in taken:
            return candidate
    raise NameTaken(base)
