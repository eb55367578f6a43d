"""Recording a `run --headless` session in the history: open, attach to the controller, close."""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING

from retrotimer.core.history.history_ports import HistoryUnavailable
from retrotimer.exchange.history.history_codec import session_to_json
from retrotimer.exchange.history.history_files import save_unsaved
from retrotimer.storage.history.history_on_demand import HistoryOnDemand
from retrotimer.storage.history.history_opening import WritableHistory, open_for_writing
from retrotimer.storage.instance_lock import InstanceLock

if TYPE_CHECKING:
    from retrotimer.core.history.history_values import HistorySession
    from retrotimer.storage.history.history_store import HistoryStore
    from retrotimer.storage.paths import AppPaths


class RunHistory:
    """The history of one headless run. `open` raises AlreadyRunning when another RetroTimer
    writes the history; any other trouble is told, and the session is still recorded in
    memory and written when it can be."""

    def __init__(self, paths: AppPaths, history: WritableHistory) -> None:
        self._paths = paths
        self._history = history

    @staticmethod
    def tell(message: str) -> None:
        print(f"retrotimer: {message}", file=sys.stderr)

    @classmethod
    def open(cls, paths: AppPaths) -> RunHistory:
        try:
            history = open_for_writing(paths)
        except HistoryUnavailable as error:
            # Nothing can be written there; the recorder keeps the session and says so.
            cls.tell(f"history: {error}")
            history = WritableHistory(
                HistoryOnDemand(paths.history_db), InstanceLock.for_paths(paths)
            )
        for notice in history.notices:
            cls.tell(notice)
        if history.problem is not None:
            cls.tell(f"history: {history.problem}")
        return cls(paths, history)

    @property
    def store(self) -> HistoryStore:
        return self._history.store

    def close(self, unsaved: HistorySession | None) -> None:
        """Close the history; what it still refused of the session goes to a backup file."""
        try:
            if unsaved is not None:
                self._keep_elsewhere(unsaved)
        finally:
            self._history.close()

    def _keep_elsewhere(self, session: HistorySession) -> None:
        saved = save_unsaved([session], [self._paths.data, self._paths.cache])
        if saved is not None:
            self.tell(
                f"this session is kept in {saved}; once the history can be written, "
                f"restore it with `retrotimer history import {saved}`"
            )
        else:
            self.tell(
                "this session could not be saved anywhere; here it is:\n"
                + json.dumps(session_to_json(session))
            )
