"""The workout formats of other tools behind one door: detect, read and write them."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from retrotimer.core.exchange.icu_text import is_icu_text, read_icu_text, template_to_icu
from retrotimer.core.exchange.workout import template_to_workout
from retrotimer.core.exchange.workout_reading import first_problems
from retrotimer.core.templates.validation import TemplateError, TemplateReading
from retrotimer.exchange.formats import WorkoutFormat
from retrotimer.exchange.output_files import write_file_atomic
from retrotimer.exchange.workouts.fit_workout import encode_workout, read_fit_workout
from retrotimer.exchange.workouts.tcx_workout import read_tcx_workout
from retrotimer.exchange.workouts.zwo_file import marked_encoding, read_zwo
from retrotimer.storage.templates.template_files import decode_template_text, read_template_bytes
from retrotimer.storage.user_files import NotUtf8Text, decode_user_text

if TYPE_CHECKING:
    from retrotimer.core.model import Template
    from retrotimer.core.settings import Settings, StepsAs

_XML_ROOT = re.compile(rb"<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)")
# A line only RetroTimer's TOML has (a description there may hold "- " lines of its own).
_TOML_MARK = re.compile(r"^\s*(format\s*=|\[\[\s*segments\s*\]\])", re.MULTILINE)


def is_fit(data: bytes) -> bool:
    """FIT's header: its size (12 or 14) first, ".FIT" at bytes 8-11."""
    return len(data) >= 12 and data[0] in (12, 14) and data[8:12] == b".FIT"


def xml_root(data: bytes) -> str | None:
    """The root element's name of an XML document (after any declaration), else None. A
    document in UTF-16 or UTF-32 (as some Windows tools save XML) is looked into as the
    text it holds."""
    encoding = marked_encoding(data)
    if encoding is not None:
        data = data.decode(encoding, "ignore").encode("utf-8")
    text = data.lstrip(b"\xef\xbb\xbf \t\r\n")
    if not text.startswith(b"<"):
        return None
    # The first tag that is not a declaration (<?xml), a comment or a DOCTYPE (<!...).
    match = _XML_ROOT.search(text)
    return match.group(2).decode("ascii", "replace") if match else None


def detect_workout_format(data: bytes) -> WorkoutFormat | None:
    """Which foreign format the bytes are in, by their content alone; None for RetroTimer's
    own TOML and text syntax."""
    if is_fit(data):
        return WorkoutFormat.FIT
    root = xml_root(data)
    if root == "TrainingCenterDatabase":
        return WorkoutFormat.TCX
    if root is not None:
        return WorkoutFormat.ZWO
    try:
        text = decode_user_text(data)
    except NotUtf8Text:
        return None
    if _TOML_MARK.search(text):
        return None
    return WorkoutFormat.ICU if is_icu_text(text) else None


def read_workout_data(
    data: bytes, path: Path, forced: WorkoutFormat | None = None
) -> TemplateReading | None:
    """The template in a foreign workout file, or None when it is in one of RetroTimer's own
    formats. Raises TemplateError when the file cannot be read at all."""
    found = forced or detect_workout_format(data)
    source = str(path)
    if found is WorkoutFormat.TCX:
        return read_tcx_workout(data, source, default_name=path.stem)
    if found is WorkoutFormat.FIT:
        return read_fit_workout(data, source, default_name=path.stem)
    if found is WorkoutFormat.ZWO:
        return read_zwo(data, source, default_name=path.stem)
    if found is WorkoutFormat.ICU:
        return read_icu_text(decode_template_text(data, path), default_name=path.stem)
    return None


def read_workout_file(path: Path, forced: WorkoutFormat | None = None) -> TemplateReading | None:
    """`read_workout_data` on a file read with a size cap."""
    return read_workout_data(read_template_bytes(path), path, forced)


def load_workout_file(path: Path, forced: WorkoutFormat | None = None) -> TemplateReading | None:
    """Like `read_workout_file`, but a reading with errors raises TemplateError naming them."""
    reading = read_workout_file(path, forced)
    if reading is not None and not reading.ok:
        raise TemplateError(first_problems(reading.errors), str(path))
    return reading


def workout_bytes(
    template: Template,
    workout_format: WorkoutFormat,
    settings: Settings,
    *,
    steps_as: StepsAs,
    created: datetime,
) -> bytes:
    """The template in a format for other tools."""
    if workout_format is WorkoutFormat.FIT:
        return encode_workout(template_to_workout(template, settings, steps_as), created)
    if workout_format is WorkoutFormat.ICU:
        return template_to_icu(template, settings).encode("utf-8")
    raise ValueError(f"RetroTimer does not write {workout_format.value} files")


def export_workout(
    template: Template,
    path: Path,
    workout_format: WorkoutFormat,
    settings: Settings,
    *,
    steps_as: StepsAs,
    created: datetime,
    overwrite: bool = False,
) -> None:
    """Write the template to `path` whole or not at all (OutputRefused says why not)."""
    data = workout_bytes(template, workout_format, settings, steps_as=steps_as, created=created)
    write_file_atomic(path, data, overwrite=overwrite)
