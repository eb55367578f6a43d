"""The history as the window holds it: the store, and SQLite with it, made when first used."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

    from retrotimer.core.history.history_ports import ImportResult
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
    from retrotimer.storage.history.history_store import HistoryStore


class HistoryOnDemand:
    """A HistoryRepository whose HistoryStore on `path` is made by the first call (or by
    `store`), just after the window's first paint when the history is opened for Today.

    Until then none of the history's storage, its values or SQLite is imported: the first
    paint does not wait for them."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._store: HistoryStore | None = None

    @property
    def made(self) -> bool:
        return self._store is not None

    @property
    def store(self) -> HistoryStore:
        if self._store is None:
            from retrotimer.storage.history.history_store import HistoryStore

            self._store = HistoryStore(self._path)
        return self._store

    # ---- HistoryRepository, each call passed on -----------------------------------------
    def begin_session(self, start: SessionStart) -> None:
        self.store.begin_session(start)

    def record_segment(
        self, session_id: str, record: SegmentRecord, totals: SessionTotals, at_utc_s: float
    ) -> None:
        self.store.record_segment(session_id, record, totals, at_utc_s)

    def record_pause(self, session_id: str, pause: Pause) -> None:
        self.store.record_pause(session_id, pause)

    def end_session(self, session_id: str, end: SessionEnd) -> None:
        self.store.end_session(session_id, end)

    def set_review(self, session_id: str, review: Review) -> None:
        self.store.set_review(session_id, review)

    def record_samples(self, session_id: str, samples: Sequence[SensorSample]) -> None:
        self.store.record_samples(session_id, samples)

    def list_sessions(self, *, include_deleted: bool = False) -> list[HistoryEntry]:
        return self.store.list_sessions(include_deleted=include_deleted)

    def real_session_figures(self, since_utc_s: float = 0.0) -> list[SessionFigures]:
        return self.store.real_session_figures(since_utc_s)

    def count_sessions(self) -> int:
        return self.store.count_sessions()

    def session_page(self, order: SessionOrder, offset: int, limit: int) -> list[HistoryEntry]:
        return self.store.session_page(order, offset, limit)

    def session_position(self, session_id: str, order: SessionOrder) -> int | None:
        return self.store.session_position(session_id, order)

    def get_session(self, session_id: str) -> HistorySession | None:
        return self.store.get_session(session_id)

    def all_sessions(self) -> list[HistorySession]:
        return self.store.all_sessions()

    def delete_session(self, session_id: str, at_utc_s: float) -> None:
        self.store.delete_session(session_id, at_utc_s)

    def restore_session(self, session_id: str) -> None:
        self.store.restore_session(session_id)

    def purge_deleted(self) -> int:
        return self.store.purge_deleted()

    def import_sessions(self, sessions: Sequence[HistorySession]) -> ImportResult:
        return self.store.import_sessions(sessions)
