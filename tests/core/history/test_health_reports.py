"""The latest report of dizziness or pain counts on its day and the day after, while no later
session has gone without one."""

from __future__ import annotations

import dataclasses

from retrotimer.core.history.health_reports import felt_words, recent_unwell_report
from retrotimer.core.history.history_values import Review, SessionStatus
from tests.core.programs.program_history import day, other_session, ran, small_program

PROGRAM = small_program()


def test_a_report_counts_today_and_tomorrow_only() -> None:
    dizzy = ran(PROGRAM, 0, 1, 1, "dizzy")
    assert recent_unwell_report([dizzy], day(0)) == dizzy
    assert recent_unwell_report([dizzy], day(1)) == dizzy
    assert recent_unwell_report([dizzy], day(2)) is None


def test_every_kind_of_report_counts() -> None:
    for how in ("dizzy", "pain", "dizzy_or_pain"):
        entry = ran(PROGRAM, 0, 1, 1, how)
        assert recent_unwell_report([entry], day(0)) == entry, how
    assert recent_unwell_report([ran(PROGRAM, 0, 1, 1, "stumbles3")], day(0)) is None


def test_only_the_latest_session_speaks() -> None:
    pain = ran(PROGRAM, 0, 1, 1, "pain", hour=8)
    fine_later = other_session(0, number=1)
    assert recent_unwell_report([fine_later, pain], day(0)) is None
    assert recent_unwell_report([pain, other_session(-1, number=2)], day(0)) == pain


def test_deleted_running_and_future_sessions_do_not_count() -> None:
    pain = ran(PROGRAM, 0, 1, 1, "pain", hour=8)
    later = other_session(0, number=1)
    deleted = dataclasses.replace(later, deleted_utc_s=1.0)
    running = dataclasses.replace(later, status=SessionStatus.RUNNING)
    tomorrow = other_session(1, number=3)
    assert recent_unwell_report([pain, deleted, running, tomorrow], day(0)) == pain


def test_the_words_name_what_was_felt() -> None:
    assert felt_words(Review(dizzy=True)) == "dizzy"
    assert felt_words(Review(pain=True)) == "pain"
    assert felt_words(Review(dizzy=True, pain=True)) == "dizzy and in pain"
    assert felt_words(Review(dizzy_or_pain=True)) == "dizzy or in pain"
    assert felt_words(Review()) == ""
