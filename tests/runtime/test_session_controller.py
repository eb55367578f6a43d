"""The controller: one precise single-shot timer armed to the next due moment, signals out."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from retrotimer.core.model import Length, Segment, SegmentKind
from retrotimer.core.session.plan import compile_plan
from retrotimer.core.session.session_machine import (
    Event,
    IllegalCommand,
    Session,
    SessionState,
    SessionView,
)
from retrotimer.core.settings import Settings
from retrotimer.runtime.clock import FakeClock
from retrotimer.runtime.session_controller import SessionController
from tests.factories import simple


def make_controller(qtbot: QtBot, get_ready: float = 0.0) -> tuple[SessionController, FakeClock]:
    plan = compile_plan(
        simple(
            Segment(SegmentKind.WALK, Length.seconds(10)),
            Segment(SegmentKind.BACKWARD_WALK, Length.steps(5)),  # 3 s at 100 steps a minute
        ),
        Settings(next_up=False, countdown_pips=0),
    )
    clock = FakeClock(500.0)
    controller = SessionController(Session(plan, get_ready_s=get_ready), clock)
    return controller, clock


def run_for(controller: SessionController, clock: FakeClock, seconds: float) -> None:
    """Let time pass as the real timer would see it: in steps well below the jump threshold."""
    end = clock.now + seconds
    while clock.now < end:
        clock.now = min(end, clock.now + 0.5)
        controller.poll()


class Recorder:
    def __init__(self, controller: SessionController) -> None:
        self.events: list[tuple[Event, float]] = []
        self.views: list[SessionView] = []
        self.states: list[SessionState] = []
        controller.event_fired.connect(lambda event, at: self.events.append((event, at)))
        controller.view_changed.connect(self.views.append)
        controller.state_changed.connect(self.states.append)

    def names(self) -> list[str]:
        return [event.type_name for event, _ in self.events]


def test_one_precise_single_shot_timer(qtbot: QtBot) -> None:
    controller, _ = make_controller(qtbot)
    timer = controller._timer  # the only timer it owns
    assert timer.isSingleShot()
    assert timer.timerType() is Qt.TimerType.PreciseTimer
    assert not controller.timer_active
    controller.shutdown()


def test_start_emits_events_and_arms_the_timer_for_the_next_display_second(qtbot: QtBot) -> None:
    controller, clock = make_controller(qtbot)
    seen = Recorder(controller)
    with qtbot.waitSignal(controller.state_changed):
        controller.start()
    assert seen.names() == ["countdown_started", "running", "announce"]
    assert seen.states == [SessionState.RUNNING]
    assert seen.views[-1].segment.index == 0
    assert controller.timer_interval_ms == 1000
    clock.advance(0.25)
    controller.poll()
    assert controller.timer_interval_ms == 750  # to the next whole second of the display
    controller.stop()
    assert not controller.timer_active


def test_the_timer_is_armed_to_a_cue_that_comes_before_the_next_second(qtbot: QtBot) -> None:
    controller, clock = make_controller(qtbot)
    controller.start()
    run_for(controller, clock, 9.7)
    assert controller.timer_interval_ms == 300  # the boundary at 10 s
    clock.advance(0.3)
    seen = Recorder(controller)
    controller.poll()
    assert seen.names() == ["segment_done", "announce", "shoulder_check"]
    assert seen.events[1][1] == pytest.approx(10.0)
    controller.stop()


def test_pause_disarms_and_resume_rearms(qtbot: QtBot) -> None:
    controller, clock = make_controller(qtbot)
    controller.start()
    controller.toggle_pause()
    assert controller.state is SessionState.PAUSED
    assert not controller.timer_active
    clock.advance(600)
    controller.toggle_pause()
    assert controller.state is SessionState.RUNNING
    assert controller.timer_active
    assert controller.view().position_s == 0.0
    controller.stop()


def test_skip_back_and_finish_through_the_controller(qtbot: QtBot) -> None:
    controller, clock = make_controller(qtbot)
    seen = Recorder(controller)
    controller.start()
    clock.advance(2.0)
    controller.poll()
    controller.skip()
    assert controller.view().segment.index == 1
    clock.advance(1.0)
    controller.poll()
    controller.back()
    assert controller.view().position_s == 0.0  # within 2 s of the start: previous segment
    run_for(controller, clock, 14.0)
    assert controller.state is SessionState.FINISHED
    assert seen.states[-1] is SessionState.FINISHED
    assert "finish" in seen.names()
    assert not controller.timer_active


def test_an_illegal_command_raises_and_changes_nothing(qtbot: QtBot) -> None:
    controller, _ = make_controller(qtbot)
    seen = Recorder(controller)
    with pytest.raises(IllegalCommand):
        controller.pause()
    assert controller.state is SessionState.IDLE
    assert seen.events == [] and not controller.timer_active


def test_the_real_timer_fires_and_drives_the_session(qtbot: QtBot) -> None:
    # With a clock that has already passed the next cue, the armed 0 ms timer must fire
    # by itself through the event loop and deliver the boundary events.
    controller, clock = make_controller(qtbot)
    controller.start()
    run_for(controller, clock, 12.0)
    clock.advance(0.999)
    with qtbot.waitSignal(controller.view_changed, timeout=3000):
        pass
    clock.advance(2.0)  # past the end at 13 s: the next firing finishes the session
    with qtbot.waitSignal(controller.state_changed, timeout=3000) as blocker:
        pass
    assert blocker.args == [SessionState.FINISHED]
    assert not controller.timer_active


def test_time_compression_arms_the_timer_in_real_milliseconds(qtbot: QtBot) -> None:
    plan = compile_plan(simple(Segment(SegmentKind.WALK, Length.seconds(30))), Settings())
    clock = FakeClock()
    controller = SessionController(Session(plan, get_ready_s=0), clock, speed=10.0)
    controller.start()
    assert controller.timer_interval_ms == 100  # one plan second at ten times speed
    controller.stop()


def test_the_timer_is_armed_early_and_the_rest_is_waited_out_precisely(qtbot: QtBot) -> None:
    """Timers wake late: the controller learns by how much, arms that much early and waits
    the remainder with the precise wait, so the display second lands on time."""
    plan = compile_plan(simple(Segment(SegmentKind.WALK, Length.seconds(30))), Settings())
    clock = FakeClock(500.0)
    waits: list[float] = []

    def precise_wait(seconds: float) -> None:
        waits.append(round(seconds, 6))
        clock.advance(seconds)

    controller = SessionController(Session(plan, get_ready_s=0.0), clock, precise_wait=precise_wait)
    polled: list[float] = []
    controller.view_changed.connect(lambda view: polled.append(round(clock.now, 6)))
    controller.start()
    assert controller.timer_interval_ms == 995, "armed 5 ms early before anything is known"

    clock.now = 500.995 + 0.008  # the timer woke 8 ms late: past the moment, nothing to wait
    controller._timer.timeout.emit()
    assert waits == []
    assert controller.timer_interval_ms == 988, "next time 8 ms + 1 ms early"

    clock.now = 501.003 + 0.988  # this time it woke as armed: 9 ms before the second
    controller._timer.timeout.emit()
    assert waits == [0.009]
    assert polled[-1] == 502.0, "the display changed on the very second"
    controller.shutdown()


def test_without_a_precise_wait_the_timer_is_never_early(qtbot: QtBot) -> None:
    plan = compile_plan(simple(Segment(SegmentKind.WALK, Length.seconds(30))), Settings())
    clock = FakeClock(500.0)
    controller = SessionController(Session(plan, get_ready_s=0.0), clock)
    controller.start()
    assert controller.timer_interval_ms == 1000
    controller.shutdown()
