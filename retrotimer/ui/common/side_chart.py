"""A chart another feature lends the History screen, shown beside the weekly chart."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QWidget

from retrotimer.core.history.history_values import HistoryEntry
from retrotimer.ui.common.theme import RunColours


class SideChart(QWidget):
    """The History screen shows it as a tab while `show_entries` says it has something."""

    title = ""

    def show_entries(self, entries: Sequence[HistoryEntry]) -> bool:
        """Draw from these sessions; False when there is nothing to show (a chart that
        shows nothing keeps its tab hidden)."""
        return False

    def set_colours(self, colours: RunColours) -> None:
        """Repaint in the theme's colours; a chart that keeps colours overrides this."""
        self.update()
