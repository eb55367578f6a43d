"""The lighter option of a session: the previous week's, or the same with half the backward reps."""

from __future__ import annotations

import dataclasses
import math

from retrotimer.core.history.program_ref import ProgramRef
from retrotimer.core.model import Item, Length, Repeat, Segment, Template
from retrotimer.core.programs.program_model import Program
from retrotimer.core.templates.validation import MAX_NAME


def _has_backward(items: tuple[Item, ...]) -> bool:
    return any(
        _has_backward(item.items) if isinstance(item, Repeat) else item.kind.is_backward
        for item in items
    )


def _halved(items: tuple[Item, ...]) -> tuple[Item, ...]:
    """Repeats with backward work run half as often (at least once); a backward segment
    outside any such repeat keeps half its length."""
    out: list[Item] = []
    for item in items:
        if isinstance(item, Repeat):
            if item.count > 1 and _has_backward(item.items):
                out.append(Repeat(math.ceil(item.count / 2), item.items))
            else:
                out.append(Repeat(item.count, _halved(item.items)))
        elif item.kind.is_backward:
            amount = max(1, item.length.amount // 2)
            out.append(Segment(item.kind, Length(amount, item.length.unit), item.label, item.note))
        else:
            out.append(item)
    return tuple(out)


def half_backward(template: Template) -> Template:
    """The same session with half its backward reps, named as the lighter version."""
    name = f"{template.name} (lighter)"
    if len(name) > MAX_NAME:
        name = template.name[: MAX_NAME - len(" (lighter)")].rstrip() + " (lighter)"
    return dataclasses.replace(template, name=name, items=_halved(template.items))


def lighter_option(program: Program, week: int, session: int) -> tuple[ProgramRef, Template]:
    """For week 2 on the previous week's session in the same place (or its last); for week 1
    the same session with half its backward reps."""
    if week >= 2:
        previous = program.week(week - 1).sessions
        number = min(session, len(previous))
        return ProgramRef(program.name, week - 1, number, lighter=True), previous[number - 1]
    template = program.week(week).sessions[session - 1]
    return ProgramRef(program.name, week, session, lighter=True), half_backward(template)
