"""A program: an ordered list of weeks, each with a focus and 2 or 3 session templates."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from retrotimer.core.model import Item, Repeat, SegmentKind, Template
from retrotimer.core.templates.library import same_name
from retrotimer.core.value import value

if TYPE_CHECKING:
    from retrotimer.core.history.program_ref import ProgramRef

MIN_SESSIONS = 2
MAX_SESSIONS = 3
MAX_WEEKS = 52
MAX_FOCUS = 120
MAX_DESCRIPTION = 2000


def backward_kinds(items: tuple[Item, ...]) -> set[SegmentKind]:
    """The backward kinds a session's items hold."""
    found: set[SegmentKind] = set()
    for item in items:
        if isinstance(item, Repeat):
            found |= backward_kinds(item.items)
        elif item.kind.is_backward:
            found.add(item.kind)
    return found


@value
class ProgramWeek:
    """One week: what it works on, in one line, and its sessions in the order to run them."""

    focus: str
    sessions: tuple[Template, ...]

    @property
    def walking(self) -> bool:
        """A walking week: backward work in its sessions, all of it walking."""
        kinds: set[SegmentKind] = set()
        for template in self.sessions:
            kinds |= backward_kinds(template.items)
        return kinds == {SegmentKind.BACKWARD_WALK}


@value
class Program:
    """A named plan of weeks; `next_program` names the one to suggest once it is complete."""

    name: str
    weeks: tuple[ProgramWeek, ...]
    description: str = ""
    next_program: str = ""

    @property
    def walking_weeks(self) -> tuple[int, ...]:
        """The weeks (1-based) that walk backward without jogging: where a long break
        leads back to."""
        return tuple(n for n, week in enumerate(self.weeks, start=1) if week.walking)

    @property
    def session_count(self) -> int:
        return sum(len(week.sessions) for week in self.weeks)

    def week(self, number: int) -> ProgramWeek:
        """Week `number` (1-based); raises IndexError outside 1..n."""
        if not 1 <= number <= len(self.weeks):
            raise IndexError(number)
        return self.weeks[number - 1]

    def session(self, week: int, session: int) -> Template | None:
        """The template of week `week`, session `session` (both 1-based), or None."""
        if not 1 <= week <= len(self.weeks):
            return None
        sessions = self.weeks[week - 1].sessions
        return sessions[session - 1] if 1 <= session <= len(sessions) else None

    def all_sessions(self) -> Iterator[tuple[int, int, Template]]:
        """(week, session, template) in the order a runner meets them."""
        for week_number, week in enumerate(self.weeks, start=1):
            for session_number, template in enumerate(week.sessions, start=1):
                yield week_number, session_number, template

    def is_named(self, name: str) -> bool:
        return same_name(self.name, name)


def unknown_program_names(
    refs: Iterable[ProgramRef | None], programs: Iterable[Program]
) -> list[str]:
    """The program names sessions were run for that none of `programs` has, sorted."""
    known = [program.name for program in programs]
    missing: dict[str, str] = {}
    for ref in refs:
        if ref is not None and not any(same_name(ref.name, name) for name in known):
            missing.setdefault(ref.name.casefold(), ref.name)
    return sorted(missing.values())


def unknown_programs_note(missing: Sequence[str], how: str = "") -> str | None:
    """Sentences after an import that named programs not installed here, or None; `how`
    says how to import a program where the note is shown (" with ...")."""
    if not missing:
        return None
    listed = ", ".join(f'"{name}"' for name in missing)
    return (
        f"Sessions run for programs not installed here were kept: {listed}. Import the "
        f"program{how} to follow it."
    )
