"""`retrotimer plan TEMPLATE [--json]`: print the compiled timeline."""

from __future__ import annotations

import argparse
import json

from retrotimer.commands.command_settings import load_settings
from retrotimer.commands.template_source import TEMPLATE_HELP, load_template_argument
from retrotimer.core.session.plan import Plan, PlannedSegment, compile_plan, plan_to_json
from retrotimer.core.totals import total_clock_text
from retrotimer.storage.paths import AppPaths


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("template", metavar="TEMPLATE", help=TEMPLATE_HELP)
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.set_defaults(handler=run)


def plan_table(plan: Plan) -> str:
    lines = [
        f"{plan.template_name} ({plan.venue.value})",
        f"{'#':>3}  {'start':>6}  {'length':>7}  {'kind':<16} {'label':<28} rep",
    ]
    for s in plan.segments:
        length = segment_length_text(s)
        rep = f"{s.rep}/{s.reps}" if s.rep is not None else ""
        lines.append(
            f"{s.index + 1:>3}  {total_clock_text(s.start_s):>6}  {length:>7}  "
            f"{s.kind.value:<16} {s.label[:28]:<28} {rep}"
        )
    lines.append(
        f"total {total_clock_text(plan.total_s)}, backward {total_clock_text(plan.backward_s)}, "
        f"forward {total_clock_text(plan.forward_s)}, backward steps {plan.backward_steps}, "
        f"{len(plan.cues)} cues"
    )
    if any(s.ends_on_press for s in plan.segments):
        lines.append("~ an open or distance step, reckoned at its estimate: it ends on a press")
    return "\n".join(lines)


def segment_length_text(segment: PlannedSegment) -> str:
    """ "15 st", "0:45", "100 m~", "~0:30": a length for the table, `~` where it is reckoned."""
    if segment.steps is not None:
        return f"{segment.steps} st"
    if segment.metres is not None:
        return f"{segment.metres} m~"
    clock = total_clock_text(segment.duration_s)
    return f"~{clock}" if segment.ends_on_press else clock


def run(args: argparse.Namespace) -> int:
    settings = load_settings(AppPaths.from_environment())
    plan = compile_plan(load_template_argument(args.template), settings)
    print(json.dumps(plan_to_json(plan, cues=True), indent=2) if args.json else plan_table(plan))
    return 0
