"""The port through which the window reads the programs and the active choice, and sets it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from retrotimer.core.programs.program_choice import ProgramChoice
    from retrotimer.core.programs.program_model import Program


class ProgramSource(Protocol):
    def programs(self) -> list[Program]:
        """Every program: the built-in ones, then the user's."""
        ...

    def chosen(self) -> bool:
        """Whether a program is chosen to follow, from the choice alone: the program is not
        looked up (`active` may still find none)."""
        ...

    def active(self) -> tuple[Program, ProgramChoice] | None:
        """The program being followed and how it was chosen; None when there is none (or its
        file is gone or broken)."""
        ...

    def choose(self, choice: ProgramChoice | None) -> None:
        """Follow a program from now on (None: follow none); raises OSError if not saved."""
        ...
