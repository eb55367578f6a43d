"""The muted sign: a crossed-out speaker and the word MUTED, big enough to see across a room."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from retrotimer.ui.run.run_widgets import display_font

WORD = "MUTED"


def speaker_path(box: QRectF) -> QPainterPath:
    """A loudspeaker (a box and its cone) filling the left part of `box`."""
    height = box.height()
    path = QPainterPath()
    left, top = box.left(), box.top()
    path.addRect(QRectF(left, top + height * 0.32, height * 0.28, height * 0.36))
    cone = QPainterPath()
    cone.moveTo(left + height * 0.26, top + height * 0.32)
    cone.lineTo(left + height * 0.62, top)
    cone.lineTo(left + height * 0.62, top + height)
    cone.lineTo(left + height * 0.26, top + height * 0.68)
    cone.closeSubpath()
    return path.united(cone)


class MuteMark(QWidget):
    """Shown for as long as the sound is off: the speaker with a cross, MUTED beneath it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._colour = QColor("#FFFFFF")
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(40, 40)
        self.setAccessibleName("Muted")
        self.setAccessibleDescription("The sound is off. M turns it on again.")

    def set_colour(self, colour: QColor) -> None:
        if colour != self._colour:
            self._colour = QColor(colour)
            self.update()

    def colour(self) -> QColor:
        return QColor(self._colour)

    def _boxes(self) -> tuple[QRectF, QRectF, float]:
        """The icon's box, the word's box and the word's pixel size."""
        margin = max(4.0, self.height() * 0.05)  # clear of the lines above and below
        rect = QRectF(self.rect()).adjusted(4, margin, -4, -margin)
        reference = display_font(100.0)
        ink = QFontMetricsF(reference).tightBoundingRect(WORD)
        word_px = 100.0 * min(rect.width() / ink.width(), rect.height() * 0.22 / ink.height())
        word_height = ink.height() * word_px / 100.0
        icon_height = min(rect.height() - word_height * 1.5, rect.width() / 1.05)
        icon = QRectF(
            rect.center().x() - icon_height * 1.05 / 2,
            rect.top() + (rect.height() - icon_height - word_height * 1.5) / 2,
            icon_height * 1.05,
            icon_height,
        )
        word = QRectF(rect.left(), icon.bottom() + word_height * 0.5, rect.width(), word_height)
        return icon, word, word_px

    def ink_rect(self) -> QRectF:
        """Where the mark is drawn, in this widget's coordinates."""
        icon, word, _ = self._boxes()
        return icon.united(word)

    def paintEvent(self, event: QPaintEvent) -> None:
        icon, word, word_px = self._boxes()
        if icon.height() <= 0:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self._colour)
        painter.drawPath(speaker_path(icon))
        # The cross where the sound waves would be.
        side = icon.height() * 0.36
        cross = QRectF(icon.right() - side, icon.center().y() - side / 2, side, side)
        pen = QPen(self._colour, icon.height() * 0.1)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.drawLine(cross.topLeft(), cross.bottomRight())
        painter.drawLine(cross.topRight(), cross.bottomLeft())
        font = display_font(word_px)
        metrics = QFontMetricsF(font)
        ink = metrics.tightBoundingRect(WORD)
        painter.setFont(font)
        painter.setPen(self._colour)
        x = word.center().x() - metrics.horizontalAdvance(WORD) / 2
        painter.drawText(QPointF(x, word.center().y() - ink.center().y()), WORD)
        painter.end()
