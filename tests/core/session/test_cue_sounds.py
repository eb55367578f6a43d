"""What each event sounds like under the settings: tones, words, fallbacks and interruptions."""

from __future__ import annotations

import pytest

from retrotimer.core.model import Direction, Length, Segment, SegmentKind, Venue
from retrotimer.core.session.cue_sounds import (
    MOSTLY_SKIPPED_WORDS,
    NOTHING,
    SAFETY_CUES,
    TURN_S,
    CueSound,
    Phrase,
    SpeechRank,
    cue_sound,
    sound_of_cue,
)
from retrotimer.core.session.plan import Cue, CueType, Plan, compile_plan
from retrotimer.core.session.session_events import Event, EventKind, SessionState
from retrotimer.core.session.session_machine import Session, get_ready_cues
from retrotimer.core.session.tone_names import (
    FINISH,
    RAILS,
    REMINDER,
    STEP_TICK,
    TURN,
    go_name,
    pip_name,
)
from retrotimer.core.settings import Settings
from retrotimer.core.value import replace
from tests.factories import first_steps, simple

SETTINGS = Settings(step_ticks=True)
QUIET_BEEPS = replace(SETTINGS, beeps=False)
NO_VOICE = replace(SETTINGS, voice=False)


@pytest.fixture(scope="module")
def plan() -> Plan:
    # Segments: 0 warm-up, 1 backward walk, 2 "turn around and reset" (walk), 3 backward
    # walk, 4 the same label, 5 cool-down.
    return compile_plan(first_steps(), SETTINGS)


def cue_event(cue: Cue) -> Event:
    return Event(EventKind.CUE, cue.at_s, cue.text, SessionState.RUNNING, 0, cue)


def state_event(kind: EventKind, at: float = 70.0) -> Event:
    return Event(kind, at, kind.value, SessionState.RUNNING, 0)


def first(plan: Plan, kind: CueType, segment: int) -> Cue:
    return next(c for c in plan.cues if c.type is kind and c.segment_index == segment)


def sound(plan: Plan, kind: CueType, segment: int, settings: Settings = SETTINGS) -> CueSound:
    return cue_sound(cue_event(first(plan, kind, segment)), plan, settings)


def texts(found: CueSound) -> list[str]:
    return [p.text for p in found.speech]


def test_an_announcement_is_the_direction_go_tone_then_the_words(plan: Plan) -> None:
    found = sound(plan, CueType.ANNOUNCE, 1)
    assert found.tone == go_name(Direction.BACKWARD)
    assert texts(found) == ["backward walk", "15", "steps", "rep", "1", "of", "2"]
    assert sound(plan, CueType.ANNOUNCE, 0).tone == go_name(Direction.NONE)
    assert not found.interrupt


def test_countdown_pips_take_the_pitch_of_what_comes_next(plan: Plan) -> None:
    assert sound(plan, CueType.COUNTDOWN, 0).tone == pip_name(Direction.BACKWARD)
    assert sound(plan, CueType.COUNTDOWN, 1).tone == pip_name(Direction.NONE)
    last = plan.segments[-1].index
    assert sound(plan, CueType.COUNTDOWN, last).tone == pip_name(Direction.NONE)
    get_ready = get_ready_cues(5, 3)[-1]
    forward = compile_plan(simple(Segment(SegmentKind.FORWARD_RUN, Length.seconds(30))), SETTINGS)
    assert cue_sound(cue_event(get_ready), forward, SETTINGS).tone == pip_name(Direction.FORWARD)


def test_without_beeps_the_countdown_and_go_are_spoken(plan: Plan) -> None:
    countdown = sound(plan, CueType.COUNTDOWN, 0, QUIET_BEEPS)
    assert countdown.tone is None and texts(countdown) == ["3"]
    assert cue_sound(state_event(EventKind.RUNNING, 0.0), plan, QUIET_BEEPS).speech == (
        Phrase("go"),
    )
    assert cue_sound(state_event(EventKind.RUNNING, 0.0), plan, SETTINGS) == NOTHING
    assert sound(plan, CueType.ANNOUNCE, 1, QUIET_BEEPS).tone is None


def test_without_voice_only_tones_remain(plan: Plan) -> None:
    assert sound(plan, CueType.ANNOUNCE, 1, NO_VOICE) == CueSound(go_name(Direction.BACKWARD))
    assert sound(plan, CueType.FINISH, plan.segments[-1].index, NO_VOICE) == CueSound(FINISH)
    # Safety cues keep a sound of their own: the shoulder check becomes a double beep, the
    # turn three falling beeps, the rails two long low notes.
    assert sound(plan, CueType.SHOULDER_CHECK, 1, NO_VOICE) == CueSound(REMINDER)
    assert sound(plan, CueType.TURN_AROUND, 1, NO_VOICE) == CueSound(TURN)
    treadmill = compile_plan(first_steps(Venue.TREADMILL), SETTINGS)
    assert sound(treadmill, CueType.HOLD_RAILS, 1, NO_VOICE) == CueSound(RAILS)
    silent = replace(NO_VOICE, beeps=False)
    for kind in (CueType.SHOULDER_CHECK, CueType.TURN_AROUND):
        assert sound(plan, kind, 1, silent) == NOTHING


def test_without_voice_each_safety_cue_has_a_sound_no_other_cue_makes() -> None:
    safety: dict[CueType, str] = {}
    others: set[str] = set()
    for venue in (Venue.TRACK, Venue.TREADMILL):
        plan = compile_plan(first_steps(venue), SETTINGS)
        for cue in (*get_ready_cues(5, 3), *plan.cues):
            tone = sound_of_cue(cue, plan, NO_VOICE).tone
            if cue.type in SAFETY_CUES:
                assert tone is not None and safety.setdefault(cue.type, tone) == tone
            elif tone is not None:
                others.add(tone)
    assert set(safety) == set(SAFETY_CUES)
    assert len(set(safety.values())) == len(SAFETY_CUES)
    assert not set(safety.values()) & others


def test_reminders_and_the_finish(plan: Plan) -> None:
    assert texts(sound(plan, CueType.SHOULDER_CHECK, 1)) == ["look over your shoulder"]
    assert texts(sound(plan, CueType.TURN_AROUND, 1)) == ["stop and turn around"]
    finish = sound(plan, CueType.FINISH, plan.segments[-1].index)
    assert finish.tone == FINISH and texts(finish) == ["session complete"]
    treadmill = compile_plan(first_steps(Venue.TREADMILL), SETTINGS)
    assert texts(sound(treadmill, CueType.HOLD_RAILS, 1)) == ["hold the rails"]


def test_step_ticks_follow_the_setting(plan: Plan) -> None:
    assert sound(plan, CueType.STEP_TICK, 1) == CueSound(STEP_TICK)
    assert sound(plan, CueType.STEP_TICK, 1, replace(SETTINGS, step_ticks=False)) == NOTHING
    assert sound(plan, CueType.STEP_TICK, 1, QUIET_BEEPS) == NOTHING


def test_halfway_and_next_up_follow_their_settings(plan: Plan) -> None:
    assert texts(sound(plan, CueType.HALFWAY, 0)) == ["halfway"]
    assert sound(plan, CueType.HALFWAY, 0, replace(SETTINGS, halfway=False)) == NOTHING
    next_up = sound(plan, CueType.NEXT_UP, 0)
    assert texts(next_up) == ["next", "backward walk", "15", "steps"]
    assert sound(plan, CueType.NEXT_UP, 0, replace(SETTINGS, next_up=False)) == NOTHING


def test_a_custom_label_carries_its_kind_phrase_as_fallback(plan: Plan) -> None:
    announce = sound(plan, CueType.ANNOUNCE, 2)
    assert announce.speech[0] == Phrase("turn around and reset", "walk")
    assert all(p.fallback is None for p in announce.speech[1:])
    # Next-up speaks of the following segment, so the fallback is that segment's kind.
    next_up = sound(plan, CueType.NEXT_UP, 1)
    assert next_up.speech[:2] == (Phrase("next"), Phrase("turn around and reset", "walk"))
    assert all(p.fallback is None for p in sound(plan, CueType.ANNOUNCE, 1).speech)


def test_pause_stop_skip_and_back_interrupt(plan: Plan) -> None:
    for kind in (EventKind.PAUSED, EventKind.AUTO_PAUSED):
        assert cue_sound(state_event(kind), plan, SETTINGS) == CueSound(
            speech=(Phrase("paused"),), interrupt=True
        )
    stopped = cue_sound(state_event(EventKind.STOPPED), plan, SETTINGS)
    assert stopped.interrupt and texts(stopped) == ["stopped"]
    for kind in (EventKind.SKIPPED, EventKind.WENT_BACK):
        assert cue_sound(state_event(kind), plan, SETTINGS) == CueSound(interrupt=True)
    assert cue_sound(state_event(EventKind.PAUSED), plan, NO_VOICE) == CueSound(interrupt=True)


def test_resuming_sounds_the_go_tone_of_the_current_segment(plan: Plan) -> None:
    backward_at = plan.segments[1].start_s + 1
    resumed = cue_sound(state_event(EventKind.RESUMED, backward_at), plan, SETTINGS)
    assert resumed == CueSound(go_name(Direction.BACKWARD), (Phrase("resumed"),))
    during_get_ready = cue_sound(state_event(EventKind.RESUMED, -2.0), plan, SETTINGS)
    assert during_get_ready.tone == go_name(Direction.NONE)


def test_resuming_inside_a_turn_says_the_turn_again(plan: Plan) -> None:
    turn_at = plan.segments[1].end_s  # the backward walk ends with "stop and turn around"
    walk_go = go_name(Direction.NONE)
    again = CueSound(
        walk_go, (Phrase("stop and turn around"), Phrase("resumed")), rank=SpeechRank.SAFETY
    )
    for paused_at in (turn_at + 0.01, turn_at + 1.0, turn_at + TURN_S - 0.01):
        assert cue_sound(state_event(EventKind.RESUMED, paused_at), plan, SETTINGS) == again
    # Without the voice, the turn's own signal instead of the go tone.
    resumed = cue_sound(state_event(EventKind.RESUMED, turn_at + 1.0), plan, NO_VOICE)
    assert resumed == CueSound(TURN)
    # At the turn's moment it is still to come (a skip lands there); after the turn, over.
    for outside in (turn_at, turn_at + TURN_S, turn_at - 0.5):
        plain = cue_sound(state_event(EventKind.RESUMED, outside), plan, SETTINGS)
        assert Phrase("stop and turn around") not in plain.speech


def ending(plan: Plan, skipping: bool) -> Event:
    """The FINISHED event of a session run second by second, each segment skipped after
    its first second or none."""
    session = Session(plan, get_ready_s=0)
    now = 0.0
    events = session.start(now)
    while not session.state.is_over:
        now += 1.0
        events += session.advance(now)
        if skipping and session.state is SessionState.RUNNING:
            events += session.skip(now)
    return events[-1]


def test_a_session_mostly_skipped_does_not_end_with_session_complete(plan: Plan) -> None:
    skipped = ending(plan, skipping=True)
    assert skipped.kind is EventKind.FINISHED
    # It silences the finish cue's "session complete", which has just begun.
    ended = CueSound(speech=(Phrase(MOSTLY_SKIPPED_WORDS),), interrupt=True)
    assert cue_sound(skipped, plan, SETTINGS) == ended
    assert cue_sound(skipped, plan, NO_VOICE) == CueSound(interrupt=True)
    done = ending(plan, skipping=False)
    assert done.summary is not None and not done.summary.mostly_skipped
    assert cue_sound(done, plan, SETTINGS) == NOTHING


def test_bookkeeping_events_are_silent(plan: Plan) -> None:
    for kind in (EventKind.SEGMENT_DONE, EventKind.COUNTDOWN, EventKind.FINISHED):
        assert cue_sound(state_event(kind), plan, SETTINGS) == NOTHING
