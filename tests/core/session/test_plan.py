"""The plan compiler: durations, repeats, cue placement and totals."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import retrotimer.core
from retrotimer.core.model import Length, Repeat, Segment, SegmentKind, Template, Venue
from retrotimer.core.session.cue_sounds import NOTHING, sound_of_cue
from retrotimer.core.session.plan import Cue, CueType, compile_plan, cue_wanted, moment_ms
from retrotimer.core.session.session_machine import Session
from retrotimer.core.settings import Settings
from retrotimer.core.value import FrozenValueError, replace
from tests.factories import first_steps, simple

WALK = SegmentKind.WALK
BACK_WALK = SegmentKind.BACKWARD_WALK
BACK_JOG = SegmentKind.BACKWARD_JOG


def cues_of(template: Template, settings: Settings | None = None, *types: CueType) -> list[Cue]:
    plan = compile_plan(template, settings or Settings())
    return [cue for cue in plan.cues if not types or cue.type in types]


def at(cues: list[Cue]) -> list[float]:
    return [cue.at_s for cue in cues]


def test_steps_become_seconds_at_the_kinds_cadence() -> None:
    template = simple(
        Segment(BACK_WALK, Length.steps(15)),  # 100 spm -> 9 s
        Segment(BACK_JOG, Length.steps(20)),  # 160 spm -> 7.5 s
        Segment(SegmentKind.BACKWARD_SPRINT, Length.steps(30)),  # 180 spm -> 10 s
    )
    plan = compile_plan(template, Settings())
    assert [s.duration_s for s in plan.segments] == [9.0, 7.5, 10.0]
    assert [s.start_s for s in plan.segments] == [0.0, 9.0, 16.5]
    assert [s.steps for s in plan.segments] == [15, 20, 30]
    faster = compile_plan(template, Settings(cadence_backward_walk=120))
    assert faster.segments[0].duration_s == 7.5


def test_repeats_expand_with_rep_numbers_and_nesting_uses_the_innermost_block() -> None:
    inner = Repeat(2, (Segment(BACK_WALK, Length.seconds(10)),))
    template = simple(
        Segment(SegmentKind.WARMUP, Length.seconds(60)),
        Repeat(3, (inner, Segment(WALK, Length.seconds(20)))),
    )
    plan = compile_plan(template, Settings())
    reps = [(s.kind, s.rep, s.reps) for s in plan.segments]
    assert reps[0] == (SegmentKind.WARMUP, None, None)
    assert reps[1:4] == [(BACK_WALK, 1, 2), (BACK_WALK, 2, 2), (WALK, 1, 3)]
    assert len(plan.segments) == 1 + 3 * 3
    assert [s.index for s in plan.segments] == list(range(10))
    assert plan.total_s == 60 + 3 * (2 * 10 + 20)


def test_announce_says_kind_length_and_rep() -> None:
    announce = cues_of(first_steps(), None, CueType.ANNOUNCE)
    assert announce[1].text == "Backward walk, 15 steps. Rep 1 of 2."
    assert announce[1].speech == ("backward walk", "15", "steps", "rep", "1", "of", "2")
    assert announce[0].text == "Warm-up walk, 1 minute."
    assert announce[2].text == "Turn around and reset, 30 seconds. Rep 1 of 2."
    assert at(announce) == [0.0, 60.0, 69.0, 99.0, 108.0, 138.0]


def test_countdown_pips_in_the_last_seconds_and_left_out_of_short_segments() -> None:
    template = simple(
        Segment(WALK, Length.seconds(10)),
        Segment(SegmentKind.BACKWARD_SPRINT, Length.steps(10)),  # 3.333 s
        Segment(WALK, Length.seconds(1)),
    )
    pips = cues_of(template, Settings(countdown_pips=3), CueType.COUNTDOWN)
    # 10 s walk: 7, 8, 9; 3.33 s sprint: only the pips at least 1 s after its start; 1 s: none.
    assert [(c.at_s, c.text) for c in pips] == [
        (7.0, "3"),
        (8.0, "2"),
        (9.0, "1"),
        (pytest.approx(11.333333), "2"),
        (pytest.approx(12.333333), "1"),
    ]
    assert cues_of(template, Settings(countdown_pips=0), CueType.COUNTDOWN) == []
    five = cues_of(template, Settings(countdown_pips=5), CueType.COUNTDOWN)
    assert [c.text for c in five if c.segment_index == 0] == ["5", "4", "3", "2", "1"]


def test_next_up_comes_a_few_seconds_before_a_change_but_not_in_short_segments() -> None:
    template = simple(
        Segment(WALK, Length.seconds(30)),
        Segment(BACK_WALK, Length.seconds(7)),  # 7 < 5 + 3: too short
        Segment(WALK, Length.seconds(8)),  # exactly room: at 3 s after its start
        Segment(SegmentKind.COOLDOWN, Length.seconds(60)),  # last: nothing comes next
    )
    next_up = cues_of(template, None, CueType.NEXT_UP)
    assert [(c.at_s, c.text) for c in next_up] == [
        (25.0, "Next: Backward walk, 7 seconds."),
        (40.0, "Next: Cool-down walk, 1 minute."),
    ]
    assert cues_of(template, Settings(next_up=False), CueType.NEXT_UP) == []
    later = cues_of(template, Settings(next_up_lead_s=10), CueType.NEXT_UP)
    assert at(later) == [20.0]


def test_halfway_only_for_segments_of_a_minute_or_more() -> None:
    template = simple(Segment(WALK, Length.seconds(59)), Segment(WALK, Length.seconds(120)))
    assert at(cues_of(template, None, CueType.HALFWAY)) == [59.0 + 60.0]
    assert cues_of(template, Settings(halfway=False), CueType.HALFWAY) == []


SWITCHES = {CueType.HALFWAY: "halfway", CueType.NEXT_UP: "next_up", CueType.STEP_TICK: "step_ticks"}


@pytest.mark.parametrize(("kind", "switch"), SWITCHES.items())
def test_a_switched_off_cue_is_neither_planned_nor_heard(kind: CueType, switch: str) -> None:
    template = simple(Segment(WALK, Length.seconds(120)), Segment(BACK_WALK, Length.steps(20)))
    on = Settings(step_ticks=True)
    off = replace(on, **{switch: False})
    planned = [cue for cue in compile_plan(template, on).cues if cue.type is kind]
    assert planned and cue_wanted(kind, on) and not cue_wanted(kind, off)
    assert cues_of(template, off, kind) == []
    # Switched off after the plan was made (during a session): silent by the same rule.
    plan = compile_plan(template, on)
    assert [sound_of_cue(cue, plan, off) for cue in planned] == [NOTHING] * len(planned)
    others = set(CueType) - {kind}
    assert all(cue_wanted(other, off) for other in others)


def test_only_the_one_rule_reads_the_cue_switches() -> None:
    """The settings that switch cues off are read by `cue_wanted` alone in the core."""
    readers = []
    for path in Path(retrotimer.core.__file__).parent.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for function in ast.walk(tree):
            if not isinstance(function, ast.FunctionDef):
                continue
            reads = {
                node.attr
                for node in ast.walk(function)
                if isinstance(node, ast.Attribute) and node.attr in SWITCHES.values()
            }
            if reads:
                readers.append((path.name, function.name))
    assert readers == [("plan.py", "cue_wanted")]


def test_shoulder_checks_at_start_and_every_interval_on_a_track() -> None:
    template = simple(Segment(WALK, Length.seconds(5)), Segment(BACK_JOG, Length.seconds(35)))
    checks = cues_of(template, None, CueType.SHOULDER_CHECK)
    assert at(checks) == [5.0, 15.0, 25.0, 35.0]
    assert {c.text for c in checks} == {"Look over your shoulder."}
    assert cues_of(template, None, CueType.HOLD_RAILS) == []
    assert at(cues_of(template, Settings(reminder_interval_s=15), CueType.SHOULDER_CHECK)) == [
        5.0,
        20.0,
        35.0,
    ]


def test_treadmill_reminds_to_hold_the_rails_instead_once_a_minute() -> None:
    template = simple(Segment(BACK_WALK, Length.seconds(150)), venue=Venue.TREADMILL)
    assert at(cues_of(template, None, CueType.HOLD_RAILS)) == [0.0, 60.0, 120.0]
    slower = Settings(reminder_interval_s=90)
    assert at(cues_of(template, slower, CueType.HOLD_RAILS)) == [0.0, 90.0]
    assert cues_of(template, None, CueType.SHOULDER_CHECK) == []


def test_any_venue_follows_the_users_default_venue() -> None:
    template = simple(Segment(BACK_WALK, Length.seconds(20)), venue=Venue.ANY)
    treadmill = Settings(default_venue=Venue.TREADMILL)
    assert compile_plan(template, treadmill).venue is Venue.TREADMILL
    assert cues_of(template, treadmill, CueType.HOLD_RAILS)
    assert compile_plan(template, Settings()).venue is Venue.TRACK


def test_forward_and_rest_segments_get_no_safety_reminders() -> None:
    template = simple(
        Segment(SegmentKind.FORWARD_RUN, Length.seconds(60)), Segment(WALK, Length.seconds(30))
    )
    types = {c.type for c in cues_of(template)}
    assert CueType.SHOULDER_CHECK not in types and CueType.TURN_AROUND not in types


def test_turn_around_after_backward_work_unless_the_next_segment_is_backward_too() -> None:
    template = simple(
        Segment(BACK_WALK, Length.seconds(10)),
        Segment(BACK_JOG, Length.seconds(10)),
        Segment(WALK, Length.seconds(10)),
    )
    turns = cues_of(template, None, CueType.TURN_AROUND)
    assert [(c.at_s, c.segment_index) for c in turns] == [(20.0, 1)]


def test_step_ticks_follow_the_cadence_when_enabled() -> None:
    template = simple(Segment(BACK_WALK, Length.steps(4)), Segment(WALK, Length.seconds(10)))
    assert cues_of(template, None, CueType.STEP_TICK) == []
    ticks = cues_of(template, Settings(step_ticks=True), CueType.STEP_TICK)
    assert at(ticks) == [0.0, 0.6, 1.2, 1.8]


def test_cues_are_in_time_order_and_the_finish_comes_last() -> None:
    plan = compile_plan(first_steps(), Settings(step_ticks=True))
    keys = [c.at_s for c in plan.cues]
    assert keys == sorted(keys)
    assert plan.cues[-1] == Cue(
        158.0, CueType.FINISH, "Session complete.", 5, ("session complete",)
    )
    boundary = [c.type for c in plan.cues if c.at_s == 69.0]
    assert boundary == [CueType.TURN_AROUND, CueType.ANNOUNCE]


def test_totals_count_backward_and_forward_time_and_backward_steps() -> None:
    template = simple(
        Segment(SegmentKind.WARMUP, Length.seconds(300)),
        Repeat(
            5,
            (
                Segment(SegmentKind.FORWARD_RUN, Length.seconds(120)),
                Segment(BACK_JOG, Length.steps(40)),
            ),
        ),
    )
    plan = compile_plan(template, Settings())
    assert plan.total_s == 300 + 5 * (120 + 15)
    assert plan.forward_s == 600
    assert plan.backward_s == 75
    assert plan.backward_steps == 200


def test_segment_index_at_finds_the_running_segment() -> None:
    plan = compile_plan(first_steps(), Settings())
    assert [plan.segment_index_at(p) for p in (0, 59.9, 60, 68.9, 69, 157, 158, 999)] == [
        0,
        0,
        1,
        1,
        2,
        5,
        5,
        5,
    ]


def test_a_custom_label_is_marked_and_spoken_as_written() -> None:
    plan = compile_plan(first_steps(), Settings())
    walk = plan.segments[2]
    assert walk.custom_label and walk.label == "turn around and reset"
    assert not plan.segments[1].custom_label


def test_plan_is_immutable() -> None:
    plan = compile_plan(first_steps(), Settings())
    with pytest.raises(FrozenValueError):
        plan.total_s = 1.0  # type: ignore[misc]


def test_a_forward_run_straight_into_a_backward_one_ends_with_stop_and_turn_around() -> None:
    template = simple(
        Segment(SegmentKind.FORWARD_RUN, Length.seconds(30)),
        Segment(BACK_JOG, Length.seconds(20)),
        Segment(SegmentKind.FORWARD_RUN, Length.seconds(30)),
        Segment(WALK, Length.seconds(10)),
        Segment(BACK_JOG, Length.seconds(20)),
    )
    plan = compile_plan(template, Settings())
    turns = [(c.at_s, c.segment_index) for c in plan.cues if c.type is CueType.TURN_AROUND]
    # Into the backward jog, out of it, and after the last one; the walk is a stop already.
    assert turns == [(30.0, 0), (50.0, 1), (110.0, 4)]
    assert [s.turn_first for s in plan.segments] == [False, True, True, False, False]


@pytest.mark.parametrize("cadence", range(40, 241))
def test_at_every_cadence_the_turn_cue_comes_before_the_next_announcement(cadence: int) -> None:
    # A tapped cadence such as 105 makes step lengths whose float sums differ in the last digit.
    template = simple(
        Segment(SegmentKind.WARMUP, Length.seconds(60)),
        Repeat(
            20,
            (
                Segment(BACK_WALK, Length.steps(15)),
                Segment(WALK, Length.steps(13)),
                Segment(SegmentKind.FORWARD_RUN, Length.steps(7)),
                Segment(BACK_JOG, Length.steps(11)),
            ),
        ),
    )
    options = Settings(
        cadence_backward_walk=cadence, cadence_backward_jog=cadence, cadence_backward_sprint=cadence
    )
    plan = compile_plan(template, options)
    for number, cue in enumerate(plan.cues):
        if cue.type is not CueType.TURN_AROUND:
            continue
        # The next segment's announcement is heard after the turn cue, never before it.
        following = cue.segment_index + 1
        if following == len(plan.segments):
            continue
        announce = next(
            i
            for i, c in enumerate(plan.cues)
            if c.type is CueType.ANNOUNCE and c.segment_index == following
        )
        assert number < announce, (cadence, cue.at_s)
        assert moment_ms(plan.cues[announce].at_s) == moment_ms(cue.at_s)
    # The session delivers them in the same order.
    session = Session(plan, get_ready_s=0)
    events = session.start(0.0)
    for tick in range(1, 2 * round(plan.total_s) + 4):
        events += session.advance(tick / 2)
    fired = [e.cue for e in events if e.cue is not None]
    assert fired == list(plan.cues)


def test_a_cadence_of_105_puts_the_turn_cue_and_the_next_announcement_at_one_moment() -> None:
    template = simple(Segment(BACK_WALK, Length.steps(15)), Segment(WALK, Length.seconds(8)))
    plan = compile_plan(template, Settings(cadence_backward_walk=105))
    turn = next(c for c in plan.cues if c.type is CueType.TURN_AROUND)
    announce = next(c for c in plan.cues if c.type is CueType.ANNOUNCE and c.segment_index == 1)
    assert turn.at_s == announce.at_s == plan.segments[1].start_s == plan.segments[0].end_s
    # Offsets that differ only in their float's last digits are one moment.
    assert moment_ms(347.142858) == moment_ms(347.14285800000005)
