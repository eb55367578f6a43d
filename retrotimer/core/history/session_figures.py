"""A session's figures: what it did and what the runner said of it, as a light tuple for
readers of thousands of sessions at once (a program's coach)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from retrotimer.core.history.calendar_days import DAY_S
from retrotimer.core.history.history_values import (
    HistoryEntry,
    SessionStatus,
)
from retrotimer.core.history.program_ref import ProgramRef
from retrotimer.core.history.wall_time import WallTime


class SessionFigures(NamedTuple):
    """A recorded session's times, status, backward seconds (done and planned), review and
    program, in the order the history's rows give them.

    A named tuple rather than a dataclass: a program's replay reads tens of thousands of
    them, straight from the database's rows, and builds nothing per session it does not need.
    """

    started_utc_s: float
    session_id: str
    utc_offset_s: int
    status: SessionStatus
    backward_s: float
    planned_backward_s: float  # of the plan it was run with
    rating: int | None
    near_stumbles: int | None
    dizzy: bool
    pain: bool
    dizzy_or_pain: bool
    program_name: str | None
    program_week: int | None
    program_session: int | None
    program_lighter: bool

    @property
    def local_day(self) -> int:
        """The day number where the runner was when it started."""
        return int((self.started_utc_s + self.utc_offset_s) // DAY_S)

    @property
    def started(self) -> WallTime:
        return WallTime(self.started_utc_s, self.utc_offset_s)

    @property
    def program(self) -> ProgramRef | None:
        if self.program_name is None or self.program_week is None:
            return None
        return ProgramRef(
            self.program_name, self.program_week, self.program_session or 0, self.program_lighter
        )


def session_figures(entry: HistoryEntry) -> SessionFigures:
    ref = entry.program
    return SessionFigures(
        entry.started_utc_s,
        entry.session_id,
        entry.utc_offset_s,
        entry.status,
        entry.backward_s,
        entry.planned_backward_s,
        entry.rating,
        entry.near_stumbles,
        entry.dizzy,
        entry.pain,
        entry.dizzy_or_pain,
        ref.name if ref is not None else None,
        ref.week if ref is not None else None,
        ref.session if ref is not None else None,
        ref.lighter if ref is not None else False,
    )


def real_session_figures(entries: Iterable[HistoryEntry]) -> list[SessionFigures]:
    """The figures of the sessions really run, oldest first: ended, not deleted, and not
    test runs (a compressed speed is no session)."""
    sessions = [
        session_figures(entry)
        for entry in entries
        if entry.deleted_utc_s is None
        and not entry.test_run
        and entry.status is not SessionStatus.RUNNING
    ]
    sessions.sort(key=lambda session: (session.started_utc_s, session.session_id))
    return sessions
