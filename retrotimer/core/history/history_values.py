"""Sessions as the history keeps them: status, wall-clock times, totals, review and segments."""

from __future__ import annotations

import enum
import json
import math
from collections.abc import Iterable
from typing import TYPE_CHECKING

from retrotimer.core.history.wall_time import WallTime
from retrotimer.core.number_text import whole_number
from retrotimer.core.session.plan import Plan, plan_to_json
from retrotimer.core.session.records import (
    SegmentRecord,
    SessionOutcome,
    SessionSummary,
    mostly_skipped,
)
from retrotimer.core.session.records import (
    SessionTotals as SessionTotals,  # where it was first
)
from retrotimer.core.templates.text_rules import text_problems
from retrotimer.core.value import replace, value

if TYPE_CHECKING:
    from retrotimer.core.history.program_ref import ProgramRef
    from retrotimer.core.model import Venue
    from retrotimer.core.sensors.sensor_values import SensorSample

# How hard the session felt, as on the effort (RPE) scales runners know: higher is harder.
RATING_WORDS: dict[int, str] = {
    1: "very easy",
    2: "easy",
    3: "just right",
    4: "hard",
    5: "too hard",
}
RATING_RANGE = (min(RATING_WORDS), max(RATING_WORDS))
# How the one report of sessions reviewed before dizziness and pain were apart is named.
OLD_REPORT_WORDS = "dizzy or in pain (recorded before these were separate)"
MAX_NEAR_STUMBLES = 1000
MAX_NOTES_LENGTH = 10_000
# The moments the history can show: from 1970 UTC to a day before the end of year 9999, so
# that the date in any time zone (offsets up to a day) stays a date the calendar has.
FIRST_SHOWABLE_UTC_S = 0.0
LAST_SHOWABLE_UTC_S = 253_402_128_000.0  # 9999-12-30T00:00:00Z
MAX_OFFSET_S = 24 * 3600 - 60


class SessionStatus(enum.Enum):
    """Where a recorded session stands; RUNNING only while it is being recorded."""

    RUNNING = "running"
    COMPLETED = "completed"
    STOPPED = "stopped"
    INTERRUPTED = "interrupted"

    @classmethod
    def from_summary(cls, summary: SessionSummary) -> SessionStatus:
        """The status a session's summary ends with: finished is completed, stopped stays."""
        if summary.status is SessionOutcome.FINISHED:
            return cls.COMPLETED
        return cls.STOPPED


def showable(utc_s: object, offset_s: object = 0) -> bool:
    """True when the moment can be shown as a date and time, in UTC and in its own offset:
    a finite number of seconds from 1970 to 9998 and an offset within a day."""
    if isinstance(utc_s, bool) or not isinstance(utc_s, int | float):
        return False
    if isinstance(offset_s, bool) or not isinstance(offset_s, int):
        return False
    if not math.isfinite(utc_s) or not FIRST_SHOWABLE_UTC_S <= utc_s <= LAST_SHOWABLE_UTC_S:
        return False
    # With the offset, the local time stays between 1969-12-31 and 9999-12-31.
    return abs(offset_s) <= MAX_OFFSET_S


def rating_words(rating: int) -> str:
    """The words of a rating ("just right"); the number itself for one outside the scale,
    which only a hand-edited file can hold."""
    return RATING_WORDS.get(rating, str(rating))


def rating_number(text: str) -> int:
    """The rating a runner typed, as its number or its words ("3", "just right"); ValueError
    with a message naming every accepted value otherwise. The number is read as int() reads
    it ("٣" is 3), "²" is not one."""
    number = whole_number(text)
    if number is not None and number in RATING_WORDS:
        return number
    wanted = " ".join(text.split()).casefold()
    for number, words in RATING_WORDS.items():
        if wanted in (str(number), words):
            return number
    raise ValueError(f"must be one of {rating_choices()}, not {text!r}")


def rating_choices() -> str:
    """Every rating with its words: '1 "very easy", 2 "easy", ... 5 "too hard"'."""
    return ", ".join(f'{number} "{words}"' for number, words in RATING_WORDS.items())


@value
class Review:
    """What the runner says about a session afterwards; None where they said nothing.

    Dizziness (balance) and pain (load) are reported apart; `dizzy_or_pain` is the single
    report of sessions reviewed before they were, kept as it was and never set anew. A
    program steps back after any of the three.
    """

    rating: int | None = None
    near_stumbles: int | None = None
    notes: str = ""
    dizzy: bool = False
    pain: bool = False
    dizzy_or_pain: bool = False

    @property
    def felt_unwell(self) -> bool:
        """Dizzy, in pain, or the report from before the two were apart."""
        return self.dizzy or self.pain or self.dizzy_or_pain

    def with_reports(self, *, dizzy: bool | None = None, pain: bool | None = None) -> Review:
        """This review with dizziness and pain as the runner now says (None: as it was). The
        report from before the two were apart gives way once the runner says which it was,
        or that it was neither; saying only "not dizzy" keeps it (it may have been pain)."""
        if dizzy is None and pain is None:
            return self
        now_dizzy = self.dizzy if dizzy is None else dizzy
        now_pain = self.pain if pain is None else pain
        neither = dizzy is False and pain is False
        old_report = self.dizzy_or_pain and not (now_dizzy or now_pain or neither)
        return replace(self, dizzy=now_dizzy, pain=now_pain, dizzy_or_pain=old_report)

    def problems(self) -> list[str]:
        """Messages for values out of range; empty when the review can be saved."""
        found: list[str] = []
        low, high = RATING_RANGE
        if self.rating is not None and not low <= self.rating <= high:
            found.append(f"rating must be {low}-{high}")
        if self.near_stumbles is not None and not 0 <= self.near_stumbles <= MAX_NEAR_STUMBLES:
            found.append(f"near-stumbles must be 0-{MAX_NEAR_STUMBLES}")
        if len(self.notes) > MAX_NOTES_LENGTH:
            found.append(f"notes must be at most {MAX_NOTES_LENGTH} characters")
        else:
            # The rule for everything people type; the review's fields clean what is pasted.
            found.extend(text_problems("notes", self.notes, MAX_NOTES_LENGTH, lines=True))
        return found


@value
class SessionStart:
    """What is known when a session starts: the row written before the first segment."""

    session_id: str
    template_name: str
    plan_json: str
    venue: Venue
    started: WallTime
    planned_s: float
    # A run at a compressed speed (a script or a test trying things): kept, but never
    # counted in statistics, streaks or progress.
    test_run: bool = False
    program: ProgramRef | None = None


@value
class SessionEnd:
    """How a session ended and its final totals."""

    status: SessionStatus
    ended: WallTime
    totals: SessionTotals


@value
class Pause:
    """The session stood still (paused by the runner, or by a jump of the clock) from
    `start_utc_s` to `end_utc_s`, wall-clock seconds in UTC; no end yet while it lasts."""

    start_utc_s: float
    end_utc_s: float | None = None

    def seconds(self, until_utc_s: float | None = None) -> float:
        """How long it lasted; one without an end lasts until `until_utc_s` (0 if unknown)."""
        end = self.end_utc_s if self.end_utc_s is not None else until_utc_s
        return max(0.0, end - self.start_utc_s) if end is not None else 0.0


@value
class HistoryEntry:
    """One session as listed: everything but its plan and segments.

    Flat on purpose: a list of thousands is built at start-up. `started`, `totals` and
    `review` give the grouped values. `longest_backward_s` is the longest single backward
    segment of the session (0 when none).
    """

    session_id: str
    template_name: str
    venue: Venue
    started_utc_s: float
    utc_offset_s: int
    ended_utc_s: float | None
    status: SessionStatus
    planned_s: float
    active_s: float = 0.0
    backward_s: float = 0.0
    forward_s: float = 0.0
    backward_steps: int = 0
    longest_backward_s: float = 0.0
    rating: int | None = None
    near_stumbles: int | None = None
    notes: str = ""
    deleted_utc_s: float | None = None
    test_run: bool = False
    program: ProgramRef | None = None
    dizzy_or_pain: bool = False
    dizzy: bool = False
    pain: bool = False
    # The backward seconds of the plan the session was run with: what a program judges it by.
    planned_backward_s: float = 0.0

    @classmethod
    def build(
        cls,
        start: SessionStart,
        *,
        status: SessionStatus,
        ended_utc_s: float | None,
        totals: SessionTotals,
        review: Review,
        longest_backward_s: float,
        deleted_utc_s: float | None = None,
    ) -> HistoryEntry:
        return cls(
            session_id=start.session_id,
            template_name=start.template_name,
            venue=start.venue,
            started_utc_s=start.started.utc_s,
            utc_offset_s=start.started.offset_s,
            ended_utc_s=ended_utc_s,
            status=status,
            planned_s=start.planned_s,
            active_s=totals.active_s,
            backward_s=totals.backward_s,
            forward_s=totals.forward_s,
            backward_steps=totals.backward_steps,
            longest_backward_s=longest_backward_s,
            deleted_utc_s=deleted_utc_s,
            test_run=start.test_run,
            program=start.program,
            planned_backward_s=plan_backward_s(start.plan_json),
        ).with_review(review)

    @property
    def started(self) -> WallTime:
        return WallTime(self.started_utc_s, self.utc_offset_s)

    @property
    def mostly_skipped(self) -> bool:
        """Recorded as completed, but most of it was skipped."""
        return self.status is SessionStatus.COMPLETED and mostly_skipped(
            self.planned_s, self.active_s
        )

    @property
    def completed(self) -> bool:
        """It ran to its end with most of its time done."""
        return self.status is SessionStatus.COMPLETED and not self.mostly_skipped

    @property
    def ended(self) -> WallTime | None:
        """The end in the offset of the start (a session does not change time zone)."""
        if self.ended_utc_s is None:
            return None
        return WallTime(self.ended_utc_s, self.utc_offset_s)

    @property
    def totals(self) -> SessionTotals:
        return SessionTotals(self.active_s, self.backward_s, self.forward_s, self.backward_steps)

    @property
    def review(self) -> Review:
        return Review(
            rating=self.rating,
            near_stumbles=self.near_stumbles,
            notes=self.notes,
            dizzy=self.dizzy,
            pain=self.pain,
            dizzy_or_pain=self.dizzy_or_pain,
        )

    def with_review(self, review: Review) -> HistoryEntry:
        """The same session with every field of its review replaced by `review`'s."""
        return replace(
            self,
            rating=review.rating,
            near_stumbles=review.near_stumbles,
            notes=review.notes,
            dizzy=review.dizzy,
            pain=review.pain,
            dizzy_or_pain=review.dizzy_or_pain,
        )

    @property
    def felt_unwell(self) -> bool:
        return self.review.felt_unwell

    @property
    def is_deleted(self) -> bool:
        return self.deleted_utc_s is not None


@value
class HistorySession:
    """One session with everything: its entry, the plan it ran, its segments in order, its
    pauses in order of start, and what its sensors said, in order."""

    entry: HistoryEntry
    plan_json: str
    segments: tuple[SegmentRecord, ...]
    pauses: tuple[Pause, ...] = ()
    samples: tuple[SensorSample, ...] = ()

    @property
    def session_id(self) -> str:
        return self.entry.session_id


def plan_snapshot(plan: Plan) -> str:
    """The plan as compact JSON, kept with the session so later template edits change nothing."""
    return json.dumps(plan_to_json(plan, cues=False), separators=(",", ":"), ensure_ascii=False)


def plan_backward_s(plan_json: object) -> float:
    """The backward seconds of a stored plan (its snapshot's `backward_s`); 0 for text that
    is not such a plan, which only a hand-edited file can hold."""
    try:
        plan = json.loads(plan_json) if isinstance(plan_json, str) else None
    except (ValueError, RecursionError):
        plan = None
    seconds = plan.get("backward_s") if isinstance(plan, dict) else None
    if isinstance(seconds, bool) or not isinstance(seconds, int | float):
        return 0.0
    return float(seconds) if math.isfinite(seconds) and seconds >= 0 else 0.0


def longest_backward(records: Iterable[SegmentRecord]) -> float:
    """The longest single backward segment actually done, in seconds: one visit of it, not
    the visits of a segment run again after Back added together."""
    return max((r.longest_visit for r in records if r.kind.is_backward), default=0.0)


def session_from_parts(
    start: SessionStart,
    records: Iterable[SegmentRecord],
    *,
    status: SessionStatus,
    totals: SessionTotals,
    ended_utc_s: float | None,
    review: Review | None = None,
    pauses: Iterable[Pause] = (),
) -> HistorySession:
    """A whole session from what a recorder knows: its start, segments, pauses, how far it
    got and the runner's review, if given."""
    segments = tuple(sorted(records, key=lambda record: record.index))
    entry = HistoryEntry.build(
        start,
        status=status,
        ended_utc_s=ended_utc_s,
        totals=totals,
        review=review or Review(),
        longest_backward_s=longest_backward(segments),
    )
    ordered = tuple(sorted(pauses, key=lambda pause: pause.start_utc_s))
    return HistorySession(entry, start.plan_json, segments, ordered)
