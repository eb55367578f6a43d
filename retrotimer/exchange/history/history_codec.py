"""History export and import: a JSON backup with everything, and CSV with a row per session."""

from __future__ import annotations

import csv
import io
import json
import uuid
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from typing import Any, TypeVar

from retrotimer.core.history.history_values import (
    MAX_NOTES_LENGTH,
    HistoryEntry,
    HistorySession,
    Review,
    SessionStart,
    SessionStatus,
    SessionTotals,
    longest_backward,
    showable,
)
from retrotimer.core.history.program_ref import ProgramRef
from retrotimer.core.history.wall_time import WallTime
from retrotimer.core.model import SegmentKind, Venue
from retrotimer.core.session.records import SegmentRecord, record_to_json
from retrotimer.core.templates.text_rules import (
    MAX_LABEL,
    MAX_NAME,
    shown_value,
    text_problems,
)
from retrotimer.core.value import value
from retrotimer.exchange.history.pause_json import pauses_from_json, pauses_to_json
from retrotimer.exchange.history.sample_json import samples_from_json, samples_to_json
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


_KINDS = {kind.value: kind for kind in SegmentKind}
_VENUES = {venue.value: venue for venue in Venue}
_STATUSES = {status.value: status for status in SessionStatus}
T = TypeVar("T")


@value
class RefusedSession:
    """A session of an import that cannot be taken: why (each problem names the session and
    its field) and the object as the file holds it, kept aside so that nothing is lost."""

    problems: tuple[str, ...]
    data: Any

    def describe(self) -> str:
        """The first problem, and how many more there are: one line."""
        more = len(self.problems) - 1
        return self.problems[0] + (f" (and {more} more)" if more > 0 else "")


@value
class HistoryReading:
    """What an export file holds: the sessions that can be imported, in the file's order,
    those that cannot, and the format version the file was written in."""

    sessions: tuple[HistorySession, ...]
    refused: tuple[RefusedSession, ...] = ()
    version: int = FORMAT_VERSION


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
        "samples": samples_to_json(session.samples, session.entry.started_utc_s),
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

    def text(self, field: str, limit: int, *, lines: bool = False, empty: bool = True) -> str:
        """Text checked as the app checks what people type (a template's name): within
        `limit`, on one line unless `lines`, without characters that cannot be seen."""
        value = self.data.get(field)
        if not isinstance(value, str) or (not empty and not value.strip()):
            self.fail(field, "must be text" if empty else "must be non-empty text")
            return ""
        problem = next(text_problems(field, value, limit, lines=lines), None)
        if problem is not None:
            self.problems.append(f"{self.where}: {problem}")
            return ""
        return value

    def flag(self, field: str) -> bool:
        """A true-or-false field; absent is false (backups from before it was kept)."""
        value = self.data.get(field, False)
        if not isinstance(value, bool):
            self.fail(field, f"must be true or false, not {shown_value(value)}")
            return False
        return value

    def choice(self, field: str, choices: Mapping[str, T]) -> T | None:
        """One of `choices` by its name; None (and a problem) for anything else."""
        value = self.data.get(field)
        if isinstance(value, str) and value in choices:
            return choices[value]
        self.fail(field, f"must be one of {', '.join(choices)}, not {shown_value(value)}")
        return None

    def number(self, field: str) -> float:
        value = self.data.get(field)
        # The range first: a NaN fails it, and math.isfinite cannot take an int of 400 digits.
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not 0 <= value <= MAX_NUMBER
        ):
            self.fail(field, f"must be a number from 0 to {MAX_NUMBER}, not {shown_value(value)}")
            return 0.0
        return float(value)

    def whole(self, field: str, *, optional: bool = False) -> int | None:
        value = self.data.get(field)
        if value is None and optional:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_NUMBER:
            self.fail(
                field, f"must be a whole number from 0 to {MAX_NUMBER}, not {shown_value(value)}"
            )
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
            self.fail(
                field, f"must be a date and time with its UTC offset, not {shown_value(value)}"
            )
            return None
        try:
            moment = WallTime(parsed.timestamp(), int(offset.total_seconds()))
        except (OverflowError, ValueError):
            moment = None
        if moment is None or not showable(moment.utc_s, moment.offset_s):
            self.fail(field, f"must be a date from 1970 to 9999 (in UTC), not {shown_value(value)}")
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
            f"not {shown_value(value)}",
        )
        return None
    problem = next(text_problems("program's name", name, MAX_NAME), None)
    if problem is not None:
        read.problems.append(f"{read.where}: {problem}")
        return None
    assert isinstance(week, int) and isinstance(session, int)
    return ProgramRef(name, week, session, lighter)


def _segment(data: Any, where: str, problems: list[str]) -> SegmentRecord | None:
    if not isinstance(data, dict):
        problems.append(f"{where}: expected an object")
        return None
    read = _Reader(data, where, problems)
    kind = read.choice("kind", _KINDS)
    skipped = data.get("skipped")
    if not isinstance(skipped, bool):
        read.fail("skipped", "must be true or false")
    record = SegmentRecord(
        index=read.whole("index") or 0,
        kind=kind or SegmentKind.WALK,
        label=read.text("label", MAX_LABEL),
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
        notes=read.text("notes", MAX_NOTES_LENGTH, lines=True),
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
        read.fail("id", f"must be a UUID, not {shown_value(data.get('id'))}")
    venue = read.choice("venue", _VENUES)
    status = read.choice("status", _STATUSES)
    test_run = data.get("test_run", False)
    if not isinstance(test_run, bool):
        read.fail("test_run", f"must be true or false, not {shown_value(test_run)}")
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
        read.fail("ended", f"is before the start ({shown_value(data.get('ended'))})")
    raw_segments = data.get("segments")
    if not isinstance(raw_segments, list):
        read.fail("segments", "must be a list")
        raw_segments = []
    segments = [
        _segment(item, f"{where} > segment {number}", problems)
        for number, item in enumerate(raw_segments, start=1)
    ]
    pauses = pauses_from_json(data.get("pauses"), where, problems, started, ended)
    samples = samples_from_json(data.get("samples"), where, problems, started)
    indexes = [s.index for s in segments if s is not None]
    if len(set(indexes)) != len(indexes):
        problems.append(f"{where}: segments repeat an index")
    entry_values = (
        read.text("template", MAX_NAME, empty=False),
        read.number("planned_s"),
        SessionTotals(
            read.number("active_s"),
            read.number("backward_s"),
            read.number("forward_s"),
            read.whole("backward_steps") or 0,
        ),
    )
    if len(problems) > before or None in (session_id, started, venue, status):
        return None
    assert session_id is not None and started is not None
    assert venue is not None and status is not None
    records = tuple(sorted((s for s in segments if s is not None), key=lambda s: s.index))
    if status is SessionStatus.RUNNING:
        # Exported while it ran elsewhere: here it can only be what was recorded.
        status = SessionStatus.INTERRUPTED
    template_name, planned_s, totals = entry_values
    plan_json = json.dumps(plan, separators=(",", ":"), ensure_ascii=False)
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
    return HistorySession(entry, plan_json, records, pauses, samples)


def sessions_from_json(text: str) -> HistoryReading:
    """Read a backup: every session that can be imported, and every one that cannot with its
    problems. HistoryImportError for a file that is not a backup at all."""
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise HistoryImportError([f"not a RetroTimer history export: not JSON ({error})"]) from None
    except ValueError:
        # Python refuses to convert an integer of thousands of digits.
        raise HistoryImportError(
            ["not a RetroTimer history export: it holds a number of thousands of digits"]
        ) from None
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
                f"history export version {shown_value(version)} is not supported "
                f"(expected {' or '.join(map(str, READABLE_VERSIONS))})"
            ]
        )
    raw = document.get("sessions")
    if not isinstance(raw, list):
        raise HistoryImportError(["the export has no list of sessions"])
    sessions: list[HistorySession] = []
    refused: list[RefusedSession] = []
    try:
        for number, item in enumerate(raw, start=1):
            problems: list[str] = []
            session = _session(item, f"session {number}", problems, version)
            if session is None:
                refused.append(RefusedSession(tuple(problems), item))
            else:
                sessions.append(session)
    except RecursionError:
        raise HistoryImportError(
            ["not a RetroTimer history export: its values are nested far too deeply"]
        ) from None
    return HistoryReading(tuple(sessions), tuple(refused), version)


def refused_to_json(refused: Iterable[RefusedSession], version: int = FORMAT_VERSION) -> str:
    """The sessions an import could not take, as the file held them, in a file of the same
    format and `version` (that of the file read): once put right, it imports. Escaped to
    ASCII, so even a lone surrogate is kept."""
    document = {
        "format": FORMAT_NAME,
        "version": version,
        "sessions": [session.data for session in refused],
    }
    return json.dumps(document, indent=2) + "\n"


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
