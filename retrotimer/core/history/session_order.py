"""How a list of sessions is ordered: by which value and which way (the History table)."""

from __future__ import annotations

import enum

from retrotimer.core.value import value


class SessionKey(enum.Enum):
    """What sessions are ordered by. STATUS follows `SessionStatus` (test runs after the
    others of a status); RATING puts sessions without one at 0."""

    STARTED = "started"
    TEMPLATE = "template"  # whatever its case
    ACTIVE = "active"
    BACKWARD = "backward"
    STATUS = "status"
    RATING = "rating"


@value
class SessionOrder:
    """Sessions that tie on the key stay newest first, as in the plain list."""

    key: SessionKey = SessionKey.STARTED
    descending: bool = True
