"""A chart another feature lends the History screen, shown beside the weekly chart."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from retrotimer.ui.common.theme import RunColours


class SideChart(QWidget):
    """The History screen shows it as a tab while `refresh` says it has something. It reads
    what it draws from a source of its own, given to it by whoever builds it."""

    title = ""

    def refresh(self) -> bool:
        """Draw again from the chart's source (the History screen calls it when the history
        may have changed); False when there is nothing to show (its tab stays hidden)."""
        return False

    def set_colours(self, colours: RunColours) -> None:
        """Repaint in the theme's colours; a chart that keeps colours overrides this."""
        self.update()
