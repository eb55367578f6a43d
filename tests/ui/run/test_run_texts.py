"""What the run screen says for each moment of a session (pure functions, no widgets)."""

from __future__ import annotations

import pytest

from retrotimer.core.model import ColourRole, Length, Prompt, Segment, SegmentKind, Venue
from retrotimer.core.session.plan import Plan, compile_plan
from retrotimer.core.session.session_machine import Session
from retrotimer.core.settings import Settings
from retrotimer.ui.common.kind_style import Arrow, arrow_for, direction_word
from retrotimer.ui.run.run_texts import (
    PROMPT_LINE_CHARS,
    RAILS_BANNER,
    SHOULDER_BANNER,
    Look,
    digits_sample,
    next_text,
    run_texts,
    segment_title,
    short_length_text,
    shown_prompt,
    steps_left,
    steps_sample,
)
from tests.factories import first_steps, simple

SETTINGS = Settings(get_ready_s=5)


def walk(session: Session, now: float, to: float) -> None:
    """Advance in one-second steps: a single big step would look like a suspend."""
    while now < to:
        now = min(to, now + 1.0)
        session.advance(now)


def plan_of(venue: Venue = Venue.TRACK) -> Plan:
    return compile_plan(first_steps(venue), SETTINGS)


def test_the_digits_are_sized_for_the_widest_text_of_the_segment() -> None:
    assert digits_sample(59) == "0:00"
    assert digits_sample(600) == "00:00"
    assert digits_sample(4000) == "0:00:00"


def test_idle_shows_the_whole_plan_and_how_to_start() -> None:
    plan = plan_of()
    texts = run_texts(Session(plan).view(0.0), plan)
    assert texts.word == "READY"
    assert texts.role is None
    assert texts.title == "First steps"
    assert texts.digits == "2:38"  # 60 + 2 x (9 + 30) + 20 s
    assert texts.next == "First: Warm-up walk · 1 min"
    assert texts.banner is None
    assert "Space" in texts.info


def test_get_ready_counts_down_to_the_first_segment() -> None:
    plan = plan_of()
    session = Session.from_settings(plan, SETTINGS)
    session.start(100.0)
    texts = run_texts(session.view(101.2), plan)
    assert texts.word == "GET READY"
    assert texts.digits == "0:04"
    assert texts.role is ColourRole.WARMUP
    assert texts.title == "First steps"
    assert (texts.look, texts.shout) == (Look.GET_READY, "GET READY")
    session.pause(101.5)
    paused = run_texts(session.view(103.0), plan)
    assert (paused.look, paused.shout, paused.digits) == (Look.PAUSED, "PAUSED", "0:04")
    assert texts.next == "First: Warm-up walk · 1 min"


def test_a_backward_step_segment_on_a_track() -> None:
    plan = plan_of()
    session = Session.from_settings(plan, SETTINGS)
    session.start(0.0)
    walk(session, 0.0, 68.0)  # 3 s into "15 steps backward walk" (9 s at 100 a minute)
    texts = run_texts(session.view(68.0), plan)
    assert texts.word == "BACKWARD"
    assert texts.arrow is Arrow.BACKWARD
    assert texts.role is ColourRole.BACKWARD_EASY
    assert texts.title == "Backward walk · 15 steps"
    assert texts.rep == "Rep 1 of 2"
    assert texts.digits == "0:06"
    assert texts.banner == SHOULDER_BANNER
    assert texts.next == "Next: Turn around and reset · 30 s"
    assert texts.segment_fraction == pytest.approx(3 / 9)


def test_on_a_treadmill_the_banner_says_hold_the_rails() -> None:
    plan = plan_of(Venue.TREADMILL)
    session = Session(plan, get_ready_s=0)
    session.start(0.0)
    walk(session, 0.0, 61.0)
    assert run_texts(session.view(61.0), plan).banner == RAILS_BANNER


def test_after_backward_work_the_runner_is_told_to_stop_then_turn() -> None:
    plan = plan_of()
    session = Session(plan, get_ready_s=0)
    session.start(0.0)
    walk(session, 0.0, 70.0)  # 1 s into the walk after the first backward segment
    texts = run_texts(session.view(70.0), plan)
    assert texts.word == "WALK"
    assert texts.info == "STOP, THEN TURN AROUND"
    walk(session, 70.0, 75.0)
    assert run_texts(session.view(75.0), plan).info == ""


def test_a_note_shows_in_the_info_line_or_beside_the_title_when_the_banner_is_up() -> None:
    plan = compile_plan(
        simple(
            Segment(SegmentKind.WALK, Length.seconds(10), None, "easy pace"),
            Segment(SegmentKind.BACKWARD_WALK, Length.seconds(60), None, "hold the rails"),
        ),
        SETTINGS,
    )
    session = Session(plan, get_ready_s=0)
    session.start(0.0)
    assert run_texts(session.view(1.0), plan).info == "easy pace"
    walk(session, 0.0, 20.0)
    texts = run_texts(session.view(20.0), plan)
    assert texts.title == "Backward walk · hold the rails"


def test_a_timed_prompt_shows_in_the_info_line_from_its_moment_for_a_while() -> None:
    prompts = (Prompt(20, "Cadence up"), Prompt(50, "Nearly there"))
    plan = compile_plan(
        simple(Segment(SegmentKind.WALK, Length.seconds(60), None, "easy pace", prompts)),
        SETTINGS,
    )
    session = Session(plan, get_ready_s=0)
    session.start(0.0)
    shown = {}
    now = 0.0
    for moment in (19.0, 20.0, 34.0, 36.0, 51.0):
        walk(session, now, moment)
        now = moment
        shown[moment] = run_texts(session.view(moment), plan).info
    assert shown == {
        19.0: "easy pace",
        20.0: "Cadence up",
        34.0: "Cadence up",
        36.0: "easy pace",
        51.0: "Nearly there",
    }


def test_in_a_backward_segment_a_prompt_shows_beside_the_title_under_the_banner() -> None:
    prompts = (Prompt(5, "Small steps"),)
    plan = compile_plan(
        simple(Segment(SegmentKind.BACKWARD_WALK, Length.seconds(30), None, None, prompts)),
        SETTINGS,
    )
    session = Session(plan, get_ready_s=0)
    session.start(0.0)
    walk(session, 0.0, 6.0)
    texts = run_texts(session.view(6.0), plan)
    assert texts.title == "Backward walk · Small steps"
    assert texts.banner == SHOULDER_BANNER


def test_a_long_prompt_is_shown_a_line_at_a_time_as_subtitles_are() -> None:
    words = (
        "We will start out with some intervals to open up the legs, then the main set "
        "with strong aerobic recovery."
    )
    segment = compile_plan(
        simple(Segment(SegmentKind.WALK, Length.seconds(60), prompts=(Prompt(10, words),))),
        SETTINGS,
    ).segments[0]
    lines = [shown_prompt(segment, at) for at in (9.9, 10.0, 14.0, 18.0, 24.9, 30.0)]
    assert lines == [
        None,
        "We will start out with some intervals to",
        "open up the legs, then the main set with",
        "strong aerobic recovery.",
        "strong aerobic recovery.",
        None,
    ]
    assert all(line is None or len(line) <= PROMPT_LINE_CHARS for line in lines)


def test_paused_says_so_in_the_big_word_and_drops_the_banner() -> None:
    plan = plan_of()
    session = Session(plan, get_ready_s=0)
    session.start(0.0)
    walk(session, 0.0, 62.0)
    session.pause(62.0)
    texts = run_texts(session.view(90.0), plan)
    assert texts.word == "PAUSED"
    assert texts.arrow is Arrow.PAUSE
    assert texts.banner is None
    assert texts.info == "Space to resume"
    assert texts.digits == "0:07"
    assert (texts.look, texts.shout) == (Look.PAUSED, "PAUSED")
    assert texts.steps == "12 steps"  # 15 steps x 7 s left / 9 s = 11.7, rounded up


def test_finished_and_stopped() -> None:
    plan = plan_of()
    session = Session(plan, get_ready_s=0)
    session.start(0.0)
    walk(session, 0.0, 200.0)
    finished = run_texts(session.view(200.0), plan)
    assert (finished.word, finished.title, finished.digits) == ("DONE", "Session complete", "0:00")
    stopped_session = Session(plan, get_ready_s=0)
    stopped_session.start(0.0)
    walk(stopped_session, 0.0, 30.0)
    stopped_session.stop(30.0)
    stopped = run_texts(stopped_session.view(30.0), plan)
    assert (stopped.word, stopped.title) == ("STOPPED", "Session stopped")


@pytest.mark.parametrize("kind", list(SegmentKind))
def test_every_kind_has_a_word_and_an_arrow_that_set_backward_apart(kind: SegmentKind) -> None:
    word, arrow = direction_word(kind), arrow_for(kind)
    assert word and arrow
    assert (word == "BACKWARD") == kind.is_backward
    assert (arrow is Arrow.BACKWARD) == kind.is_backward


def test_steps_left_follow_the_seconds_rounded_up() -> None:
    plan = plan_of()
    backward = plan.segments[1]
    assert backward.steps == 15
    assert steps_left(backward, backward.duration_s) == 15
    assert steps_left(backward, backward.duration_s / 2) == 8  # 7.5
    assert steps_left(backward, 0.01) == 1
    assert steps_left(backward, 0.0) == 0
    assert steps_left(plan.segments[0], 30.0) is None  # a timed segment
    assert steps_sample(backward) == "00 steps"


def test_a_running_step_segment_shows_its_steps_and_a_timed_one_none() -> None:
    plan = plan_of()
    session = Session(plan, get_ready_s=0)
    session.start(0.0)
    assert run_texts(session.view(1.0), plan).steps == ""
    walk(session, 0.0, 61.0)
    texts = run_texts(session.view(61.0), plan)
    assert (texts.look, texts.shout) == (Look.SEGMENT, "")
    assert (texts.steps, texts.steps_sample) == ("14 steps", "00 steps")  # 15 x 8/9 = 13.3


def test_one_of_a_thing_is_singular_and_the_finish_is_capitalised() -> None:
    plan = compile_plan(
        simple(Segment(SegmentKind.BACKWARD_WALK, Length.steps(1))), Settings(get_ready_s=0)
    )
    segment = plan.segments[0]
    assert short_length_text(segment) == "1 step"
    assert segment_title(segment) == "Backward walk · 1 step"
    assert next_text(None) == "Next: Finish"
    session = Session(plan, get_ready_s=0)
    assert run_texts(session.view(0.0), plan).session.startswith("1 segment  ·  ")


def test_totals_round_halves_up_like_the_plan_command() -> None:
    plan = compile_plan(simple(Segment(SegmentKind.WALK, Length.seconds(10.5))), SETTINGS)
    texts = run_texts(Session(plan).view(0.0), plan)
    assert texts.digits == "0:11"
    assert texts.session.endswith("0:11 in all")


def test_a_backward_segment_straight_after_a_forward_run_shows_the_turn_first() -> None:
    from retrotimer.ui.run.run_texts import TURN_AROUND_NOTICE, TURN_AROUND_NOTICE_S

    plan = compile_plan(
        simple(
            Segment(SegmentKind.FORWARD_RUN, Length.seconds(30)),
            Segment(SegmentKind.BACKWARD_JOG, Length.seconds(20)),
        ),
        SETTINGS,
    )
    assert plan.segments[1].turn_first
    session = Session.from_settings(plan, SETTINGS)
    session.start(0.0)
    walk(session, 0.0, SETTINGS.get_ready_s + 31.0)
    assert run_texts(session.view(SETTINGS.get_ready_s + 31.0), plan).banner == TURN_AROUND_NOTICE
    later = SETTINGS.get_ready_s + 30.0 + TURN_AROUND_NOTICE_S + 1.0
    walk(session, SETTINGS.get_ready_s + 31.0, later)
    assert run_texts(session.view(later), plan).banner == SHOULDER_BANNER
