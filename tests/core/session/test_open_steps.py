"""Open and distance steps: reckoned at an estimate in the plan, waiting for the press when run."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from retrotimer.audio.clip_timing import speech_timing
from retrotimer.audio.tones import synthesise_tones
from retrotimer.audio.voice import VoiceLibrary
from retrotimer.core.model import Length, Segment, SegmentKind, Venue
from retrotimer.core.session.cue_script import script_cues
from retrotimer.core.session.cue_sounds import SpeechRank
from retrotimer.core.session.plan import CueType, Plan, compile_plan, plan_to_json
from retrotimer.core.session.session_machine import Event, EventKind, Session, SessionState
from retrotimer.core.settings import Settings
from tests.factories import simple

T0 = 1000.0
# An open step is reckoned at 30 s; reminders every 10 s; no get-ready, pips at a cap.
SETTINGS = Settings(next_up=False, countdown_pips=3, open_step_s=30, reminder_interval_s=10)


def plan_of(*segments: Segment, venue: Venue = Venue.TRACK) -> Plan:
    return compile_plan(simple(*segments, venue=venue), SETTINGS)


def running(plan: Plan) -> Session:
    session = Session(plan, get_ready_s=0.0, get_ready_pips=0, jump_threshold_s=1e9)
    session.start(T0)
    return session


def walk_to(session: Session, until: float, step: float = 0.25) -> list[Event]:
    events: list[Event] = []
    now = T0
    while now < until:
        now = min(until, now + step)
        events += session.advance(now)
    return events


OPEN_WALK = Segment(SegmentKind.BACKWARD_WALK, Length.open())
WALK = Segment(SegmentKind.WALK, Length.seconds(20))
WALK_5 = Segment(SegmentKind.WALK, Length.seconds(5))


def test_an_open_step_is_reckoned_at_the_estimate_and_a_distance_at_the_pace() -> None:
    settings = Settings(open_step_s=45, pace_backward_jog=50)
    plan = compile_plan(
        simple(
            Segment(SegmentKind.BACKWARD_WALK, Length.open()),
            Segment(SegmentKind.BACKWARD_JOG, Length.metres(200)),
            Segment(SegmentKind.BACKWARD_JOG, Length.metres(200, cap_s=60)),
            Segment(SegmentKind.WALK, Length.open(cap_s=20)),
        ),
        settings,
    )
    assert [s.duration_s for s in plan.segments] == [45.0, 100.0, 60.0, 20.0]
    assert plan.total_s == 225.0
    assert plan.backward_s == 205.0
    assert [s.metres for s in plan.segments] == [None, 200, 200, None]
    assert [s.waits for s in plan.segments] == [True, True, False, False]


def test_an_open_step_is_announced_as_press_when_done_and_has_no_countdown() -> None:
    plan = plan_of(OPEN_WALK, WALK)
    own = [cue for cue in plan.cues if cue.segment_index == 0]
    assert own[0].type is CueType.ANNOUNCE
    assert own[0].text == "Backward walk, press when done."
    assert own[0].speech == ("backward walk", "press when done")
    assert CueType.COUNTDOWN not in {cue.type for cue in own}
    assert CueType.HALFWAY not in {cue.type for cue in own}
    # The safety reminders of its estimate, then the turn when it really ends.
    assert [(c.at_s, c.type) for c in own[1:]] == [
        (0.0, CueType.SHOULDER_CHECK),
        (10.0, CueType.SHOULDER_CHECK),
        (20.0, CueType.SHOULDER_CHECK),
        (30.0, CueType.TURN_AROUND),
    ]


def test_a_distance_is_announced_in_metres() -> None:
    plan = plan_of(Segment(SegmentKind.BACKWARD_JOG, Length.metres(100)))
    assert plan.cues[0].text == "Backward jog, 100 metres."
    assert plan.cues[0].speech == ("backward jog", "1", "hundred", "metres")


def test_the_session_waits_past_the_estimate_until_the_press() -> None:
    session = running(plan_of(OPEN_WALK, WALK))
    events = walk_to(session, T0 + 75)
    assert session.state is SessionState.RUNNING
    view = session.view(T0 + 75)
    assert view.segment.index == 0
    assert view.segment_elapsed_s == 75.0
    assert view.position_s == 30.0
    assert view.counting_up
    # No turn, no next segment: only the reminders, every 10 s of the step, wait or not.
    reminders = [e for e in events if e.cue is not None and e.cue.type is CueType.SHOULDER_CHECK]
    assert [e.scheduled_s for e in reminders] == [10.0, 20.0, *[30.0] * 5]  # 10-70 s in
    assert all(e.cue is None or e.cue.type is not CueType.TURN_AROUND for e in events)
    pressed = session.skip(T0 + 75.5)
    [record] = [e.record for e in pressed if e.record is not None]
    assert record.actual_s == 75.5
    assert record.planned_s == 30.0
    assert not record.skipped
    assert [e.cue.type for e in pressed if e.cue is not None][:2] == [
        CueType.TURN_AROUND,
        CueType.ANNOUNCE,
    ]
    assert [e.text for e in pressed if e.kind is EventKind.SKIPPED] == ["Done."]
    # The walk after it runs its own 20 s from the press.
    finished = walk_to(session, T0 + 95.5)
    assert session.state is SessionState.FINISHED
    summary = next(e.summary for e in finished if e.summary is not None)
    assert summary.active_s == 95.5
    assert [r.actual_s for r in session.records] == [75.5, 20.0]


def test_a_press_before_the_estimate_ends_the_step_there() -> None:
    session = running(plan_of(OPEN_WALK, WALK))
    walk_to(session, T0 + 12)
    session.skip(T0 + 12)
    assert session.view(T0 + 12).segment.index == 1
    assert session.records[0].actual_s == 12.0
    assert not session.records[0].skipped


def test_a_cap_ends_the_wait_by_itself_after_its_countdown() -> None:
    capped = Segment(SegmentKind.BACKWARD_JOG, Length.open(cap_s=50))
    session = running(plan_of(capped, WALK))
    events = walk_to(session, T0 + 52)
    pips = [e.cue.text for e in events if e.cue is not None and e.cue.type is CueType.COUNTDOWN]
    assert pips == ["3", "2", "1"]
    assert session.view(T0 + 52).segment.index == 1
    assert session.records[0].actual_s == 50.0
    assert not session.records[0].skipped
    assert session.view(T0 + 52).position_s == 32.0


def test_a_wait_is_paused_and_resumed_like_any_time() -> None:
    session = running(plan_of(OPEN_WALK, WALK))
    walk_to(session, T0 + 40)
    session.pause(T0 + 40)
    session.resume(T0 + 100)
    assert session.view(T0 + 105).segment_elapsed_s == 45.0
    session.skip(T0 + 105)
    assert session.records[0].actual_s == 45.0


def test_the_next_due_moment_in_a_wait_is_the_next_reminder() -> None:
    session = running(plan_of(OPEN_WALK, WALK))
    walk_to(session, T0 + 31)
    assert session.next_due(T0 + 31) == T0 + 40
    assert session.next_display_change(T0 + 31.25) == T0 + 32


def test_a_step_that_is_not_backward_is_reminded_to_press_while_it_waits() -> None:
    session = running(plan_of(Segment(SegmentKind.REST, Length.open())))
    events = walk_to(session, T0 + 125)
    said = [e.cue.text for e in events if e.cue is not None and e.cue.segment_index == 0]
    # Three reminder intervals apart: 30, 60, 90 and 120 s into the step.
    assert said == ["Press when done."] * 4
    assert session.state is SessionState.RUNNING
    session.skip(T0 + 125)
    assert session.state is SessionState.FINISHED


def test_a_treadmill_wait_keeps_saying_hold_the_rails_once_a_minute() -> None:
    session = running(plan_of(OPEN_WALK, venue=Venue.TREADMILL))
    heard_by: dict[int, int] = {}
    now, rails = T0, 0
    while now < T0 + 125:
        now += 0.25
        events = session.advance(now)
        rails += sum(1 for e in events if e.cue is not None and e.scheduled_s == 30.0)
        assert all(e.cue.type is CueType.HOLD_RAILS for e in events if e.cue is not None)
        heard_by[round(now - T0, 2)] = rails
    # Waiting past the 30 s estimate: at 60 s and 120 s into the step, not every 10 s.
    assert (heard_by[59.75], heard_by[60.25], heard_by[119.75], heard_by[120.25]) == (0, 1, 1, 2)


def test_stop_in_a_wait_records_what_the_step_lasted() -> None:
    session = running(plan_of(OPEN_WALK, WALK))
    walk_to(session, T0 + 44)
    events = session.stop(T0 + 44)
    assert session.records[0].actual_s == 44.0
    assert next(e.summary for e in events if e.summary is not None).active_s == 44.0


def test_back_in_a_wait_starts_the_step_again() -> None:
    session = running(plan_of(WALK, OPEN_WALK))
    walk_to(session, T0 + 70)
    session.back(T0 + 70)
    view = session.view(T0 + 71)
    assert view.segment.index == 1
    assert view.segment_elapsed_s == 1.0
    assert session.records[1].actual_s == 50.0
    # Visited again, it waits again past its estimate.
    walk_to(session, T0 + 111)
    assert session.view(T0 + 111).segment.index == 1
    assert session.view(T0 + 111).segment_elapsed_s == 41.0


def test_the_plan_json_carries_the_open_and_distance_facts() -> None:
    plan = plan_of(
        Segment(SegmentKind.BACKWARD_WALK, Length.open(cap_s=90)),
        Segment(SegmentKind.BACKWARD_JOG, Length.metres(100)),
        WALK,
    )
    segments = plan_to_json(plan, cues=False)["segments"]
    assert segments[0]["ends_on_press"] is True
    assert segments[0]["cap_s"] == 90.0
    assert segments[1]["metres"] == 100
    assert "ends_on_press" not in segments[2]


def test_the_speech_plan_says_the_announcement_whole_and_the_wait_is_heard_as_it_comes() -> None:
    timing = speech_timing(VoiceLibrary.load(), synthesise_tones().by_name())
    plan = plan_of(OPEN_WALK, WALK)
    session = running(plan)
    script = script_cues(plan, session.get_ready_cues, SETTINGS, timing)
    announce = next(line for line in script.speech.lines if line.cue.type is CueType.ANNOUNCE)
    assert announce.phrases == ("backward walk", "press when done")
    assert not announce.shortened
    # Every phrase an open or distance step says has a shipped voice clip.
    voice = VoiceLibrary.load()
    for phrase in ("press when done", "metres", "metre"):
        assert voice.clip(phrase) is not None, phrase
    waited = [e for e in walk_to(session, T0 + 41) if e.cue is not None and e.scheduled_s == 30]
    sounds = [script.sound_for(event) for event in waited]
    assert [s.rank for s in sounds] == [SpeechRank.SAFETY, SpeechRank.SAFETY]
    assert [phrase.text for phrase in sounds[0].speech] == ["look over your shoulder"]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(1, 400), st.one_of(st.none(), st.integers(1, 300))),
        min_size=1,
        max_size=4,
    )
)
def test_each_open_step_lasts_until_its_press_or_its_cap(
    steps: list[tuple[int, int | None]],
) -> None:
    """Pressed `press` seconds into each open step (unless its cap comes first), with a 5 s
    walk after each: the records and the active time are what the runner really did."""
    segments: list[Segment] = []
    for _press, cap in steps:
        segments += [Segment(SegmentKind.BACKWARD_WALK, Length.open(cap)), WALK_5]
    session = running(plan_of(*segments))
    now = T0
    expected: list[float] = []
    for press, cap in steps:
        lasted = press if cap is None else min(press, cap)
        now += lasted
        session.advance(now)
        if cap is None or press < cap:
            session.skip(now)
        now += 5
        session.advance(now)
        expected += [float(lasted), 5.0]
    assert session.state is SessionState.FINISHED
    assert [record.actual_s for record in session.records] == expected
    assert not any(record.skipped for record in session.records)
