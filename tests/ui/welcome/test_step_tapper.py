"""The step tapper: keys, presenter remotes and clicks count steps; the fake clock times them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from retrotimer.runtime.clock import FakeClock
from retrotimer.ui.welcome.step_tapper import RESTART_AFTER_S, TARGET_STEPS, StepTapper


def make(qtbot: QtBot) -> tuple[StepTapper, FakeClock, list[int]]:
    clock = FakeClock()
    tapper = StepTapper(clock)
    qtbot.addWidget(tapper)
    measured: list[int] = []
    tapper.measured.connect(measured.append)
    return tapper, clock, measured


def press(
    qtbot: QtBot,
    tapper: StepTapper,
    clock: FakeClock,
    count: int,
    interval: float,
    key: Qt.Key = Qt.Key.Key_Space,
) -> None:
    for _ in range(count):
        qtbot.keyClick(tapper, key)
        clock.advance(interval)


def test_ten_steps_with_space_measure_the_cadence(qtbot: QtBot) -> None:
    tapper, clock, measured = make(qtbot)
    assert tapper.count_label.text() == f"0 of {TARGET_STEPS} steps"
    press(qtbot, tapper, clock, 4, 0.6)
    assert tapper.count_label.text() == "4 of 10 steps"
    assert measured == []
    press(qtbot, tapper, clock, 6, 0.6)
    assert measured == [100]
    assert tapper.count_label.text() == "100 steps a minute"
    assert "100 steps a minute" in tapper.accessibleDescription()


def test_presenter_remote_keys_tap(qtbot: QtBot) -> None:
    tapper, clock, measured = make(qtbot)
    keys = [Qt.Key.Key_PageDown, Qt.Key.Key_PageUp, Qt.Key.Key_B, Qt.Key.Key_Period] * 3
    for key in keys[:TARGET_STEPS]:
        qtbot.keyClick(tapper, key)
        clock.advance(0.5)
    assert measured == [120]


def test_other_keys_do_not_tap(qtbot: QtBot) -> None:
    tapper, clock, _ = make(qtbot)
    press(qtbot, tapper, clock, 3, 0.5, Qt.Key.Key_A)
    press(qtbot, tapper, clock, 3, 0.5, Qt.Key.Key_Return)
    assert tapper.taps == ()


def test_a_held_key_repeating_is_one_step(qtbot: QtBot) -> None:
    tapper, clock, _ = make(qtbot)
    qtbot.keyClick(tapper, Qt.Key.Key_Space)
    for _ in range(5):
        clock.advance(0.03)
        repeat = QKeyEvent(
            QKeyEvent.Type.KeyPress, Qt.Key.Key_Space, Qt.KeyboardModifier.NoModifier, " ", True
        )
        QApplication.sendEvent(tapper, repeat)
    assert len(tapper.taps) == 1


def test_clicks_tap_too(qtbot: QtBot) -> None:
    tapper, clock, measured = make(qtbot)
    for _ in range(TARGET_STEPS):
        qtbot.mouseClick(tapper, Qt.MouseButton.LeftButton)
        clock.advance(0.4)
    assert measured == [150]


def test_a_double_tap_and_a_missed_step_are_forgiven(qtbot: QtBot) -> None:
    tapper, clock, measured = make(qtbot)
    press(qtbot, tapper, clock, 3, 0.6)
    clock.advance(-0.55)  # the finger bounced: a second tap 50 ms after the third
    press(qtbot, tapper, clock, 1, 0.55)
    press(qtbot, tapper, clock, 3, 0.6)
    clock.advance(0.6)  # a step went by without a tap
    press(qtbot, tapper, clock, 2, 0.6)
    assert measured == []
    press(qtbot, tapper, clock, 1, 0.6)
    assert measured == [100]
    assert "double tap was left out" in tapper.status_label.text()
    assert "missed step was counted" in tapper.status_label.text()


def test_a_long_break_starts_the_count_again(qtbot: QtBot) -> None:
    tapper, clock, measured = make(qtbot)
    press(qtbot, tapper, clock, 5, 0.6)
    clock.advance(RESTART_AFTER_S)
    press(qtbot, tapper, clock, 1, 0.5)
    assert tapper.count_label.text() == "1 of 10 steps"
    press(qtbot, tapper, clock, TARGET_STEPS - 1, 0.5)
    assert measured == [120]


def test_a_tap_after_a_result_measures_again(qtbot: QtBot) -> None:
    tapper, clock, measured = make(qtbot)
    press(qtbot, tapper, clock, TARGET_STEPS, 0.6)
    press(qtbot, tapper, clock, TARGET_STEPS, 0.5)
    assert measured == [100, 120]


def test_a_cadence_out_of_range_is_not_used(qtbot: QtBot) -> None:
    tapper, clock, measured = make(qtbot)
    press(qtbot, tapper, clock, TARGET_STEPS, 0.2)  # 300 steps a minute
    assert measured == []
    assert tapper.count_label.text() == "300 steps a minute?"
    assert "40 to 240" in tapper.status_label.text()


def test_taps_all_at_once_are_too_uneven(qtbot: QtBot) -> None:
    tapper, clock, measured = make(qtbot)
    press(qtbot, tapper, clock, TARGET_STEPS, 0.0)
    assert measured == []
    assert tapper.count_label.text() == "Too uneven to measure"


def test_reset_forgets_the_taps(qtbot: QtBot) -> None:
    tapper, clock, _ = make(qtbot)
    press(qtbot, tapper, clock, 4, 0.6)
    tapper.reset()
    assert tapper.taps == ()
    assert tapper.count_label.text() == "0 of 10 steps"


def test_the_count_is_big(qtbot: QtBot) -> None:
    tapper, _, _ = make(qtbot)
    base = tapper.font().pointSizeF()
    assert tapper.count_label.font().pointSizeF() >= 2 * base
    font = tapper.font()
    font.setPointSizeF(base * 1.5)
    tapper.setFont(font)
    assert tapper.count_label.font().pointSizeF() >= 3 * base


def test_a_pause_of_a_second_or_two_keeps_the_count_going(qtbot: QtBot) -> None:
    tapper, clock, measured = make(qtbot)
    press(qtbot, tapper, clock, 4, 0.6)
    clock.advance(1.5)  # the runner looked up between taps
    press(qtbot, tapper, clock, 1, 0.6)
    assert tapper.count_label.text() == "5 of 10 steps"
    press(qtbot, tapper, clock, 5, 0.6)
    assert measured == [100]
