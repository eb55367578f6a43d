"""What the history's users need of it: recording, reading, its files; storage implements them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

from retrotimer.core.value import value

if TYPE_CHECKING:
    from retrotimer.core.history.history_values import (
        HistoryEntry,
        HistorySession,
        Pause,
        Review,
        SessionEnd,
        SessionStart,
        SessionTotals,
    )
    from retrotimer.core.history.session_figures import SessionFigures
    from retrotimer.core.history.session_order import SessionOrder
    from retrotimer.core.sensors.sensor_values import SensorSample
    from retrotimer.core.session.records import SegmentRecord


class HistoryUnavailable(Exception):
    """The history cannot be written or read just now (read-only or full disk, I/O error).

    The message is written for the user. Whatever was being written can be tried again.
    """


@value
class ImportResult:
    """How many sessions an import added, how many it completed (a session already in the
    history that lacked segments, pauses, its end or its review: a backup of a session the
    disk refused part-way) with how many segments, and how many it skipped as already whole.
    `refused` says, a line each, which sessions of the file could not be imported, and
    `kept_in` the file they were written to as they were (None: none could be written)."""

    added: int
    skipped: int
    completed: int = 0
    segments_added: int = 0
    refused: tuple[str, ...] = ()
    kept_in: str | None = None

    def describe(self) -> str:
        """One sentence for the user: "Imported 1 session; completed 1 ...; skipped 0 ..."."""
        parts = [f"Imported {self.added} session{'s' * (self.added != 1)}"]
        if self.completed:
            # Completed without segments: what it gained was its end, review or pauses.
            gained = (
                f" with {self.segments_added} more segment{'s' * (self.segments_added != 1)}"
                if self.segments_added
                else ""
            )
            parts.append(f"completed {self.completed} already in the history{gained}")
        parts.append(f"skipped {self.skipped} already in the history")
        return "; ".join(parts) + "." + self._refusals()

    def _refusals(self) -> str:
        if not self.refused:
            return ""
        count = len(self.refused)
        which = "1 session" if count == 1 else f"{count} sessions"
        kept = (
            f"kept as they were in {self.kept_in}"
            if self.kept_in is not None
            else "still in the file imported, as they were"
        )
        return f" {which} could not be imported ({kept}): " + "; ".join(self.refused) + "."


class HistoryWriter(Protocol):
    """What recording a session needs. Every call commits before it returns, and may be
    repeated after a HistoryUnavailable without harm."""

    def begin_session(self, start: SessionStart) -> None: ...

    def record_segment(
        self, session_id: str, record: SegmentRecord, totals: SessionTotals, at_utc_s: float
    ) -> None: ...

    def record_pause(self, session_id: str, pause: Pause) -> None:
        """A pause began (no end yet) or ended; the pause is known by its start, so writing
        it again with its end completes it."""
        ...

    def end_session(self, session_id: str, end: SessionEnd) -> None: ...

    def set_review(self, session_id: str, review: Review) -> None: ...


class SampleWriter(Protocol):
    """Where a session's sensor samples go, a batch at a time; one commit per call, and a
    batch written again after a HistoryUnavailable adds nothing twice."""

    def record_samples(self, session_id: str, samples: Sequence[SensorSample]) -> None: ...


class HistoryRepository(HistoryWriter, SampleWriter, Protocol):
    """The session history: recording, reading, reviewing, deleting with undo, import."""

    def list_sessions(self, *, include_deleted: bool = False) -> list[HistoryEntry]: ...

    def real_session_figures(self, since_utc_s: float = 0.0) -> list[SessionFigures]:
        """The figures of the sessions really run (ended, not deleted, not test runs) that
        started from `since_utc_s` on, oldest first: what a program's coach reads."""
        ...

    def count_sessions(self) -> int:
        """How many sessions `list_sessions` gives, without reading them."""
        ...

    def session_page(self, order: SessionOrder, offset: int, limit: int) -> list[HistoryEntry]:
        """The sessions from `offset` on (at most `limit`) of the list in `order`."""
        ...

    def session_position(self, session_id: str, order: SessionOrder) -> int | None:
        """Where the session is in the list in `order`; None when it is not in the list."""
        ...

    def get_session(self, session_id: str) -> HistorySession | None: ...

    def all_sessions(self) -> list[HistorySession]: ...

    def delete_session(self, session_id: str, at_utc_s: float) -> None: ...

    def restore_session(self, session_id: str) -> None: ...

    def purge_deleted(self) -> int: ...

    def import_sessions(self, sessions: Sequence[HistorySession]) -> ImportResult: ...


class HistoryFiles(Protocol):
    """Files in and out of the history: `file_format` is "csv" or "json"; paths are text.

    `export_to` returns how many sessions it wrote, and raises FileExistsError when the file
    exists and `overwrite` is not given; `import_from` reads a JSON export and
    raises ValueError, with a message for the user, for a file that is not one (nothing is
    imported then); the sessions of an export that cannot be imported are told in its result
    and kept aside, and the others are imported. Either raises HistoryUnavailable when the
    disk refuses.
    """

    def export_to(self, path: str, file_format: str, *, overwrite: bool = False) -> int: ...

    def import_from(self, path: str) -> ImportResult: ...
