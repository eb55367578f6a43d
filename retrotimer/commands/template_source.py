"""Turn a TEMPLATE argument of the command line (a name or a file) into a template."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from retrotimer.core.templates.library import TemplateNotFound
from retrotimer.core.templates.template_formats import read_template
from retrotimer.core.templates.validation import TemplateError, TemplateReading
from retrotimer.storage.paths import AppPaths
from retrotimer.storage.templates.template_files import read_template_file_text
from retrotimer.storage.templates.template_library import TemplateLibrary

if TYPE_CHECKING:
    from retrotimer.core.model import Template

TEMPLATE_HELP = (
    "a template name (see `retrotimer templates list`), or a TOML, text, FIT, Zwift or "
    "intervals.icu file"
)


def read_template_file(path: Path) -> TemplateReading:
    """Read a file in either format, or a workout of another tool (FIT, Zwift, intervals.icu);
    raises TemplateError if it cannot be read at all."""
    from retrotimer.exchange.workouts.workout_files import (
        read_workout_file,
    )  # only when a file is read

    foreign = read_workout_file(path)
    if foreign is not None:
        return foreign
    text = read_template_file_text(path)
    return read_template(text, path.name, default_name=path.stem)


def load_template_file(path: Path, source: str) -> Template:
    """A usable template from a file; warnings go to stderr, errors raise TemplateError."""
    reading = read_template_file(path)
    if reading.template is None or reading.errors:
        raise TemplateError(list(reading.errors), source)
    for warning in reading.warnings:
        print(f"retrotimer: {warning.render(source)}", file=sys.stderr)
    return reading.template


def load_template_argument(argument: str) -> Template:
    """A file path if such a file exists, otherwise a template name from the library;
    raises TemplateError with a message for the user. Something there that is not a file
    (a folder, a FIFO, a device) is told as what it is, and never read from."""
    path = Path(argument)
    if path.is_file():
        return load_template_file(path, argument)
    library = TemplateLibrary.from_paths(AppPaths.from_environment())
    try:
        return library.get(argument)
    except TemplateNotFound:
        if os.path.lexists(path):
            # Raises TemplateError saying what it is; a FIFO is never waited on.
            return load_template_file(path, argument)
        raise TemplateError(
            [
                f"no template file or template named {argument!r}; "
                "`retrotimer templates list` shows the names"
            ]
        ) from None
