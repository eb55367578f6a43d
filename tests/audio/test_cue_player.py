"""The cue player: events in, tones at once and queued speech out, as the settings say."""

from __future__ import annotations

import logging
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from retrotimer.audio.clip_timing import speech_timing
from retrotimer.audio.cue_player import CuePlayer
from retrotimer.audio.label_renderer import LabelRenderer
from retrotimer.audio.playback import Playback, request_backends
from retrotimer.audio.speech_engine import EngineKind, SpeechEngine
from retrotimer.audio.speech_queue import SENTENCE_GAP_S
from retrotimer.audio.tones import synthesise_tones
from retrotimer.audio.voice import VoiceLibrary
from retrotimer.core.model import Direction, Length, Segment, SegmentKind
from retrotimer.core.session.plan import Cue, CueType, Plan, compile_plan
from retrotimer.core.session.session_events import Event, EventKind, SessionState
from retrotimer.core.session.session_machine import Session
from retrotimer.core.session.tone_names import FINISH, go_name, pip_name
from retrotimer.core.settings import Settings
from retrotimer.core.value import replace
from retrotimer.runtime.clock import FakeClock
from retrotimer.runtime.session_controller import SessionController
from tests.audio.fakes import FakeBackend
from tests.factories import first_steps, simple

VOICE = VoiceLibrary.load()
TONES = synthesise_tones()
SETTINGS = Settings(volume=1.0)


class Rig:
    """A cue player on a recording backend, with a clock that moves when told."""

    def __init__(self, settings: Settings = SETTINGS, renderer: LabelRenderer | None = None):
        self.clock = FakeClock(100.0)
        self.device = FakeBackend("qt", clock=self.clock)
        self.spare = FakeBackend("simpleaudio", clock=self.clock)
        playback = Playback(
            request_backends("auto", {}),
            {"qt": lambda: self.device, "simpleaudio": lambda: self.spare},
        )
        self.player = CuePlayer(playback, TONES, VOICE, settings, renderer, clock=self.clock)

    def __enter__(self) -> Rig:
        return self

    def __exit__(self, *_: object) -> None:
        self.player.close()

    def run_for(self, seconds: float) -> None:
        """Let time pass in small steps, polling as the player's timer would."""
        end = self.clock.now + seconds
        while self.clock.now < end - 1e-9:
            self.clock.advance(0.01)
            self.player.poll()

    def heard(self, since: float = 0.0) -> list[tuple[float, str]]:
        return [(round(t - 100.0, 2), name) for t, name in self.device.log if t - 100.0 >= since]

    def names(self) -> list[str]:
        return [name for _, name in self.device.log]


@pytest.fixture
def rigs() -> Iterator[list[Rig]]:
    made: list[Rig] = []
    yield made
    for rig in made:
        rig.player.close()


@pytest.fixture
def plan() -> Plan:
    return compile_plan(first_steps(), SETTINGS)


def get_ready(plan: Plan) -> tuple[Cue, ...]:
    """The get-ready cues a session of the plan has under SETTINGS."""
    return Session.from_settings(plan, SETTINGS).get_ready_cues


def cue(plan: Plan, kind: CueType, segment: int) -> Event:
    found = next(c for c in plan.cues if c.type is kind and c.segment_index == segment)
    return Event(EventKind.CUE, found.at_s, found.text, SessionState.RUNNING, 0, found)


def state(kind: EventKind, at: float = 70.0) -> Event:
    return Event(kind, at, kind.value, SessionState.RUNNING, 0)


def voice(phrase: str) -> str:
    return f"voice:{phrase}"


def test_no_backend_starts_before_a_session_and_then_it_gets_every_clip_once(
    qtbot: QtBot, rigs: list[Rig], plan: Plan
) -> None:
    rig = Rig()
    rigs.append(rig)
    rig.player.load(plan, get_ready(plan))
    assert rig.player.playback.in_use is None and rig.device.prepared == []
    rig.player.hold(True)
    expected = {clip.name for clip in (*TONES.all(), *VOICE.all())}
    assert set(rig.device.prepared) == expected
    assert len(rig.device.prepared) == len(expected)


def test_the_tone_sounds_at_once_then_the_safety_words_then_the_announcement(
    qtbot: QtBot, rigs: list[Rig], plan: Plan
) -> None:
    rig = Rig()
    rigs.append(rig)
    rig.player.load(plan, get_ready(plan))
    # As the session delivers them: the announcement first, then the shoulder check.
    rig.player.handle(cue(plan, CueType.ANNOUNCE, 1))
    rig.player.handle(cue(plan, CueType.SHOULDER_CHECK, 1))
    go = TONES.family(Direction.BACKWARD).go
    assert rig.heard() == [(0.0, go.name)]
    rig.run_for(8.0)
    heard = rig.heard()
    words = [name for _, name in heard[1:]]
    # "Rep 1 of 2" would run into the countdown pips of the 9 s walk: it gives way.
    assert words == [voice(p) for p in ("look over your shoulder", "backward walk", "15", "steps")]
    assert heard[1][0] == pytest.approx(go.duration_s, abs=0.011)
    shoulder = VOICE.clip("look over your shoulder")
    assert shoulder is not None
    assert heard[2][0] >= go.duration_s + shoulder.duration_s + SENTENCE_GAP_S - 0.011
    for (start, name), (next_start, _) in zip(heard[1:], heard[2:], strict=False):
        clip = VOICE.clip(name.removeprefix("voice:"))
        assert clip is not None
        assert next_start >= start + clip.duration_s - 1e-6  # one phrase at a time


def test_a_sentence_waits_for_the_one_before(qtbot: QtBot, rigs: list[Rig], plan: Plan) -> None:
    rig = Rig()
    rigs.append(rig)
    rig.player.load(plan, get_ready(plan))
    rig.player.handle(cue(plan, CueType.TURN_AROUND, 1))
    rig.player.handle(cue(plan, CueType.ANNOUNCE, 2))
    rig.run_for(8.0)
    heard = rig.heard()
    # The walk's go tone, then (after the longest go tone) the turn cue before anything said
    # of the walk.
    go = TONES.family(Direction.NONE).go
    tone_s = speech_timing(VOICE, TONES.by_name()).tone_s
    assert heard[0] == (0.0, go.name)
    assert heard[1] == (pytest.approx(tone_s, abs=0.011), voice("stop and turn around"))
    first = VOICE.clip("stop and turn around")
    assert first is not None
    assert heard[2][1] == voice("turn around and reset")
    assert heard[2][0] >= heard[1][0] + first.duration_s + SENTENCE_GAP_S - 1e-6


def test_safety_words_cut_off_an_announcement_that_runs_late(
    qtbot: QtBot, rigs: list[Rig], plan: Plan
) -> None:
    rig = Rig()
    rigs.append(rig)
    rig.player.load(plan, get_ready(plan))
    rig.player.handle(cue(plan, CueType.ANNOUNCE, 0))
    rig.run_for(0.6)  # "warm-up walk" is being said
    stops = rig.device.stops
    rig.player.handle(cue(plan, CueType.SHOULDER_CHECK, 1))  # a reminder arriving early
    rig.run_for(3.0)
    assert rig.device.stops == stops + 1
    spoken = [name for name in rig.names() if name.startswith("voice:")]
    assert spoken == [voice("warm-up walk"), voice("look over your shoulder")]


def test_words_the_speech_plan_left_out_are_not_said_but_the_tone_is(
    qtbot: QtBot, rigs: list[Rig]
) -> None:
    # 10 sprint steps, 3.3 s: after the shoulder check even "backward sprint" would run under
    # the countdown pips.
    sprint = compile_plan(simple(Segment(SegmentKind.BACKWARD_SPRINT, Length.steps(10))), SETTINGS)
    rig = Rig()
    rigs.append(rig)
    rig.player.load(sprint, get_ready(sprint))
    speech = rig.player.speech_plan
    assert speech is not None
    announce = next(c for c in sprint.cues if c.type is CueType.ANNOUNCE)
    assert speech.line_for(announce) is None and announce in speech.left_out
    rig.player.handle(cue(sprint, CueType.ANNOUNCE, 0))
    rig.player.handle(cue(sprint, CueType.SHOULDER_CHECK, 0))
    rig.run_for(5.0)
    assert rig.names() == [go_name(Direction.BACKWARD), voice("look over your shoulder")]


def test_the_get_ready_words_are_placed_from_the_sessions_own_countdown(
    qtbot: QtBot, rigs: list[Rig], plan: Plan
) -> None:
    rig = Rig()
    rigs.append(rig)
    countdown = Session(plan, get_ready_s=8, get_ready_pips=2).get_ready_cues
    rig.player.load(plan, countdown)
    for settings in (SETTINGS, replace(SETTINGS, get_ready_s=2, voice=True)):
        rig.player.apply_settings(settings)  # the countdown stays the session's
        speech = rig.player.speech_plan
        assert speech is not None
        line = speech.line_for(countdown[0])
        assert line is not None and line.cue.at_s == -8.0 and line.phrases == ("get ready",)


def test_pausing_cuts_the_sentence_short_and_says_paused(
    qtbot: QtBot, rigs: list[Rig], plan: Plan
) -> None:
    rig = Rig()
    rigs.append(rig)
    rig.player.load(plan, get_ready(plan))
    rig.player.handle(cue(plan, CueType.ANNOUNCE, 1))
    rig.run_for(0.9)
    stops = rig.device.stops
    rig.player.handle(state(EventKind.PAUSED))
    assert rig.device.stops == stops + 1
    rig.run_for(3.0)
    names = rig.names()
    assert names[-1] == voice("paused")
    assert voice("of") not in names  # the rest of the announcement was dropped


def test_a_pause_that_cut_the_turn_cue_short_says_it_again_on_resume(
    qtbot: QtBot, rigs: list[Rig]
) -> None:
    plan = compile_plan(
        simple(
            Segment(SegmentKind.BACKWARD_WALK, Length.seconds(6)),
            Segment(SegmentKind.WALK, Length.seconds(30)),
        ),
        SETTINGS,
    )
    rig = Rig()
    rigs.append(rig)
    session = Session(plan, get_ready_s=0)
    rig.player.load(plan, session.get_ready_cues)
    start = rig.clock.now
    for event in session.start(start):
        rig.player.handle(event)
    while rig.clock.now < start + 6.8:  # "stop and turn around" is being said
        rig.run_for(0.1)
        for event in session.advance(rig.clock.now):
            rig.player.handle(event)
    assert rig.names()[-1] == voice("stop and turn around")
    stops = rig.device.stops
    for event in session.pause(rig.clock.now):
        rig.player.handle(event)
    assert rig.device.stops == stops + 1  # cut short
    rig.run_for(20.0)
    heard = len(rig.names())
    for event in session.resume(rig.clock.now):
        rig.player.handle(event)
    rig.run_for(4.0)
    spoken = [name for name in rig.names()[heard:] if name.startswith("voice:")]
    assert spoken[:2] == [voice("stop and turn around"), voice("resumed")]


def test_a_session_mostly_skipped_ends_with_session_ended_not_complete(
    qtbot: QtBot, rigs: list[Rig]
) -> None:
    plan = compile_plan(
        simple(
            Segment(SegmentKind.BACKWARD_WALK, Length.seconds(20)),
            Segment(SegmentKind.WALK, Length.seconds(20)),
        ),
        SETTINGS,
    )
    rig = Rig()
    rigs.append(rig)
    session = Session(plan, get_ready_s=0)
    rig.player.load(plan, session.get_ready_cues)
    for event in session.start(rig.clock.now):
        rig.player.handle(event)
    while not session.state.is_over:
        rig.run_for(1.0)
        for event in (*session.advance(rig.clock.now), *session.skip(rig.clock.now)):
            rig.player.handle(event)
    rig.run_for(6.0)
    spoken = [name for name in rig.names() if name.startswith("voice:")]
    assert spoken[-1] == voice("session ended") and voice("session complete") not in spoken


def test_settings_voice_beeps_and_step_ticks(qtbot: QtBot, rigs: list[Rig], plan: Plan) -> None:
    rig = Rig(replace(SETTINGS, voice=False))
    rigs.append(rig)
    rig.player.load(plan, get_ready(plan))
    rig.player.handle(cue(plan, CueType.ANNOUNCE, 1))
    rig.run_for(3.0)
    assert rig.names() == [go_name(Direction.BACKWARD)]
    rig.player.apply_settings(replace(SETTINGS, beeps=False, step_ticks=True))
    rig.player.handle(cue(plan, CueType.COUNTDOWN, 1))
    rig.run_for(1.0)
    assert rig.names()[-1] == voice("3")
    ticking = compile_plan(first_steps(), replace(SETTINGS, step_ticks=True))
    rig.player.load(ticking, get_ready(ticking))
    rig.player.apply_settings(replace(SETTINGS, step_ticks=True))
    rig.player.handle(cue(ticking, CueType.STEP_TICK, 1))
    assert rig.names()[-1] == "tone:step-tick"
    rig.player.apply_settings(replace(SETTINGS, step_ticks=False))
    rig.player.handle(cue(ticking, CueType.STEP_TICK, 1))
    assert rig.names()[-1] == "tone:step-tick" and rig.names().count("tone:step-tick") == 1


def test_volume_and_mute(qtbot: QtBot, rigs: list[Rig], plan: Plan) -> None:
    rig = Rig()
    rigs.append(rig)
    rig.player.load(plan, get_ready(plan))
    half = replace(SETTINGS, volume=0.5)
    rig.player.apply_settings(half)
    rig.player.handle(cue(plan, CueType.COUNTDOWN, 1))
    assert rig.device.played[-1] == (pip_name(Direction.NONE), 0.25)
    rig.player.handle(cue(plan, CueType.ANNOUNCE, 1))
    stops = rig.device.stops
    rig.player.apply_settings(replace(half, muted=True))
    assert rig.device.stops == stops + 1  # what was sounding stops too
    count = len(rig.device.played)
    rig.player.handle(cue(plan, CueType.ANNOUNCE, 2))
    rig.run_for(5.0)
    assert len(rig.device.played) == count
    rig.player.apply_settings(half)
    assert rig.device.stops == stops + 1, "unmuting silences nothing"
    rig.player.handle(cue(plan, CueType.FINISH, plan.segments[-1].index))
    assert rig.names()[-1] == FINISH


def test_a_custom_label_without_an_engine_says_the_kind(qtbot: QtBot, rigs: list[Rig]) -> None:
    plan = compile_plan(simple(Segment(SegmentKind.WALK, Length.seconds(30), "zigzag")), SETTINGS)
    rig = Rig()
    rigs.append(rig)
    rig.player.load(plan, get_ready(plan))
    rig.player.handle(cue(plan, CueType.ANNOUNCE, 0))
    rig.run_for(4.0)
    assert rig.names()[1:3] == [voice("walk"), voice("30")]


@pytest.mark.skipif(shutil.which("flite") is None, reason="flite is not installed")
def test_a_custom_label_is_spoken_by_the_engine_once_rendered(
    qtbot: QtBot, rigs: list[Rig], tmp_path: Path
) -> None:
    plan = compile_plan(simple(Segment(SegmentKind.WALK, Length.seconds(30), "Zigzag")), SETTINGS)
    flite = shutil.which("flite")
    assert flite is not None
    renderer = LabelRenderer([SpeechEngine(EngineKind.FLITE, flite)], tmp_path / "cache")
    rig = Rig(renderer=renderer)
    rigs.append(rig)
    rig.player.hold(True)
    with qtbot.waitSignal(renderer.rendered, timeout=20_000):
        rig.player.load(plan, get_ready(plan))
    assert "label:zigzag" in rig.device.prepared  # ready before its cue, not at it
    rig.player.handle(cue(plan, CueType.ANNOUNCE, 0))
    rig.run_for(4.0)
    assert rig.names()[1] == "label:zigzag"


def test_the_output_is_held_for_the_session_and_let_go_after(
    qtbot: QtBot, rigs: list[Rig], plan: Plan
) -> None:
    rig = Rig()
    rigs.append(rig)
    rig.player.load(plan, get_ready(plan))
    assert rig.device.held == [], "loading a plan opens nothing"
    rig.player.hold(True)
    assert rig.device.held == [True]
    rig.player.handle(cue(plan, CueType.FINISH, plan.segments[-1].index))
    rig.player.handle(state(EventKind.FINISHED, plan.total_s))
    rig.player.hold(False)
    assert rig.device.held == [True]  # "session complete" is still to be said
    rig.run_for(4.0)
    assert rig.names()[-1] == voice("session complete")
    assert rig.device.held == [True, False]


def test_an_event_before_a_plan_is_ignored_with_a_warning(
    qtbot: QtBot, rigs: list[Rig], plan: Plan, caplog: pytest.LogCaptureFixture
) -> None:
    rig = Rig()
    rigs.append(rig)
    with caplog.at_level(logging.WARNING):
        rig.player.handle(cue(plan, CueType.ANNOUNCE, 1))
    assert rig.device.played == [] and "before a plan was loaded" in caplog.text


def test_the_timer_runs_only_while_words_wait(qtbot: QtBot, rigs: list[Rig], plan: Plan) -> None:
    rig = Rig()
    rigs.append(rig)
    timer = rig.player._timer  # the only timer it owns
    assert timer.isSingleShot() and timer.timerType() is Qt.TimerType.PreciseTimer
    rig.player.load(plan, get_ready(plan))
    rig.player.handle(cue(plan, CueType.COUNTDOWN, 1))
    assert not timer.isActive()  # a beep alone needs no timer
    rig.player.handle(cue(plan, CueType.ANNOUNCE, 1))
    speech = rig.player.speech_plan
    assert speech is not None
    line = speech.line_for(cue(plan, CueType.ANNOUNCE, 1).cue)  # type: ignore[arg-type]
    assert line is not None
    # Armed for the words, which the speech plan puts after the shoulder check.
    assert timer.isActive() and timer.interval() == pytest.approx(line.delay_s * 1000, abs=1)
    rig.run_for(6.0)
    assert not timer.isActive()


def test_real_time_speech_through_the_timer(qtbot: QtBot, plan: Plan) -> None:
    device = FakeBackend("qt")
    playback = Playback(request_backends("auto", {}), {"qt": lambda: device})
    player = CuePlayer(playback, TONES, VOICE, SETTINGS)
    try:
        player.load(plan, get_ready(plan))
        player.handle(state(EventKind.RESUMED, 1.0))
        qtbot.waitUntil(
            lambda: player.speech_pending == 0 and len(device.played) == 2, timeout=3000
        )
        assert [name for name, _ in device.played] == [go_name(Direction.NONE), voice("resumed")]
    finally:
        player.close()


def test_a_session_through_the_controller_sounds_every_cue(
    qtbot: QtBot, rigs: list[Rig], caplog: pytest.LogCaptureFixture
) -> None:
    plan = compile_plan(
        simple(
            Segment(SegmentKind.BACKWARD_WALK, Length.seconds(6)),
            Segment(SegmentKind.FORWARD_RUN, Length.seconds(4)),
        ),
        replace(SETTINGS, next_up=False, countdown_pips=1),
    )
    rig = Rig()
    rigs.append(rig)
    session = Session(plan, get_ready_s=3, get_ready_pips=2)
    controller = SessionController(session, rig.clock)
    rig.player.load(plan, session.get_ready_cues)
    controller.event_fired.connect(lambda event, _at: rig.player.handle(event))
    controller.start()
    with caplog.at_level(logging.WARNING):
        while not controller.state.is_over:
            rig.run_for(0.1)
            controller.poll()
            # The device fails in the second segment: the session goes on, the cues move on.
            rig.device.fail_on_play = rig.clock.now - 100.0 > 8.5
        rig.run_for(4.0)
    controller.shutdown()
    before = [(round(t - 103.0, 1), name) for t, name in rig.device.log]
    after = [(round(t - 103.0, 1), name) for t, name in rig.spare.log]
    tones = [entry for entry in before + after if entry[1].startswith("tone:")]
    assert tones == [
        (-2.0, pip_name(Direction.BACKWARD)),
        (-1.0, pip_name(Direction.BACKWARD)),
        (0.0, go_name(Direction.BACKWARD)),
        (5.0, pip_name(Direction.FORWARD)),
        (6.0, go_name(Direction.FORWARD)),
        (9.0, pip_name(Direction.NONE)),
        (10.0, FINISH),
    ]
    spoken = [name for _, name in before + after if name.startswith("voice:")]
    assert spoken == [
        voice(p)
        for p in (
            "get ready",
            *("look over your shoulder", "backward walk", "6", "seconds"),
            "stop and turn around",
            # 4 s leave no time for "forward run" between the turn cue and the pip.
            "session complete",
        )
    ]
    assert rig.player.backend_name == "simpleaudio"
    assert caplog.text.count("qt failed") == 1


def test_closing_twice_and_a_late_label_are_harmless(qtbot: QtBot, tmp_path: Path) -> None:
    renderer = LabelRenderer([], tmp_path / "cache")
    device = FakeBackend("qt")
    playback = Playback(request_backends("auto", {}), {"qt": lambda: device})
    player = CuePlayer(playback, TONES, VOICE, SETTINGS, renderer)
    player.hold(True)
    prepared = len(device.prepared)
    player.close()
    player.close()
    renderer.rendered.emit("late label")  # nobody listens any more
    assert len(device.prepared) == prepared and device.closed


def test_draining_waits_for_the_words_but_not_for_silence(qtbot: QtBot, plan: Plan) -> None:
    device = FakeBackend("qt")
    playback = Playback(request_backends("auto", {}), {"qt": lambda: device})
    player = CuePlayer(playback, TONES, VOICE, SETTINGS)
    try:
        player.load(plan, get_ready(plan))
        player.handle(state(EventKind.STOPPED))
        assert player.drain(5.0)
        assert device.played[-1] == (voice("stopped"), 1.0)  # said before the process may end
        silent = CuePlayer(Playback(request_backends("silent", {}), {}), TONES, VOICE, SETTINGS)
        silent.load(plan, get_ready(plan))
        silent.handle(cue(plan, CueType.ANNOUNCE, 1))
        assert silent.speech_pending > 0
        assert silent.drain(5.0) and silent.speech_pending == 0  # nothing to wait for
        silent.close()
    finally:
        player.close()


def test_wait_ready_asks_the_output_and_says_when_it_is_not(
    qtbot: QtBot, rigs: list[Rig], plan: Plan
) -> None:
    rig = Rig()
    rigs.append(rig)
    rig.player.load(plan, get_ready(plan))
    assert rig.player.wait_ready(3.0) and rig.device.waits == [], "nothing held: no wait"
    rig.player.hold(True)
    rig.device.ready = False
    assert not rig.player.wait_ready(3.0)
    assert rig.device.waits[-1] == 3.0
    rig.device.ready = True
    assert rig.player.wait_ready(3.0)
    silent = CuePlayer(Playback(request_backends("silent", {}), {}), TONES, VOICE, SETTINGS)
    try:
        silent.load(plan, get_ready(plan))
        silent.hold(True)
        assert silent.wait_ready(0.0)  # nothing to wait for
    finally:
        silent.close()


def test_the_heart_rate_is_said_after_the_safety_words_of_a_segment_end(
    qtbot: QtBot, rigs: list[Rig], plan: Plan
) -> None:
    rig = Rig(replace(SETTINGS, speak_heart_rate=True))
    rigs.append(rig)
    rig.player.load(plan, get_ready(plan))
    # A backward segment ends: it is done, "stop and turn around" is due, and the heart rate.
    rig.player.handle(state(EventKind.SEGMENT_DONE))
    rig.player.say_heart_rate(142)
    rig.player.handle(cue(plan, CueType.TURN_AROUND, 1))
    rig.run_for(8.0)
    words = [name for name in rig.names() if name.startswith("voice:")]
    assert words[:5] == [
        voice(p) for p in ("stop and turn around", "heart rate", "1", "hundred", "42")
    ]


def test_the_heart_rate_is_not_said_unless_asked_for(
    qtbot: QtBot, rigs: list[Rig], plan: Plan
) -> None:
    rig = Rig()
    rigs.append(rig)
    rig.player.load(plan, get_ready(plan))
    rig.player.say_heart_rate(142)
    rig.run_for(3.0)
    assert voice("heart rate") not in rig.names()
