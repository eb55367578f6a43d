"""Open the history to write it: take the instance lock, open the store, keep dead sessions."""

from __future__ import annotations

from dataclasses import dataclass, field

from retrotimer.core.history.history_ports import HistoryUnavailable
from retrotimer.core.history.history_values import HistoryEntry
from retrotimer.storage.history.history_store import HistoryStore
from retrotimer.storage.history.local_time import local_datetime
from retrotimer.storage.instance_lock import InstanceLock
from retrotimer.storage.paths import AppPaths
from retrotimer.storage.user_files import describe_os_error, folder_problem


def interrupted_notice(entry: HistoryEntry) -> str:
    started = local_datetime(entry.started)
    return (
        f"the session of {started:%Y-%m-%d %H:%M} ({entry.template_name}) did not finish; "
        "it is kept as interrupted with what was recorded"
    )


@dataclass(slots=True)
class WritableHistory:
    """The history while this instance holds the lock. `notices` are for the user (a damaged
    file moved aside, sessions kept as interrupted); `problem` says why the database cannot
    be used just now, if it cannot."""

    store: HistoryStore
    lock: InstanceLock
    notices: list[str] = field(default_factory=list)
    problem: str | None = None

    def close(self) -> None:
        self.store.close()
        self.lock.release()


def open_for_writing(paths: AppPaths) -> WritableHistory:
    """Take the lock and open the history; sessions a dead instance left running become
    interrupted. Raises AlreadyRunning (another RetroTimer writes), or HistoryUnavailable
    when the lock itself cannot be made. Once the lock is held this returns even when the
    database cannot be used just now: writes then fail, and are retried, one by one."""
    lock = InstanceLock.for_paths(paths)
    try:
        lock.acquire()
    except OSError as error:
        reason = folder_problem(lock.path.parent) or describe_os_error(error)
        raise HistoryUnavailable(
            f"the instance lock cannot be made: {reason} ({lock.path})"
        ) from error
    store = HistoryStore(paths.history_db)
    problem: str | None = None
    try:
        recovered = store.recover_interrupted()
    except HistoryUnavailable as error:
        recovered, problem = [], str(error)
    notices = store.take_notices() + [interrupted_notice(entry) for entry in recovered]
    return WritableHistory(store, lock, notices, problem)
