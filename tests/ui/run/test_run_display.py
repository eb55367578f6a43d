"""How the run screen looks from across a room: paused, get-ready and muted change the whole
screen; steps left beside the seconds; no text overlaps any other, at both screen sizes."""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtCore import QEvent, QObject, QRect, QRectF, QSize
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QApplication, QLabel, QStyle, QWidget

from retrotimer.core.session.session_machine import SessionState
from retrotimer.core.settings import Theme
from retrotimer.core.templates.builtin_templates import BUILTIN_TEMPLATES
from retrotimer.core.value import replace
from retrotimer.ui.common.theme import run_colours
from retrotimer.ui.run.run_screen import RunScreen
from retrotimer.ui.run.run_texts import Look
from tests.ui.conftest import TEST_SETTINGS, Harness

SIZES = [(1280, 800), (1366, 768), (1920, 1080)]


def ink_rects(run: RunScreen) -> dict[str, QRectF]:
    """Every piece of text now visible on the run screen, where its ink falls (in the run
    screen's coordinates). Each must lie inside its own widget: clipped text fails here."""
    run.layout().activate()
    found: dict[str, QRectF] = {}

    def place(name: str, widget: QWidget, rect: QRectF) -> None:
        inside = QRectF(widget.rect()).adjusted(-0.5, -0.5, 0.5, 0.5)
        assert inside.contains(rect), f"{name} is clipped: {rect} not in {widget.rect()}"
        found[name] = rect.translated(widget.mapTo(run, widget.rect().topLeft()).toPointF())

    for name in (
        "title",
        "rep",
        "info",
        "shout",
        "steps_left",
        "digits",
        "next_label",
        "session_label",
    ):
        widget = getattr(run, name)
        if widget.isVisible() and widget.text():
            place(name, widget, widget.ink_rect())
    if run.mute_mark.isVisible():
        place("mute_mark", run.mute_mark, run.mute_mark.ink_rect())
    if run.banner.isVisible():
        place("banner", run.banner, QRectF(run.banner.rect()))
    for label in run.findChildren(QLabel):
        if not (label.isVisible() and label.text()) or label.parent() in run.big_buttons:
            continue
        shown = label.text().replace("&", "")  # a mnemonic's & is not drawn
        if "<" in shown:  # rich text: what it needs is the label's size hint
            needed = label.sizeHint()
        else:
            needed = QSize(
                label.fontMetrics().horizontalAdvance(shown), label.fontMetrics().height()
            )
        box = label.contentsRect()
        assert needed.width() <= box.width() + 1, f"{shown!r} is clipped"
        text = QStyle.alignedRect(label.layoutDirection(), label.alignment(), needed, box)
        place(shown, label, QRectF(text))
    return found


def assert_nothing_overlaps(run: RunScreen, where: str) -> None:
    """No two texts overlap, nor come so close that they read as one from afar: ink that
    touches ("Turn around and reset" sitting on "STOP, THEN TURN AROUND") fails too."""
    gap = max(6.0, 0.01 * run.height())
    rects = ink_rects(run)
    for (first, a), (second, b) in itertools.combinations(rects.items(), 2):
        spaced = a.adjusted(-gap / 2, -gap / 2, gap / 2, gap / 2)
        assert not spaced.intersects(b.adjusted(-gap / 2, -gap / 2, gap / 2, gap / 2)), (
            f"{where}: {first!r} {a} and {second!r} {b} are closer than {gap:.0f} px"
        )


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("muted", [False, True])
def test_no_text_overlaps_in_any_state_of_any_built_in_template(
    library_harness: Harness, size: tuple[int, int], muted: bool
) -> None:
    harness = library_harness
    harness.settings.update(replace(TEST_SETTINGS, get_ready_s=3, muted=muted))
    window = harness.show()
    window.resize(*size)
    harness.qtbot.waitUntil(lambda: window.size() == window.size().__class__(*size))
    run = harness.run
    for number, template in enumerate(BUILTIN_TEMPLATES):
        assert run.select_template(template.name)
        assert_nothing_overlaps(run, f"{template.name}, ready")
        run.start()
        assert run.state is SessionState.COUNTDOWN
        assert_nothing_overlaps(run, f"{template.name}, get ready")
        run.toggle()
        assert_nothing_overlaps(run, f"{template.name}, paused in get-ready")
        run.toggle()
        harness.run_until(lambda: run.state is SessionState.RUNNING)
        plan = run.plan
        assert plan is not None
        for segment in plan.segments:
            where = f"{template.name}, segment {segment.index + 1} ({segment.label})"
            assert_nothing_overlaps(run, f"{where}, at its start")
            harness.run_for(1.0)
            assert_nothing_overlaps(run, where)
            if segment.index == 1:
                run.toggle()
                assert_nothing_overlaps(run, f"{where}, paused")
                run.toggle()
            if segment is plan.segments[-1]:
                break
            run.skip()
        if number % 2:  # every other template is stopped in its last segment
            run.stop_now()
            assert_nothing_overlaps(run, f"{template.name}, stopped")
        else:
            harness.run_until(lambda: run.state is SessionState.FINISHED)
            assert_nothing_overlaps(run, f"{template.name}, done")
        harness.dismiss_summary()
        run.toggle()  # a fresh session for the next template


@pytest.mark.parametrize("theme", [Theme.DARK, Theme.LIGHT])
def test_paused_greys_the_whole_screen_with_a_huge_word(harness: Harness, theme: Theme) -> None:
    harness.settings.update(replace(TEST_SETTINGS, theme=theme))
    harness.show()
    run = harness.run
    run.start()
    harness.run_for(61.0)  # the backward walk
    running = (run.background_colour, run.frame_colour, run.digits.colour())
    run.toggle()
    colours = run_colours(theme)
    assert run.texts is not None and run.texts.look is Look.PAUSED
    assert run.shout.isVisible() and run.shout.text() == "PAUSED"
    assert run.background_colour == colours.paused_background
    assert run.frame_colour == colours.paused_frame
    assert run.digits.colour() == colours.paused_ink
    assert (run.background_colour, run.frame_colour, run.digits.colour()) != running
    assert run.shout.glyph_height() >= 0.1 * harness.window.height()
    assert all(colour.saturation() == 0 for colour in run.timeline.block_colours())
    run.toggle()
    assert not run.shout.isVisible()
    assert any(colour.saturation() > 0 for colour in run.timeline.block_colours())
    assert run.background_colour == running[0]


@pytest.mark.parametrize("theme", [Theme.DARK, Theme.LIGHT])
def test_get_ready_has_its_own_colours_and_a_huge_word_with_the_seconds(
    harness: Harness, theme: Theme
) -> None:
    harness.settings.update(replace(TEST_SETTINGS, theme=theme, get_ready_s=5))
    harness.show()
    run = harness.run
    run.start()
    colours = run_colours(theme)
    assert run.shout.isVisible() and run.shout.text() == "GET READY"
    assert run.digits.text() == "0:05"
    assert run.background_colour == colours.get_ready_background
    get_ready = (run.background_colour, run.frame_colour)
    harness.run_for(5.5)
    assert run.state is SessionState.RUNNING and not run.shout.isVisible()
    assert (run.background_colour, run.frame_colour) != get_ready  # unlike the first segment
    if colours.dark:  # the dark style's white buttons are drawn in ink on the white
        assert all(button.styleSheet() == "" for button in run.big_buttons)


def test_muted_shows_a_large_sign_in_every_state(harness: Harness) -> None:
    harness.show()
    run = harness.run
    run.toggle_mute()
    assert run.mute_mark.isVisible()
    assert run.mute_mark.ink_rect().height() >= 0.25 * harness.window.height()
    run.start()
    harness.run_for(61.0)
    assert run.mute_mark.isVisible()
    run.toggle()
    assert run.mute_mark.isVisible()
    run.toggle_mute()
    assert not run.mute_mark.isVisible()


def test_a_step_counted_segment_shows_the_steps_left_as_big_as_the_seconds(
    harness: Harness,
) -> None:
    harness.show()
    run = harness.run
    run.start()
    harness.run_for(60.5)  # into "Backward walk · 15 steps", 9 s long at the cadence
    assert run.steps_left.isVisible()
    assert run.steps_left.text() == "15 steps"
    assert run.steps_left.pixel_size() == pytest.approx(run.digits.pixel_size())
    assert run.digits.glyph_height() >= 0.15 * harness.window.height()
    harness.run_for(4.0)  # 4.5 of 9 s gone: half the steps are left
    assert run.steps_left.text() == "8 steps"  # 7.5, rounded up
    harness.run_for(5.0)
    assert not run.steps_left.isVisible()  # a timed walk shows its seconds alone


@pytest.mark.parametrize("size", SIZES)
def test_the_sessions_place_and_time_are_readable_from_the_treadmill(
    harness: Harness, size: tuple[int, int]
) -> None:
    window = harness.show()
    window.resize(*size)
    harness.qtbot.waitUntil(lambda: window.size().height() == size[1])
    run = harness.run
    run.start()
    harness.run_for(65.0)  # into the backward walk
    assert run.session_label.text() == "Segment 2 of 6  ·  1:33 left"  # 1:05 of 2:38 gone
    # Tens of pixels: capitals read from 3 m need about 1/40 of the height at 1280x800.
    assert run.session_label.glyph_height() >= 0.035 * window.height()
    assert_nothing_overlaps(run, f"{size}, running")
    run.stop_now()
    harness.window.summary_dialog.reject()  # type: ignore[union-attr]


def test_the_header_the_time_left_and_the_summary_agree_to_the_second(
    harness: Harness,
) -> None:
    # 15 steps at 112 a minute: 8.04 s, so the plan lasts 156.07 s, 2:36 by the one rule.
    harness.settings.update(replace(TEST_SETTINGS, cadence_backward_walk=112))
    harness.show()
    run = harness.run
    assert "  ·  2:36  ·  " in run.plan_label.text()
    run.start()
    assert run.session_label.text().endswith("  ·  2:36 left")  # not 2:37, rounded up
    harness.run_until(lambda: harness.position() >= 100.0)
    assert run.session_label.text().endswith("  ·  0:56 left")
    harness.run_until(lambda: harness.state() is SessionState.FINISHED)
    assert run.session_label.text().endswith("  ·  0:00 left")
    dialog = harness.window.summary_dialog
    assert dialog is not None
    assert dialog.values["Time"].accessibleDescription() == "2:36 of 2:36 planned"
    dialog.reject()


def test_the_plan_totals_use_the_one_rule_and_agreeing_nouns(harness: Harness) -> None:
    harness.show()
    # First steps: 158 s in all, 18 s of it backward.
    assert harness.run.plan_label.text() == (
        "Track  ·  2:38  ·  about 3 minutes  ·  1 backward minute"
    )


class PaintedRects(QObject):
    """Where a widget is painted, event by event."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.rects: list[QRect] = []
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QPaintEvent):
            self.rects.extend(event.region())
        return False

    def area(self) -> int:
        return sum(rect.width() * rect.height() for rect in self.rects)


def test_a_tick_repaints_what_changed_not_the_whole_screen(harness: Harness) -> None:
    harness.show()
    run = harness.run
    run.start()
    harness.run_for(2.2)
    QApplication.processEvents()
    painted = PaintedRects(run)
    digits = run.digits.text()
    harness.run_for(1.0)
    QApplication.processEvents()
    assert run.digits.text() != digits
    assert painted.rects, "the new digits are painted"
    # The digits, the bars and the position line; not the badge, the title, the buttons.
    assert run.rect() not in painted.rects
    assert painted.area() < 0.6 * run.width() * run.height()
    painted.rects.clear()
    run.toggle()  # paused: the whole screen greys out
    QApplication.processEvents()
    assert run.rect() in painted.rects
