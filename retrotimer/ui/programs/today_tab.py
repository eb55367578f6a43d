"""The Today tab: the followed program's proposal for today, resting first after a report."""

from __future__ import annotations

from collections.abc import Callable

from retrotimer.core.history.calendar_days import DAY_S
from retrotimer.core.history.health_reports import recent_unwell_report
from retrotimer.core.history.history_ports import HistoryRepository, HistoryUnavailable
from retrotimer.core.history.history_values import HistoryEntry
from retrotimer.core.settings import Settings
from retrotimer.ui.common.scroll_body import ScrollBody
from retrotimer.ui.programs.followed_program import FollowedProgram
from retrotimer.ui.programs.today_panel import TodayPanel


class TodayTab(ScrollBody):
    """The panel in a scroll area: its fonts follow its height, so it takes the height it is
    given and never sets the window's."""

    def __init__(
        self,
        followed: FollowedProgram,
        history: HistoryRepository | None,
        settings: Callable[[], Settings],
    ) -> None:
        self.panel = TodayPanel()
        super().__init__(self.panel)
        self.followed = followed
        self._history = history
        self._settings = settings

    def refresh(self) -> bool:
        """Show the coach's proposal; False when no program is followed."""
        # Today's texts read the coach: imported at the first refresh, after the first paint.
        from retrotimer.ui.programs.today_texts import week_schedule

        view = self.followed.view(with_path=False)  # Today shows no path
        if view is None:
            return False
        self.panel.show_proposal(view.proposal, self._settings(), self._recent_report(view.today))
        self.panel.show_schedule(week_schedule(view))
        return True

    def _recent_report(self, today: int) -> HistoryEntry | None:
        """The last session run, while Today rests for its report of dizziness or pain."""
        if self._history is None:
            return None
        try:
            # Today and the day before, in any zone: the report rests for no longer.
            recent = self._history.real_session_figures((today - 2) * DAY_S)
            latest = self._history.get_session(recent[-1].session_id) if recent else None
        except HistoryUnavailable:
            return None
        return recent_unwell_report([latest.entry], today) if latest is not None else None
