"""A RetroTimer home for benchmarks: settings, a ten-minute template, and optionally years of
history with an active program.

    python bench/sample_home.py HOME [--sessions 5000] [--program]

Run it with the interpreter and code under test (the history is written by that code's own
store, so its schema is the one that code reads).
"""

from __future__ import annotations

import argparse
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

SESSION_TEMPLATE = "Ten-minute benchmark"
PROGRAM = "Learn to run backward"
# The welcome, the checklist and the get-ready countdown are left out: a benchmark measures
# the window and the session, not a dialog or a wait.
SETTINGS = "first_run_done = true\nsafety_checklist = false\nget_ready_s = 0\n"
SEGMENTS_PER_SESSION = 8
# The last sessions were run for the program: the coach replays them.
PROGRAM_SESSIONS = 24


def write_settings(home: Path) -> None:
    settings = home / "config" / "settings.toml"
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text(SETTINGS, encoding="utf-8")


def write_session_template(home: Path) -> None:
    from retrotimer.core.model import Length, Repeat, Segment, SegmentKind, Template, Venue
    from retrotimer.core.templates.template_toml import template_to_toml

    template = Template(
        SESSION_TEMPLATE,
        (
            Segment(SegmentKind.WARMUP, Length.minutes(2)),
            Repeat(
                6,
                (
                    Segment(SegmentKind.BACKWARD_JOG, Length.seconds(30)),
                    Segment(SegmentKind.WALK, Length.seconds(30)),
                ),
            ),
            Segment(SegmentKind.COOLDOWN, Length.minutes(2)),
        ),
        "Ten minutes: warm-up, six backward jogs, cool-down.",
        Venue.TRACK,
    )
    folder = home / "data" / "templates"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "benchmark.toml").write_text(template_to_toml(template), encoding="utf-8")


def write_program_choice(home: Path, start: datetime) -> None:
    (home / "config" / "program.toml").write_text(
        f'active = "{PROGRAM}"\nstart_day = {start.date().isoformat()}\nstart_week = 1\n'
        'training_days = ["mon", "wed", "fri"]\n',
        encoding="utf-8",
    )


def write_history(home: Path, count: int, program: bool) -> None:
    """`count` sessions, one every 10 hours up to now (5,000: about 5.7 years)."""
    from retrotimer.core.history.history_values import (
        HistoryEntry,
        HistorySession,
        Review,
        SessionStart,
        SessionStatus,
        SessionTotals,
        longest_backward,
    )
    from retrotimer.core.history.program_ref import ProgramRef

    try:
        from retrotimer.core.history.wall_time import WallTime
    except ImportError:  # an older checkout, measured with --before
        from retrotimer.core.history.history_values import WallTime
    from retrotimer.core.model import SegmentKind, Venue
    from retrotimer.core.session.records import SegmentRecord
    from retrotimer.storage.history.history_store import HistoryStore

    kinds = (
        SegmentKind.WARMUP,
        SegmentKind.BACKWARD_WALK,
        SegmentKind.WALK,
        SegmentKind.BACKWARD_JOG,
        SegmentKind.WALK,
        SegmentKind.BACKWARD_JOG,
        SegmentKind.FORWARD_RUN,
        SegmentKind.COOLDOWN,
    )
    now = time.time()
    sessions = []
    for number in range(count):
        records = tuple(
            SegmentRecord(index, kind, kind.label, 60.0, 60.0 - number % 5, False, None)
            for index, kind in enumerate(kinds)
        )
        totals = SessionTotals.from_records(records)
        started = now - (count - number) * 36_000.0
        from_end = count - number
        ref = None
        if program and from_end <= PROGRAM_SESSIONS:
            done = PROGRAM_SESSIONS - from_end
            ref = ProgramRef(PROGRAM, done // 3 + 1, done % 3 + 1)
        start = SessionStart(
            str(uuid.UUID(int=number + 1)),
            f"Template {number % 7}",
            '{"template": "Bench"}',
            Venue.TRACK,
            WallTime(started, 3600),
            480.0,
            program=ref,
        )
        entry = HistoryEntry.build(
            start,
            status=SessionStatus.COMPLETED,
            ended_utc_s=started + totals.active_s,
            totals=totals,
            review=Review(rating=number % 5 + 1, notes="benchmark"),
            longest_backward_s=longest_backward(records),
        )
        sessions.append(HistorySession(entry, '{"template": "Bench"}', records))
    folder = home / "data"
    folder.mkdir(parents=True, exist_ok=True)
    store = HistoryStore(folder / "history.sqlite")
    try:
        store.import_sessions(sessions)
    finally:
        store.close()
    if program:
        first = datetime.fromtimestamp(now - PROGRAM_SESSIONS * 36_000.0, UTC)
        write_program_choice(home, first - timedelta(days=1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("home", type=Path)
    parser.add_argument("--sessions", type=int, default=0)
    parser.add_argument("--program", action="store_true", help="follow a built-in program")
    args = parser.parse_args()
    write_settings(args.home)
    write_session_template(args.home)
    if args.sessions or args.program:
        write_history(args.home, args.sessions, args.program)


if __name__ == "__main__":
    main()
