"""Every session of one launch: each gets its own SessionRun; unsaved ones are kept."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from retrotimer.core.value import compile_constructors

# The session machinery is imported with the first session prepared: not before the
# window's first paint.
if TYPE_CHECKING:
    from retrotimer.core.history.history_values import HistorySession
    from retrotimer.core.history.program_ref import ProgramRef
    from retrotimer.core.session.plan import Plan
    from retrotimer.core.settings import Settings
    from retrotimer.runtime.run_parts import RunParts
    from retrotimer.runtime.session_run import SessionRun


class SessionRuns(QObject):
    """Makes the SessionRun of each session and lets it go when the next one comes, except
    a run whose history writes the disk refused: that one is kept (and keeps retrying) until
    its session is in the history, or until `unsaved()` is asked for at the end.

    `message(str)` relays what any run has to tell the user.
    """

    message = Signal(str)

    def __init__(self, parts: RunParts, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.parts = parts
        self._runs: list[SessionRun] = []

    def prepare(
        self, plan: Plan, settings: Settings, *, program: ProgramRef | None = None
    ) -> SessionRun:
        """A new session of `plan` (for the program session `program`), ready to start."""
        from retrotimer.runtime.session_run import SessionRun

        self._tidy()
        run = SessionRun(plan, settings, self.parts, self, program=program)
        # The records a session makes are compiled now, while nothing is timed (a first
        # window's session is prepared just after its first paint).
        compile_constructors()
        run.message.connect(self.message.emit)
        self._runs.append(run)
        return run

    def release(self, run: SessionRun) -> None:
        """The owner is done with `run`: it goes, unless the history still lacks some of it."""
        if run.active:
            raise ValueError("a session under way cannot be let go")
        if run.recorded:
            self._drop(run)
        self._tidy()

    @property
    def held(self) -> int:
        """Runs still alive: the current one and those waiting for the history."""
        return len(self._runs)

    def unsaved(self) -> list[HistorySession]:
        """Sessions the history still refuses, after one more try each (for a backup file)."""
        found = []
        for run in self._runs:
            session = run.unsaved()
            if session is not None:
                found.append(session)
        return found

    def close(self) -> None:
        """Let go of every run (the app is closing; ask `unsaved()` first)."""
        for run in list(self._runs):
            self._drop(run)

    def _tidy(self) -> None:
        for run in list(self._runs):
            if run.state.is_over and run.recorded and run is not self._runs[-1]:
                self._drop(run)

    def _drop(self, run: SessionRun) -> None:
        self._runs.remove(run)
        run.close()
        run.deleteLater()
