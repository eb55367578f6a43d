"""A rule's reason in words: its format string filled in from what the rule speaks about."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from retrotimer.core.programs.coach_words import (
    day_words,
    first_lower,
    listed,
    plural,
    reported,
    session_name,
)
from retrotimer.core.programs.outcome import outcome_facts, pained

if TYPE_CHECKING:
    from retrotimer.core.history.session_figures import SessionFigures
    from retrotimer.core.programs.coach_values import Context, Said
    from retrotimer.core.programs.program_model import Program


def unwell_words(entry: SessionFigures) -> str:
    """ "dizziness", "pain", "dizziness and pain", or the report from before they were apart."""
    if entry.dizzy_or_pain and not (entry.dizzy or entry.pain):
        return "dizziness or pain"
    return listed([w for w, felt in (("dizziness", entry.dizzy), ("pain", pained(entry))) if felt])


def _reports(reports: Sequence[tuple[int, SessionFigures]]) -> str:
    words = [unwell_words(entry) for _, entry in reports]
    if len(words) > 1 and len(set(words)) == 1:
        return f"{words[0]} twice"
    return listed(list(dict.fromkeys(words)))


def _summary(finished: Sequence[SessionFigures]) -> str:
    if not finished or finished[0].program is None:
        return ""
    ref = finished[0].program
    which = f"The lighter sessions of week {ref.week}" if ref.lighter else f"Week {ref.week}"
    return f"{which} done: {plural(len(finished), 'session')}, {reported(finished)}."


def _fields(
    context: Context, week_number: int, program: Program, free_days: int
) -> dict[str, object]:
    entry = context.session
    ref = entry.program if entry is not None else None
    week = program.week(week_number)
    beyond = (
        f", {context.break_days} beyond the {plural(free_days, 'day')} off your training days leave"
        if free_days and context.gap
        else ""
    )
    earlier_day = context.earlier[-1][0] if context.earlier else None
    return {
        "name": session_name(ref) if ref is not None else "",
        "how": reported([entry]) if entry is not None else "",
        "facts": outcome_facts(entry) if entry is not None else "",
        "summary": _summary(context.finished),
        "week": week_number,
        "focus": first_lower(week.focus),
        "program": program.name,
        "gap": context.gap,
        "beyond": beyond,
        "until": day_words(context.until) if context.until is not None else "",
        "walking": ", walking backward before you jog again" if week.walking else "",
        "earlier": day_words(earlier_day) if earlier_day is not None else "",
        "unwell": _reports(context.earlier),
    }


def reason_text(said: Said, program: Program, free_days: int, session: int = 1) -> str:
    """The rule's reason, filled in; `session` is the next session, which rest days name."""
    fields = _fields(said.context, said.week, program, free_days)
    return said.rule.reason.format_map({**fields, "session": session})
