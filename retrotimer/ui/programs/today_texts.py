"""What the Today panel says about a proposal: pure text, tested without widgets."""

from __future__ import annotations

from dataclasses import dataclass

from retrotimer.core.history.session_figures import SessionFigures
from retrotimer.core.programs.coach import Proposal
from retrotimer.core.programs.coach_reasons import unwell_words
from retrotimer.core.programs.coach_vocabulary import Decision
from retrotimer.core.session.plan import compile_plan
from retrotimer.core.settings import Settings
from retrotimer.core.templates.text_syntax import format_template_text

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


@dataclass(frozen=True, slots=True)
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


def today_view(proposal: Proposal, settings: Settings) -> TodayView:
    """The panel's lines for a proposal."""
    plan = compile_plan(proposal.template, settings)
    lighter = compile_plan(proposal.lighter, settings)
    body = format_template_text(proposal.template).split("\n\n", 1)[-1].rstrip("\n")
    return TodayView(
        program=proposal.program.name,
        place=f"Week {proposal.week} of {proposal.weeks} · Session {proposal.session} of "
        f"{proposal.sessions}",
        decision=DECISION_WORDS[proposal.decision],
        focus=proposal.focus,
        session=f"{proposal.template.name} · {_minutes(plan.backward_s)} · "
        f"{round(plan.total_s / 60)} min in all",
        outline=tuple(body.split("\n")),
        reasons=" ".join(proposal.reasons),
        lighter=f"Lighter: {proposal.lighter.name}, {_minutes(lighter.backward_s)}",
        start_label=_start_label(proposal),
        caution=caution_text(report) if (report := proposal.unwell_report) is not None else "",
    )
