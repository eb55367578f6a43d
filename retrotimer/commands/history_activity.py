"""`retrotimer history export SESSION --format fit|tcx -o FILE` (or `--all FOLDER`)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from retrotimer.core.exchange.exchange_ports import ExchangeRefused
from retrotimer.exchange.formats import ActivityFormat
from retrotimer.storage.user_files import describe_os_error

if TYPE_CHECKING:
    from retrotimer.core.history.history_values import HistoryEntry
    from retrotimer.storage.history.history_store import HistoryStore

# The codecs are imported by the command that uses them (see template_exchange).
ACTIVITY_FORMAT_NAMES = [activity_format.value for activity_format in ActivityFormat]
EXIT_REFUSED = 2


def add_activity_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "session_id",
        nargs="?",
        metavar="SESSION",
        help="fit/tcx: the session to export (the id `history list` shows, or its start)",
    )
    parser.add_argument(
        "--all",
        type=Path,
        metavar="FOLDER",
        help="fit/tcx: export every session, one file each, into FOLDER",
    )
    parser.add_argument("--force", action="store_true", help="replace the files that exist")


def _warn(message: str) -> None:
    print(f"retrotimer: {message}", file=sys.stderr)


def find_entry(entries: list[HistoryEntry], wanted: str) -> HistoryEntry | str:
    """The one session whose id starts with `wanted`, or a message saying why there is none."""
    found = [entry for entry in entries if entry.session_id.startswith(wanted.strip())]
    if len(found) == 1:
        return found[0]
    if not found:
        return f"no session with id {wanted!r}; `retrotimer history list` shows the ids"
    return f"{len(found)} sessions have ids starting {wanted!r}; give more of the id"


def _export_all(store: HistoryStore, folder: Path, fmt: ActivityFormat, force: bool) -> int:
    from retrotimer.exchange.activities.activity_files import export_session, session_file_name

    # The folder asked for is made (it is the point of --all); missing folders above it are
    # not, as with every -o: a typo in a path must not scatter files somewhere new.
    try:
        folder.mkdir(exist_ok=True)
    except OSError as error:
        _warn(f"cannot make the folder {folder}: {describe_os_error(error)}")
        return EXIT_REFUSED
    written = kept = tests = 0
    for session in store.all_sessions():
        if session.entry.is_deleted:
            continue
        if session.entry.test_run:
            # A run at a compressed speed is no training: its 22 s would be an 18-minute run.
            tests += 1
            continue
        target = folder / session_file_name(session.entry, fmt)
        try:
            export_session(session, target, fmt, overwrite=force)
        except ExchangeRefused as error:
            if "already exists" not in str(error):
                _warn(str(error))
                return EXIT_REFUSED
            kept += 1
            continue
        written += 1
    note = f"; {_counted(kept, 'file')} already there kept (--force replaces them)" if kept else ""
    if tests:
        note += f"; {_counted(tests, 'test run')} at a compressed speed left out"
    print(f"Exported {_counted(written, 'session')} to {folder}{note}", file=sys.stderr)
    return 0


def _counted(count: int, thing: str) -> str:
    return f"{count} {thing}{'' if count == 1 else 's'}"


def export_activity(args: argparse.Namespace, store: HistoryStore) -> int:
    """One session to a file, or every session to a folder."""
    from retrotimer.exchange.activities.activity_files import export_session

    fmt = ActivityFormat(args.format)
    if args.all is not None:
        return _export_all(store, args.all, fmt, args.force)
    if args.session_id is None or args.output is None:
        _warn(f"--format {fmt.value} needs SESSION and -o FILE, or --all FOLDER")
        return EXIT_REFUSED
    found = find_entry(store.list_sessions(), args.session_id)
    if isinstance(found, str):
        _warn(found)
        return EXIT_REFUSED
    session = store.get_session(found.session_id)
    if session is None:
        _warn(f"the session {found.session_id} could not be read")
        return EXIT_REFUSED
    try:
        export_session(session, args.output, fmt, overwrite=args.force)
    except ExchangeRefused as error:
        hint = " Add --force to replace it." if "already exists" in str(error) else ""
        _warn(f"{error}.{hint}")
        return EXIT_REFUSED
    print(f"Exported the session of {found.template_name} to {args.output}", file=sys.stderr)
    return 0
