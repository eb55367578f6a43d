"""`retrotimer program calendar`: the upcoming sessions as iCalendar events with a reminder."""

from __future__ import annotations

import argparse
import sys
import uuid
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from retrotimer.commands.program_context import (
    Active,
    active_program,
    day_date,
    paused_refusal,
    syntax_outline,
    write_output,
)
from retrotimer.core.history.calendar_days import iso_date
from retrotimer.core.number_text import whole_number
from retrotimer.core.programs.program_choice import parse_weekdays
from retrotimer.core.programs.program_error import ProgramError
from retrotimer.core.programs.schedule import MAX_CALENDAR_WEEKS, PlannedDay
from retrotimer.core.session.plan import compile_plan
from retrotimer.storage.paths import AppPaths

if TYPE_CHECKING:
    import icalendar

# UIDs are derived from what an event is, so a calendar written again updates its events
# instead of adding copies.
_UID_NAMESPACE = uuid.UUID("5b0c3f57-3a43-4f0e-9f3c-7d1a52b0c8e1")
REMINDER_MINUTES = 30


def register_calendar(actions: Any, handler: Any) -> None:
    calendar = actions.add_parser("calendar", help="write the upcoming sessions as iCalendar")
    calendar.add_argument(
        "-o", "--output", type=Path, metavar="FILE.ics", help="write to FILE.ics, not the terminal"
    )
    calendar.add_argument("--force", action="store_true", help="replace FILE.ics if it exists")
    calendar.add_argument("--days", metavar="mon,wed,fri", help="training days (the program's)")
    calendar.add_argument("--weeks", metavar="N", help="how many weeks (to the program's end)")
    calendar.add_argument("--time", default="07:00", metavar="HH:MM", help="start time (07:00)")
    calendar.add_argument("--tz", metavar="ZONE", help="an IANA time zone (the system's)")
    calendar.add_argument("--today", metavar="YYYY-MM-DD", help="plan from this day")
    calendar.set_defaults(handler=handler)


def _zone(name: str | None) -> ZoneInfo | None:
    if name is None:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ProgramError(
            [f"--tz must be a time zone such as Europe/Paris, not {name!r}"]
        ) from None


def _start(day: date, at: time, zone: ZoneInfo | None) -> datetime:
    """An aware start: in `zone`, or in the system's local time on that day (so summer
    time is right for every date), written as UTC."""
    if zone is not None:
        return datetime.combine(day, at, zone)
    return datetime.combine(day, at).astimezone().astimezone(UTC)


def build_calendar(
    active: Active, planned: list[PlannedDay], at: time, zone: ZoneInfo | None
) -> icalendar.Calendar:
    # Loaded here: every other command and the window start without it.
    import icalendar

    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//RetroTimer//Training programs//EN")
    calendar.add("version", "2.0")
    # A name of the calendar's own (an X- property) is not escaped unless it is given as text:
    # a comma or a semicolon in a program's name would cut it short in other readers.
    calendar.add("x-wr-calname", icalendar.vText(f"RetroTimer: {active.program.name}"))
    stamp = datetime.now(UTC).replace(microsecond=0)
    for item in planned:
        plan = compile_plan(item.template, active.settings)
        start = _start(day_date(item.day), at, zone)
        key = (
            f"{active.program.name}|{iso_date(active.choice.start_day)}|"
            f"{item.week}|{item.session}|{item.occurrence}"
        )
        event = icalendar.Event()
        event.add("uid", f"{uuid.uuid5(_UID_NAMESPACE, key)}@retrotimer")
        event.add("dtstamp", stamp)
        event.add("dtstart", start)
        event.add("dtend", start + timedelta(seconds=round(plan.total_s)))
        event.add(
            "summary",
            f"{active.program.name}: week {item.week}, session {item.session}",
        )
        event.add(
            "description",
            f"{item.template.name}, {round(plan.backward_s / 60, 1)} backward minutes.\n"
            + "\n".join(syntax_outline(item.template))
            + "\nRun it with: retrotimer run --next",
        )
        alarm = icalendar.Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", f"Backward running soon: {item.template.name}")
        alarm.add("trigger", timedelta(minutes=-REMINDER_MINUTES))
        event.add_component(alarm)
        calendar.add_component(event)
    if zone is not None:
        calendar.add_missing_timezones()
    return calendar


def calendar_command(args: argparse.Namespace) -> int:
    zone = _zone(args.tz)
    try:
        at = time.fromisoformat(args.time)
    except ValueError:
        raise ProgramError([f"--time must be HH:MM, not {args.time!r}"]) from None
    weeks: int | None = None
    if args.weeks is not None:
        weeks = whole_number(args.weeks)
        if weeks is None or not 1 <= weeks <= MAX_CALENDAR_WEEKS:
            raise ProgramError([f"--weeks must be 1 to {MAX_CALENDAR_WEEKS}, not {args.weeks!r}"])
    active = active_program(AppPaths.from_environment())
    try:
        days = parse_weekdays(args.days) if args.days else active.choice.training_days
    except ValueError as error:
        raise ProgramError([f"--days: {error}"]) from None
    view = active.view(args.today)
    if view.proposal.paused:
        raise paused_refusal()
    planned = view.calendar(weeks, days)
    data = build_calendar(active, planned, at, zone).to_ical()
    if args.output is None:
        sys.stdout.write(data.decode("utf-8"))
        return 0
    write_output(args.output, data.decode("utf-8"), force=args.force)
    print(f"Wrote {len(planned)} sessions to {args.output}", file=sys.stderr)
    return 0
