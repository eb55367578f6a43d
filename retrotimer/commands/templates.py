"""`retrotimer templates list|show|validate|import|export`: the template library from a terminal."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from retrotimer.commands import template_exchange
from retrotimer.commands.command_settings import load_settings
from retrotimer.commands.template_source import load_template_argument, read_template_file
from retrotimer.core.session.plan import Plan, compile_plan
from retrotimer.core.templates.library import LibraryError, TemplateOrigin
from retrotimer.core.templates.template_formats import TemplateFormat, write_template
from retrotimer.core.templates.validation import TemplateError
from retrotimer.core.totals import total_clock_text
from retrotimer.exchange.formats import WorkoutFormat
from retrotimer.storage.paths import AppPaths
from retrotimer.storage.templates.template_library import TemplateLibrary, export_template

if TYPE_CHECKING:
    from retrotimer.core.settings import Settings


def register(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", required=True)

    listing = actions.add_parser("list", help="list the built-in templates and your own")
    listing.set_defaults(handler=list_command)

    show = actions.add_parser("show", help="print a template in the text syntax with its totals")
    show.add_argument("name", metavar="TEMPLATE", help="a template name, or a TOML or text file")
    show.set_defaults(handler=show_command)

    validate = actions.add_parser(
        "validate", help="check template files; exit 1 and print every problem if any is invalid"
    )
    validate.add_argument("files", nargs="+", metavar="FILE", help="TOML or text-syntax files")
    validate.set_defaults(handler=validate_command)

    importing = actions.add_parser(
        "import", help="add template files to your templates (a taken name gets a suffix)"
    )
    importing.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help="TOML, text-syntax, FIT, TCX, intervals.icu or .zwo",
    )
    importing.add_argument(
        "--format",
        choices=template_exchange.IMPORT_FORMAT_NAMES,
        help="read the files as this format (otherwise it is recognised by the content)",
    )
    importing.set_defaults(handler=import_command)

    export = actions.add_parser("export", help="write a template as TOML or in the text syntax")
    export.add_argument("name", metavar="TEMPLATE", help="a template name, or a file to convert")
    export.add_argument(
        "--format",
        choices=[f.value for f in TemplateFormat] + template_exchange.EXPORT_FORMAT_NAMES,
        help="toml (the default) or text; with -o FILE.txt, text; fit for a watch, "
        "icu for intervals.icu",
    )
    template_exchange.add_export_options(export)
    export.add_argument("-o", "--output", metavar="FILE", help="write to FILE, not the terminal")
    export.add_argument("--force", action="store_true", help="replace FILE if it exists")
    export.set_defaults(handler=export_command)


def _context() -> tuple[TemplateLibrary, Settings]:
    paths = AppPaths.from_environment()
    return TemplateLibrary.from_paths(paths), load_settings(paths)


def totals_by_direction_text(plan: Plan) -> str:
    """ "11:54 in all; backward 0:54 with 90 steps", and "; forward 10:00" if there is any."""
    backward = f"backward {total_clock_text(plan.backward_s)}"
    if plan.backward_steps:
        backward += f" with {plan.backward_steps} steps"
    forward = f"; forward {total_clock_text(plan.forward_s)}" if plan.forward_s else ""
    return f"{total_clock_text(plan.total_s)} in all; {backward}{forward}"


def list_command(args: argparse.Namespace) -> int:
    library, settings = _context()
    entries = library.entries()
    usable = [(entry, entry.template) for entry in entries if entry.template is not None]
    width = max((len(entry.name) for entry, _ in usable), default=10)
    for origin, title in ((TemplateOrigin.BUILTIN, "Built-in"), (TemplateOrigin.USER, "Your")):
        rows = [(entry, template) for entry, template in usable if entry.origin is origin]
        print(f"{title} templates:")
        if not rows:
            print("  (none yet: `retrotimer templates import FILE` adds one)")
        for entry, template in rows:
            plan = compile_plan(template, settings)
            totals = totals_by_direction_text(plan)
            print(f"  {entry.name:<{width}}  {template.venue.value:<9}  {totals}")
    bad = [entry for entry in entries if entry.template is None]
    if bad:
        print(
            "Files that could not be read were skipped (fix them, then list again):",
            file=sys.stderr,
        )
        for entry in bad:
            for problem in entry.problems:
                print(f"  {problem.render(entry.location)}", file=sys.stderr)
    return 0


def show_command(args: argparse.Namespace) -> int:
    library, settings = _context()
    template = load_template_argument(args.name)
    print(write_template(template, TemplateFormat.TEXT), end="")
    if library.builtin(template.name) is template:
        print("# a built-in template: read-only; duplicate it to make your own version")
    print(f"# {totals_by_direction_text(compile_plan(template, settings))} (at your cadences)")
    return 0


def validate_command(args: argparse.Namespace) -> int:
    invalid = 0
    for name in args.files:
        try:
            reading = read_template_file(Path(name))
        except TemplateError as error:
            problems = error.details
            usable = False
        else:
            problems = reading.problems
            usable = reading.ok
        for problem in problems:
            print(problem.render(name))
        if usable:
            warnings = len(problems)
            print(
                f"{name}: ok"
                + (f" ({warnings} warning{'s' * (warnings != 1)})" if warnings else "")
            )
        else:
            invalid += 1
    if invalid:
        print(f"{invalid} of {len(args.files)} files cannot be used as templates", file=sys.stderr)
    return 1 if invalid else 0


def import_command(args: argparse.Namespace) -> int:
    library, _ = _context()
    failed = 0
    forced = args.format
    for name in args.files:
        try:
            imported = template_exchange.import_foreign(
                library, name, WorkoutFormat(forced) if forced else None
            ) or library.import_file(name)
        except (TemplateError, LibraryError, OSError) as error:
            print(f"retrotimer: {error}", file=sys.stderr)
            print(f"retrotimer: {name} was not imported", file=sys.stderr)
            failed += 1
            continue
        if imported.renamed:
            print(
                f'imported {name} as "{imported.name}": a template named '
                f'"{imported.requested_name}" already exists'
            )
        else:
            print(f'imported {name} as "{imported.name}"')
    return 1 if failed else 0


def _export_format(args: argparse.Namespace) -> TemplateFormat:
    if args.format is not None:
        return TemplateFormat(args.format)
    if args.output is not None and args.output.lower().endswith(".txt"):
        return TemplateFormat.TEXT
    return TemplateFormat.TOML


def export_command(args: argparse.Namespace) -> int:
    if args.format in template_exchange.EXPORT_FORMAT_NAMES:
        return template_exchange.export_foreign(args, _context()[1])
    template_format = _export_format(args)
    template = load_template_argument(args.name)
    if args.output is None:
        print(write_template(template, template_format), end="")
        return 0
    try:
        export_template(template, Path(args.output), template_format, overwrite=args.force)
    except LibraryError as error:
        print(f"retrotimer: {error} Add --force to replace it.", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"retrotimer: {error}", file=sys.stderr)
        return 1
    print(f'exported "{template.name}" to {args.output}')
    return 0
