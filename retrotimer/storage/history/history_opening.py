"""Open the history to write it: take the instance lock, open the store, keep dead sessions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from retrotimer.core.history.history_ports import HistoryUnavailable
from retrotimer.core.value import builder, field
from retrotimer.storage.history.history_on_demand import HistoryOnDemand
from retrotimer.storage.history.local_time import local_datetime
from retrotimer.storage.instance_lock import InstanceLock
from retrotimer.storage.user_files import describe_os_error, folder_problem

if TYPE_CHECKING:
    from retrotimer.core.history.history_values import HistoryEntry
    from retrotimer.storage.history.history_store import HistoryStore
    from retrotimer.storage.paths import AppPaths


def interrupted_notice(entry: HistoryEntry) -> str:
    started = local_datetime(entry.started)
    return (
        f"the session of {started:%Y-%m-%d %H:%M} ({entry.template_name}) did not finish; "
        "it is kept as interrupted with what was recorded"
    )


@builder
class WritableHistory:
    """The history while this instance holds the lock: `repository` makes its store when
    first used (`store` makes it now). `notices` are for the user (a damaged file moved
    aside, sessions kept as interrupted); `problem` says why the database cannot be used just
    now, if it cannot."""

    repository: HistoryOnDemand
    lock: InstanceLock
    notices: list[str] = field(default_factory=list)
    problem: str | None = None

    @property
    def store(self) -> HistoryStore:
        return self.repository.store

    def recover(self) -> None:
        """Open the database (moving a damaged file aside) if nothing has yet, and keep the
        sessions a dead instance left running as interrupted; what the user must be told of
        goes to `notices` and `problem`."""
        try:
            recovered = self.store.recover_interrupted()
        except HistoryUnavailable as error:
            recovered, self.problem = [], str(error)
        self.notices = self.store.take_notices() + [interrupted_notice(e) for e in recovered]

    def close(self) -> None:
        if self.repository.made:
            self.store.close()
        self.lock.release()


def lock_history(paths: AppPaths) -> WritableHistory:
    """Take the lock; the database is opened when it is first used, or by `recover`. Raises
    AlreadyRunning (another RetroTimer writes), or HistoryUnavailable when the lock itself
    cannot be made."""
    lock = InstanceLock.for_paths(paths)
    try:
        lock.acquire()
    except OSError as error:
        reason = folder_problem(lock.path.parent) or describe_os_error(error)
        raise HistoryUnavailable(
            f"the instance lock cannot be made: {reason} ({lock.path})"
        ) from error
    return WritableHistory(HistoryOnDemand(paths.history_db), lock)


def open_for_writing(paths: AppPaths) -> WritableHistory:
    """Take the lock and open the history; sessions a dead instance left running become
    interrupted. Raises as `lock_history` does. Once the lock is held this returns even when
    the database cannot be used just now: writes then fail, and are retried, one by one."""
    history = lock_history(paths)
    history.recover()
    return history
