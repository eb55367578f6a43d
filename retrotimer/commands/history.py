"""`retrotimer history list|export|import|review|stats`: look back on, review, back up and
restore past sessions."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from retrotimer.commands import history_activity, history_review
from retrotimer.commands.program_context import import_programs_note
from retrotimer.core.history.history_ports import HistoryUnavailable
from retrotimer.core.history.history_values import HistoryEntry, rating_words
from retrotimer.core.history.statistics import (
    WEEKLY_TARGET_SESSIONS,
    HistoryStatistics,
    WeekStats,
    compute_statistics,
)
from retrotimer.core.totals import total_clock_text
from retrotimer.exchange.history.history_codec import (
    HistoryImportError,
    entry_to_json,
    iso,
    sessions_to_csv,
    sessions_to_json,
)
from retrotimer.exchange.history.history_files import (
    JsonCsvHistoryFiles,
    read_import_file,
    with_refusals,
)
from retrotimer.runtime.wall_clock import system_wall_clock
from retrotimer.storage.history.history_opening import open_for_writing
from retrotimer.storage.history.history_store import HistoryStore
from retrotimer.storage.history.local_time import local_datetime
from retrotimer.storage.instance_lock import AlreadyRunning
from retrotimer.storage.paths import AppPaths

EXIT_UNAVAILABLE = 1
EXIT_REFUSED = 2


def register(parser: argparse.ArgumentParser) -> None:
    commands = parser.add_subparsers(dest="history_command", metavar="ACTION", required=True)

    listing = commands.add_parser("list", help="list past sessions, newest first")
    listing.add_argument("--json", action="store_true", help="print JSON instead of a table")
    listing.set_defaults(handler=list_command)

    export = commands.add_parser(
        "export", help="write the history as CSV or JSON, or sessions as FIT or TCX activities"
    )
    export.add_argument(
        "--format",
        choices=("csv", "json", *history_activity.ACTIVITY_FORMAT_NAMES),
        required=True,
        help="csv or json: the whole history; fit or tcx: one session (or --all) as an activity",
    )
    export.add_argument(
        "-o", "--output", type=Path, metavar="FILE", help="file to write (default: print it)"
    )
    history_activity.add_activity_options(export)
    export.set_defaults(handler=export_command)

    restore = commands.add_parser("import", help="restore sessions from a JSON export")
    restore.add_argument(
        "file", type=Path, metavar="FILE", help="a file written by `history export --format json`"
    )
    restore.set_defaults(handler=import_command)

    review = commands.add_parser(
        "review", help="show the review of a session, or change what is given of it"
    )
    history_review.add_review_arguments(review)
    review.set_defaults(handler=review_command)

    stats = commands.add_parser("stats", help="weekly numbers, streak, totals and trend")
    stats.add_argument("--json", action="store_true", help="print JSON instead of text")
    stats.set_defaults(handler=stats_command)


def _warn(message: str) -> None:
    print(f"retrotimer: {message}", file=sys.stderr)


@contextmanager
def _reader(paths: AppPaths, *, read_only: bool) -> Iterator[HistoryStore]:
    store = HistoryStore(paths.history_db, repair=False, read_only=read_only)
    try:
        yield store
    finally:
        store.close()


@contextmanager
def _history(*, write: bool) -> Iterator[HistoryStore]:
    """The store for one command. Without the lock (another instance runs) reading still works,
    but nothing is repaired or recovered: the running instance owns the file. Where the lock
    or the database cannot be written (read-only media), reading opens the file read-only."""
    paths = AppPaths.from_environment()
    try:
        writable = open_for_writing(paths)
    except AlreadyRunning:
        if write:
            raise
        with _reader(paths, read_only=False) as store:
            yield store
        return
    except HistoryUnavailable as error:
        if write:
            raise
        with _read_only_instead(paths, str(error)) as store:
            yield store
        return
    try:
        for notice in writable.notices:
            _warn(notice)
        problem = writable.problem
    except BaseException:
        writable.close()
        raise
    if problem is None:
        try:
            yield writable.store
        finally:
            writable.close()
        return
    writable.close()
    if write:
        raise HistoryUnavailable(problem)
    with _read_only_instead(paths, problem) as store:
        yield store


@contextmanager
def _read_only_instead(paths: AppPaths, problem: str) -> Iterator[HistoryStore]:
    """The history opened read-only because it cannot be opened to write (`problem`); when
    it cannot be read either, the problem alone is told (one line, not two)."""
    with _reader(paths, read_only=True) as store:
        try:
            store.database.connection()
        except HistoryUnavailable:
            raise HistoryUnavailable(problem) from None
        _warn(f"history: read without changing anything: {problem}")
        yield store


def _run(action: Callable[[HistoryStore], int], *, write: bool = False) -> int:
    try:
        with _history(write=write) as store:
            code = action(store)
            for notice in store.take_notices():
                _warn(f"history: {notice}")
            return code
    except AlreadyRunning as error:
        _warn(f"{error}; close it first")
        return EXIT_REFUSED
    except HistoryUnavailable as error:
        _warn(f"history: {error}")
        return EXIT_UNAVAILABLE


# ---- list ------------------------------------------------------------------------------
def entry_json(entry: HistoryEntry) -> dict[str, Any]:
    return {**entry_to_json(entry), "longest_backward_s": entry.longest_backward_s}


def entries_table(entries: list[HistoryEntry]) -> str:
    if not entries:
        return "No sessions yet."
    lines = [
        f"{'started':<16}  {'template':<24} {'active':>7} {'backward':>8}  {'status':<11} "
        f"{'rating':<10} id"
    ]
    for entry in entries:
        rating = "-" if entry.rating is None else rating_words(entry.rating)
        status = (
            "test run"
            if entry.test_run
            else "skipped"
            if entry.mostly_skipped
            else entry.status.value
        )
        lines.append(
            f"{local_datetime(entry.started):%Y-%m-%d %H:%M}  {entry.template_name[:24]:<24} "
            f"{total_clock_text(entry.totals.active_s):>7} "
            f"{total_clock_text(entry.totals.backward_s):>8}  {status:<11} "
            f"{rating:<10} {entry.session_id[:8]}"
        )
    return "\n".join(lines)


def list_command(args: argparse.Namespace) -> int:
    def action(store: HistoryStore) -> int:
        entries = store.list_sessions()
        if args.json:
            print(json.dumps([entry_json(entry) for entry in entries], indent=2))
        else:
            print(entries_table(entries))
        return 0

    return _run(action)


# ---- export and import -----------------------------------------------------------------
def export_command(args: argparse.Namespace) -> int:
    if args.format in history_activity.ACTIVITY_FORMAT_NAMES:
        return _run(lambda store: history_activity.export_activity(args, store))

    def action(store: HistoryStore) -> int:
        if args.output is not None:
            try:
                count = JsonCsvHistoryFiles(store).export_to(
                    str(args.output), args.format, overwrite=args.force
                )
            except FileExistsError as error:
                _warn(f"{error}. Add --force to replace it.")
                return EXIT_REFUSED
            print(f"Exported {count} sessions to {args.output}", file=sys.stderr)
            return 0
        sessions = store.all_sessions()
        write = sessions_to_json if args.format == "json" else sessions_to_csv
        sys.stdout.write(write(sessions))
        return 0

    return _run(action)


def import_command(args: argparse.Namespace) -> int:
    # Read and check the whole file before the history is opened: a bad file changes nothing.
    try:
        reading = read_import_file(args.file)
    except HistoryImportError as error:
        _warn(f"{args.file}: {error}\nNothing was imported.")
        return EXIT_REFUSED
    paths = AppPaths.from_environment()

    def action(store: HistoryStore) -> int:
        imported = store.import_sessions(reading.sessions)
        result = with_refusals(imported, reading, args.file, [paths.data, paths.cache])
        print(result.describe())
        note = import_programs_note(reading.sessions, paths)
        if note is not None:
            print(note)
        # Some sessions are not in the history: a script must not take this for success.
        return EXIT_REFUSED if result.refused else 0

    return _run(action, write=True)


# ---- review ----------------------------------------------------------------------------
def review_command(args: argparse.Namespace) -> int:
    action = history_review.review_action(args)
    if action is None:
        return EXIT_REFUSED
    return _run(action, write=history_review.changes_anything(args))


# ---- stats -----------------------------------------------------------------------------
def week_json(stats: WeekStats) -> dict[str, Any]:
    return {
        "week": str(stats.week),
        "monday": stats.week.monday_text,
        "sessions": stats.sessions,
        "backward_min": round(stats.backward_min, 2),
        "forward_min": round(stats.forward_min, 2),
        "met_target": stats.met_target,
    }


def statistics_json(statistics: HistoryStatistics) -> dict[str, Any]:
    totals, trend, longest = statistics.totals, statistics.trend, statistics.longest_backward
    return {
        "weekly_target_sessions": WEEKLY_TARGET_SESSIONS,
        "current_week": week_json(statistics.current_week),
        "current_streak_weeks": statistics.current_streak,
        "best_streak_weeks": statistics.best_streak,
        "longest_backward_segment": None
        if longest is None
        else {
            "seconds": longest.seconds,
            "session_id": longest.session_id,
            "template": longest.template_name,
            "started": iso(longest.started),
        },
        "totals": {
            "sessions": totals.sessions,
            "completed": totals.completed,
            "active_min": round(totals.active_min, 2),
            "backward_min": round(totals.backward_min, 2),
            "forward_min": round(totals.forward_min, 2),
            "backward_steps": totals.backward_steps,
            "weeks_met_target": totals.weeks_met_target,
        },
        "trend": {
            "weeks": [week_json(stats) for stats in trend.weeks],
            "slope_min_per_week": round(trend.slope_min_per_week, 3),
            "direction": trend.direction.value,
        },
        "weeks": [week_json(stats) for stats in statistics.weeks],
    }


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def statistics_report_text(statistics: HistoryStatistics) -> str:
    totals, trend, week = statistics.totals, statistics.trend, statistics.current_week
    if totals.sessions == 0:
        return "No sessions yet."
    missing = WEEKLY_TARGET_SESSIONS - week.sessions
    target = "target met" if missing <= 0 else f"{missing} more to meet the target"
    lines = [
        f"Sessions: {totals.sessions} ({totals.completed} completed), "
        f"{totals.backward_min:.1f} min backward, {totals.forward_min:.1f} min forward, "
        f"{totals.backward_steps} backward steps",
        f"This week ({week.week}): {_count(week.sessions, 'session')}, "
        f"{week.backward_min:.1f} min backward; {target} "
        f"({WEEKLY_TARGET_SESSIONS} sessions a week)",
        f"Streak: {_count(statistics.current_streak, 'week')} in a row on target "
        f"(best {statistics.best_streak})",
    ]
    longest = statistics.longest_backward
    if longest is not None:
        lines.append(
            f"Longest backward segment: {total_clock_text(longest.seconds)} "
            f"({longest.template_name}, {local_datetime(longest.started):%Y-%m-%d})"
        )
    minutes = " ".join(f"{stats.backward_min:.1f}" for stats in trend.weeks)
    lines.append(
        f"Backward minutes, last {len(trend.weeks)} full weeks: {minutes} "
        f"(trend {trend.direction.value}, {trend.slope_min_per_week:+.2f} min a week)"
    )
    return "\n".join(lines)


def stats_command(args: argparse.Namespace) -> int:
    def action(store: HistoryStore) -> int:
        statistics = compute_statistics(store.list_sessions(), system_wall_clock())
        if args.json:
            print(json.dumps(statistics_json(statistics), indent=2))
        else:
            print(statistics_report_text(statistics))
        return 0

    return _run(action)
