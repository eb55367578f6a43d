"""Open the history database safely: WAL, integrity check, migrations; corrupt files moved aside."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from retrotimer.core.history.history_ports import HistoryUnavailable
from retrotimer.storage.file_lock import FolderLock
from retrotimer.storage.history.history_schema import (
    LATEST_VERSION,
    SchemaTooNew,
    migrate,
    schema_version,
)
from retrotimer.storage.user_files import (
    UserFileError,
    corrupt_name,
    describe_os_error,
    file_kind,
    folder_problem,
)

Connect = Callable[[Path], sqlite3.Connection]
UtcClock = Callable[[], float]  # Unix seconds, for the rows' update times

# SQLite result codes (the low byte of an extended code).
_BUSY, _LOCKED, _READONLY, _IOERR, _CORRUPT, _FULL, _CANTOPEN, _NOTADB = 5, 6, 8, 10, 11, 13, 14, 26
_REASONS = {
    _BUSY: "the history database is busy (is another program using it?)",
    _LOCKED: "the history database is busy (is another program using it?)",
    _READONLY: "the history database or its folder is read-only",
    _IOERR: "the disk reported an input/output error",
    _FULL: "the disk is full",
    _CANTOPEN: "the history database cannot be opened (is its folder read-only?)",
}
COMPANION_SUFFIXES = ("-wal", "-shm", "-journal")
CACHE_KIB = -256  # negative: in KiB, as PRAGMA cache_size takes it


def connect_sqlite(path: Path) -> sqlite3.Connection:
    """A connection in autocommit mode: every transaction is explicit."""
    return sqlite3.connect(path, isolation_level=None, timeout=5.0)


def connect_read_only(path: Path) -> sqlite3.Connection:
    """A connection that never writes, for a history on read-only media. A WAL database
    there has no -shm file SQLite could make, so it is opened as immutable: nothing can
    change it anyway."""
    uri = path.resolve().as_uri()
    try:
        connection = sqlite3.connect(f"{uri}?mode=ro", uri=True, isolation_level=None)
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return connection
    except sqlite3.OperationalError:
        return sqlite3.connect(f"{uri}?immutable=1", uri=True, isolation_level=None)


def _code(error: sqlite3.Error) -> int | None:
    code = getattr(error, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


def is_corruption(error: sqlite3.Error) -> bool:
    """True when the file itself is damaged or not a database (not a disk or permission issue)."""
    code = _code(error)
    if code is not None:
        return code in (_CORRUPT, _NOTADB)
    return type(error) is sqlite3.DatabaseError


def disk_state(folder: Path) -> str | None:
    """ "the disk is full" or "the disk is read-only" when the file system of `folder` is,
    else None. SQLite reports some failed writes only as an input/output error; this says
    what the disk itself says."""
    statvfs = getattr(os, "statvfs", None)
    if statvfs is None:
        return None
    try:
        state = statvfs(folder)
    except OSError:
        return None
    if state.f_flag & getattr(os, "ST_RDONLY", 1):
        return "the disk is read-only"
    if state.f_bavail == 0 and os.geteuid() != 0 or state.f_bfree == 0:
        return _REASONS[_FULL]
    return None


def describe_error(error: BaseException, path: Path) -> str:
    """Words for the user about a failed read or write of the history."""
    reason = None
    if isinstance(error, sqlite3.Error):
        code = _code(error)
        reason = _REASONS.get(code) if code is not None else None
        if reason is None and "full" in str(error):
            reason = _REASONS[_FULL]
        if reason is None and "readonly" in str(error):
            reason = _REASONS[_READONLY]
        if code in (_IOERR, _CANTOPEN, _READONLY, None) or "I/O" in str(error):
            reason = disk_state(path.parent) or reason
    if isinstance(error, OSError):
        reason = disk_state(path.parent) or describe_os_error(error)
    return f"{reason or error} ({path})"


class HistoryDatabase:
    """The one connection to the history file, opened on first use and after a failure.

    Opening checks the file's integrity and upgrades its schema. A damaged file is renamed
    beside it (never deleted) and a new one is started; `take_notices()` tells where it went.
    """

    def __init__(
        self,
        path: Path,
        *,
        connect: Connect = connect_sqlite,
        wall_clock: UtcClock = time.time,
        synchronous: str = "FULL",
        repair: bool = True,
        read_only: bool = False,
    ) -> None:
        """`repair=False` reports a damaged file instead of moving it: for a reader that does
        not hold the instance lock, since the writing instance may have the file open.
        `read_only` reads the file as it is (read-only media): no folder made, no schema
        upgrade, no repair, and every write refused."""
        if synchronous not in ("FULL", "NORMAL"):
            raise ValueError("synchronous must be FULL or NORMAL")
        self.path = path
        self._connect = connect
        self._wall_clock = wall_clock
        self._synchronous = synchronous
        self._repair = repair and not read_only
        self._read_only = read_only
        self._connection: sqlite3.Connection | None = None
        self._notices: list[str] = []

    def take_notices(self) -> list[str]:
        """Messages for the user since the last call (a damaged file moved aside)."""
        notices, self._notices = self._notices, []
        return notices

    @property
    def is_open(self) -> bool:
        return self._connection is not None

    def connection(self) -> sqlite3.Connection:
        """The open connection; raises HistoryUnavailable when the file cannot be used now."""
        if self._connection is None:
            self._connection = self._open()
        return self._connection

    def close(self) -> None:
        connection, self._connection = self._connection, None
        if connection is not None:
            # A connection that failed cannot be closed more cleanly than this.
            with contextlib.suppress(sqlite3.Error):
                connection.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE ... COMMIT; failures of the disk become HistoryUnavailable."""
        with self.reading() as connection:
            connection.execute("BEGIN IMMEDIATE")
            try:
                yield connection
                connection.execute("COMMIT")
            except BaseException:
                if connection.in_transaction:
                    # When ROLLBACK fails, SQLite has already undone what it could not write.
                    with contextlib.suppress(sqlite3.Error):
                        connection.execute("ROLLBACK")
                raise

    @contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        connection = self.connection()
        try:
            yield connection
        except (sqlite3.OperationalError, sqlite3.DatabaseError, OSError) as error:
            if isinstance(error, sqlite3.IntegrityError | sqlite3.ProgrammingError):
                raise
            # Start again from a fresh connection next time: after a remount or a full disk
            # the old one may be stuck; reopening also re-checks a file that went bad.
            self.close()
            raise HistoryUnavailable(describe_error(error, self.path)) from error

    # ---- opening ---------------------------------------------------------------------
    def _open(self) -> sqlite3.Connection:
        self._refuse_special_files()
        if self._read_only:
            return self._open_read_only()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            reason = folder_problem(self.path.parent) or describe_error(error, self.path.parent)
            raise HistoryUnavailable(f"its folder cannot be made: {reason}") from error
        try:
            return self._open_checked()
        except _Damaged as damage:
            if not self._repair:
                damage.close_connection()
                raise HistoryUnavailable(
                    f"the history database is damaged ({damage}); start RetroTimer to move it "
                    f"aside and begin a new one ({self.path})"
                ) from None
            try:
                moved = self._move_aside()
            except HistoryUnavailable:
                # Windows cannot rename an open file: close it, then move what is left.
                damage.close_connection()
                moved = self._move_aside()
            finally:
                damage.close_connection()
            self._notices.append(
                f"The history database could not be read ({damage}). It was moved to "
                f"{moved} (nothing was deleted) and a new, empty history was started."
            )
            try:
                return self._open_checked()
            except _Damaged as again:
                again.close_connection()
                raise HistoryUnavailable(f"{again} ({self.path})") from None

    def _open_checked(self) -> sqlite3.Connection:
        try:
            connection = self._connect(self.path)
        except sqlite3.Error as error:
            if is_corruption(error):
                raise _Damaged(str(error)) from None
            raise HistoryUnavailable(describe_error(error, self.path)) from error
        try:
            # Years of history are a few megabytes that the system caches anyway: SQLite's own
            # cache (2 MB by default) only added that much to the app's memory.
            connection.execute(f"PRAGMA cache_size = {CACHE_KIB}")
            problems = [row[0] for row in connection.execute("PRAGMA integrity_check")]
            if problems != ["ok"]:
                raise _Damaged(f"integrity check: {problems[0]}", connection)
            # A newer app's file is refused before anything (even the journal mode) changes.
            if schema_version(connection) > LATEST_VERSION:
                raise SchemaTooNew(schema_version(connection))
            if schema_version(connection) < LATEST_VERSION:
                self._upgrade(connection)
            connection.execute("PRAGMA journal_mode = WAL").fetchone()
            # FULL syncs the log at every commit: a finished segment survives a power cut.
            connection.execute(f"PRAGMA synchronous = {self._synchronous}")
            connection.execute("PRAGMA foreign_keys = ON")
        except SchemaTooNew as error:
            connection.close()
            raise HistoryUnavailable(f"{error} ({self.path})") from None
        except sqlite3.Error as error:
            if is_corruption(error):
                raise _Damaged(str(error), connection) from None
            connection.close()
            raise HistoryUnavailable(describe_error(error, self.path)) from error
        return connection

    def _refuse_special_files(self) -> None:
        """A folder, a FIFO or a device where the database or its log should be is told as
        what it is (SQLite would call it an input/output error, or wait on a FIFO)."""
        for candidate in (self.path, *self._companions()):
            try:
                mode = os.stat(candidate).st_mode
            except OSError:
                continue
            if not stat.S_ISREG(mode):
                raise HistoryUnavailable(
                    f"{candidate} is {file_kind(mode)}, not a file of the history; move it "
                    "away so that sessions can be recorded"
                )

    def _companions(self) -> list[Path]:
        return [self.path.with_name(self.path.name + suffix) for suffix in COMPANION_SUFFIXES]

    def _upgrade(self, connection: sqlite3.Connection) -> None:
        """Upgrade an old (or new, empty) file, one process at a time. Each process reads the
        version it found before the upgrade began; without the lock, two would both run the
        steps after it, and the second would fail adding a column the first had added. The
        others wait here, then find the file upgraded and go on."""
        lock = FolderLock(
            self.path.parent, lock_file=self.path.with_name(f".{self.path.name}.upgrade.lock")
        )
        try:
            with lock:
                connection.execute("PRAGMA journal_mode = WAL").fetchone()
                migrate(connection)
        except UserFileError as error:
            connection.close()
            raise HistoryUnavailable(
                f"the history database cannot be upgraded just now: {error}"
            ) from None

    def _open_read_only(self) -> sqlite3.Connection:
        if not self.path.is_file():
            raise HistoryUnavailable(f"there is no history yet ({self.path})")
        try:
            connection = connect_read_only(self.path)
        except sqlite3.Error as error:
            raise HistoryUnavailable(describe_error(error, self.path)) from error
        try:
            version = schema_version(connection)
        except sqlite3.Error as error:
            connection.close()
            raise HistoryUnavailable(describe_error(error, self.path)) from error
        if version != LATEST_VERSION:
            connection.close()
            reason = (
                f"it was written by a newer RetroTimer (version {version})"
                if version > LATEST_VERSION
                else "it must first be upgraded by this RetroTimer where it can be written"
            )
            raise HistoryUnavailable(f"the history cannot be read here: {reason} ({self.path})")
        return connection

    def _move_aside(self) -> Path:
        target = corrupt_name(self.path, self._wall_clock())
        try:
            for companion, suffix in zip(self._companions(), COMPANION_SUFFIXES, strict=True):
                if companion.exists():
                    os.replace(companion, target.with_name(target.name + suffix))
            os.replace(self.path, target)
        except OSError as error:
            raise HistoryUnavailable(
                f"the history database is damaged and cannot be moved aside: "
                f"{describe_error(error, self.path)}"
            ) from error
        return target


class _Damaged(Exception):
    """The file is not a usable database: it is moved aside, never repaired in place.

    The connection stays open until the files are moved: closing the last connection lets
    SQLite checkpoint and remove the -wal file, which is part of what must be kept.
    """

    def __init__(self, message: str, connection: sqlite3.Connection | None = None) -> None:
        super().__init__(message)
        self.connection = connection

    def close_connection(self) -> None:
        connection, self.connection = self.connection, None
        if connection is not None:
            with contextlib.suppress(sqlite3.Error):
                connection.close()
