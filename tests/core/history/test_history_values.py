"""The values the history keeps: totals, status, review limits, plan snapshot, entries."""

from __future__ import annotations

import json

import pytest

from retrotimer.core.history.history_values import (
    Review,
    SessionStatus,
    SessionTotals,
    longest_backward,
    plan_snapshot,
    rating_number,
    session_from_parts,
)
from retrotimer.core.history.wall_time import WallTime
from retrotimer.core.model import Length, Segment, SegmentKind, Template
from retrotimer.core.session.plan import compile_plan
from retrotimer.core.session.records import SessionOutcome, SessionSummary, mostly_skipped
from retrotimer.core.session.session_machine import Session
from retrotimer.core.settings import Settings
from tests.factories import first_steps
from tests.history_samples import entry, segment, start


def test_totals_split_directions_and_count_steps_in_proportion() -> None:
    records = [
        segment(0, SegmentKind.WARMUP, 60.0),
        segment(1, SegmentKind.BACKWARD_WALK, 9.0, steps=15),
        segment(2, SegmentKind.FORWARD_RUN, 30.0),
        # Stopped halfway through 20 backward jog steps: 10 steps done.
        segment(3, SegmentKind.BACKWARD_JOG, 3.75, planned_s=7.5, steps=20),
    ]
    totals = SessionTotals.from_records(records)
    assert totals == SessionTotals(
        active_s=102.75, backward_s=12.75, forward_s=30.0, backward_steps=25
    )
    assert SessionTotals.from_records([]) == SessionTotals()


@pytest.mark.parametrize(
    ("state", "status"),
    [
        (SessionOutcome.FINISHED, SessionStatus.COMPLETED),
        (SessionOutcome.STOPPED, SessionStatus.STOPPED),
    ],
)
def test_status_from_the_summary(state: SessionOutcome, status: SessionStatus) -> None:
    summary = SessionSummary("T", state, 10.0, 5.0, 2.0, 1.0, 3, ())
    assert SessionStatus.from_summary(summary) is status
    assert SessionTotals.from_summary(summary) == SessionTotals(5.0, 2.0, 1.0, 3)


def test_review_limits() -> None:
    assert Review(5, 0, "fine").problems() == []
    assert Review().problems() == []
    assert Review(rating=0).problems() == ["rating must be 1-5"]
    assert Review(rating=6).problems() == ["rating must be 1-5"]
    assert Review(near_stumbles=-1).problems() == ["near-stumbles must be 0-1000"]
    assert Review(notes="x" * 10_001).problems() == ["notes must be at most 10000 characters"]


def test_plan_snapshot_keeps_the_timeline_as_compact_json() -> None:
    plan = compile_plan(first_steps(), Settings())
    data = json.loads(plan_snapshot(plan))
    assert data["template"] == "First steps" and data["venue"] == "track"
    assert data["total_s"] == plan.total_s
    assert [s["kind"] for s in data["segments"]] == [s.kind.value for s in plan.segments]
    assert data["segments"][1]["steps"] == 15
    assert plan_snapshot(plan) == json.dumps(data, separators=(",", ":"), ensure_ascii=False)


def test_entry_groups_and_times_keep_the_local_offset() -> None:
    listed = entry(1_714_953_600.0, backward_s=90.0, forward_s=30.0, offset_s=7200)
    assert listed.started == WallTime(1_714_953_600.0, 7200)
    assert listed.ended == WallTime(1_714_953_600.0 + 600, 7200)
    assert listed.totals == SessionTotals(120.0, 90.0, 30.0, 0)
    assert listed.review == Review()
    assert not listed.is_deleted
    assert entry(0.0, deleted=True).is_deleted


def test_session_from_parts_orders_segments_and_finds_the_longest_backward() -> None:
    records = [
        segment(2, SegmentKind.BACKWARD_JOG, 40.0),
        segment(0, SegmentKind.WARMUP, 300.0),
        segment(1, SegmentKind.BACKWARD_WALK, 55.5),
    ]
    whole = session_from_parts(
        start(),
        records,
        status=SessionStatus.STOPPED,
        totals=SessionTotals.from_records(records),
        ended_utc_s=None,
    )
    assert [r.index for r in whole.segments] == [0, 1, 2]
    assert whole.entry.longest_backward_s == 55.5 == longest_backward(records)
    assert whole.entry.status is SessionStatus.STOPPED
    assert whole.entry.ended is None
    assert longest_backward([segment(0, SegmentKind.WALK, 99.0)]) == 0.0


def test_a_segment_run_again_after_back_counts_its_longest_visit_not_both() -> None:
    plan = compile_plan(
        Template(
            "Back",
            (
                Segment(SegmentKind.WALK, Length.seconds(10)),
                Segment(SegmentKind.BACKWARD_WALK, Length.seconds(20)),
            ),
        ),
        Settings(next_up=False, countdown_pips=0),
    )
    session = Session(plan, get_ready_s=0)
    session.start(0.0)
    for tick in range(1, 51):  # 15 s into the backward walk, then Back restarts it
        session.advance(tick / 2)
    session.back(25.0)
    for tick in range(51, 91):
        session.advance(tick / 2)
    record = session.records[1]
    assert record.actual_s == pytest.approx(35.0)  # both visits, for the time spent
    assert longest_backward(session.records) == pytest.approx(20.0)  # the longer visit


def test_a_completed_session_with_less_than_half_done_was_mostly_skipped() -> None:
    assert mostly_skipped(640.0, 7.0)
    assert mostly_skipped(640.0, 319.9)
    assert not mostly_skipped(640.0, 320.0)
    assert not mostly_skipped(0.0, 0.0)  # an empty plan skipped nothing


@pytest.mark.parametrize(("text", "number"), [("3", 3), (" ٣ ", 3), ("Just  Right", 3), ("5", 5)])
def test_a_rating_is_read_as_its_number_or_its_words(text: str, number: int) -> None:
    assert rating_number(text) == number


@pytest.mark.parametrize("text", ["²", "0", "6", "03x", ""])
def test_a_rating_that_is_neither_is_refused_naming_every_choice(text: str) -> None:
    with pytest.raises(ValueError, match="must be one of 1"):
        rating_number(text)
