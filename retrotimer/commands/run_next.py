"""`run --next [--lighter]` and the review options of a headless run: what to run, and what
the runner says about it afterwards."""

from __future__ import annotations

import argparse
from typing import Any

from retrotimer.commands.program_context import active_program, today_argument
from retrotimer.commands.template_source import load_template_argument
from retrotimer.core.history.history_values import (
    MAX_NEAR_STUMBLES,
    RATING_RANGE,
    Review,
)
from retrotimer.core.history.program_ref import ProgramRef
from retrotimer.core.model import Template
from retrotimer.core.number_text import whole_number
from retrotimer.core.programs.program_toml import ProgramError
from retrotimer.storage.paths import AppPaths


def add_next_arguments(parser: Any) -> None:
    parser.add_argument(
        "--next", action="store_true", help="run the session your program proposes today"
    )
    parser.add_argument(
        "--lighter", action="store_true", help="with --next: run the lighter option instead"
    )
    parser.add_argument("--today", metavar="YYYY-MM-DD", help="with --next: propose for this day")
    parser.add_argument("--rating", metavar="1-5", help="after a headless run: how it felt")
    parser.add_argument("--near-stumbles", metavar="N", help="after a headless run: how many")
    parser.add_argument(
        "--dizzy-or-pain", action="store_true", help="after a headless run: felt dizzy or in pain"
    )


def _whole(text: str | None, option: str, low: int, high: int) -> int | None:
    if text is None:
        return None
    number = whole_number(text)
    if number is None or not low <= number <= high:
        raise ProgramError([f"{option} must be a whole number from {low} to {high}, not {text!r}"])
    return number


def review_arguments(args: argparse.Namespace) -> Review | None:
    """The review given on the command line, or None when none was; checked before running."""
    rating = _whole(args.rating, "--rating", *RATING_RANGE)
    stumbles = _whole(args.near_stumbles, "--near-stumbles", 0, MAX_NEAR_STUMBLES)
    if rating is None and stumbles is None and not args.dizzy_or_pain:
        return None
    return Review(rating, stumbles, "", args.dizzy_or_pain)


def chosen_session(args: argparse.Namespace) -> tuple[Template, ProgramRef | None]:
    """The template to run: the program's proposal with --next, else the TEMPLATE argument."""
    if args.next == (args.template is not None):
        raise ProgramError(["give a TEMPLATE or --next, not both and not neither"])
    if not args.next:
        if args.lighter or args.today:
            raise ProgramError(["--lighter and --today go with --next"])
        return load_template_argument(args.template), None
    proposal = active_program(AppPaths.from_environment()).propose(today_argument(args.today))
    if args.lighter:
        return proposal.lighter, proposal.lighter_ref
    return proposal.template, proposal.ref
