"""The run screen with a fake clock: start, transitions, labels, colours, banner, big digits."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor

from retrotimer.core.model import ColourRole
from retrotimer.core.session.session_machine import SessionState
from retrotimer.core.settings import Settings, Theme
from retrotimer.core.value import replace
from retrotimer.ui.common.kind_style import Arrow
from retrotimer.ui.common.theme import run_colours
from retrotimer.ui.run.run_screen import RunScreen
from tests.ui.conftest import TEST_SETTINGS, Harness


def texts(run: RunScreen):  # type: ignore[no-untyped-def]
    assert run.texts is not None
    return run.texts


def test_the_first_template_is_ready_to_start(harness: Harness) -> None:
    harness.show()
    run = harness.run
    assert run.template is not None and run.template.name == "First steps"
    assert run.state is SessionState.IDLE
    assert run.badge.word() == "READY"
    assert run.digits.text() == "2:38"
    assert run.toggle_button.isEnabled()
    assert run.toggle_button.accessibleName() == "Start"
    assert not run.skip_button.isEnabled() and not run.stop_button.isEnabled()
    assert not run.controller.timer_active  # type: ignore[union-attr]


def test_before_the_first_paint_the_session_is_shown_not_made(harness: Harness) -> None:
    run = harness.run  # the window is built, not yet shown
    assert harness.runs.held == 0
    assert run.state is SessionState.IDLE
    assert run.plan is not None and run.plan.template_name == "First steps"
    assert run.badge.word() == "READY"
    assert run.digits.text() == "2:38"
    assert run.select_template("Treadmill steps")
    assert harness.runs.held == 0, "a template loaded before the first paint makes no session"
    assert run.plan is not None and run.plan.template_name == "Treadmill steps"
    assert run.digits.text() == texts(run).digits


@pytest.mark.parametrize("key", ["toggle", "skip"])
def test_a_key_before_the_session_is_made_makes_it_and_acts_at_once(
    harness: Harness, key: str
) -> None:
    run = harness.run
    run.actions_by_name[key].trigger()
    assert harness.runs.held == 1
    # The tests' settings have no get-ready: Start runs the first segment at once.
    expected = SessionState.RUNNING if key == "toggle" else SessionState.IDLE
    assert run.state is expected
    assert run.session_active is (key == "toggle")


def test_after_the_first_paint_the_session_is_ready_before_any_key(harness: Harness) -> None:
    with harness.qtbot.waitSignal(harness.window.first_painted):
        harness.window.show()
    assert harness.runs.held == 1
    assert [plan.template_name for plan in harness.cues.plans] == ["First steps"]
    run = harness.run
    run.toggle()
    assert run.state is SessionState.RUNNING
    assert harness.runs.held == 1


def test_stopping_before_the_session_is_made_makes_none(harness: Harness) -> None:
    harness.run.shutdown()
    assert harness.runs.held == 0


def test_start_goes_through_get_ready_into_the_first_segment(
    harness: Harness, app_paths: object
) -> None:
    harness.settings.update(replace(TEST_SETTINGS, get_ready_s=5))
    harness.show()
    run = harness.run
    run.toggle_button.click()
    assert run.state is SessionState.COUNTDOWN
    assert run.badge.word() == "GET READY"
    assert run.digits.text() == "0:05"
    harness.run_for(2.0)
    assert run.digits.text() == "0:03"
    harness.run_for(3.0)
    assert run.state is SessionState.RUNNING
    assert run.badge.word() == "WALK"
    assert run.title.text() == "Warm-up walk"
    assert run.digits.text() == "1:00"
    assert run.controller.timer_active  # type: ignore[union-attr]


def test_transitions_labels_reps_and_what_comes_next(harness: Harness) -> None:
    harness.show()
    run = harness.run
    run.start()
    assert run.next_label.text() == "Next: Backward walk · 15 steps"
    assert run.rep.text() == ""
    harness.run_for(60.5)
    assert run.badge.word() == "BACKWARD"
    assert run.badge.arrow is Arrow.BACKWARD
    assert run.title.text() == "Backward walk · 15 steps"
    assert run.rep.text() == "Rep 1 of 2"
    assert run.digits.text() == "0:09"
    assert run.next_label.text() == "Next: Turn around and reset · 30 s"
    harness.run_for(9.0)
    assert run.badge.word() == "WALK"
    assert run.title.text() == "Turn around and reset"
    assert run.info.text() == "STOP, THEN TURN AROUND"
    assert run.rep.text() == "Rep 1 of 2"
    harness.run_for(30.0)
    assert run.rep.text() == "Rep 2 of 2"
    assert run.badge.word() == "BACKWARD"
    harness.run_until(lambda: run.state is SessionState.FINISHED)
    assert run.badge.word() == "DONE"
    assert run.toggle_button.accessibleName() == "New start"
    assert run.controller is None, "an ended session holds no timer"
    harness.dismiss_summary()


def test_segment_and_session_progress_move_with_the_clock(harness: Harness) -> None:
    harness.show()
    run = harness.run
    run.start()
    harness.run_for(30.0)
    assert run.segment_bar.fraction == pytest.approx(0.5)
    assert run.timeline.position_s == pytest.approx(30.0)
    assert run.session_label.text() == "Segment 1 of 6  ·  2:08 left"


def test_backward_segments_show_the_banner_and_it_flashes_at_each_reminder(
    harness: Harness,
) -> None:
    harness.settings.update(replace(TEST_SETTINGS, reminder_interval_s=5))
    harness.show()
    run = harness.run
    run.select_template("Mixed")
    run.start()
    assert run.slot.currentWidget() is run.info
    harness.run_for(10.0)
    assert run.slot.currentWidget() is run.banner
    assert run.banner.isVisible()
    assert run.banner.text() == "LOOK OVER YOUR SHOULDER"
    assert run.title.text() == "Backward jog · short quick steps"
    assert run.banner.flash_count == 1  # the reminder at the start of the segment
    assert run.banner.flashing and run.banner.inverted
    harness.run_for(5.0)
    assert run.banner.flash_count == 2
    harness.run_for(5.0)
    assert run.banner.flash_count == 3
    harness.run_for(2.0)  # forward run: no banner, no flashing
    assert run.badge.word() == "FORWARD"
    assert run.slot.currentWidget() is run.info
    assert not run.banner.flashing
    run.stop_now()
    harness.dismiss_summary()


def test_the_banner_stops_blinking_after_a_few_swaps(harness: Harness) -> None:
    harness.show()
    banner = harness.run.banner
    banner.set_text("LOOK OVER YOUR SHOULDER")
    banner.flash()
    swaps = 0
    while banner.flashing:
        banner._swap()  # what the blink timer calls
        swaps += 1
    assert swaps == banner.FLASHES
    assert not banner.inverted


def test_on_a_treadmill_the_banner_says_hold_the_rails(harness: Harness) -> None:
    harness.show()
    run = harness.run
    run.select_template("Treadmill steps")
    run.start()
    harness.run_for(61.0)
    assert run.banner.text() == "HOLD THE RAILS"
    assert run.banner.flash_count >= 1
    run.stop_now()
    harness.dismiss_summary()


@pytest.mark.parametrize("theme", [Theme.DARK, Theme.LIGHT])
def test_each_kind_paints_its_own_colour_and_backward_is_unlike_the_rest(
    harness: Harness, theme: Theme
) -> None:
    harness.settings.update(replace(TEST_SETTINGS, theme=theme))
    harness.show()
    run = harness.run
    colours = run_colours(theme)
    run.select_template("Mixed")
    run.start()
    seen: dict[str, QColor] = {}
    for moment, word in ((1, "WALK"), (11, "BACKWARD"), (23, "FORWARD"), (31, "REST")):
        harness.run_until(lambda m=moment: harness.position() >= m)
        assert run.badge.word() == word
        role = texts(run).role
        assert role is not None
        assert run.frame_colour == colours.fill(role)
        if theme is Theme.LIGHT:
            assert run.background_colour == colours.fill(role)  # the whole screen
            assert run.digits.colour() == colours.on_fill(role)
        else:
            assert run.background_colour == QColor("#000000")
            assert run.digits.colour() == colours.fill(role)
        seen[word] = run.frame_colour
    assert texts(run).role is ColourRole.REST
    backward = seen.pop("BACKWARD")
    assert all(backward != other for other in seen.values())
    run.stop_now()
    harness.dismiss_summary()


@pytest.mark.parametrize("size", [(1280, 800), (1920, 1080), (1024, 768), (800, 600)])
def test_the_countdown_digits_are_at_least_35_percent_of_the_window_height(
    harness: Harness, size: tuple[int, int]
) -> None:
    window = harness.show()
    window.resize(*size)
    harness.qtbot.waitUntil(lambda: window.size().height() == size[1])
    assert harness.run.select_template("Mixed")
    harness.run.start()
    harness.run_for(11.0)  # a timed backward segment, banner and all
    assert harness.run.banner.isVisible()
    digits = harness.run.digits
    assert digits.glyph_height() >= 0.35 * window.height(), (digits.glyph_height(), size)
    assert digits.glyph_height() <= digits.height()
    harness.run.stop_now()
    harness.dismiss_summary()


def test_fullscreen_gives_the_whole_screen_to_the_run_screen(harness: Harness) -> None:
    window = harness.show()
    harness.run.actions_by_name["fullscreen"].trigger()
    harness.qtbot.waitUntil(lambda: window.isFullScreen())
    assert not window.tabs.tabBar().isVisible()
    assert not window.menuBar().isVisible()
    harness.qtbot.waitUntil(lambda: harness.run.height() == window.height())
    harness.run.actions_by_name["fullscreen"].trigger()
    harness.qtbot.waitUntil(lambda: not window.isFullScreen())
    assert window.tabs.tabBar().isVisible()
    assert window.menuBar().isVisible()


def test_settings_change_the_next_plan_not_the_running_one(harness: Harness) -> None:
    harness.show()
    run = harness.run
    run.start()
    slower = replace(harness.settings.current, cadence_backward_walk=60)
    harness.settings.update(slower)
    assert run.plan is not None and run.plan.total_s == pytest.approx(158)
    harness.run_for(1.0)
    run.stop_now()
    harness.dismiss_summary()
    run.toggle()  # back to a fresh session
    assert run.plan.total_s == pytest.approx(60 + 2 * (15 + 30) + 20)


def test_no_templates_leaves_nothing_to_start(harness: Harness) -> None:
    for name in ("First steps", "Treadmill steps", "Mixed"):
        harness.library.delete(name)
    harness.window.reload_templates()
    harness.show()
    run = harness.run
    assert run.template is None
    assert run.badge.word() == "NO TEMPLATE"
    assert not run.toggle_button.isEnabled()
    run.toggle()
    assert run.state is None
    assert harness.window.windowTitle() == "RetroTimer"


def test_a_new_start_after_the_end_is_a_fresh_session(harness: Harness) -> None:
    harness.show()
    run = harness.run
    run.start()
    harness.run_for(3.0)
    run.stop_now()
    harness.dismiss_summary()
    assert run.state is SessionState.STOPPED
    run.toggle()
    assert run.state is SessionState.IDLE
    assert run.digits.text() == "2:38"


def test_default_settings_fixture_is_what_the_tests_expect() -> None:
    assert TEST_SETTINGS.get_ready_s == 0
    assert Settings().safety_checklist  # on for real users


def test_each_new_plan_is_announced_before_it_runs(harness: Harness) -> None:
    harness.show()
    plans = harness.cues.plans
    plans.clear()
    harness.run.select_template("Mixed")
    assert plans == [harness.run.plan]
    assert harness.run.plan is not None and harness.run.plan.template_name == "Mixed"
    harness.run.start()
    harness.run_for(2.0)
    harness.run.stop_now()
    harness.dismiss_summary()
    harness.run.toggle()  # a new start: a fresh plan, announced again
    assert len(plans) == 2


def test_reloading_templates_mid_session_keeps_the_session(harness: Harness) -> None:
    harness.show()
    harness.run.start()
    harness.run_for(5.0)
    harness.window.reload_templates()
    assert harness.run.state is SessionState.RUNNING
    assert harness.position() == pytest.approx(5.0)
    harness.run.stop_now()
    harness.dismiss_summary()
