"""History export and import: a JSON backup with everything, and CSV with a row per session."""

from __future__ import annotations

import csv
import io
import json
import math
import uuid
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from typing import Any

from retrotimer.core.history.history_values import (
    HistoryEntry,
    HistorySession,
    Review,
    SessionStart,
    SessionStatus,
    SessionTotals,
    WallTime,
    longest_backward,
    showable,
)
from retrotimer.core.history.program_ref import ProgramRef
from retrotimer.core.model import SegmentKind, Venue
from retrotimer.core.session.records import SegmentRecord, record_to_json
from retrotimer.exchange.history.pause_json import pauses_from_json, pauses_to_json
from retrotimer.storage.history.local_time import local_datetime

FORMAT_NAME = "retrotimer-history"
# 2: dizziness and pain apart, and the rating an effort scale (5 "too hard"). A version 1
# backup is read as what it was: its ratings (5 the best) turned round, its one report of
# dizziness or pain kept as that.
FORMAT_VERSION = 2
READABLE_VERSIONS = (1, 2)
MAX_PROBLEMS_SHOWN = 10
# Far above any real session (30 years of seconds), far below what SQLite can hold.
MAX_NUMBER = 1_000_000_000

CSV_COLUMNS = (
    "id",
    "template",
    "venue",
    "started_local",
    "started_utc",
    "ended_utc",
    "status",
    "planned_s",
    "active_s",
    "backward_s",
    "forward_s",
    "backward_steps",
    "longest_backward_s",
    "segments",
    "skipped_segments",
    "rating",
    "near_stumbles",
    "notes",
    "test_run",
    "program",
    "program_week",
    "program_session",
    "dizzy_or_pain",
    "dizzy",
    "pain",
)


class HistoryImportError(ValueError):
    """A file that is not a RetroTimer history export, or holds values that cannot be right."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        shown = problems[:MAX_PROBLEMS_SHOWN]
        more = len(problems) - len(shown)
        lines = shown + ([f"... and {more} more"] if more > 0 else [])
        super().__init__("\n".join(lines))


def iso(moment: WallTime) -> str:
    """ISO 8601 in the local time of the moment, with its offset (microseconds when any)."""
    return local_datetime(moment).isoformat()


def iso_utc(utc_s: float) -> str:
    return datetime.fromtimestamp(utc_s, UTC).isoformat().replace("+00:00", "Z")


# ---- JSON ------------------------------------------------------------------------------
def entry_to_json(entry: HistoryEntry) -> dict[str, Any]:
    """A session's own fields, as both the export and `history list --json` give them."""
    return {
        "id": entry.session_id,
        "template": entry.template_name,
        "venue": entry.venue.value,
        "started": iso(entry.started),
        "ended": iso(entry.ended) if entry.ended is not None else None,
        "status": entry.status.value,
        "planned_s": entry.planned_s,
        "active_s": entry.totals.active_s,
        "backward_s": entry.totals.backward_s,
        "forward_s": entry.totals.forward_s,
        "backward_steps": entry.totals.backward_steps,
        "rating": entry.review.rating,
        "near_stumbles": entry.review.near_stumbles,
        "notes": entry.review.notes,
        "test_run": entry.test_run,
        "program": entry.program.to_json() if entry.program is not None else None,
        "dizzy": entry.dizzy,
        "pain": entry.pain,
        "dizzy_or_pain": entry.dizzy_or_pain,
    }


def _plan(plan_json: str) -> Any:
    try:
        return json.loads(plan_json)
    except (ValueError, RecursionError):
        # Kept as it is: a backup loses nothing, even what this version cannot read.
        return {"unreadable_plan": plan_json}


def session_to_json(session: HistorySession) -> dict[str, Any]:
    return {
        **entry_to_json(session.entry),
        "plan": _plan(session.plan_json),
        "segments": [record_to_json(record) for record in session.segments],
        "pauses": pauses_to_json(session.pauses, session.entry.utc_offset_s),
    }


def sessions_to_json(sessions: Iterable[HistorySession]) -> str:
    """The backup file: `history import` reads it back."""
    document = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "sessions": [session_to_json(session) for session in sessions],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


class _Reader:
    """Typed access to one JSON object, collecting a message per bad field."""

    def __init__(self, data: Mapping[str, Any], where: str, problems: list[str]) -> None:
        self.data, self.where, self.problems = data, where, problems

    def fail(self, field: str, message: str) -> None:
        self.problems.append(f"{self.where}: {field} {message}")

    def text(self, field: str, *, allow_empty: bool = True) -> str:
        value = self.data.get(field)
        if not isinstance(value, str) or (not allow_empty and not value.strip()):
            self.fail(field, "must be text" if allow_empty else "must be non-empty text")
            return ""
        if not is_unicode(value):
            self.fail(field, "holds a character that is not Unicode text (a lone surrogate)")
            return ""
        return value

    def flag(self, field: str) -> bool:
        """A true-or-false field; absent is false (backups from before it was kept)."""
        value = self.data.get(field, False)
        if not isinstance(value, bool):
            self.fail(field, f"must be true or false, not {value!r}")
            return False
        return value

    def number(self, field: str) -> float:
        value = self.data.get(field)
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not math.isfinite(value)
            or not 0 <= value <= MAX_NUMBER
        ):
            self.fail(field, f"must be a number from 0 to {MAX_NUMBER}, not {value!r}")
            return 0.0
        return float(value)

    def whole(self, field: str, *, optional: bool = False) -> int | None:
        value = self.data.get(field)
        if value is None and optional:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_NUMBER:
            self.fail(field, f"must be a whole number from 0 to {MAX_NUMBER}, not {value!r}")
            return 0
        return value

    def moment(self, field: str, *, optional: bool = False) -> WallTime | None:
        value = self.data.get(field)
        if value is None and optional:
            return None
        try:
            parsed = datetime.fromisoformat(value) if isinstance(value, str) else None
        except ValueError:
            parsed = None
        offset = parsed.utcoffset() if parsed is not None else None
        if parsed is None or offset is None:
            self.fail(field, f"must be a date and time with its UTC offset, not {value!r}")
            return None
        try:
            moment = WallTime(parsed.timestamp(), int(offset.total_seconds()))
        except (OverflowError, ValueError):
            moment = None
        if moment is None or not showable(moment.utc_s, moment.offset_s):
            self.fail(field, f"must be a date from 1970 to 9999 (in UTC), not {value!r}")
            return None
        return moment


def is_unicode(text: str) -> bool:
    """False for text with a lone surrogate, which JSON can carry and no file or database can."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _program_ref(read: _Reader) -> ProgramRef | None:
    """The optional "program": {"name", "week", "session"[, "lighter"]} of a session."""
    value = read.data.get("program")
    if value is None:
        return None
    week, session = (
        value.get(key) if isinstance(value, dict) else None for key in ("week", "session")
    )
    name = value.get("name") if isinstance(value, dict) else None
    lighter = value.get("lighter", False) if isinstance(value, dict) else False
    whole = all(
        isinstance(number, int) and not isinstance(number, bool) and 1 <= number <= MAX_NUMBER
        for number in (week, session)
    )
    if not (isinstance(name, str) and name.strip() and whole and isinstance(lighter, bool)):
        read.fail(
            "program",
            'must be null or {"name": text, "week": 1 or more, "session": 1 or more}, '
            f"not {value!r}",
        )
        return None
    assert isinstance(week, int) and isinstance(session, int)
    return ProgramRef(name, week, session, lighter)


def _segment(data: Any, where: str, problems: list[str]) -> SegmentRecord | None:
    if not isinstance(data, dict):
        problems.append(f"{where}: expected an object")
        return None
    read = _Reader(data, where, problems)
    kind_text = data.get("kind")
    kinds = {kind.value: kind for kind in SegmentKind}
    if kind_text not in kinds:
        read.fail("kind", f"must be one of {', '.join(kinds)}, not {kind_text!r}")
    skipped = data.get("skipped")
    if not isinstance(skipped, bool):
        read.fail("skipped", "must be true or false")
    record = SegmentRecord(
        index=read.whole("index") or 0,
        kind=kinds.get(kind_text, SegmentKind.WALK)
        if isinstance(kind_text, str)
        else SegmentKind.WALK,
        label=read.text("label"),
        planned_s=read.number("planned_s"),
        actual_s=read.number("actual_s"),
        skipped=bool(skipped),
        steps=read.whole("steps", optional=True),
    )
    return record


def _review(read: _Reader, version: int) -> Review:
    """The review of a session in a backup of `version`."""
    rating = read.whole("rating", optional=True)
    if version == 1 and rating is not None and 1 <= rating <= 5:
        rating = 6 - rating  # version 1 rated 5 the best; now 5 is "too hard"
    return Review(
        rating=rating,
        near_stumbles=read.whole("near_stumbles", optional=True),
        notes=read.text("notes"),
        dizzy=read.flag("dizzy") if version >= 2 else False,
        pain=read.flag("pain") if version >= 2 else False,
        dizzy_or_pain=read.flag("dizzy_or_pain"),
    )


def _session(data: Any, where: str, problems: list[str], version: int) -> HistorySession | None:
    if not isinstance(data, dict):
        problems.append(f"{where}: expected an object")
        return None
    before = len(problems)
    read = _Reader(data, where, problems)
    session_id = data.get("id")
    try:
        session_id = str(uuid.UUID(session_id)) if isinstance(session_id, str) else None
    except ValueError:
        session_id = None
    if session_id is None:
        read.fail("id", f"must be a UUID, not {data.get('id')!r}")
    venues = {v.value: v for v in Venue}
    venue_text = data.get("venue")
    if venue_text not in venues:
        read.fail("venue", f"must be track, treadmill or any, not {venue_text!r}")
    status_text = data.get("status")
    statuses = {status.value: status for status in SessionStatus}
    if status_text not in statuses:
        read.fail("status", f"must be one of {', '.join(statuses)}, not {status_text!r}")
    test_run = data.get("test_run", False)
    if not isinstance(test_run, bool):
        read.fail("test_run", f"must be true or false, not {test_run!r}")
    plan = data.get("plan")
    if not isinstance(plan, dict):
        read.fail("plan", "must be an object")
    elif not is_unicode(json.dumps(plan, ensure_ascii=False)):
        read.fail("plan", "holds a character that is not Unicode text (a lone surrogate)")
    review = _review(read, version)
    program = _program_ref(read)
    problems.extend(f"{where}: {problem}" for problem in review.problems())
    started = read.moment("started")
    ended = read.moment("ended", optional=True)
    if started is not None and ended is not None and ended.utc_s < started.utc_s:
        read.fail("ended", f"is before the start ({data.get('ended')!r})")
    raw_segments = data.get("segments")
    if not isinstance(raw_segments, list):
        read.fail("segments", "must be a list")
        raw_segments = []
    segments = [
        _segment(item, f"{where} > segment {number}", problems)
        for number, item in enumerate(raw_segments, start=1)
    ]
    pauses = pauses_from_json(data.get("pauses"), where, problems, started, ended)
    indexes = [s.index for s in segments if s is not None]
    if len(set(indexes)) != len(indexes):
        problems.append(f"{where}: segments repeat an index")
    entry_values = (
        read.text("template", allow_empty=False),
        read.number("planned_s"),
        SessionTotals(
            read.number("active_s"),
            read.number("backward_s"),
            read.number("forward_s"),
            read.whole("backward_steps") or 0,
        ),
    )
    if len(problems) > before or session_id is None or started is None:
        return None
    records = tuple(sorted((s for s in segments if s is not None), key=lambda s: s.index))
    status = statuses[str(status_text)]
    if status is SessionStatus.RUNNING:
        # Exported while it ran elsewhere: here it can only be what was recorded.
        status = SessionStatus.INTERRUPTED
    template_name, planned_s, totals = entry_values
    plan_json = json.dumps(plan, separators=(",", ":"), ensure_ascii=False)
    venue = venues[str(venue_text)]
    start = SessionStart(
        session_id,
        template_name,
        plan_json,
        venue,
        started,
        planned_s,
        test_run is True,
        program=program,
    )
    entry = HistoryEntry.build(
        start,
        status=status,
        ended_utc_s=ended.utc_s if ended is not None else None,
        totals=totals,
        review=review,
        longest_backward_s=longest_backward(records),
    )
    return HistorySession(entry, plan_json, records, pauses)


def sessions_from_json(text: str) -> list[HistorySession]:
    """Read a backup; raises HistoryImportError listing every problem, before anything is used."""
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise HistoryImportError([f"not a RetroTimer history export: not JSON ({error})"]) from None
    except RecursionError:
        raise HistoryImportError(
            ["not a RetroTimer history export: its values are nested far too deeply"]
        ) from None
    if not isinstance(document, dict) or document.get("format") != FORMAT_NAME:
        raise HistoryImportError(
            [f'not a RetroTimer history export (it has no "format": "{FORMAT_NAME}")']
        )
    version = document.get("version")
    # `true == 1` in Python: a boolean is not a version number.
    if type(version) is not int or version not in READABLE_VERSIONS:
        raise HistoryImportError(
            [
                f"history export version {version!r} is not supported "
                f"(expected {' or '.join(map(str, READABLE_VERSIONS))})"
            ]
        )
    raw = document.get("sessions")
    if not isinstance(raw, list):
        raise HistoryImportError(["the export has no list of sessions"])
    problems: list[str] = []
    try:
        sessions = [
            _session(item, f"session {number}", problems, version)
            for number, item in enumerate(raw, start=1)
        ]
    except RecursionError:
        raise HistoryImportError(
            ["not a RetroTimer history export: its values are nested far too deeply"]
        ) from None
    if problems:
        raise HistoryImportError(problems)
    return [session for session in sessions if session is not None]


# ---- CSV -------------------------------------------------------------------------------
# A spreadsheet runs a cell that starts with one of these as a formula; a leading apostrophe
# makes it plain text again (OWASP's advice for CSV injection).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _plain_text(text: str) -> str:
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def _csv_row(session: HistorySession) -> list[str | int | float]:
    entry = session.entry
    ended = entry.ended_utc_s
    return [
        entry.session_id,
        _plain_text(entry.template_name),
        entry.venue.value,
        iso(entry.started),
        iso_utc(entry.started.utc_s),
        iso_utc(ended) if ended is not None else "",
        entry.status.value,
        entry.planned_s,
        entry.totals.active_s,
        entry.totals.backward_s,
        entry.totals.forward_s,
        entry.totals.backward_steps,
        entry.longest_backward_s,
        len(session.segments),
        sum(1 for record in session.segments if record.skipped),
        "" if entry.review.rating is None else entry.review.rating,
        "" if entry.review.near_stumbles is None else entry.review.near_stumbles,
        _plain_text(entry.review.notes),
        int(entry.test_run),
        "" if entry.program is None else _plain_text(entry.program.name),
        "" if entry.program is None else entry.program.week,
        "" if entry.program is None else entry.program.session,
        "true" if entry.dizzy_or_pain else "false",
        "true" if entry.dizzy else "false",
        "true" if entry.pain else "false",
    ]


def sessions_to_csv(sessions: Iterable[HistorySession]) -> str:
    """A row per session under a header of CSV_COLUMNS (documented in docs/history.md)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    writer.writerows(_csv_row(session) for session in sessions)
    return buffer.getvalue()
