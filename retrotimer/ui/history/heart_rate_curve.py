"""A session's heart rate over time, with its segments' borders, for the History screen."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

if TYPE_CHECKING:
    from retrotimer.core.sensors.sensor_values import SensorSample

CURVE_COLOUR = "#D62246"
MARGIN = 6
# Two samples further apart than this are not joined: the strap was silent between them.
GAP_S = 5.0


class HeartRateCurve(QWidget):
    """The heart-rate samples as a line from the lowest to the highest heard, a thin line
    where each segment began; hidden when the session has no heart rate."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Heart rate curve")
        # Low: the segments table below it needs the room more.
        self.setMinimumHeight(64)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._points: list[tuple[float, int]] = []
        self._borders: list[float] = []
        self.hide()

    def show_samples(self, samples: tuple[SensorSample, ...]) -> None:
        heard = [(s.utc_s, s.heart_rate) for s in samples if s.heart_rate is not None]
        self._points = heard
        self._borders = [
            later.utc_s
            for earlier, later in zip(samples, samples[1:], strict=False)
            if later.segment != earlier.segment
        ]
        self.setVisible(bool(heard))
        rates = [rate for _at, rate in heard]
        self.setToolTip(f"Heart rate {min(rates)}-{max(rates)} beats a minute" if rates else "")
        self.update()

    @property
    def points(self) -> list[tuple[float, int]]:
        return list(self._points)

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self._points:
            return
        area = QRectF(self.rect()).adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN)
        first, last = self._points[0][0], self._points[-1][0]
        low = min(rate for _at, rate in self._points)
        high = max(rate for _at, rate in self._points)
        span_s, span_bpm = max(last - first, 1.0), max(high - low, 10)

        def at(moment: float, rate: float) -> QPointF:
            x = area.left() + (moment - first) / span_s * area.width()
            y = area.bottom() - (rate - low) / span_bpm * area.height()
            return QPointF(x, y)

        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        border = QColor(self.palette().windowText().color())
        border.setAlpha(90)
        painter.setPen(QPen(border, 1, Qt.PenStyle.DashLine))
        for moment in self._borders:
            painter.drawLine(at(moment, low), at(moment, low + span_bpm))
        path = QPainterPath()
        previous: float | None = None
        for moment, rate in self._points:
            point = at(moment, rate)
            if previous is None or moment - previous > GAP_S:
                path.moveTo(point)
            else:
                path.lineTo(point)
            previous = moment
        painter.setPen(QPen(QColor(CURVE_COLOUR), 2))
        painter.drawPath(path)
        painter.setPen(self.palette().windowText().color())
        painter.drawText(area, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft, f"♥ {high}")
        painter.drawText(
            area, Qt.AlignmentFlag.AlignBottom | Qt.AlignmentFlag.AlignLeft, f"♥ {low}"
        )
        painter.end()
