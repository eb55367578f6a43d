"""What the Today panel says about a proposal: pure text, tested without widgets."""

from __future__ import annotations

from typing import TYPE_CHECKING

from retrotimer.core.model import Item, Repeat, Template
from retrotimer.core.programs.coach_reasons import unwell_words
from retrotimer.core.programs.coach_vocabulary import Decision
from retrotimer.core.programs.coach_words import day_words
from retrotimer.core.session.plan import compile_plan
from retrotimer.core.templates.kind_names import kind_name
from retrotimer.core.templates.text_syntax import length_in_syntax
from retrotimer.core.value import value

if TYPE_CHECKING:
    from retrotimer.core.history.session_figures import SessionFigures
    from retrotimer.core.programs.coach import Proposal
    from retrotimer.core.programs.program_view import ProgramView
    from retrotimer.core.settings import Settings

DECISION_WORDS = {
    Decision.START: "START",
    Decision.CONTINUE: "NEXT SESSION",
    Decision.ADVANCE: "NEW WEEK",
    Decision.REPEAT: "REPEAT",
    Decision.STEP_BACK: "STEP BACK",
    Decision.REST: "REST DAY",
    Decision.COMPLETE: "COMPLETE",
    Decision.PAUSED: "PAUSED",
}


@value
class TodayView:
    """The lines of the Today panel, top to bottom."""

    program: str
    place: str
    decision: str
    focus: str
    session: str
    outline: tuple[str, ...]
    reasons: str
    lighter: str
    start_label: str
    # While the coach rests for a report of dizziness or pain: why, first (Rest is then the
    # big choice).
    caution: str = ""


def _minutes(seconds: float) -> str:
    minutes = seconds / 60
    whole = abs(minutes - round(minutes)) < 0.05
    text = f"{minutes:.0f}" if whole else f"{minutes:.1f}"
    return f"{text} backward minute" + ("" if text == "1" else "s")


def caution_text(report: SessionFigures) -> str:
    return (
        f"You reported {unwell_words(report)} after a session. Rest today; if it persists or "
        "comes back, see a doctor before you run backward again."
    )


def _start_label(proposal: Proposal) -> str:
    """A paused program waits for the runner to resume it; a rest day may be run anyway."""
    if proposal.paused:
        return "Resume"
    return "Start anyway" if proposal.decision is Decision.REST else "Start"


def _item_text(item: Item) -> str:
    if isinstance(item, Repeat):
        inner = ", ".join(_item_text(child) for child in item.items)
        return f"{item.count}x ({inner})" if len(item.items) > 1 else f"{item.count}x {inner}"
    label = f' "{item.label}"' if item.label else ""
    return f"{length_in_syntax(item.length)} {kind_name(item.kind)}{label}"


def outline(template: Template) -> tuple[str, ...]:
    """The session a line per part, a repeat on one line: read at a glance, and short enough
    for Today to fit a laptop's screen whatever the program (the notes show as it runs)."""
    return tuple(_item_text(item) for item in template.items)


def today_view(proposal: Proposal, settings: Settings) -> TodayView:
    """The panel's lines for a proposal."""
    plan = compile_plan(proposal.template, settings)
    lighter = compile_plan(proposal.lighter, settings)
    return TodayView(
        program=proposal.program.name,
        place=f"Week {proposal.week} of {proposal.weeks} · Session {proposal.session} of "
        f"{proposal.sessions}",
        decision=DECISION_WORDS[proposal.decision],
        focus=proposal.focus,
        session=f"{proposal.template.name} · {_minutes(plan.backward_s)} · "
        f"{round(plan.total_s / 60)} min in all",
        outline=outline(proposal.template),
        reasons=" ".join(proposal.reasons),
        lighter=f"Lighter: {proposal.lighter.name}, {_minutes(lighter.backward_s)}",
        start_label=_start_label(proposal),
        caution=caution_text(report) if (report := proposal.unwell_report) is not None else "",
    )


def week_schedule(view: ProgramView) -> str:
    """The week's sessions in one line: done, today, or the day the coach plans it; after the
    last week, where to look for what comes next."""
    proposal = view.proposal
    if proposal.complete:
        return f"All {proposal.weeks} weeks done: Programs shows your journey and what comes next."
    if proposal.paused:
        return ""
    planned: dict[int, int] = {}
    for day in view.calendar(weeks=2):
        if day.week == proposal.week:
            planned.setdefault(day.session, day.day)
    parts = []
    for number in range(1, proposal.sessions + 1):
        name = f"{proposal.week}.{number}"
        if number in view.state.done:
            parts.append(f"{name} done")
        elif planned.get(number) == view.today:
            parts.append(f"{name} today")
        elif number in planned:
            parts.append(f"{name} {day_words(planned[number])}")
        else:
            parts.append(name)
    return "This week: " + " · ".join(parts)
