"""`retrotimer next [--json] [--today YYYY-MM-DD]`: the session the coach proposes today."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING, Any

from retrotimer.commands.program_context import active_program, fail, syntax_outline, template_json
from retrotimer.core.programs.program_error import ProgramError
from retrotimer.core.session.plan import compile_plan
from retrotimer.core.totals import total_clock_text
from retrotimer.storage.paths import AppPaths

if TYPE_CHECKING:
    from retrotimer.core.programs.coach import Proposal
    from retrotimer.core.settings import Settings


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument("--today", metavar="YYYY-MM-DD", help="propose for this day instead")
    parser.set_defaults(handler=run)


def proposal_json(proposal: Proposal, settings: Settings) -> dict[str, Any]:
    """The documented JSON of a proposal; `template` and `lighter` in the plan's shape."""
    return {
        "program": proposal.program.name,
        "week": proposal.week,
        "weeks": proposal.weeks,
        "session": proposal.session,
        "sessions": proposal.sessions,
        "focus": proposal.focus,
        "decision": proposal.decision.value,
        "reasons": list(proposal.reasons),
        "complete": proposal.complete,
        "next_program": (proposal.program.next_program or None) if proposal.complete else None,
        "template": template_json(proposal.template, settings),
        "lighter": template_json(proposal.lighter, settings),
    }


def proposal_text(proposal: Proposal, settings: Settings) -> str:
    plan = compile_plan(proposal.template, settings)
    lighter = compile_plan(proposal.lighter, settings)
    lines = [
        f"{proposal.program.name}: week {proposal.week} of {proposal.weeks}, "
        f"session {proposal.session} of {proposal.sessions} ({proposal.decision.value})",
        f"Focus: {proposal.focus}",
        *proposal.reasons,
        "",
        f"{proposal.template.name}: {total_clock_text(plan.total_s)} in all, backward "
        f"{total_clock_text(plan.backward_s)}",
        *(f"  {line}" for line in syntax_outline(proposal.template)),
        "",
        f"Lighter: {proposal.lighter.name}, backward {total_clock_text(lighter.backward_s)}",
    ]
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    try:
        active = active_program(AppPaths.from_environment())
        proposal = active.view(args.today).proposal
    except ProgramError as error:
        return fail(error)
    if args.json:
        print(json.dumps(proposal_json(proposal, active.settings), indent=2, ensure_ascii=False))
    else:
        print(proposal_text(proposal, active.settings))
    return 0
