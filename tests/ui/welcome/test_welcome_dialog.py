"""The first-run welcome: the suggestion, the safety cues, the cadence, the first-run flag."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QRadioButton,
    QSpinBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

from retrotimer.core.model import Length, Segment, SegmentKind, Template, Venue
from retrotimer.core.programs.builtin_programs import LEARN, builtin_program
from retrotimer.core.settings import Settings
from retrotimer.core.templates.builtin_templates import BUILTIN_TEMPLATES
from retrotimer.core.value import replace
from retrotimer.runtime.clock import FakeClock
from retrotimer.ui.welcome.step_tapper import TARGET_STEPS, StepTapper
from retrotimer.ui.welcome.welcome_dialog import TITLE, WelcomeDialog, open_welcome
from tests.factories import simple

# The offscreen platform reports each change of a window's size constraints; a real X server
# does not.
pytestmark = pytest.mark.qt_log_ignore(r"^This plugin does not support propagateSizeHints")

SETTINGS = replace(Settings(), cadence_backward_walk=90, reminder_interval_s=15)


def make(qtbot: QtBot, settings: Settings = SETTINGS) -> tuple[WelcomeDialog, FakeClock]:
    clock = FakeClock()
    dialog = WelcomeDialog(settings, clock)
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    return dialog, clock


def tap_steps(qtbot: QtBot, dialog: WelcomeDialog, clock: FakeClock, interval: float) -> None:
    for _ in range(TARGET_STEPS):
        qtbot.keyClick(dialog.tapper, Qt.Key.Key_Space)
        clock.advance(interval)


def test_it_suggests_the_first_built_in_template(qtbot: QtBot) -> None:
    dialog, _ = make(qtbot)
    first = BUILTIN_TEMPLATES[0]
    assert dialog.windowTitle() == TITLE
    assert first.name in dialog.open_suggested.text()
    texts = [label.text() for label in dialog.findChildren(type(dialog.reminder_text))]
    assert any(first.description in text for text in texts)


def test_it_suggests_another_template_when_given_one(qtbot: QtBot) -> None:
    other = Template("Gentle start", simple().items, "Walk backward a little.", Venue.TRACK)
    dialog = WelcomeDialog(SETTINGS, FakeClock(), other)
    qtbot.addWidget(dialog)
    assert "Gentle start" in dialog.open_suggested.text()
    assert dialog.open_suggested.isChecked(), "without a program to offer, the template leads"
    dialog.accept()
    assert dialog.template_to_open() == "Gentle start"


def test_it_explains_the_shoulder_check_and_treadmill_reminders(qtbot: QtBot) -> None:
    dialog, _ = make(qtbot)
    text = dialog.reminder_text.text()
    assert "Look over your shoulder" in text
    assert "every 15 seconds" in text  # the user's reminder interval
    assert "Hold the rails" in text and "treadmill" in text
    assert "Stop and turn around" in text
    assert "dizzy" in text


def test_tapping_ten_steps_sets_the_cadence_and_done_keeps_it(qtbot: QtBot) -> None:
    dialog, clock = make(qtbot)
    assert dialog.cadence.value() == 90
    assert dialog.focusWidget() is dialog.tapper  # Space taps straight away
    tap_steps(qtbot, dialog, clock, 0.55)
    assert dialog.cadence.value() == 109
    qtbot.keyClick(dialog.cadence, Qt.Key.Key_Return)  # Enter means Done
    assert dialog.result() == WelcomeDialog.DialogCode.Accepted
    after = dialog.settings_after()
    assert after == replace(SETTINGS, cadence_backward_walk=109, first_run_done=True)
    assert dialog.template_to_open() == BUILTIN_TEMPLATES[0].name


def test_a_typed_number_counts_even_without_enter(qtbot: QtBot) -> None:
    dialog, _ = make(qtbot)
    dialog.cadence.setFocus()
    dialog.cadence.selectAll()
    qtbot.keyClicks(dialog.cadence, "96")
    qtbot.mouseClick(dialog.done_button, Qt.MouseButton.LeftButton)
    assert dialog.settings_after().cadence_backward_walk == 96


def test_a_typed_number_out_of_range_is_kept_within_it(qtbot: QtBot) -> None:
    dialog, _ = make(qtbot)
    dialog.cadence.setFocus()
    dialog.cadence.selectAll()
    qtbot.keyClicks(dialog.cadence, "999")
    dialog.accept()
    assert dialog.settings_after().cadence_backward_walk <= 240


def test_skip_changes_nothing_but_marks_the_first_run_done(qtbot: QtBot) -> None:
    dialog, clock = make(qtbot)
    tap_steps(qtbot, dialog, clock, 0.5)
    assert dialog.cadence.value() == 120
    qtbot.mouseClick(dialog.skip_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == WelcomeDialog.DialogCode.Rejected
    assert dialog.settings_after() == replace(SETTINGS, first_run_done=True)
    assert dialog.template_to_open() is None


def test_escape_skips(qtbot: QtBot) -> None:
    dialog, _ = make(qtbot)
    qtbot.keyClick(dialog.tapper, Qt.Key.Key_Escape)
    assert dialog.result() == WelcomeDialog.DialogCode.Rejected
    assert dialog.settings_after().first_run_done


def test_the_suggestion_can_be_declined(qtbot: QtBot) -> None:
    dialog, _ = make(qtbot)
    dialog.look_around.click()
    dialog.accept()
    assert dialog.template_to_open() is None
    assert dialog.settings_after().first_run_done


def test_start_over_forgets_the_taps_and_returns_to_the_tapper(qtbot: QtBot) -> None:
    dialog, clock = make(qtbot)
    for _ in range(4):
        qtbot.keyClick(dialog.tapper, Qt.Key.Key_Space)
        clock.advance(0.6)
    with qtbot.waitSignal(dialog.start_over.clicked):  # a mnemonic clicks after a short delay
        qtbot.keyClick(dialog.tapper, Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)
    assert dialog.tapper.taps == ()
    assert dialog.focusWidget() is dialog.tapper


def test_the_keyboard_reaches_every_control_in_order(qtbot: QtBot) -> None:
    dialog, _ = make(qtbot)
    dialog.open_suggested.setFocus()
    seen = [dialog.focusWidget()]
    for _ in range(5):
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
        seen.append(dialog.focusWidget())
    assert seen == [
        dialog.open_suggested,
        dialog.tapper,
        dialog.cadence,
        dialog.start_over,
        dialog.done_button,
        dialog.skip_button,
    ]


def test_every_control_has_an_accessible_name(qtbot: QtBot) -> None:
    dialog, _ = make(qtbot)
    controls = [
        *dialog.findChildren(QAbstractButton),
        *dialog.findChildren(QSpinBox),
        *dialog.findChildren(StepTapper),
    ]
    assert len(controls) >= 6
    assert all(control.accessibleName() for control in controls)
    assert dialog.findChildren(QRadioButton) == [dialog.open_suggested, dialog.look_around]


def test_the_text_is_larger_than_the_application_font(qtbot: QtBot) -> None:
    dialog, _ = make(qtbot)
    base = QApplication.font().pointSizeF()
    assert dialog.reminder_text.font().pointSizeF() >= 1.2 * base
    assert dialog.tapper.count_label.font().pointSizeF() >= 2.5 * base


def test_the_window_is_tall_enough_for_its_text(qtbot: QtBot) -> None:
    dialog, _ = make(qtbot)
    assert dialog.height() >= dialog.heightForWidth(dialog.width())


def test_open_welcome_reports_the_answer_once_and_goes_away(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    answers: list[tuple[Settings, str | None, str | None]] = []
    clock = FakeClock()
    dialog = open_welcome(window, SETTINGS, clock, lambda *answer: answers.append(answer))
    assert dialog.isVisible() and dialog.parent() is window
    assert dialog.windowModality() is Qt.WindowModality.WindowModal
    tap_steps(qtbot, dialog, clock, 0.6)
    qtbot.mouseClick(dialog.done_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.findChildren(WelcomeDialog))  # deleted once answered
    assert answers == [
        (
            replace(SETTINGS, cadence_backward_walk=100, first_run_done=True),
            BUILTIN_TEMPLATES[0].name,
            None,
        )
    ]


def test_open_welcome_reports_a_skip_too(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    answers: list[tuple[Settings, str | None, str | None]] = []
    learn = builtin_program(LEARN)
    dialog = open_welcome(
        window, SETTINGS, FakeClock(), lambda *answer: answers.append(answer), program=learn
    )
    dialog.reject()
    assert answers == [(replace(SETTINGS, first_run_done=True), None, None)]


def test_every_text_is_large_under_an_application_style_sheet(qtbot: QtBot) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    base = app.font().pointSizeF()
    app.setStyleSheet("QPushButton { padding: 4px 12px; } QLabel { color: palette(text); }")
    try:
        dialog, _ = make(qtbot)
        texts = [*dialog.findChildren(QLabel), *dialog.findChildren(QAbstractButton)]
        small = [w for w in texts if w.font().pointSizeF() < 1.2 * base]
        assert not small, [getattr(w, "text", lambda: "")() for w in small]
    finally:
        app.setStyleSheet("")


def test_the_suggested_sessions_length_follows_the_windows_rule(qtbot: QtBot) -> None:
    template = Template(
        "Halves",
        simple(
            Segment(SegmentKind.WARMUP, Length.seconds(89.5)),
            Segment(SegmentKind.BACKWARD_WALK, Length.seconds(30)),
        ).items,
        "Two parts.",
        Venue.TRACK,
    )
    dialog = WelcomeDialog(SETTINGS, FakeClock(), template)
    qtbot.addWidget(dialog)
    # 119.5 s: halves go up, as on the run screen; one backward minute, singular.
    assert dialog.totals.text() == "In all: 2:00  ·  about 2 minutes  ·  1 backward minute"


def test_a_program_is_offered_first_and_followed_when_chosen(qtbot: QtBot) -> None:
    learn = builtin_program(LEARN)
    assert learn is not None
    dialog = WelcomeDialog(SETTINGS, FakeClock(), program=learn)
    qtbot.addWidget(dialog)
    assert dialog.follow_program is not None and dialog.follow_program.isChecked()
    assert LEARN in dialog.follow_program.text()
    buttons = dialog.findChildren(QRadioButton)
    assert buttons[0] is dialog.follow_program
    texts = [label.text() for label in dialog.findChildren(type(dialog.reminder_text))]
    assert any(learn.description in text for text in texts)
    dialog.accept()
    assert (dialog.program_to_follow(), dialog.template_to_open()) == (LEARN, None)


def test_the_template_instead_of_the_program(qtbot: QtBot) -> None:
    learn = builtin_program(LEARN)
    dialog = WelcomeDialog(SETTINGS, FakeClock(), program=learn)
    qtbot.addWidget(dialog)
    dialog.open_suggested.click()
    dialog.accept()
    assert dialog.program_to_follow() is None
    assert dialog.template_to_open() == BUILTIN_TEMPLATES[0].name
    skipped = WelcomeDialog(SETTINGS, FakeClock(), program=learn)
    qtbot.addWidget(skipped)
    skipped.reject()
    assert skipped.program_to_follow() is None
