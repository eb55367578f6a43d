"""`retrotimer run TEMPLATE --headless`: a session in the terminal, through the real controller."""

from __future__ import annotations

import argparse
import json
import signal
import sys
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QSocketNotifier, QTimer

from retrotimer.audio.startup import open_cue_player
from retrotimer.cli_guards import silence_stdout
from retrotimer.cli_numbers import number_argument
from retrotimer.commands.program_context import fail
from retrotimer.commands.run_history import RunHistory
from retrotimer.commands.run_next import add_next_arguments, chosen_session, review_arguments
from retrotimer.commands.template_source import TEMPLATE_HELP
from retrotimer.core.programs.program_error import ProgramError
from retrotimer.core.session.plan import Plan, compile_plan
from retrotimer.core.session.records import (
    SessionOutcome,
    SessionSummary,
    record_to_json,
)
from retrotimer.core.session.session_machine import Command, Event, EventKind, SessionState
from retrotimer.runtime.clock import ScaledClock, system_clock
from retrotimer.runtime.run_parts import RunParts
from retrotimer.runtime.session_run import SessionRun
from retrotimer.storage.instance_lock import AlreadyRunning
from retrotimer.storage.log_file import logging_to_file
from retrotimer.storage.paths import AppPaths
from retrotimer.storage.settings_store import SettingsStore

if TYPE_CHECKING:
    from retrotimer.core.history.history_values import Review
    from retrotimer.core.history.program_ref import ProgramRef
    from retrotimer.core.settings import Settings


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "template", nargs="?", metavar="TEMPLATE", help=TEMPLATE_HELP + " (or --next)"
    )
    parser.add_argument(
        "--headless",
        action="store_true",
        help="run in the terminal; without it the window opens with the template loaded",
    )
    parser.add_argument(
        "--speed",
        type=number_argument(0.01, 10000),
        default=1.0,
        metavar="FACTOR",
        help="compress time by this factor, from 0.01 to 10000 (demos, tests; such a run is "
        "kept out of statistics)",
    )
    parser.add_argument(
        "--json-events", action="store_true", help="print one JSON object per event"
    )
    parser.add_argument(
        "--no-history", action="store_true", help="do not record this session in the history"
    )
    add_next_arguments(parser)
    parser.set_defaults(handler=run)


# Long enough for the last sentence and the finish chime; a process that exits while a
# sound plays cuts it off.
DRAIN_TIMEOUT_S = 10.0


def summary_json(summary: SessionSummary, *, test_run: bool) -> dict[str, Any]:
    return {
        "type": "summary",
        "template": summary.template_name,
        "status": summary.status.value,
        "mostly_skipped": summary.mostly_skipped,
        "test_run": test_run,
        "planned_s": summary.planned_s,
        "active_s": summary.active_s,
        "backward_s": summary.backward_s,
        "forward_s": summary.forward_s,
        "backward_steps": summary.backward_steps,
        "segments": [record_to_json(record) for record in summary.segments],
    }


def event_line(
    event: Event, actual_s: float, as_json: bool, ended_by: str | None = None
) -> str | None:
    """What the terminal shows of an event (None: nothing); `ended_by` says how an open or
    distance step ended, on its segment_done."""
    if as_json:
        record: dict[str, Any] = {
            "type": event.type_name,
            "text": event.text,
            "scheduled_s": event.scheduled_s,
            "actual_s": round(actual_s, 4),
        }
        if ended_by is not None:
            record["ended_by"] = ended_by
        return json.dumps(record)
    if event.text:
        how = f" (ended by {ended_by})" if ended_by is not None else ""
        return f"{actual_s:8.1f}s  {event.type_name:<15} {event.text}{how}"
    return None


def press_note(presses: bool) -> str:
    """How open and distance steps end in this terminal run."""
    if presses:
        return "open and distance steps end when you press Enter (or at their most time)"
    return (
        "no terminal to press Enter in: open and distance steps end at their estimate, or at "
        "their most time if that comes first"
    )


def ended_by(event: Event, plan: Plan, pressed: set[int]) -> str | None:
    """ "Enter", "its most time" or "its estimate": how an open or distance step ended."""
    record = event.record
    if event.kind is not EventKind.SEGMENT_DONE or record is None:
        return None
    segment = plan.segments[record.index]
    if not segment.ends_on_press:
        return None
    if record.index in pressed:
        return "Enter"
    if segment.cap_s is not None and record.actual_s >= segment.cap_s - 0.001:
        return "its most time"
    return "its estimate"


def run(args: argparse.Namespace) -> int:
    """A session in the terminal (`run --headless`); the window's run is cli.py's. Arguments
    that cannot be used are refused before anything runs or is written, the log included."""
    paths = AppPaths.from_environment()
    settings = SettingsStore(paths).load()
    try:
        review = review_arguments(args)
        template, program = chosen_session(args)
    except ProgramError as error:
        return fail(error)
    with logging_to_file(paths, f"a session of {template.name!r} in the terminal"):
        return _run_session(
            args, paths, settings, compile_plan(template, settings), program, review
        )


def _run_session(
    args: argparse.Namespace,
    paths: AppPaths,
    settings: Settings,
    plan: Plan,
    program: ProgramRef | None,
    review: Review | None,
) -> int:
    template_name = plan.template_name
    if program is not None:
        # On stderr: with --json-events, stdout carries JSON lines only.
        print(
            f"{program.name}: week {program.week}, session {program.session}: {template_name}",
            file=sys.stderr,
        )
    history: RunHistory | None = None
    if not args.no_history:
        try:
            history = RunHistory.open(paths)
        except AlreadyRunning as error:
            print(
                f"retrotimer: {error}; close it first, or add --no-history to run this "
                "session without recording it",
                file=sys.stderr,
            )
            return 2
    app = QCoreApplication.instance() or QCoreApplication([])
    clock = ScaledClock(system_clock(), args.speed)
    cues = open_cue_player(settings, paths.cache)
    cues.apply_settings(settings)
    presses = sys.stdin is not None and sys.stdin.isatty()
    parts = RunParts(
        clock=clock,
        history=history.store if history is not None else None,
        cues=cues,
        precise_wait=clock.wait,
        speed=args.speed,
        presses=presses,
    )
    session = SessionRun(plan, settings, parts, program=program)
    session.message.connect(RunHistory.tell)
    pressed: set[int] = set()
    enter = _enter_presses(session, pressed) if presses else None
    if any(segment.ends_on_press for segment in plan.segments):
        print(press_note(presses), file=sys.stderr)

    def show(event: Event, actual_s: float) -> None:
        line = event_line(event, actual_s, args.json_events, ended_by(event, plan, pressed))
        if line is None:
            return
        try:
            print(line, flush=True)
        except BrokenPipeError:
            # `run ... | head`: the runner still hears the cues; the rest goes unprinted.
            silence_stdout()

    session.event_fired.connect(show)
    session.ended.connect(lambda _summary: app.quit())

    def interrupt(*_: object) -> None:
        if not session.run(Command.STOP):
            app.quit()  # still waiting for the speaker: nothing has run, nothing to record

    # Ctrl-C: Python handles signals only when the interpreter runs, so a slow idle
    # timer gives it a chance while Qt's loop sleeps.
    previous = signal.signal(signal.SIGINT, interrupt)
    wake = QTimer()
    wake.start(200)
    wake.timeout.connect(lambda: None)
    try:
        session.start()  # once the speaker can be heard (the run says so if it gives up)
        if session.summary is None:
            app.exec()
    finally:
        signal.signal(signal.SIGINT, previous)
        wake.stop()
        if enter is not None:
            enter.setEnabled(False)
        if review is not None and session.summary is not None:
            session.save_review(review)
        unsaved = session.unsaved()
        session.close()
        if history is not None:
            history.close(unsaved)
        cues.drain(DRAIN_TIMEOUT_S)
        cues.close()
    summary = session.summary
    if summary is None:
        print("stopped before the session began", file=sys.stderr)
        return 130
    test_run = args.speed != 1.0
    if args.json_events:
        print(json.dumps(summary_json(summary, test_run=test_run)), flush=True)
    else:
        print(
            f"{summary.status.value}"
            + (" but mostly skipped" if summary.mostly_skipped else "")
            + f": {summary.active_s:.0f} s active, "
            f"{summary.backward_s:.0f} s backward, {summary.backward_steps} backward steps"
            + (" (a test run at a compressed speed: kept out of statistics)" if test_run else "")
        )
    return 0 if summary.status is SessionOutcome.FINISHED else 130


def _enter_presses(session: SessionRun, pressed: set[int]) -> QSocketNotifier:
    """Enter on the terminal ends the open or distance step under way (`pressed` notes it)."""
    notifier = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read)

    def read_line() -> None:
        if not sys.stdin.readline():
            notifier.setEnabled(False)  # the terminal is gone: nothing more to read
            return
        segment = session.view().segment
        if session.state is not SessionState.RUNNING or not segment.ends_on_press:
            print("Enter ends an open or distance step; this one is timed", file=sys.stderr)
            return
        pressed.add(segment.index)  # before the press: its segment_done is shown at once
        if not session.run(Command.SKIP):
            pressed.discard(segment.index)

    notifier.activated.connect(read_line)
    return notifier
