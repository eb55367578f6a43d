"""A big pad the runner taps (keys, presenter remote or mouse) with each step to measure cadence."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget

from retrotimer.core.cadence import CadenceEstimate, estimate_cadence
from retrotimer.core.settings import CADENCE_RANGE

if TYPE_CHECKING:
    from retrotimer.runtime.clock import Clock

TARGET_STEPS = 10
# Taps further apart than this are not one walk: the count starts again.
RESTART_AFTER_S = 4.0
# Space, and what presenter remotes send (PageDown, PageUp, B, period).
TAP_KEYS = frozenset(
    {
        Qt.Key.Key_Space,
        Qt.Key.Key_PageDown,
        Qt.Key.Key_PageUp,
        Qt.Key.Key_B,
        Qt.Key.Key_Period,
    }
)
IDLE_TEXT = "Press Space with each step"
COUNT_SCALE = 2.2


class StepTapper(QFrame):
    """Counts taps up to TARGET_STEPS steps, then emits `measured(int)` steps per minute.

    Held keys repeat: those repeats are not steps and are ignored. A tap after a finished
    measurement, or after a long break, starts a new count.
    """

    measured = Signal(int)

    def __init__(self, clock: Clock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._clock = clock
        self._taps: list[float] = []
        self._done = False
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName("Step tapper")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        # A clear frame that thickens in the highlight colour when the keys tap here.
        self.setStyleSheet(
            "StepTapper { border: 2px solid palette(mid); border-radius: 8px; }"
            "StepTapper:focus { border: 4px solid palette(highlight); }"
        )
        self.count_label = QLabel()
        self.status_label = QLabel()
        for label in (self.count_label, self.status_label):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setWordWrap(True)
            layout.addWidget(label)
        self._scale_fonts()
        self._show(f"0 of {TARGET_STEPS} steps", IDLE_TEXT)

    def _scale_fonts(self) -> None:
        count_font = QFont(self.font())
        count_font.setPointSizeF(count_font.pointSizeF() * COUNT_SCALE)
        count_font.setBold(True)
        self.count_label.setFont(count_font)
        self.status_label.setFont(self.font())

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._scale_fonts()

    # ---- input ---------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if Qt.Key(event.key()) not in TAP_KEYS:
            super().keyPressEvent(event)
            return
        event.accept()
        if not event.isAutoRepeat():
            self.tap()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() is Qt.MouseButton.LeftButton:
            self.setFocus(Qt.FocusReason.MouseFocusReason)
            event.accept()
            self.tap()
        else:
            super().mousePressEvent(event)

    def tap(self) -> None:
        """One step, now."""
        now = self._clock()
        if self._done or (self._taps and now - self._taps[-1] > RESTART_AFTER_S):
            self.reset()
        self._taps.append(now)
        estimate = estimate_cadence(self._taps)
        counted = estimate.counted_steps if estimate is not None else len(self._taps)
        if counted < TARGET_STEPS:
            self._show(f"{counted} of {TARGET_STEPS} steps", "Keep going")
            return
        self._done = True
        if estimate is None:
            self._show("Too uneven to measure", "Tap again, once per step.")
        else:
            self._finish(estimate)

    def _finish(self, estimate: CadenceEstimate) -> None:
        low, high = CADENCE_RANGE
        value = estimate.steps_per_minute
        if not low <= value <= high:
            self._show(
                f"{value} steps a minute?",
                f"Cadences from {low} to {high} can be used. Tap again, once per step.",
            )
            return
        notes = []
        if estimate.double_taps:
            notes.append("a double tap was left out")
        if estimate.missed_taps:
            notes.append("a missed step was counted")
        detail = "; ".join(notes).capitalize() + ". " if notes else ""
        self._show(f"{value} steps a minute", f"{detail}Tap again to measure again.")
        self.measured.emit(value)

    def reset(self) -> None:
        """Forget the taps so far."""
        self._taps.clear()
        self._done = False
        self._show(f"0 of {TARGET_STEPS} steps", IDLE_TEXT)

    # ---- display -------------------------------------------------------------------------
    @property
    def taps(self) -> tuple[float, ...]:
        return tuple(self._taps)

    def _show(self, count: str, status: str) -> None:
        self.count_label.setText(count)
        self.status_label.setText(status)
        self.setAccessibleDescription(f"{count}. {status}")
