"""History at scale: open + list, weekly statistics, and the latency of one segment commit.

Usage: python bench/history.py [--sessions 10000] [--commits 1000] [--dir DIR]
Prints one JSON object. Goals: open + list + statistics under 150 ms with 10,000 sessions of
8 segments; p99 of one segment commit under 10 ms. Commits are measured side by side with
synchronous=FULL (what the app uses) and NORMAL.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

from retrotimer.core.history.history_values import (
    HistoryEntry,
    HistorySession,
    Review,
    SessionStart,
    SessionStatus,
    SessionTotals,
    longest_backward,
)
from retrotimer.core.history.statistics import compute_statistics
from retrotimer.core.history.wall_time import WallTime
from retrotimer.core.model import SegmentKind, Venue
from retrotimer.core.session.records import SegmentRecord
from retrotimer.storage.history.history_store import HistoryStore

GOAL_LIST_AND_STATS_MS = 150.0
GOAL_COMMIT_P99_MS = 10.0
SEGMENTS = (
    (SegmentKind.WARMUP, "Warm-up walk", 300.0, None),
    (SegmentKind.BACKWARD_WALK, "Backward walk", 9.0, 15),
    (SegmentKind.WALK, "Walk", 30.0, None),
    (SegmentKind.BACKWARD_JOG, "Backward jog", 6.0, 16),
    (SegmentKind.WALK, "Walk", 30.0, None),
    (SegmentKind.BACKWARD_JOG, "Backward jog", 6.0, 16),
    (SegmentKind.FORWARD_RUN, "Forward run", 120.0, None),
    (SegmentKind.COOLDOWN, "Cool-down walk", 300.0, None),
)
PLAN_JSON = json.dumps({"template": "Bench", "segments": len(SEGMENTS)})
START_UTC = 1_600_000_000.0


def synthetic_session(number: int) -> HistorySession:
    records = tuple(
        SegmentRecord(
            index, kind, label, planned, planned * (0.9 + (number % 3) / 20), False, steps
        )
        for index, (kind, label, planned, steps) in enumerate(SEGMENTS)
    )
    totals = SessionTotals.from_records(records)
    started = START_UTC + number * 36_000.0  # about two sessions a day, over ~11 years
    planned = sum(planned for _, _, planned, _ in SEGMENTS)
    start = SessionStart(
        str(uuid.UUID(int=number + 1)),
        f"Template {number % 7}",
        PLAN_JSON,
        Venue.TRACK,
        WallTime(started, 3600),
        planned,
    )
    entry = HistoryEntry.build(
        start,
        status=SessionStatus.COMPLETED,
        ended_utc_s=started + totals.active_s,
        totals=totals,
        review=Review(rating=number % 5 + 1, notes="synthetic"),
        longest_backward_s=longest_backward(records),
    )
    return HistorySession(entry, PLAN_JSON, records)


def milliseconds(start: float) -> float:
    return (time.perf_counter() - start) * 1000


def median_of(runs: list[float]) -> float:
    return round(statistics.median(runs), 2)


def measure_list_and_stats(path: Path, repeats: int) -> dict[str, float | int]:
    open_only: list[float] = []
    open_list: list[float] = []
    stats: list[float] = []
    count = 0
    for _ in range(repeats):
        start = time.perf_counter()
        store = HistoryStore(path)
        store.database.connection()  # integrity check, WAL, schema version
        open_only.append(milliseconds(start))
        entries = store.list_sessions()
        open_list.append(milliseconds(start))
        start = time.perf_counter()
        compute_statistics(entries, WallTime(entries[0].started.utc_s, 3600))
        stats.append(milliseconds(start))
        count = len(entries)
        store.close()
    totals = [a + b for a, b in zip(open_list, stats, strict=True)]
    return {
        "sessions_listed": count,
        "open_with_integrity_check_ms_median": median_of(open_only),
        "open_and_list_ms_median": median_of(open_list),
        "statistics_ms_median": median_of(stats),
        "list_and_statistics_ms_median": median_of(totals),
        "list_and_statistics_ms_max": round(max(totals), 2),
    }


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, int(fraction * len(ordered)))], 3)


def measure_commits(path: Path, commits: int, synchronous: str) -> dict[str, float]:
    store = HistoryStore(path, synchronous=synchronous)
    latencies: list[float] = []
    sessions = commits // len(SEGMENTS)
    for number in range(sessions):
        session = synthetic_session(1_000_000 + number)
        store.begin_session(
            SessionStart(
                session.session_id,
                "Bench",
                PLAN_JSON,
                Venue.TRACK,
                WallTime(time.time(), 0),
                session.entry.planned_s,
            )
        )
        for index, record in enumerate(session.segments):
            totals = SessionTotals.from_records(session.segments[: index + 1])
            start = time.perf_counter()
            store.record_segment(session.session_id, record, totals, time.time())
            latencies.append(milliseconds(start))
    store.close()
    return {
        "commits": len(latencies),
        "p50_ms": percentile(latencies, 0.50),
        "p99_ms": percentile(latencies, 0.99),
        "max_ms": round(max(latencies), 3),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=10_000)
    parser.add_argument("--commits", type=int, default=1_000)
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--dir", type=Path, help="where to put the database (default: a temp dir)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="retrotimer-bench-", dir=args.dir) as folder:
        path = Path(folder) / "history.sqlite"
        start = time.perf_counter()
        store = HistoryStore(path)
        store.import_sessions(synthetic_session(number) for number in range(args.sessions))
        store.close()
        fill_ms = milliseconds(start)
        listing = measure_list_and_stats(path, args.repeats)
        commit_full = measure_commits(path, args.commits, "FULL")
        commit_normal = measure_commits(path, args.commits, "NORMAL")
        size_bytes = path.stat().st_size
    list_and_stats = float(listing["list_and_statistics_ms_median"])
    report = {
        "sessions": args.sessions,
        "segments_per_session": len(SEGMENTS),
        "database_bytes": size_bytes,
        "fill_ms": round(fill_ms, 1),
        **listing,
        "segment_commit_synchronous_full": commit_full,
        "segment_commit_synchronous_normal": commit_normal,
        "goals": {
            "list_and_statistics_ms": GOAL_LIST_AND_STATS_MS,
            "commit_p99_ms": GOAL_COMMIT_P99_MS,
            "list_and_statistics_met": list_and_stats < GOAL_LIST_AND_STATS_MS,
            "commit_p99_met": commit_full["p99_ms"] < GOAL_COMMIT_P99_MS,
        },
    }
    json.dump(report, sys.stdout, indent=2)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
