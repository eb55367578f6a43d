"""The cue script: every cue's sound decided once, its words as the speech plan placed them."""

from __future__ import annotations

import pytest

from retrotimer.audio.clip_timing import speech_timing
from retrotimer.audio.tones import synthesise_tones
from retrotimer.audio.voice import VoiceLibrary
from retrotimer.core.model import Direction, Length, Segment, SegmentKind
from retrotimer.core.session.cue_script import CueScript, script_cues
from retrotimer.core.session.cue_sounds import NOTHING, CueSound, Phrase, SpeechRank
from retrotimer.core.session.plan import Cue, CueType, Plan, compile_plan
from retrotimer.core.session.session_events import Event, EventKind, SessionState
from retrotimer.core.session.session_machine import Session, get_ready_cues
from retrotimer.core.session.tone_names import REMINDER, STEP_TICK, go_name
from retrotimer.core.settings import Settings
from retrotimer.core.value import replace
from tests.factories import first_steps, simple

TIMING = speech_timing(VoiceLibrary.load(), synthesise_tones().by_name())
SETTINGS = Settings(step_ticks=True)


def script(plan: Plan, settings: Settings = SETTINGS) -> CueScript:
    return script_cues(plan, Session.from_settings(plan, settings).get_ready_cues, settings, TIMING)


def cue_event(cue: Cue) -> Event:
    return Event(EventKind.CUE, cue.at_s, cue.text, SessionState.RUNNING, 0, cue)


def first(plan: Plan, kind: CueType, segment: int = 0) -> Cue:
    return next(c for c in plan.cues if c.type is kind and c.segment_index == segment)


def texts(sound: CueSound) -> list[str]:
    return [phrase.text for phrase in sound.speech]


def test_each_cue_sounds_its_words_as_the_speech_plan_placed_them() -> None:
    # 10 sprint steps: 3.3 s, too short for the whole announcement after the shoulder check.
    options = replace(SETTINGS, countdown_pips=0)
    sprint = compile_plan(simple(Segment(SegmentKind.BACKWARD_SPRINT, Length.steps(10))), options)
    found = script(sprint, options)
    announce = first(sprint, CueType.ANNOUNCE)
    line = found.speech.line_for(announce)
    assert line is not None and line.shortened
    assert found.sound_for(cue_event(announce)) == CueSound(
        go_name(Direction.BACKWARD), (Phrase("backward sprint"),), delay_s=line.delay_s
    )
    shoulder = first(sprint, CueType.SHOULDER_CHECK)
    check = found.sound_for(cue_event(shoulder))
    assert texts(check) == ["look over your shoulder"] and check.rank is SpeechRank.SAFETY
    assert check.delay_s == pytest.approx(TIMING.tone_s)  # after the go tone of its moment


def test_a_cue_the_speech_plan_left_out_keeps_its_tone_alone() -> None:
    # 8 sprint steps (2.7 s): after the shoulder check not even the kind fits.
    plan = compile_plan(
        simple(
            Segment(SegmentKind.BACKWARD_SPRINT, Length.steps(8)),
            Segment(SegmentKind.WALK, Length.seconds(20)),
        ),
        SETTINGS,
    )
    found = script(plan)
    announce = first(plan, CueType.ANNOUNCE)
    assert announce in found.speech.left_out
    assert found.sound_for(cue_event(announce)) == CueSound(go_name(Direction.BACKWARD))


def test_the_get_ready_cues_are_the_ones_it_was_handed() -> None:
    plan = compile_plan(first_steps(), SETTINGS)
    get_ready = get_ready_cues(8.0, 2)  # not what SETTINGS says: the session's own
    found = script_cues(plan, get_ready, SETTINGS, TIMING)
    assert found.get_ready == tuple(get_ready)
    words = found.sound_for(cue_event(get_ready[0]))
    line = found.speech.line_for(get_ready[0])
    assert line is not None and line.cue.at_s == -8.0
    assert texts(words) == ["get ready"] and words.delay_s == line.delay_s


def test_a_cue_it_was_not_handed_still_sounds_unplaced() -> None:
    plan = compile_plan(first_steps(), SETTINGS)
    found = script_cues(plan, (), SETTINGS, TIMING)
    stray = get_ready_cues(5.0, 3)[0]
    assert found.sound_for(cue_event(stray)) == CueSound(speech=(Phrase("get ready"),))


def test_the_settings_decide_every_sound_once() -> None:
    plan = compile_plan(first_steps(), SETTINGS)
    quiet = script(plan, replace(SETTINGS, voice=False))
    assert quiet.speech.lines == ()
    assert all(not sound.speech for sound in quiet.sounds.values())
    assert quiet.sound_for(cue_event(first(plan, CueType.SHOULDER_CHECK, 1))).tone == REMINDER
    tick = cue_event(first(plan, CueType.STEP_TICK, 1))
    assert script(plan).sound_for(tick) == CueSound(STEP_TICK)
    assert script(plan, replace(SETTINGS, step_ticks=False)).sound_for(tick) == NOTHING


def test_events_without_a_cue_sound_as_the_settings_say() -> None:
    plan = compile_plan(first_steps(), SETTINGS)
    paused = Event(EventKind.PAUSED, 70.0, "Paused.", SessionState.PAUSED, 0)
    assert script(plan).sound_for(paused) == CueSound(speech=(Phrase("paused"),), interrupt=True)
    muted_voice = script(plan, replace(SETTINGS, voice=False))
    assert muted_voice.sound_for(paused) == CueSound(interrupt=True)
