"""The `retrotimer` command line: the GUI by default, and plan, run and other subcommands."""

from __future__ import annotations

import argparse
import io
import os
import sys
from collections.abc import Callable, Sequence
from importlib import import_module

from retrotimer import __version__
from retrotimer.cli_guards import missing_display, quiet_on_closed_pipe
from retrotimer.cli_numbers import number_argument
from retrotimer.core.value import value


@value
class Subcommand:
    """A subcommand as the top-level help lists it; its module (in `retrotimer.commands`)
    adds the arguments with `register(parser)` and runs it."""

    name: str
    module: str
    help: str
    description: str | None = None


# Only the module of the command given is imported: `--version` and `plan` start without
# Qt, the audio stack or the other commands.
SUBCOMMANDS = (
    Subcommand("plan", "plan_timeline", "print the timeline of a template"),
    Subcommand("run", "run", "run a session"),
    Subcommand(
        "templates",
        "templates",
        "list, show, check, import and export templates",
        "The built-in templates and your own. See docs/templates.md for the formats.",
    ),
    Subcommand("history", "history", "list, export, import and review past sessions"),
    Subcommand(
        "program",
        "program",
        "training programs: list, show, start, stop, resume, import, duplicate, export, calendar",
        "Multi-week training programs. See docs/programs.md.",
    ),
    Subcommand("next", "next_session", "the session your program proposes today"),
    Subcommand(
        "diagnose", "diagnose", "show the audio backend in use and why the others were not chosen"
    ),
)
# What a subcommand's parser sets as `handler`; none is set without a subcommand.
Handler = Callable[[argparse.Namespace], int]
# A day: longer than any smoke test, and far inside what a Qt timer can count.
MAX_QUIT_AFTER_S = 86_400.0


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser with `command`'s arguments (its module imported); every other subcommand
    is listed by name and help alone."""
    parser = argparse.ArgumentParser(
        prog="retrotimer", description="An interval timer for backward (retro) running."
    )
    parser.set_defaults(handler=None)
    parser.add_argument("--version", action="version", version=f"retrotimer {__version__}")
    parser.add_argument(
        "--quit-after",
        type=number_argument(0, MAX_QUIT_AFTER_S, "a number of seconds"),
        metavar="SECONDS",
        # For smoke tests and benchmarks, not for runners: kept out of the help.
        help=argparse.SUPPRESS,
    )
    subparsers = parser.add_subparsers(
        dest="command", metavar="COMMAND", title="commands (without one, the window opens)"
    )
    for subcommand in SUBCOMMANDS:
        chosen = subcommand.name == command
        parser_of = subparsers.add_parser(
            subcommand.name,
            help=subcommand.help,
            description=subcommand.description,
            add_help=chosen,
        )
        if chosen:
            import_module(f"retrotimer.commands.{subcommand.module}").register(parser_of)
    return parser


# What the parser gives for no argument at all: the window, as most starts are. No parser is
# built for it (seven subparsers cost the window's start about 2 ms); a test holds the two
# equal.
NO_ARGUMENTS = {"handler": None, "quit_after": None, "command": None}


def parse_arguments(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """A first pass finds the subcommand; the second parses its arguments (without one, the
    window's, the first parser serves again)."""
    if not (sys.argv[1:] if argv is None else argv):
        return argparse.Namespace(**NO_ARGUMENTS)
    parser = build_parser()
    known, _ = parser.parse_known_args(argv)
    if known.command is not None:
        parser = build_parser(known.command)
    return parser.parse_args(argv)


@quiet_on_closed_pipe
def main(argv: Sequence[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        # A terminal in a C or Latin-1 locale cannot show every name: such a character is
        # written as an escape (\u706b) rather than ending the command with an error.
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")
    args = parse_arguments(argv)
    from retrotimer.core.history.history_ports import HistoryUnavailable
    from retrotimer.core.templates.template_toml import TemplateError
    from retrotimer.storage.paths import AppPaths
    from retrotimer.storage.user_files import describe_os_error

    handler: Handler | None = args.handler
    try:
        if handler is None or (args.command == "run" and not args.headless):
            return _open_window(args)
        for problem in AppPaths.from_environment().blocked_folders():
            print(f"retrotimer: {problem}", file=sys.stderr)
        result = handler(args)
    except TemplateError as error:
        print(f"retrotimer: {error}", file=sys.stderr)
        return 2
    except HistoryUnavailable as error:
        print(f"retrotimer: history: {error}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        raise  # the reader of stdout has gone: `quiet_on_closed_pipe` ends it quietly
    except OSError as error:
        # The last net: a file or folder the command could not use is told in one line.
        where = f" ({error.filename})" if error.filename else ""
        print(f"retrotimer: {describe_os_error(error)}{where}", file=sys.stderr)
        return 1
    return result


def _open_window(args: argparse.Namespace) -> int:
    """The window; `run TEMPLATE` opens it with that template loaded."""
    if args.command == "run" and args.template is None:
        print(
            "retrotimer: run --next needs --headless; the window opens on Today while you "
            "follow a program"
            if args.next
            else "retrotimer: run needs a TEMPLATE: `retrotimer templates list` shows them",
            file=sys.stderr,
        )
        return 2
    problem = missing_display(os.environ)
    if problem is not None:
        print(f"retrotimer: {problem}", file=sys.stderr)
        return 2
    template, speed = None, 1.0
    if args.command == "run":
        from retrotimer.commands.template_source import load_template_argument

        template, speed = load_template_argument(args.template), args.speed
    from retrotimer import collector_at_start

    collector_at_start.hold()  # the window's `release` lets it go at the first paint
    try:
        # Imported here so that subcommands start without loading the widgets; before them,
        # PySide6 is told not to keep their sources in memory.
        from retrotimer.ui.shell.pyside_sources import read_sources_lightly

        read_sources_lightly()
        from retrotimer.app import run_gui

        return run_gui(sys.argv[:1], quit_after_s=args.quit_after, template=template, speed=speed)
    finally:
        collector_at_start.end()


def gui_main() -> int:
    return main([])


if __name__ == "__main__":
    sys.exit(main())
