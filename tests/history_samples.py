"""Sample history sessions for tests, and hypothesis strategies that make them."""

from __future__ import annotations

import json
import uuid

from hypothesis import strategies as st

from retrotimer.core.history.history_values import (
    HistoryEntry,
    HistorySession,
    Pause,
    Review,
    SessionStart,
    SessionStatus,
    SessionTotals,
    longest_backward,
)
from retrotimer.core.history.wall_time import WallTime
from retrotimer.core.model import SegmentKind, Venue
from retrotimer.core.sensors.sensor_values import SensorSample
from retrotimer.core.session.records import SegmentRecord

# Monday 2024-05-06 00:00 UTC.
MONDAY_2024_05_06 = 1_714_953_600.0
DAY = 86_400.0
WEEK = 7 * DAY
PLAN_JSON = json.dumps({"template": "Sample", "segments": []}, separators=(",", ":"))


def make_id(number: int) -> str:
    return str(uuid.UUID(int=number + 1))


def segment(
    index: int,
    kind: SegmentKind = SegmentKind.BACKWARD_WALK,
    actual_s: float = 60.0,
    *,
    planned_s: float | None = None,
    skipped: bool = False,
    steps: int | None = None,
    label: str | None = None,
) -> SegmentRecord:
    return SegmentRecord(
        index=index,
        kind=kind,
        label=label or kind.label,
        planned_s=actual_s if planned_s is None else planned_s,
        actual_s=actual_s,
        skipped=skipped,
        steps=steps,
    )


def start(
    number: int = 0,
    utc_s: float = MONDAY_2024_05_06,
    offset_s: int = 0,
    template: str = "Sample",
    planned_s: float = 600.0,
) -> SessionStart:
    return SessionStart(
        make_id(number), template, PLAN_JSON, Venue.TRACK, WallTime(utc_s, offset_s), planned_s
    )


def session(
    number: int = 0,
    utc_s: float = MONDAY_2024_05_06,
    *,
    offset_s: int = 0,
    segments: tuple[SegmentRecord, ...] = (),
    status: SessionStatus = SessionStatus.COMPLETED,
    review: Review | None = None,
    template: str = "Sample",
    deleted_utc_s: float | None = None,
    pauses: tuple[Pause, ...] = (),
    samples: tuple[SensorSample, ...] = (),
) -> HistorySession:
    totals = SessionTotals.from_records(segments)
    paused = sum(pause.seconds() for pause in pauses)
    # The plan was what the segments planned (600 s for a session without any).
    planned_s = sum(record.planned_s for record in segments) or 600.0
    entry = HistoryEntry.build(
        start(number, utc_s, offset_s, template, planned_s),
        status=status,
        ended_utc_s=utc_s + totals.active_s + paused,
        totals=totals,
        review=review or Review(),
        longest_backward_s=longest_backward(segments),
        deleted_utc_s=deleted_utc_s,
    )
    return HistorySession(entry, PLAN_JSON, segments, pauses, samples)


def entry(
    utc_s: float,
    *,
    backward_s: float = 0.0,
    forward_s: float = 0.0,
    offset_s: int = 0,
    number: int = 0,
    longest_backward_s: float = 0.0,
    status: SessionStatus = SessionStatus.COMPLETED,
    deleted: bool = False,
    test_run: bool = False,
) -> HistoryEntry:
    return HistoryEntry(
        session_id=make_id(number),
        template_name="Sample",
        venue=Venue.TRACK,
        started_utc_s=utc_s,
        utc_offset_s=offset_s,
        ended_utc_s=utc_s + 600,
        status=status,
        planned_s=backward_s + forward_s or 600.0,  # a plan that was done
        active_s=backward_s + forward_s,
        backward_s=backward_s,
        forward_s=forward_s,
        longest_backward_s=longest_backward_s,
        deleted_utc_s=utc_s + 1 if deleted else None,
        test_run=test_run,
    )


# ---- strategies ------------------------------------------------------------------------
# Whole microseconds: what the wall clock gives and what ISO 8601 carries exactly.
moments = st.integers(1_500_000_000_000_000, 2_500_000_000_000_000).map(lambda us: us / 1e6)
offsets = st.integers(-12 * 60, 14 * 60).map(lambda minutes: minutes * 60)
seconds = st.floats(0, 10_000, allow_nan=False, allow_infinity=False).map(lambda x: round(x, 3))
# What people can type in a name, a label or notes: no character that cannot be seen.
typed = st.characters(blacklist_categories=("Cs", "Cc", "Cf", "Zl", "Zp"))
texts = st.text(typed, max_size=40)
notes_texts = st.text(st.one_of(typed, st.just("\n")), max_size=40)


@st.composite
def segment_lists(draw: st.DrawFn) -> tuple[SegmentRecord, ...]:
    count = draw(st.integers(0, 8))
    return tuple(
        SegmentRecord(
            index=index,
            kind=draw(st.sampled_from(SegmentKind)),
            label=draw(texts),
            planned_s=draw(seconds),
            actual_s=draw(seconds),
            skipped=draw(st.booleans()),
            steps=draw(st.one_of(st.none(), st.integers(1, 200))),
        )
        for index in range(count)
    )


@st.composite
def pause_lists(draw: st.DrawFn, utc_s: float, length_s: float) -> tuple[Pause, ...]:
    """Pauses one after the other within `length_s` of `utc_s`, the last perhaps still open."""
    marks = draw(
        st.lists(st.integers(0, round(length_s * 1e6)), max_size=6, unique=True).map(sorted)
    )
    times = [round(utc_s + mark / 1e6, 6) for mark in marks]
    pauses = [Pause(begin, end) for begin, end in zip(times[::2], times[1::2], strict=False)]
    if len(times) % 2 and draw(st.booleans()):
        pauses.append(Pause(times[-1]))
    return tuple(pauses)


@st.composite
def sample_lists(draw: st.DrawFn, utc_s: float) -> tuple[SensorSample, ...]:
    """Samples at whole seconds after the start (as an export writes them, to the ms)."""
    seconds_after = sorted(draw(st.sets(st.integers(0, 5000), max_size=6)))
    return tuple(
        SensorSample(
            utc_s + at,
            draw(st.integers(0, 30)),
            draw(st.one_of(st.none(), st.integers(1, 65535))),
            draw(st.one_of(st.none(), st.integers(0, 255))),
            draw(st.one_of(st.none(), st.floats(0, 20, allow_nan=False))),
        )
        for at in seconds_after
    )


@st.composite
def sessions(draw: st.DrawFn) -> HistorySession:
    records = draw(segment_lists())
    utc_s = draw(moments)
    ended = draw(st.one_of(st.none(), st.just(utc_s + 1234.5)))
    pauses = draw(pause_lists(utc_s, 1234.5))
    begin = SessionStart(
        str(draw(st.uuids())),
        draw(texts.filter(lambda text: text.strip() != "")),
        json.dumps({"template": "x", "n": draw(st.integers(0, 9))}, separators=(",", ":")),
        draw(st.sampled_from(Venue)),
        WallTime(utc_s, draw(offsets)),
        draw(seconds),
    )
    entry = HistoryEntry.build(
        begin,
        status=draw(
            st.sampled_from(
                [SessionStatus.COMPLETED, SessionStatus.STOPPED, SessionStatus.INTERRUPTED]
            )
        ),
        ended_utc_s=ended,
        totals=SessionTotals(
            draw(seconds), draw(seconds), draw(seconds), draw(st.integers(0, 999))
        ),
        review=Review(
            draw(st.one_of(st.none(), st.integers(1, 5))),
            draw(st.one_of(st.none(), st.integers(0, 20))),
            draw(notes_texts),
            dizzy=draw(st.booleans()),
            pain=draw(st.booleans()),
            dizzy_or_pain=draw(st.booleans()),
        ),
        longest_backward_s=longest_backward(records),
    )
    return HistorySession(entry, begin.plan_json, records, pauses, draw(sample_lists(utc_s)))


def read_whole(text: str) -> list[HistorySession]:
    """The sessions of an export none of whose sessions is refused."""
    from retrotimer.exchange.history.history_codec import sessions_from_json

    reading = sessions_from_json(text)
    assert reading.refused == (), [refused.problems for refused in reading.refused]
    return list(reading.sessions)


def refusals(text: str) -> list[str]:
    """Every problem of an export whose every session is refused."""
    from retrotimer.exchange.history.history_codec import sessions_from_json

    reading = sessions_from_json(text)
    assert reading.sessions == ()
    return [problem for refused in reading.refused for problem in refused.problems]
