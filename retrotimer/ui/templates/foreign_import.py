"""Importing a FIT, Zwift or intervals.icu workout in the window: all of it or nothing."""

from __future__ import annotations

from typing import TYPE_CHECKING

from retrotimer.core.exchange.workout_reading import first_problems
from retrotimer.core.templates.validation import TemplateError
from retrotimer.core.value import value

if TYPE_CHECKING:
    from retrotimer.core.exchange.exchange_ports import OtherToolFiles
    from retrotimer.core.ports import TemplateRepository
    from retrotimer.core.templates.library import ImportedTemplate


@value
class ForeignImport:
    """What was imported, and the reader's warnings (targets dropped) as sentences."""

    imported: ImportedTemplate
    warnings: str


def import_foreign(
    exchange: OtherToolFiles | None, library: TemplateRepository, path: str
) -> ForeignImport | None:
    """Save the workout in `path` as a new template (a taken name gets a suffix); None when
    the file is TOML or the text syntax. Raises TemplateError, saving nothing, when any part
    of the file cannot be used."""
    reading = exchange.read_workout(path) if exchange is not None else None
    if reading is None:
        return None
    if reading.template is None or reading.errors:
        raise TemplateError(first_problems(reading.errors), path)
    imported = library.add_new(reading.template, path)
    warnings = " ".join(problem.sentence() for problem in reading.warnings)
    return ForeignImport(imported, warnings)
