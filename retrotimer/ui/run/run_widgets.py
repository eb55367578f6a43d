"""Painted parts of the run screen: text that fills its box, the direction badge, the banner."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QHideEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from retrotimer.ui.common.kind_style import Arrow

DISPLAY_FAMILIES = ["DejaVu Sans", "Segoe UI", "Helvetica Neue", "Arial", "sans-serif"]


def display_font(pixel_size: float, *, condensed: bool = False) -> QFont:
    """A heavy sans-serif face for text read from a distance."""
    font = QFont()
    font.setFamilies(DISPLAY_FAMILIES)
    font.setWeight(QFont.Weight.Black if not condensed else QFont.Weight.Bold)
    font.setPixelSize(max(1, round(pixel_size)))
    if condensed:
        font.setStretch(QFont.Stretch.Condensed)
    return font


class FittedText(QWidget):
    """One line of text drawn as large as its box allows.

    The size is fitted to `sample` (e.g. "00:00"), not to the text, so that the digits do not
    jump in size as they count down.
    """

    def __init__(
        self,
        sample: str,
        parent: QWidget | None = None,
        *,
        height_share: float = 1.0,
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignCenter,
    ) -> None:
        super().__init__(parent)
        self._sample = sample
        self._text = ""
        self._colour = QColor("#FFFFFF")
        self._height_share = height_share
        self._align = align
        self._fitted: tuple[QSize, float] | None = None
        self._partner: FittedText | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(40, 20)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, False)

    def text(self) -> str:
        return self._text

    def set_text(self, text: str) -> None:
        if text != self._text:
            self._text = text
            self.setAccessibleDescription(text)
            self.update()

    def set_sample(self, sample: str) -> None:
        if sample != self._sample:
            self._sample = sample
            self._fitted = None
            self.update()

    def set_colour(self, colour: QColor) -> None:
        if colour != self._colour:
            self._colour = QColor(colour)
            self.update()

    def colour(self) -> QColor:
        return QColor(self._colour)

    def share_size_with(self, partner: FittedText) -> None:
        """Draw at one size with `partner` while both are shown (steps left beside the
        seconds: the smaller fit wins, so neither number looks less important)."""
        self._partner, partner._partner = partner, self

    def pixel_size(self) -> float:
        """The font's pixel size for the current box."""
        own = self._own_pixel_size()
        partner = self._partner
        if partner is not None and partner.isVisible() and partner.text():
            return min(own, partner._own_pixel_size())
        return own

    def _own_pixel_size(self) -> float:
        if self._fitted is None or self._fitted[0] != self.size():
            self._fitted = (self.size(), self._fit(self.size()))
        return self._fitted[1]

    def ink_rect(self) -> QRectF:
        """Where the text's ink falls, in this widget's coordinates (empty without text)."""
        if not self._text:
            return QRectF()
        font, origin = self._layout_text()
        ink = QFontMetricsF(font).tightBoundingRect(self._text)
        return ink.translated(origin)

    def _layout_text(self) -> tuple[QFont, QPointF]:
        font = display_font(self.pixel_size())
        metrics = QFontMetricsF(font)
        ink = metrics.tightBoundingRect(self._sample)
        width = metrics.horizontalAdvance(self._text)
        box = QRectF(self.rect())
        if self._align & Qt.AlignmentFlag.AlignLeft:
            x = box.left() + box.width() * 0.03
        else:
            x = box.center().x() - width / 2
        # Centre the sample's ink vertically so digits sit in the middle of the box.
        baseline = box.center().y() - ink.center().y()
        return font, QPointF(x, baseline)

    def glyph_height(self) -> float:
        """Height in pixels of the sample's ink (digits: their cap height)."""
        metrics = QFontMetricsF(display_font(self.pixel_size()))
        return metrics.tightBoundingRect(self._sample).height()

    def _fit(self, box: QSize) -> float:
        reference = 100.0
        ink = QFontMetricsF(display_font(reference)).tightBoundingRect(self._sample)
        if ink.width() <= 0 or ink.height() <= 0:
            return reference
        margin = 0.94  # keep the ink off the very edge
        by_width = box.width() * margin / ink.width()
        by_height = box.height() * self._height_share / ink.height()
        return max(1.0, reference * min(by_width, by_height))

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self._text:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        font, origin = self._layout_text()
        painter.setFont(font)
        painter.setPen(self._colour)
        painter.drawText(origin, self._text)
        painter.end()


class DirectionBadge(QWidget):
    """A painted arrow and a word (BACKWARD, FORWARD, WALK, REST): never colour alone."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._arrow = Arrow.STOP
        self._word = ""
        self._colour = QColor("#FFFFFF")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(30)

    @property
    def arrow(self) -> Arrow:
        return self._arrow

    def word(self) -> str:
        return self._word

    def set_direction(self, arrow: Arrow, word: str) -> None:
        if (arrow, word) != (self._arrow, self._word):
            self._arrow, self._word = arrow, word
            self.update()

    def set_colour(self, colour: QColor) -> None:
        if colour != self._colour:
            self._colour = QColor(colour)
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self._word:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        height = float(self.height())
        font = display_font(height * 0.78)
        metrics = QFontMetricsF(font)
        ink = metrics.tightBoundingRect("BACKWARD")
        word_width = metrics.horizontalAdvance(self._word)
        arrow_width = height * 1.3
        gap = height * 0.35
        total = arrow_width + gap + word_width
        if total > self.width() * 0.98:
            scale = self.width() * 0.98 / total
            font = display_font(height * 0.78 * scale)
            metrics = QFontMetricsF(font)
            ink = metrics.tightBoundingRect("BACKWARD")
            word_width, arrow_width, gap = word_width * scale, arrow_width * scale, gap * scale
            total = arrow_width + gap + word_width
        left = (self.width() - total) / 2
        arrow_box = QRectF(left, (height - ink.height()) / 2, arrow_width, ink.height())
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self._colour)
        painter.drawPath(arrow_path(self._arrow, arrow_box))
        painter.setFont(font)
        painter.setPen(self._colour)
        baseline = height / 2 - ink.center().y()
        painter.drawText(QPointF(left + arrow_width + gap, baseline), self._word)
        painter.end()


def _chevron(box: QRectF, pointing_left: bool) -> QPainterPath:
    """A filled chevron filling `box`, its tip on one side."""
    thickness = box.width() * 0.42
    path = QPainterPath()
    top, bottom, middle = box.top(), box.bottom(), box.center().y()
    if pointing_left:
        tip, back = box.left(), box.right()
        path.moveTo(back - thickness, top)
        path.lineTo(back, top)
        path.lineTo(tip + thickness, middle)
        path.lineTo(back, bottom)
        path.lineTo(back - thickness, bottom)
        path.lineTo(tip, middle)
    else:
        tip, back = box.right(), box.left()
        path.moveTo(back + thickness, top)
        path.lineTo(back, top)
        path.lineTo(tip - thickness, middle)
        path.lineTo(back, bottom)
        path.lineTo(back + thickness, bottom)
        path.lineTo(tip, middle)
    path.closeSubpath()
    return path


def arrow_path(arrow: Arrow, box: QRectF) -> QPainterPath:
    """The arrow's outline inside `box`."""
    if arrow is Arrow.STOP:
        side = min(box.width(), box.height()) * 0.9
        path = QPainterPath()
        path.addRect(QRectF(box.center().x() - side / 2, box.center().y() - side / 2, side, side))
        return path
    if arrow is Arrow.PAUSE:
        side = min(box.width(), box.height()) * 0.9
        bar = side * 0.34
        left = box.center().x() - side / 2
        top = box.center().y() - side / 2
        path = QPainterPath()
        path.addRect(QRectF(left, top, bar, side))
        path.addRect(QRectF(left + side - bar, top, bar, side))
        return path
    if arrow is Arrow.WALK:
        width = box.width() * 0.55
        return _chevron(QRectF(box.center().x() - width / 2, box.top(), width, box.height()), False)
    half = box.width() * 0.55
    left_box = QRectF(box.left(), box.top(), half, box.height())
    right_box = QRectF(box.right() - half, box.top(), half, box.height())
    pointing_left = arrow is Arrow.BACKWARD
    return _chevron(left_box, pointing_left).united(_chevron(right_box, pointing_left))


class SafetyBanner(QWidget):
    """The backward-segment reminder: black on safety yellow, inverted while it flashes."""

    FLASHES = 6  # colour swaps per reminder: three blinks
    FLASH_MS = 300

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._inverted = False
        self._swaps_left = 0
        self.flash_count = 0
        self._timer = QTimer(self)
        self._timer.setInterval(self.FLASH_MS)
        self._timer.timeout.connect(self._swap)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(30)

    def text(self) -> str:
        return self._text

    def set_text(self, text: str) -> None:
        if text != self._text:
            self._text = text
            self.setAccessibleName(
                f"Safety reminder: {text.lower()}" if text else "Safety reminder"
            )
            self.update()

    @property
    def inverted(self) -> bool:
        return self._inverted

    @property
    def flashing(self) -> bool:
        return self._timer.isActive()

    def flash(self) -> None:
        """Blink a few times: a reminder is due."""
        self.flash_count += 1
        self._swaps_left = self.FLASHES
        self._inverted = True
        self._timer.start()
        self.update()

    def stop_flashing(self) -> None:
        self._timer.stop()
        self._swaps_left = 0
        self._inverted = False
        self.update()

    def _swap(self) -> None:
        self._swaps_left -= 1
        self._inverted = not self._inverted if self._swaps_left > 0 else False
        if self._swaps_left <= 0:
            self._timer.stop()
        self.update()

    def hideEvent(self, event: QHideEvent) -> None:
        self.stop_flashing()
        super().hideEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        yellow, black = QColor("#FFD600"), QColor("#000000")
        fill, ink = (black, yellow) if self._inverted else (yellow, black)
        rect = QRectF(self.rect())
        painter.fillRect(rect, fill)
        # Hazard stripes at both ends: the banner reads as a warning even in grey scale.
        height = rect.height()
        band = height * 1.6
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(ink)
        for end in (rect.left(), rect.right() - band):
            painter.save()
            painter.setClipRect(QRectF(end, rect.top(), band, height))
            x = end - height
            while x < end + band:
                stripe = QPainterPath()
                stripe.moveTo(x, rect.bottom())
                stripe.lineTo(x + height * 0.5, rect.bottom())
                stripe.lineTo(x + height * 1.5, rect.top())
                stripe.lineTo(x + height, rect.top())
                stripe.closeSubpath()
                painter.drawPath(stripe)
                x += height
            painter.restore()
        text_box = rect.adjusted(rect.height() * 1.8, 0, -rect.height() * 1.8, 0)
        font = display_font(rect.height() * 0.62)
        metrics = QFontMetricsF(font)
        width = metrics.horizontalAdvance(self._text)
        if width > text_box.width() > 0:
            font = display_font(rect.height() * 0.62 * text_box.width() / width)
            metrics = QFontMetricsF(font)
            width = metrics.horizontalAdvance(self._text)
        painter.setFont(font)
        painter.setPen(ink)
        ink_rect = metrics.tightBoundingRect("LOOK")
        baseline = rect.center().y() - ink_rect.center().y()
        painter.drawText(QPointF(text_box.center().x() - width / 2, baseline), self._text)
        painter.end()


class FillBar(QWidget):
    """A thick progress bar painted in the current kind's colour."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._fraction = 0.0
        self._fill = QColor("#FFFFFF")
        self._track = QColor("#444444")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(14)

    @property
    def fraction(self) -> float:
        return self._fraction

    def set_fraction(self, fraction: float) -> None:
        fraction = min(1.0, max(0.0, fraction))
        if abs(fraction - self._fraction) > 1e-4:
            self._fraction = fraction
            self.update()

    def set_colours(self, fill: QColor, track: QColor) -> None:
        if (fill, track) != (self._fill, self._track):
            self._fill, self._track = QColor(fill), QColor(track)
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        rect = QRectF(self.rect())
        painter.fillRect(rect, self._track)
        painter.fillRect(
            QRectF(rect.left(), rect.top(), rect.width() * self._fraction, rect.height()),
            self._fill,
        )
        painter.end()
