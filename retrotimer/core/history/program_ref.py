"""Which program, week and session a recorded session was run for."""

from __future__ import annotations

from retrotimer.core.value import value


@value
class ProgramRef:
    """A session's place in a program: week and session are 1-based.

    `lighter` marks the lighter option of that session: it never moves the program on.
    """

    name: str
    week: int
    session: int
    lighter: bool = False

    def to_json(self) -> dict[str, object]:
        data: dict[str, object] = {"name": self.name, "week": self.week, "session": self.session}
        if self.lighter:
            data["lighter"] = True
        return data
