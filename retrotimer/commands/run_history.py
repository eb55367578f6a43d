"""Recording a `run --headless` session in the history: open, attach to the controller, close."""

from __future__ import annotations

import json
import sys
import uuid

from retrotimer.core.history import HistorySession, Review
from retrotimer.core.ports import HistoryUnavailable
from retrotimer.core.programs.program_ref import ProgramRef
from retrotimer.runtime.clock import Clock
from retrotimer.runtime.history_recording import HistoryRecording
from retrotimer.runtime.session_controller import SessionController
from retrotimer.runtime.wall_clock import system_wall_clock
from retrotimer.storage.history_exchange import session_to_json
from retrotimer.storage.history_files import save_unsaved
from retrotimer.storage.history_opening import WritableHistory, open_for_writing
from retrotimer.storage.history_store import HistoryStore
from retrotimer.storage.instance_lock import InstanceLock
from retrotimer.storage.paths import AppPaths


def _tell(message: str) -> None:
    print(f"retrotimer: {message}", file=sys.stderr)


class RunHistory:
    """The history of one headless run. `open` raises AlreadyRunning when another RetroTimer
    writes the history; any other trouble is told, and the session is still recorded in
    memory and written when it can be."""

    def __init__(self, paths: AppPaths, history: WritableHistory) -> None:
        self._paths = paths
        self._history = history
        self._recording: HistoryRecording | None = None

    @classmethod
    def open(cls, paths: AppPaths) -> RunHistory:
        try:
            history = open_for_writing(paths)
        except HistoryUnavailable as error:
            # Nothing can be written there; the recorder keeps the session and says so.
            _tell(f"history: {error}")
            history = WritableHistory(HistoryStore(paths.history_db), InstanceLock.for_paths(paths))
        for notice in history.notices:
            _tell(notice)
        if history.problem is not None:
            _tell(f"history: {history.problem}")
        return cls(paths, history)

    def attach(
        self, controller: SessionController, clock: Clock, program: ProgramRef | None = None
    ) -> None:
        """Call before anything else listens to the controller: a finished segment is then
        committed before it is shown."""
        self._recording = HistoryRecording(
            controller,
            self._history.store,
            str(uuid.uuid4()),
            clock=clock,
            wall_clock=system_wall_clock,
            program=program,
        )
        self._recording.message.connect(_tell)

    def save_review(self, review: Review) -> None:
        """The review given on the command line, once the session has ended."""
        if self._recording is None or not self._recording.recorder.started:
            return
        try:
            self._history.store.set_review(self._recording.recorder.session_id, review)
        except HistoryUnavailable as error:
            _tell(f"history: the review was not saved: {error}")

    def close(self) -> None:
        """Write what is still held; if the history still refuses, keep it in a backup file."""
        try:
            if self._recording is not None:
                self._recording.shutdown()
                recorder = self._recording.recorder
                if recorder.started and not self._recording.retry():
                    self._keep_elsewhere(recorder.snapshot())
        finally:
            self._history.close()

    def _keep_elsewhere(self, session: HistorySession) -> None:
        saved = save_unsaved([session], [self._paths.data, self._paths.cache])
        if saved is not None:
            _tell(
                f"this session is kept in {saved}; once the history can be written, "
                f"restore it with `retrotimer history import {saved}`"
            )
        else:
            _tell(
                "this session could not be saved anywhere; here it is:\n"
                + json.dumps(session_to_json(session))
            )
