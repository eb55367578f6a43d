"""The Today tab: the followed program's proposal for today, resting first after a report."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from retrotimer.ui.common.scroll_body import ScrollBody
from retrotimer.ui.programs.today_panel import TodayPanel

if TYPE_CHECKING:
    from retrotimer.core.settings import Settings
    from retrotimer.ui.programs.followed_program import FollowedProgram


class TodayTab(ScrollBody):
    """The panel in a scroll area: its fonts follow its height, so it takes the height it is
    given and never sets the window's."""

    def __init__(self, followed: FollowedProgram, settings: Callable[[], Settings]) -> None:
        self.panel = TodayPanel()
        super().__init__(self.panel)
        # Without a frame or a horizontal scroll bar, the view is as tall as the scroll area.
        self.panel.room = self.height
        self.followed = followed
        self._settings = settings

    def refresh(self) -> bool:
        """Show the coach's proposal; False when no program is followed."""
        # Today's texts read the coach: imported at the first refresh, after the first paint.
        from retrotimer.ui.programs.today_texts import week_schedule

        view = self.followed.view(with_path=False)  # Today shows no path
        if view is None:
            return False
        self.panel.show_proposal(view.proposal, self._settings())
        self.panel.show_schedule(week_schedule(view))
        return True
