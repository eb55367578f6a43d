"""The program's path: each session's backward minutes against the program's planned line."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QFont, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from retrotimer.core.model import ColourRole
from retrotimer.core.programs.coach import ProgramPath
from retrotimer.core.programs.coach_vocabulary import Decision
from retrotimer.core.programs.outcome import Outcome
from retrotimer.ui.common.chart_scale import nice_ceiling
from retrotimer.ui.common.side_chart import SideChart

if TYPE_CHECKING:
    from retrotimer.core.programs.coach_values import PathStep
    from retrotimer.core.programs.program_model import Program
    from retrotimer.ui.common.theme import RunColours
    from retrotimer.ui.programs.followed_program import FollowedProgram

# Colour and a mark, never colour alone.
_OUTCOME_STYLE = {
    Outcome.DONE_WELL: (ColourRole.RECOVERY, "✓", Qt.BrushStyle.SolidPattern),
    Outcome.HARD: (ColourRole.WARMUP, "H", Qt.BrushStyle.BDiagPattern),
    Outcome.WARNING: (ColourRole.BACKWARD_HARD, "!", Qt.BrushStyle.DiagCrossPattern),
    Outcome.UNFINISHED: (ColourRole.REST, "?", Qt.BrushStyle.Dense6Pattern),
}


SHOWN_STEPS = 120


def shown_steps(path: ProgramPath) -> tuple[PathStep, ...]:
    """The latest sessions: a bar needs room to be read, and years of them would not fit."""
    return path.steps[-SHOWN_STEPS:]


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" + ("" if count == 1 else "s")


def path_summary(program: Program, path: ProgramPath) -> str:
    """ "Week 3 of 10: 2 weeks done, 1 repeated session, 1 step back, 8 sessions"."""
    if not path.steps:
        return f"{program.name}: no sessions run yet"
    last = path.steps[-1]
    where = "complete" if last.complete_after else f"week {last.week_after} of {len(program.weeks)}"
    return (
        f"{program.name}, {where}: {_plural(path.weeks_done, 'week')} done, "
        f"{_plural(path.repeats, 'repeated session')}, {_plural(path.step_backs, 'step back')}, "
        f"{_plural(len(path.steps), 'session')}"
    )


class ProgramPathChart(SideChart):
    title = "&Program path"

    def __init__(
        self,
        colours: RunColours,
        followed: FollowedProgram | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._colours = colours
        self._followed = followed
        self._program: Program | None = None
        self._path = ProgramPath((), 0, 0, 0)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(240, 140)
        self.setAccessibleName("Program path")

    def sizeHint(self) -> QSize:
        return QSize(640, 260)

    def set_colours(self, colours: RunColours) -> None:
        self._colours = colours
        self.update()

    def refresh(self) -> bool:
        """The followed program's path as Today's coach counts it (its sessions since its
        start day, read through the followed program); False when no program is followed."""
        view = self._followed.view() if self._followed is not None else None
        if view is None:
            return False
        self.set_path(view.program, view.path)
        return True

    def set_path(self, program: Program, path: ProgramPath) -> None:
        self._program, self._path = program, path
        self.setAccessibleDescription(path_summary(program, path))
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        colours = self._colours
        painter.fillRect(self.rect(), colours.background)
        font = QFont(self.font())
        font.setPixelSize(max(12, round(self.height() * 0.03)))
        painter.setFont(font)
        painter.setPen(colours.foreground)
        line = font.pixelSize() * 1.6
        heading = QRectF(8, 4, self.width() - 16, line)
        summary = path_summary(self._program, self._path) if self._program else ""
        painter.drawText(
            heading, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, summary
        )
        steps = shown_steps(self._path)
        if not steps:
            return
        painter.drawText(
            QRectF(8, self.height() - line, self.width() - 16, line),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            "backward minutes: ✓ done well   H hard   ! warning   ? interrupted   - - - planned   "
            "↓ stepped back",
        )
        area = QRectF(56, 8 + line * 2, self.width() - 72, self.height() - line * 5.5)
        top = nice_ceiling(max(max(s.backward_s, s.planned_backward_s) for s in steps) / 60)
        slot = area.width() / len(steps)

        def y(minutes: float) -> float:
            return area.bottom() - area.height() * min(minutes / top, 1.0)

        painter.setPen(QPen(colours.muted, 1))
        for fraction in (0.0, 0.5, 1.0):
            level = y(top * fraction)
            painter.drawLine(QPointF(area.left(), level), QPointF(area.right(), level))
            painter.drawText(
                QRectF(0, level - line / 2, 50, line),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                f"{top * fraction:g}",
            )
        planned = QPolygonF()
        previous_week = None
        for index, step in enumerate(steps):
            left = area.left() + index * slot
            role, mark, pattern = _OUTCOME_STYLE[step.outcome]
            bar = QRectF(left + slot * 0.15, y(step.backward_s / 60), slot * 0.7, 0)
            bar.setBottom(area.bottom())
            painter.setPen(QPen(colours.fill(role), 2))
            painter.setBrush(QBrush(colours.fill(role), pattern))
            painter.drawRect(bar)
            painter.setPen(colours.foreground)
            painter.drawText(
                QRectF(left, bar.top() - line, slot, line), Qt.AlignmentFlag.AlignCenter, mark
            )
            planned.append(QPointF(left + slot / 2, y(step.planned_backward_s / 60)))
            if step.ref.week != previous_week:
                painter.drawText(
                    QRectF(left, area.bottom() + 4, slot * 3, line),
                    Qt.AlignmentFlag.AlignLeft,
                    f"W{step.ref.week}",
                )
                previous_week = step.ref.week
            if step.decision is Decision.STEP_BACK:
                painter.drawText(
                    QRectF(left - slot, area.bottom() + 4 + line, slot * 3, line),
                    Qt.AlignmentFlag.AlignCenter,
                    f"↓ W{step.week_after}",
                )
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(colours.foreground, 2, Qt.PenStyle.DashLine))
        painter.drawPolyline(planned)
