"""`retrotimer program list|show|start|stop|resume|import|duplicate|export|calendar`: programs."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from retrotimer.commands.program_calendar import calendar_command, register_calendar
from retrotimer.commands.program_context import (
    active_program,
    fail,
    parse_day,
    template_json,
    today_argument,
    write_output,
)
from retrotimer.core.history.calendar_days import iso_date
from retrotimer.core.history.wall_time import WallTime
from retrotimer.core.number_text import finite_number, whole_number
from retrotimer.core.programs.growth import growth_problems
from retrotimer.core.programs.placement import Experience, placement_text, placement_week
from retrotimer.core.programs.program_choice import DEFAULT_DAYS, ProgramChoice, parse_weekdays
from retrotimer.core.programs.program_error import ProgramError
from retrotimer.core.programs.program_toml import program_problems, program_to_toml
from retrotimer.core.programs.training_rhythm import rhythm_advice
from retrotimer.core.session.plan import compile_plan
from retrotimer.core.templates.template_toml import template_to_toml
from retrotimer.core.totals import total_clock_text
from retrotimer.core.value import replace
from retrotimer.storage.paths import AppPaths
from retrotimer.storage.program_store import ProgramChoiceStore, ProgramStore
from retrotimer.storage.settings_store import SettingsStore

if TYPE_CHECKING:
    from retrotimer.core.model import Template
    from retrotimer.core.programs.program_model import Program
    from retrotimer.core.settings import Settings

PROGRAM_HELP = "a program's name (see `retrotimer program list`)"
MAX_PLACEMENT_MINUTES = 600.0


def register(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", required=True)
    actions.add_parser("list", help="list the programs").set_defaults(handler=_guard(list_command))

    show = actions.add_parser("show", help="print a program's weeks and sessions")
    show.add_argument("name", metavar="PROGRAM", help=PROGRAM_HELP)
    show.add_argument("--json", action="store_true", help="print JSON, each session as a plan")
    show.set_defaults(handler=_guard(show_command))

    start = actions.add_parser("start", help="follow a program from a day and week")
    start.add_argument("name", metavar="PROGRAM", help=PROGRAM_HELP)
    start.add_argument("--week", metavar="N", help="the week to start at (1, or as placed)")
    placed = start.add_mutually_exclusive_group()
    placed.add_argument(
        "--walked",
        metavar="MINUTES",
        help="you have walked backward this many minutes in a session: start at the week "
        "that matches",
    )
    placed.add_argument(
        "--jogged",
        metavar="MINUTES",
        help="you have jogged backward, this many backward minutes in a session",
    )
    start.add_argument("--on", metavar="YYYY-MM-DD", help="the start day (today)")
    start.add_argument("--days", metavar="mon,wed,fri", help="training days (mon,wed,fri)")
    start.set_defaults(handler=_guard(start_command))

    actions.add_parser("stop", help="stop following the program").set_defaults(
        handler=_guard(stop_command)
    )
    actions.add_parser(
        "resume", help="go on with a program paused after dizziness or pain"
    ).set_defaults(handler=_guard(resume_command))

    importing = actions.add_parser("import", help="add a program file to your programs")
    importing.add_argument("file", type=Path, metavar="FILE", help="a program TOML file")
    importing.set_defaults(handler=_guard(import_command))

    duplicate = actions.add_parser("duplicate", help="copy a program under a new name to edit")
    duplicate.add_argument("name", metavar="PROGRAM", help=PROGRAM_HELP)
    duplicate.add_argument("new_name", metavar="NEW-NAME", help="the copy's name")
    duplicate.set_defaults(handler=_guard(duplicate_command))

    export = actions.add_parser("export", help="write a program as TOML")
    export.add_argument("name", metavar="PROGRAM", help=PROGRAM_HELP)
    export.add_argument(
        "-o", "--output", type=Path, metavar="FILE", help="write to FILE, not the terminal"
    )
    export.add_argument("--force", action="store_true", help="replace FILE if it exists")
    export.add_argument(
        "--session",
        metavar="W.S",
        help="only week W's session S, as a template file (`templates import` adds it)",
    )
    export.set_defaults(handler=_guard(export_command))

    register_calendar(actions, _guard(calendar_command))


def _guard(handler: Any) -> Any:
    def guarded(args: argparse.Namespace) -> int:
        try:
            result: int = handler(args)
        except ProgramError as error:
            return fail(error)
        return result

    return guarded


def _backward_minutes(seconds: float) -> str:
    minutes = seconds / 60
    return f"{minutes:.0f}" if abs(minutes - round(minutes)) < 0.05 else f"{minutes:.1f}"


def list_command(args: argparse.Namespace) -> int:
    paths = AppPaths.from_environment()
    try:
        active = ProgramChoiceStore.from_paths(paths).load()
    except ProgramError:
        active = None
    for entry in ProgramStore.from_paths(paths).entries():
        program = entry.program
        mark = "*" if active is not None and program.is_named(active.name) else " "
        origin = "built-in" if entry.builtin else "yours"
        per_week = sorted({len(week.sessions) for week in program.weeks})
        sessions = "-".join(str(n) for n in per_week)
        print(
            f"{mark} {program.name:<40} {len(program.weeks):>2} weeks, {sessions} a week  {origin}"
        )
    return 0


def program_json(program: Program, settings: Settings) -> dict[str, Any]:
    return {
        "name": program.name,
        "description": program.description,
        "next": program.next_program or None,
        "weeks": [
            {
                "week": number,
                "focus": week.focus,
                "walking": week.walking,
                "sessions": [template_json(template, settings) for template in week.sessions],
            }
            for number, week in enumerate(program.weeks, start=1)
        ],
    }


def show_command(args: argparse.Namespace) -> int:
    paths = AppPaths.from_environment()
    program = ProgramStore.from_paths(paths).get(args.name)
    settings = SettingsStore(paths).load()
    if args.json:
        print(json.dumps(program_json(program, settings), indent=2, ensure_ascii=False))
        return 0
    print(program.name)
    if program.description:
        print(program.description)
    for number, week in enumerate(program.weeks, start=1):
        print(f"\nWeek {number}{' (walking)' if week.walking else ''}: {week.focus}")
        for index, template in enumerate(week.sessions, start=1):
            plan = compile_plan(template, settings)
            print(
                f"  {index}. {template.name}: {total_clock_text(plan.total_s)} in all, "
                f"{_backward_minutes(plan.backward_s)} backward minutes"
            )
    return 0


def _week_number(text: str, program: Program) -> int:
    weeks = len(program.weeks)
    week = whole_number(text)
    if week is None or not 1 <= week <= weeks:
        raise ProgramError(
            [f"--week must be a week of {program.name!r}, 1 to {weeks}, not {text!r}"]
        )
    return week


def start_command(args: argparse.Namespace) -> int:
    paths = AppPaths.from_environment()
    program = ProgramStore.from_paths(paths).get(args.name)
    placed = _placed_week(args, program, SettingsStore(paths).load())
    week = _week_number(args.week, program) if args.week is not None else placed or 1
    start_day = parse_day(args.on, "--on") if args.on else today_argument(None)
    try:
        days = parse_weekdays(args.days) if args.days else DEFAULT_DAYS
    except ValueError as error:
        raise ProgramError([f"--days: {error}"]) from None
    ProgramChoiceStore.from_paths(paths).save(ProgramChoice(program.name, start_day, week, days))
    print(
        f"Following {program.name} from {iso_date(start_day)}, week {week} of "
        f"{len(program.weeks)}, on {','.join(days)}. `retrotimer next` proposes the session."
    )
    if placed is not None and args.week is None:
        print(placement_text(program, week))
    advice = rhythm_advice(days)
    if advice is not None:
        print(advice)
    return 0


def _placed_week(args: argparse.Namespace, program: Program, settings: Settings) -> int | None:
    """The week the placement proposes from --walked or --jogged; None without either."""
    for option, experience in (("walked", Experience.WALKED), ("jogged", Experience.JOGGED)):
        text = getattr(args, option)
        if text is None:
            continue
        minutes = _minutes(text)
        if minutes is None:
            raise ProgramError([f"--{option} must be backward minutes such as 5, not {text!r}"])
        return placement_week(program, experience, minutes, settings)
    return None


def _minutes(text: str) -> float | None:
    minutes = finite_number(text)
    return minutes if minutes is not None and 0 < minutes <= MAX_PLACEMENT_MINUTES else None


def resume_command(args: argparse.Namespace) -> int:
    active = active_program(AppPaths.from_environment())
    if not active.view().proposal.paused:
        print(f"{active.program.name} is not paused; `retrotimer next` proposes the session.")
        return 0
    store = ProgramChoiceStore.from_paths(active.paths)
    now = datetime.now().astimezone()
    offset = now.utcoffset()
    moment = WallTime(now.timestamp(), int(offset.total_seconds()) if offset else 0)
    choice = replace(active.choice, resumed=(*active.choice.resumed, moment))
    try:
        store.save(choice)
    except OSError as error:
        raise ProgramError([f"cannot save the program: {error.strerror or error}"]) from None
    print(
        f"Resumed {active.program.name}. Stop and rest if the dizziness or pain comes back. "
        "`retrotimer next` proposes the session."
    )
    return 0


def stop_command(args: argparse.Namespace) -> int:
    stopped = ProgramChoiceStore.from_paths(AppPaths.from_environment()).clear()
    print("Stopped following the program." if stopped else "No program was active.")
    return 0


def import_command(args: argparse.Namespace) -> int:
    program, path = ProgramStore.from_paths(AppPaths.from_environment()).import_file(args.file)
    print(f"Imported {program.name} ({len(program.weeks)} weeks) to {path}")
    for problem in growth_problems(program):
        # Told, not refused: the runner may know their own pace; the coach still adapts.
        print(
            f"retrotimer: warning: {problem}; injuries rise when volume grows faster",
            file=sys.stderr,
        )
    return 0


def duplicate_command(args: argparse.Namespace) -> int:
    store = ProgramStore.from_paths(AppPaths.from_environment())
    copy = replace(store.get(args.name), name=args.new_name.strip())
    problems = program_problems(copy)
    if problems:
        raise ProgramError(problems)
    path = store.add(copy)
    # The copy is one of the user's programs already: what they edit in it is read at once.
    print(f"Copied {args.name} to {copy.name} in {path}; edit that file to change it")
    return 0


def _session_argument(program: Program, text: str) -> Template:
    week, _, session = (whole_number(part) for part in text.partition("."))
    found = program.session(week, session) if week is not None and session is not None else None
    if found is None:
        raise ProgramError(
            [f"--session must be WEEK.SESSION of {program.name!r}, such as 2.1, not {text!r}"]
        )
    return found


def export_command(args: argparse.Namespace) -> int:
    program = ProgramStore.from_paths(AppPaths.from_environment()).get(args.name)
    text = program_to_toml(program)
    if args.session is not None:
        text = template_to_toml(_session_argument(program, args.session))
    if args.output is None:
        sys.stdout.write(text)
        return 0
    write_output(args.output, text, force=args.force)
    print(f"Exported {program.name} to {args.output}", file=sys.stderr)
    return 0
