"""The `templates import|export` side for other tools: FIT watch workouts, intervals.icu, Zwift."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from retrotimer.commands.template_source import load_template_argument
from retrotimer.core.exchange.exchange_ports import ExchangeRefused
from retrotimer.core.settings import Settings, StepsAs
from retrotimer.core.templates.validation import TemplateError
from retrotimer.exchange.formats import EXPORT_FORMATS, WorkoutFormat

if TYPE_CHECKING:
    from retrotimer.core.templates.library import ImportedTemplate
    from retrotimer.storage.templates.template_library import TemplateLibrary

# The codecs (and Garmin's SDK behind them) are imported by the commands that use them, so
# that every other command, and the window, starts without them.
EXPORT_FORMAT_NAMES = [workout_format.value for workout_format in EXPORT_FORMATS]
IMPORT_FORMAT_NAMES = [workout_format.value for workout_format in WorkoutFormat]


def add_export_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--steps-as",
        choices=[choice.value for choice in StepsAs],
        help="FIT: a steps-counted segment as a time at your cadence, or as an open step you "
        "end with the lap button (default: the setting, time unless changed)",
    )


def _warn(message: str) -> None:
    print(f"retrotimer: {message}", file=sys.stderr)


def export_foreign(args: argparse.Namespace, settings: Settings) -> int:
    """`templates export NAME --format fit|icu [-o FILE]`."""
    from retrotimer.exchange.output_files import write_file_atomic
    from retrotimer.exchange.workouts.workout_files import workout_bytes

    workout_format = WorkoutFormat(args.format)
    if workout_format is WorkoutFormat.FIT and args.output is None:
        _warn("a FIT file is binary: give the file to write with -o FILE.fit")
        return 2
    template = load_template_argument(args.name)
    steps_as = StepsAs(args.steps_as) if args.steps_as else settings.watch_steps_as
    data = workout_bytes(
        template, workout_format, settings, steps_as=steps_as, created=datetime.now(UTC)
    )
    if args.output is None:
        sys.stdout.write(data.decode("utf-8"))
        return 0
    try:
        write_file_atomic(Path(args.output), data, overwrite=args.force)
    except ExchangeRefused as error:
        hint = " Add --force to replace it." if "already exists" in str(error) else ""
        _warn(f"{error}.{hint}")
        return 1
    print(f'exported "{template.name}" to {args.output}')
    return 0


def import_foreign(
    library: TemplateLibrary, name: str, forced: WorkoutFormat | None
) -> ImportedTemplate | None:
    """Import a FIT, intervals.icu or Zwift file; None when the file is TOML or the text
    syntax. Nothing is saved unless the whole file could be read."""
    from retrotimer.exchange.workouts.workout_files import load_workout_file

    reading = load_workout_file(Path(name), forced)
    if reading is None:
        return None
    template = reading.template
    if template is None:  # load_workout_file raises when there are errors
        raise TemplateError(["the file holds no template"], name)
    for warning in reading.warnings:
        _warn(warning.render(name))
    return library.add_new(template, name)
