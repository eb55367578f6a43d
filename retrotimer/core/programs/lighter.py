"""The lighter option of a session: the previous week's in the same place when that is lighter
on every count, else the same session with half its backward reps."""

from __future__ import annotations

from typing import TYPE_CHECKING

from retrotimer.core.history.program_ref import ProgramRef
from retrotimer.core.model import Item, LengthUnit, Repeat, Template
from retrotimer.core.programs.program_model import Program, backward_kinds
from retrotimer.core.programs.session_load import load
from retrotimer.core.templates.validation import MAX_NAME
from retrotimer.core.value import replace

if TYPE_CHECKING:
    from retrotimer.core.settings import Settings


def _halved(items: tuple[Item, ...]) -> tuple[Item, ...]:
    """Repeats with backward work run half as often, rounded up; a backward segment outside
    any such repeat keeps half its length, rounded up (an open one stays open, the runner ends
    it). Never less than half."""
    out: list[Item] = []
    for item in items:
        if isinstance(item, Repeat):
            if item.count > 1 and backward_kinds(item.items):
                out.append(Repeat(-(-item.count // 2), item.items))
            else:
                out.append(Repeat(item.count, _halved(item.items)))
        elif item.kind.is_backward and not item.length.is_open:
            amount = max(1, -(-item.length.amount // 2))
            length = replace(item.length, amount=amount)
            # Prompts timed past the halved length would come after the segment's end.
            timed = item.length.unit is LengthUnit.SECONDS
            prompts = tuple(p for p in item.prompts if not timed or p.offset_s < amount)
            out.append(replace(item, length=length, prompts=prompts))
        else:
            out.append(item)
    return tuple(out)


def half_backward(template: Template) -> Template:
    """The same session with half its backward reps, named as the lighter version."""
    name = f"{template.name} (lighter)"
    if len(name) > MAX_NAME:
        name = template.name[: MAX_NAME - len(" (lighter)")].rstrip() + " (lighter)"
    return replace(template, name=name, items=_halved(template.items))


def lighter_option(
    program: Program, week: int, session: int, settings: Settings
) -> tuple[ProgramRef, Template]:
    """From week 2 on, the previous week's session in the same place (or its last) when it is
    no heavier on backward minutes, backward running minutes and longest bout, and has at
    least half the backward minutes (so it counts as a session); otherwise, and in week 1,
    the same session with half its backward reps."""
    template = program.week(week).sessions[session - 1]
    if week >= 2:
        previous = program.week(week - 1).sessions
        number = min(session, len(previous))
        candidate = previous[number - 1]
        full, light = load(template, settings), load(candidate, settings)
        if light.within(full) and light.backward_s >= full.backward_s / 2:
            return ProgramRef(program.name, week - 1, number, lighter=True), candidate
    return ProgramRef(program.name, week, session, lighter=True), half_backward(template)
