"""The followed program as the coach sees it today with the runner's settings: the one view
that Today and the History screen's program path both show."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from retrotimer.core.history.calendar_days import DAY_S, local_day
from retrotimer.core.history.history_ports import HistoryRepository, HistoryUnavailable
from retrotimer.core.value import replace

# The coach is imported when a view is first asked for: after the window's first paint.
if TYPE_CHECKING:
    from retrotimer.core.programs.program_source import ProgramSource
    from retrotimer.core.programs.program_view import ProgramView
    from retrotimer.core.settings import Settings
    from retrotimer.runtime.wall_clock import WallClock


class FollowedProgram:
    """Builds the program's view from the sessions since its start day; remembers when the
    runner resumes it."""

    def __init__(
        self,
        programs: ProgramSource | None,
        history: HistoryRepository | None,
        settings: Callable[[], Settings],
        wall_clock: WallClock,
    ) -> None:
        self._programs = programs
        self._history = history
        self._settings = settings
        self._wall_clock = wall_clock

    def today(self) -> int:
        return local_day(self._wall_clock())

    def view(self, *, with_path: bool = True) -> ProgramView | None:
        """The view for today; None when no program is followed. A history that cannot be
        read just now counts as no sessions."""
        active = self._programs.active() if self._programs is not None else None
        if active is None:
            return None
        program, choice = active
        try:
            # From the day before the start day: a day number may begin in any zone.
            since = (choice.start_day - 1) * DAY_S
            sessions = self._history.real_session_figures(since) if self._history else []
        except HistoryUnavailable:
            sessions = []
        from retrotimer.core.programs.program_view import view_program

        return view_program(
            program, choice, sessions, self.today(), self._settings(), with_path=with_path
        )

    def resume(self) -> None:
        """Go on with a paused program from now; raises OSError when it cannot be saved."""
        active = self._programs.active() if self._programs is not None else None
        if self._programs is None or active is None:
            return
        choice = active[1]
        resumed = (*choice.resumed, self._wall_clock())
        self._programs.choose(replace(choice, resumed=resumed))
