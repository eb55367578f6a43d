"""Following a program from the window: the one way every screen starts, changes, stops it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from retrotimer.core.programs.program_choice import ProgramChoice
    from retrotimer.core.programs.program_source import ProgramSource


class ProgramFollowing:
    """Saves the choice; on success the window hears `changed`, on failure it is told why."""

    def __init__(
        self,
        programs: ProgramSource | None,
        tell: Callable[[str], None],
        changed: Callable[[], None],
    ) -> None:
        self.programs = programs
        self._tell = tell
        self._changed = changed

    def choose(self, choice: ProgramChoice | None) -> bool:
        """Follow `choice` (None: no program); False when it could not be saved."""
        if self.programs is None:
            return False
        try:
            self.programs.choose(choice)
        except OSError as error:
            self._tell(f"The training program could not be saved: {error}")
            return False
        self._changed()
        return True
