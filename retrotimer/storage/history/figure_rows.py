"""The rows of the sessions really run, as SQLite gives them: turned into the coach's figures
only where they are needed, and fingerprinted so a replay of them can be kept."""

from __future__ import annotations

import marshal
from typing import Any

from retrotimer.core.history.session_figures import SessionFigures
from retrotimer.storage.history.history_rows import STATUSES

# Format 2: later ones mark values by how often they are referred to, which differs from
# one run to the next.
_MARSHAL_FORMAT = 2


class FigureRows:
    """Rows in the order and shape of `SessionFigures`, with the status as stored and the
    flags as 0 and 1."""

    def __init__(self, rows: list[tuple[Any, ...]]) -> None:
        self._rows = rows

    def __len__(self) -> int:
        return len(self._rows)

    def figures(self, start: int = 0) -> list[SessionFigures]:
        """The figures of the rows from `start` on."""
        return [
            SessionFigures(
                row[0],
                row[1],
                row[2],
                STATUSES[row[3]],
                row[4],
                row[5],
                row[6],
                row[7],
                row[8] == 1,
                row[9] == 1,
                row[10] == 1,
                row[11],
                row[12],
                row[13],
                row[14] == 1,
            )
            for row in self._rows[start:]
        ]

    def fingerprint(self, count: int) -> str:
        """A digest of every value of the first `count` rows: equal digests, equal rows.
        marshal writes each value exactly (floats in binary), in C; another Python's marshal
        may write the same rows otherwise, which only makes a digest that does not match."""
        # Imported here: hashlib maps OpenSSL's libcrypto, which only this needs.
        from hashlib import blake2b

        data = marshal.dumps(self._rows[:count], _MARSHAL_FORMAT)
        return blake2b(data, digest_size=32).hexdigest()
