"""A bar of the whole plan, one block per segment coloured by kind, with a position marker."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

if TYPE_CHECKING:
    from retrotimer.core.session.plan import Plan
    from retrotimer.ui.common.theme import RunColours


class TimelineBar(QWidget):
    """Paints a plan as coloured blocks; `position_s` (or None) draws where the session is."""

    def __init__(self, colours: RunColours, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._colours = colours
        self._plan: Plan | None = None
        self._position_s: float | None = None
        self._grey = False
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(18)

    def sizeHint(self) -> QSize:
        return QSize(400, 28)

    def set_colours(self, colours: RunColours) -> None:
        self._colours = colours
        self.update()

    def set_plan(self, plan: Plan | None) -> None:
        self._plan = plan
        self._position_s = None
        self.update()

    def set_position(self, position_s: float | None) -> None:
        self._position_s = position_s
        self.update()

    def set_grey(self, grey: bool) -> None:
        """Grey blocks while the session is paused: nothing on screen keeps its colour."""
        if grey != self._grey:
            self._grey = grey
            self.update()

    @property
    def grey(self) -> bool:
        return self._grey

    @property
    def position_s(self) -> float | None:
        return self._position_s

    def block_colours(self) -> list[QColor]:
        """The fill of each segment's block, in order (what the bar paints)."""
        if self._plan is None:
            return []
        fills = [self._colours.fill(segment.kind.colour) for segment in self._plan.segments]
        if self._grey:
            return [QColor.fromHsvF(0, 0, fill.valueF() * 0.75) for fill in fills]
        return fills

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        rect = QRectF(self.rect()).adjusted(1, 1, -1, -1)
        painter.fillRect(rect, self._colours.muted.darker(300) if self._colours.dark else "#DDD")
        plan = self._plan
        if plan is not None and plan.total_s > 0:
            scale = rect.width() / plan.total_s
            done = self._position_s
            for segment, fill in zip(plan.segments, self.block_colours(), strict=True):
                left = rect.left() + segment.start_s * scale
                width = max(1.0, segment.duration_s * scale)
                block = QRectF(left, rect.top(), width, rect.height())
                colour = QColor(fill)
                if done is not None and segment.end_s <= done:
                    colour = colour.darker(220)  # what is behind the runner is dimmed
                painter.fillRect(block, colour)
                # A thin gap between blocks keeps short segments countable.
                gap = QRectF(left, rect.top(), 1, rect.height())
                painter.fillRect(gap, self._colours.background)
            if done is not None:
                x = rect.left() + min(done, plan.total_s) * scale
                pen = QPen(self._colours.foreground, 4)
                painter.setPen(pen)
                painter.drawLine(int(x), int(rect.top()), int(x), int(rect.bottom()))
        # A 2 px outline: a block in the screen's own colour still shows where it is.
        painter.setPen(QPen(self._colours.foreground, 2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(rect)
        painter.end()
