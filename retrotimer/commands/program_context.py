"""What the program commands share: the active program, the history, dates and errors."""

from __future__ import annotations

import errno
import os
import sys
from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from retrotimer.core.history.calendar_days import DAY_S, civil_from_days, days_from_civil
from retrotimer.core.history.history_ports import HistoryUnavailable
from retrotimer.core.programs.program_error import ProgramError
from retrotimer.core.programs.program_model import (
    Program,
    unknown_program_names,
    unknown_programs_note,
)
from retrotimer.core.programs.program_view import ProgramView, view_of_state, view_program
from retrotimer.core.session.plan import compile_plan, plan_to_json
from retrotimer.core.templates.text_syntax import format_template_text
from retrotimer.core.value import value
from retrotimer.storage.atomic import write_atomic
from retrotimer.storage.coach_checkpoint import replayed
from retrotimer.storage.history.figure_rows import FigureRows
from retrotimer.storage.history.history_store import HistoryStore
from retrotimer.storage.program_store import ProgramChoiceStore, ProgramStore
from retrotimer.storage.settings_store import SettingsStore
from retrotimer.storage.user_files import UserFileError

if TYPE_CHECKING:
    from retrotimer.core.history.history_values import HistorySession
    from retrotimer.core.model import Template
    from retrotimer.core.programs.program_choice import ProgramChoice
    from retrotimer.core.settings import Settings
    from retrotimer.storage.paths import AppPaths

EXIT_REFUSED = 2


def fail(error: ProgramError) -> int:
    """One line on stderr: the first problem, and how many more there are."""
    first = error.details[0].render(error.source) if error.details else str(error)
    more = len(error.details) - 1
    print(f"retrotimer: {first}" + (f" (and {more} more)" if more > 0 else ""), file=sys.stderr)
    return EXIT_REFUSED


def write_output(path: Path, text: str, *, force: bool) -> None:
    """Write `-o FILE` whole; ProgramError when it cannot be written, or exists without
    `--force`."""
    try:
        write_atomic(path, text, overwrite=force)
    except UserFileError as error:
        hint = " Add --force to replace it." if error.errno == errno.EEXIST else ""
        raise ProgramError([f"{error}.{hint}"]) from None


def day_number(day: date) -> int:
    """A date as the core counts days: days since 1970-01-01."""
    return days_from_civil(day.year, day.month, day.day)


def day_date(day: int) -> date:
    return date(*civil_from_days(day))


def parse_day(text: str, option: str) -> int:
    """A YYYY-MM-DD argument as a day number; raises ProgramError naming the option."""
    try:
        return day_number(date.fromisoformat(text))
    except ValueError:
        raise ProgramError([f"{option} must be a date as YYYY-MM-DD, not {text!r}"]) from None


def today_argument(text: str | None) -> int:
    """--today YYYY-MM-DD, or the day it is here, as a day number."""
    return parse_day(text, "--today") if text else day_number(date.today())


def end_of_day_utc(day: int) -> float:
    """The moment a day ends here (local midnight after it), as UTC seconds."""
    return datetime.combine(day_date(day) + timedelta(days=1), time()).astimezone().timestamp()


def template_json(template: Template, settings: Settings) -> dict[str, object]:
    """A session in the shape `retrotimer plan --json` prints."""
    return plan_to_json(compile_plan(template, settings), cues=True)


def syntax_outline(template: Template) -> list[str]:
    """The session's items in the text syntax, without its header lines."""
    text = format_template_text(template)
    return text.split("\n\n", 1)[-1].rstrip("\n").split("\n")


@value
class Active:
    """The active program, how it was chosen, and the settings its plans compile with."""

    choice: ProgramChoice
    program: Program
    settings: Settings
    paths: AppPaths

    def view(self, today_text: str | None = None) -> ProgramView:
        """The program as the coach sees it today, or on the day asked for with --today (as
        it stood then: later sessions left out). Today's goes on from the replay kept in
        the cache folder, when it was made from the same sessions."""
        rows = program_rows(self.paths, self.choice.start_day)
        if today_text is None:
            state = replayed(self.program, self.choice, rows, self.paths.cache)
            return view_of_state(state, self.choice, today_argument(None), self.settings)
        today = today_argument(today_text)
        return view_program(
            self.program,
            self.choice,
            rows.figures(),
            today,
            self.settings,
            happened_by=end_of_day_utc(today),
            with_path=False,
        )


def active_program(paths: AppPaths) -> Active:
    """The program being followed; raises ProgramError when none is, or it is gone."""
    choice = ProgramChoiceStore.from_paths(paths).load()
    if choice is None:
        raise ProgramError(["no program is active; start one with `retrotimer program start NAME`"])
    program = ProgramStore.from_paths(paths).find(choice.name)
    if program is None:
        raise ProgramError(
            [
                f"the active program {choice.name!r} is not installed; import it with "
                "`retrotimer program import FILE` or start another"
            ]
        )
    return Active(choice, program, SettingsStore(paths).load(), paths)


def paused_refusal() -> ProgramError:
    return ProgramError(
        [
            "the program is paused after dizziness or pain; see a doctor or physiotherapist, "
            "then resume it with `retrotimer program resume`"
        ]
    )


def program_rows(paths: AppPaths, start_day: int) -> FigureRows:
    """The sessions really run from the day before the start day on (a day number in any
    zone), read without creating or repairing anything: straight from the file when it is
    up to date (no integrity check needed to read), else upgraded first. ProgramError saying
    why when it cannot be read: the coach cannot tell where the runner is without it."""
    if not os.path.lexists(paths.history_db):
        return FigureRows([])
    since = (start_day - 1) * DAY_S
    try:
        return _rows(HistoryStore(paths.history_db, read_only=True), since)
    except HistoryUnavailable:
        try:
            return _rows(HistoryStore(paths.history_db, repair=False), since)
        except HistoryUnavailable as error:
            raise ProgramError(
                [f"the history cannot be read, so the program cannot say what is next: {error}"]
            ) from None


def _rows(store: HistoryStore, since: float) -> FigureRows:
    try:
        return store.real_session_rows(since)
    finally:
        store.close()


def import_programs_note(sessions: Iterable[HistorySession], paths: AppPaths) -> str | None:
    """A sentence for `history import` when sessions name programs not installed here."""
    programs = [entry.program for entry in ProgramStore.from_paths(paths).entries()]
    missing = unknown_program_names((s.entry.program for s in sessions), programs)
    return unknown_programs_note(missing, " with `retrotimer program import FILE`")
