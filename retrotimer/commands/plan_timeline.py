"""`retrotimer plan TEMPLATE [--json]`: print the compiled timeline."""

from __future__ import annotations

import argparse
import json

from retrotimer.commands.command_settings import load_settings
from retrotimer.commands.template_source import TEMPLATE_HELP, load_template_argument
from retrotimer.core.session.plan import Plan, compile_plan, plan_to_json
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
        length = f"{s.steps} st" if s.steps is not None else total_clock_text(s.duration_s)
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
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    settings = load_settings(AppPaths.from_environment())
    plan = compile_plan(load_template_argument(args.template), settings)
    print(json.dumps(plan_to_json(plan, cues=True), indent=2) if args.json else plan_table(plan))
    return 0
