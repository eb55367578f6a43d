"""The history database's schema: forward migrations numbered by `PRAGMA user_version`."""

from __future__ import annotations

import sqlite3

from retrotimer.core.history.history_values import plan_backward_s

# The plan's backward seconds, for the migration that fills them in from the stored plans.
PLAN_BACKWARD_FUNCTION = "plan_backward_s"
# Each entry upgrades the schema by one version; never edit a released entry, append one.
MIGRATIONS: tuple[tuple[str, ...], ...] = (
    # 1: sessions and their segments. Times are Unix seconds in UTC; the local offset of the
    # start is kept beside it so a week is counted where the runner was.
    (
        """
        CREATE TABLE sessions (
            id TEXT PRIMARY KEY,
            template_name TEXT NOT NULL,
            plan_json TEXT NOT NULL,
            venue TEXT NOT NULL,
            started_utc REAL NOT NULL,
            utc_offset_s INTEGER NOT NULL,
            ended_utc REAL,
            status TEXT NOT NULL
                CHECK (status IN ('running', 'completed', 'stopped', 'interrupted')),
            planned_s REAL NOT NULL,
            active_s REAL NOT NULL DEFAULT 0,
            backward_s REAL NOT NULL DEFAULT 0,
            forward_s REAL NOT NULL DEFAULT 0,
            backward_steps INTEGER NOT NULL DEFAULT 0,
            longest_backward_s REAL NOT NULL DEFAULT 0,
            rating INTEGER CHECK (rating BETWEEN 1 AND 5),
            near_stumbles INTEGER CHECK (near_stumbles >= 0),
            notes TEXT NOT NULL DEFAULT '',
            updated_utc REAL NOT NULL
        )
        """,
        """
        CREATE TABLE segments (
            session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
            idx INTEGER NOT NULL CHECK (idx >= 0),
            kind TEXT NOT NULL,
            label TEXT NOT NULL,
            planned_s REAL NOT NULL,
            actual_s REAL NOT NULL,
            skipped INTEGER NOT NULL CHECK (skipped IN (0, 1)),
            steps INTEGER,
            PRIMARY KEY (session_id, idx)
        ) WITHOUT ROWID
        """,
    ),
    # 2: delete with undo (a deleted session is kept, marked, until purged), and the list
    # in order of start without sorting the whole table.
    (
        "ALTER TABLE sessions ADD COLUMN deleted_utc REAL",
        "CREATE INDEX sessions_by_start ON sessions (started_utc, id)",
    ),
    # 3: sessions run at a compressed speed are kept but marked, and left out of statistics.
    (
        "ALTER TABLE sessions ADD COLUMN test_run INTEGER NOT NULL DEFAULT 0 "
        "CHECK (test_run IN (0, 1))",
    ),
    # Pauses: when a session stood still, on the wall clock (UTC seconds), so an activity
    # file puts its timer stops where they were; no end while the pause lasts.
    (
        """
        CREATE TABLE pauses (
            session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
            start_utc REAL NOT NULL,
            end_utc REAL CHECK (end_utc >= start_utc),
            PRIMARY KEY (session_id, start_utc)
        ) WITHOUT ROWID
        """,
    ),
    # 5: the program, week and session a session was run for (NULL name: none), and the
    # review's "felt dizzy or in pain", which steps a program back.
    (
        "ALTER TABLE sessions ADD COLUMN program_name TEXT",
        "ALTER TABLE sessions ADD COLUMN program_week INTEGER CHECK (program_week >= 1)",
        "ALTER TABLE sessions ADD COLUMN program_session INTEGER CHECK (program_session >= 1)",
        "ALTER TABLE sessions ADD COLUMN program_lighter INTEGER NOT NULL DEFAULT 0 "
        "CHECK (program_lighter IN (0, 1))",
        "ALTER TABLE sessions ADD COLUMN dizzy_or_pain INTEGER NOT NULL DEFAULT 0 "
        "CHECK (dizzy_or_pain IN (0, 1))",
    ),
    # 6: dizziness (balance) and pain (load) reported apart; `dizzy_or_pain` stays as the
    # report of the sessions reviewed before. The rating turns into an effort scale, higher
    # harder (5 "too hard"), so ratings given on the old scale (5 the best) are turned round.
    # Only whole ratings in range: a value a hand-edited file holds is kept as it is.
    (
        "ALTER TABLE sessions ADD COLUMN dizzy INTEGER NOT NULL DEFAULT 0 CHECK (dizzy IN (0, 1))",
        "ALTER TABLE sessions ADD COLUMN pain INTEGER NOT NULL DEFAULT 0 CHECK (pain IN (0, 1))",
        "UPDATE sessions SET rating = 6 - rating "
        "WHERE typeof(rating) = 'integer' AND rating BETWEEN 1 AND 5",
    ),
    # 7: the backward seconds of the plan each session was run with, written when it starts,
    # so a program judges a session by its own plan and never by one compiled again with
    # today's settings. Sessions recorded before take it from the plan they keep. And the
    # list in order of start from an index that holds every listed column: a row keeps its
    # plan (kilobytes) before most of them, and reading past it page by page made a list of
    # 50,000 sessions read the whole file.
    (
        "ALTER TABLE sessions ADD COLUMN planned_backward_s REAL NOT NULL DEFAULT 0",
        f"UPDATE sessions SET planned_backward_s = {PLAN_BACKWARD_FUNCTION}(plan_json)",
        """
        CREATE INDEX sessions_listed ON sessions (
            started_utc, id, template_name, venue, utc_offset_s, ended_utc, status, planned_s,
            active_s, backward_s, forward_s, backward_steps, longest_backward_s, rating,
            near_stumbles, notes, deleted_utc, test_run, program_name, program_week,
            program_session, program_lighter, dizzy_or_pain, dizzy, pain, planned_backward_s
        )
        """,
    ),
    # 8: what the heart-rate strap and the footpod said while a session ran, about once a
    # second: the moment (UTC seconds), the segment under way, and each value heard (NULL:
    # that sensor said nothing). Removed with its session.
    (
        """
        CREATE TABLE samples (
            session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
            utc REAL NOT NULL,
            segment INTEGER NOT NULL CHECK (segment >= 0),
            heart_rate INTEGER CHECK (heart_rate BETWEEN 1 AND 65535),
            cadence INTEGER CHECK (cadence BETWEEN 0 AND 255),
            speed REAL CHECK (speed >= 0),
            PRIMARY KEY (session_id, utc)
        ) WITHOUT ROWID
        """,
    ),
)
LATEST_VERSION = len(MIGRATIONS)


class SchemaTooNew(Exception):
    """The database was written by a newer RetroTimer; it is left exactly as it is."""

    def __init__(self, version: int) -> None:
        self.version = version
        super().__init__(
            f"the history database has schema version {version}, newer than this version of "
            f"RetroTimer knows ({LATEST_VERSION}); update RetroTimer to use it"
        )


def schema_version(connection: sqlite3.Connection) -> int:
    version: int = connection.execute("PRAGMA user_version").fetchone()[0]
    return version


def migrate(connection: sqlite3.Connection, target: int = LATEST_VERSION) -> int:
    """Upgrade to `target`, one version per transaction; returns the version found.

    The connection must be in autocommit mode (isolation_level=None): each step runs in its
    own explicit transaction, so a crash leaves the database at the last complete version.
    """
    found = schema_version(connection)
    if found > LATEST_VERSION:
        raise SchemaTooNew(found)
    connection.create_function(PLAN_BACKWARD_FUNCTION, 1, plan_backward_s, deterministic=True)
    for version in range(found + 1, target + 1):
        connection.execute("BEGIN IMMEDIATE")
        try:
            for statement in MIGRATIONS[version - 1]:
                connection.execute(statement)
            # PRAGMA takes no parameters; `version` is an int from our own table.
            connection.execute(f"PRAGMA user_version = {int(version)}")
        except BaseException:
            connection.rollback()
            raise
        connection.execute("COMMIT")
    return found
