"""The `retrotimer` command line: the GUI by default, and plan, run and other subcommands."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from retrotimer import __version__
from retrotimer.commands import diagnose, history, next_session, plan, program, run, templates
from retrotimer.core.templates.template_toml import TemplateError

SUBCOMMANDS = (plan, run, templates, history, program, next_session, diagnose)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="retrotimer", description="An interval timer for backward (retro) running."
    )
    parser.add_argument("--version", action="version", version=f"retrotimer {__version__}")
    parser.add_argument(
        "--quit-after",
        type=float,
        metavar="SECONDS",
        help="close the window after this many seconds (smoke tests)",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in SUBCOMMANDS:
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler = getattr(args, "handler", None)
    if handler is None:
        # Imported here so that subcommands start without loading the widgets.
        from retrotimer.app import run_gui

        return run_gui(sys.argv[:1], quit_after_s=args.quit_after)
    try:
        result: int = handler(args)
    except TemplateError as error:
        print(f"retrotimer: {error}", file=sys.stderr)
        return 2
    return result


def gui_main() -> int:
    return main([])


if __name__ == "__main__":
    sys.exit(main())
