"""A bar chart of backward minutes per week, painted with QPainter."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from retrotimer.core.model import ColourRole
from retrotimer.core.value import value
from retrotimer.ui.common.chart_scale import nice_ceiling

if TYPE_CHECKING:
    from retrotimer.ui.common.theme import RunColours


@value
class ChartBar:
    """One week: its label ("3 Mar"), backward minutes, and whether it met the weekly target
    of sessions (drawn solid; weeks short of it are drawn hatched)."""

    label: str
    minutes: float
    sessions: int
    met_target: bool


class WeeklyChart(QWidget):
    def __init__(self, colours: RunColours, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._colours = colours
        self._bars: list[ChartBar] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(220, 120)
        self.setAccessibleName("Backward minutes per week")

    def sizeHint(self) -> QSize:
        return QSize(520, 220)

    def set_colours(self, colours: RunColours) -> None:
        self._colours = colours
        self.update()

    def set_bars(self, bars: Sequence[ChartBar]) -> None:
        self._bars = list(bars)
        self.setAccessibleDescription(
            "; ".join(f"week of {bar.label}: {bar.minutes:.0f} min" for bar in self._bars)
            or "no sessions yet"
        )
        self.update()

    @property
    def bars(self) -> list[ChartBar]:
        return list(self._bars)

    def axis_top(self) -> float:
        return nice_ceiling(max((bar.minutes for bar in self._bars), default=0.0))

    def bar_rects(self) -> list[QRectF]:
        """Where each bar is drawn (for tests and for hit-testing)."""
        plot = self._plot_rect()
        if not self._bars:
            return []
        slot = plot.width() / len(self._bars)
        top = self.axis_top()
        rects = []
        for number, bar in enumerate(self._bars):
            height = plot.height() * min(bar.minutes, top) / top
            left = plot.left() + number * slot + slot * 0.15
            rects.append(QRectF(left, plot.bottom() - height, slot * 0.7, height))
        return rects

    def _plot_rect(self) -> QRectF:
        metrics = QFontMetricsF(self.font())
        left = metrics.horizontalAdvance("000") + 12
        bottom = metrics.height() * 2 + 8
        top = metrics.height() + 6
        return QRectF(
            left, top, max(1.0, self.width() - left - 8), max(1.0, self.height() - top - bottom)
        )

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        ink = palette.color(palette.ColorRole.WindowText)
        faint = QColor(ink)
        faint.setAlpha(70)
        plot = self._plot_rect()
        top = self.axis_top()
        metrics = QFontMetricsF(self.font())
        painter.setFont(self.font())
        for fraction in (0.0, 0.5, 1.0):
            y = plot.bottom() - plot.height() * fraction
            painter.setPen(QPen(faint, 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(ink)
            text = f"{top * fraction:g}"
            painter.drawText(
                QPointF(
                    plot.left() - metrics.horizontalAdvance(text) - 6, y + metrics.ascent() / 2 - 1
                ),
                text,
            )
        painter.drawText(QPointF(plot.left(), metrics.ascent()), "backward minutes per week")
        if not self._bars:
            painter.drawText(plot, Qt.AlignmentFlag.AlignCenter, "No sessions yet")
            painter.end()
            return
        fill = self._colours.fill(ColourRole.BACKWARD_EASY)
        bold = QFont(self.font())
        bold.setBold(True)
        for bar, rect in zip(self._bars, self.bar_rects(), strict=True):
            if bar.met_target:
                painter.fillRect(rect, fill)
            else:
                # Weeks short of the 2-3 sessions target: hatched, so it shows without colour.
                painter.fillRect(rect, QColor(fill.red(), fill.green(), fill.blue(), 90))
                painter.fillRect(rect, QBrush(QColor(fill).darker(140), Qt.BrushStyle.BDiagPattern))
            painter.setPen(QPen(ink, 1))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(rect)
            if bar.minutes > 0:
                painter.setFont(bold)
                value = f"{bar.minutes:.0f}"
                width = QFontMetricsF(bold).horizontalAdvance(value)
                painter.drawText(QPointF(rect.center().x() - width / 2, rect.top() - 3), value)
                painter.setFont(self.font())
            label_width = metrics.horizontalAdvance(bar.label)
            painter.drawText(
                QPointF(rect.center().x() - label_width / 2, plot.bottom() + metrics.ascent() + 4),
                bar.label,
            )
        painter.end()
