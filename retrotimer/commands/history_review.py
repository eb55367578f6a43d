"""`history review ID [--rating ...]`: show a session's review, or change what is given."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from retrotimer.commands.review_options import (
    add_rating_options,
    given_near_stumbles,
    given_rating,
)
from retrotimer.core.history.history_values import (
    OLD_REPORT_WORDS,
    HistoryEntry,
    Review,
    rating_words,
)
from retrotimer.core.value import replace
from retrotimer.storage.history.local_time import local_datetime

if TYPE_CHECKING:
    from retrotimer.storage.history.history_store import HistoryStore

EXIT_REFUSED = 2


def add_review_arguments(parser: Any) -> None:
    parser.add_argument(
        "id", metavar="ID", help="the session's id, or its first characters (as `list` shows)"
    )
    add_rating_options(parser)
    parser.add_argument("--notes", metavar="TEXT", help="notes, in place of those there")
    parser.add_argument(
        "--dizzy",
        action=argparse.BooleanOptionalAction,
        help="felt dizzy or off balance (--no-dizzy: did not)",
    )
    parser.add_argument(
        "--pain", action=argparse.BooleanOptionalAction, help="felt pain (--no-pain: did not)"
    )


def changes_anything(args: argparse.Namespace) -> bool:
    """True when the command line gives something to change (else the review is shown)."""
    given = (args.rating, args.near_stumbles, args.notes, args.dizzy, args.pain)
    return any(value is not None for value in given)


def _warn(message: str) -> None:
    print(f"retrotimer: {message}", file=sys.stderr)


def find_session(entries: list[HistoryEntry], wanted: str) -> HistoryEntry | str:
    """The one session whose id is or starts with `wanted`, or why there is none."""
    key = wanted.strip().lower()
    found = [entry for entry in entries if key and entry.session_id.startswith(key)]
    if len(found) == 1:
        return found[0]
    if found:
        return f"{len(found)} sessions have an id starting with {wanted!r}; give more of it"
    return f"no session {wanted!r} in the history (`retrotimer history list` shows them)"


def rating_text(rating: int) -> str:
    return f'{rating} "{rating_words(rating)}"'


def review_lines(entry: HistoryEntry, review: Review) -> list[str]:
    """The review for the terminal, a line per field."""
    rating = "not rated" if review.rating is None else rating_text(review.rating)
    stumbles = "not given" if review.near_stumbles is None else str(review.near_stumbles)
    felt = [word for said, word in ((review.dizzy, "dizzy"), (review.pain, "pain")) if said]
    if review.dizzy_or_pain:
        felt.append(OLD_REPORT_WORDS)
    return [
        f"{local_datetime(entry.started):%Y-%m-%d %H:%M}  {entry.template_name}  "
        f"{entry.session_id}",
        f"Rating: {rating}",
        f"Near-stumbles: {stumbles}",
        f"Felt: {', '.join(felt) if felt else 'neither dizzy nor pain'}",
        f"Notes: {review.notes}" if review.notes else "Notes: none",
    ]


def review_action(args: argparse.Namespace) -> Callable[[HistoryStore], int] | None:
    """What `history review` does to the store; None (and why, on stderr) for a bad value."""
    try:
        rating = given_rating(args.rating)
        stumbles = given_near_stumbles(args.near_stumbles)
    except ValueError as error:
        _warn(str(error))
        return None

    def action(store: HistoryStore) -> int:
        found = find_session(store.list_sessions(), args.id)
        if isinstance(found, str):
            _warn(found)
            return EXIT_REFUSED
        was = found.review
        review = replace(
            was.with_reports(dizzy=args.dizzy, pain=args.pain),
            rating=was.rating if rating is None else rating,
            near_stumbles=was.near_stumbles if stumbles is None else stumbles,
            notes=was.notes if args.notes is None else args.notes.strip(),
        )
        problems = review.problems()
        if problems:
            _warn("; ".join(problems) + "; nothing was changed")
            return EXIT_REFUSED
        if review != found.review:
            store.set_review(found.session_id, review)
        print("\n".join(review_lines(found, review)))
        return 0

    return action
