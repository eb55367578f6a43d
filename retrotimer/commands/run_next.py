"""`run --next [--lighter]` and the review options of a headless run: what to run, and what
the runner says about it afterwards."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from retrotimer.commands.program_context import active_program, paused_refusal
from retrotimer.commands.review_options import (
    add_rating_options,
    given_near_stumbles,
    given_rating,
)
from retrotimer.commands.template_source import load_template_argument
from retrotimer.core.history.history_values import Review
from retrotimer.core.programs.program_error import ProgramError
from retrotimer.storage.paths import AppPaths

if TYPE_CHECKING:
    from retrotimer.core.history.program_ref import ProgramRef
    from retrotimer.core.model import Template


def add_next_arguments(parser: Any) -> None:
    parser.add_argument(
        "--next", action="store_true", help="run the session your program proposes today"
    )
    parser.add_argument(
        "--lighter", action="store_true", help="with --next: run the lighter option instead"
    )
    parser.add_argument("--today", metavar="YYYY-MM-DD", help="with --next: propose for this day")
    add_rating_options(parser, when="after a headless run: ")
    parser.add_argument(
        "--dizzy", action="store_true", help="after a headless run: felt dizzy or off balance"
    )
    parser.add_argument("--pain", action="store_true", help="after a headless run: felt pain")
    # The spelling from before dizziness and pain were reported apart: both at once.
    parser.add_argument("--dizzy-or-pain", action="store_true", help=argparse.SUPPRESS)


def review_arguments(args: argparse.Namespace) -> Review | None:
    """The review given on the command line, or None when none was; checked before running."""
    try:
        rating = given_rating(args.rating)
        stumbles = given_near_stumbles(args.near_stumbles)
    except ValueError as error:
        raise ProgramError([str(error)]) from None
    dizzy = args.dizzy or args.dizzy_or_pain
    pain = args.pain or args.dizzy_or_pain
    if rating is None and stumbles is None and not dizzy and not pain:
        return None
    return Review(rating=rating, near_stumbles=stumbles, dizzy=dizzy, pain=pain)


def chosen_session(args: argparse.Namespace) -> tuple[Template, ProgramRef | None]:
    """The template to run: the program's proposal with --next, else the TEMPLATE argument."""
    if args.next == (args.template is not None):
        raise ProgramError(["give a TEMPLATE or --next, not both and not neither"])
    if not args.next:
        if args.lighter or args.today:
            raise ProgramError(["--lighter and --today go with --next"])
        return load_template_argument(args.template), None
    proposal = active_program(AppPaths.from_environment()).view(args.today).proposal
    if proposal.paused:
        raise paused_refusal()
    if args.lighter:
        return proposal.lighter, proposal.lighter_ref
    return proposal.template, proposal.ref
