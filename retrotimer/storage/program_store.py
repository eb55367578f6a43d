"""The user's programs on disk (one TOML file each) beside the built-in ones, and the choice
of the active program (a small TOML file of its own)."""

from __future__ import annotations

import os
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from retrotimer.core.history.calendar_days import days_from_civil, iso_date
from retrotimer.core.history.wall_time import WallTime
from retrotimer.core.programs.program_choice import DEFAULT_DAYS, WEEKDAYS, ProgramChoice
from retrotimer.core.programs.program_error import ProgramError
from retrotimer.core.templates.template_toml import toml_string
from retrotimer.core.templates.validation import TemplateError
from retrotimer.core.toml_reading import TomlProblem, load_toml
from retrotimer.core.value import value
from retrotimer.storage.atomic import write_atomic
from retrotimer.storage.templates.template_files import read_template_file_text
from retrotimer.storage.templates.template_store import file_stem
from retrotimer.storage.user_files import (
    NotUtf8Text,
    UserFileError,
    decode_user_text,
    describe_os_error,
    folder_problem,
    read_user_file,
)

if TYPE_CHECKING:
    from retrotimer.core.programs.program_model import Program
    from retrotimer.core.programs.program_toml import ProgramReading
    from retrotimer.storage.paths import AppPaths

SUFFIX = ".toml"
# The file of the program followed is four short lines.
MAX_CHOICE_BYTES = 64 * 1024
MAX_WEEK = 1000
_WHAT = "program choice file"


def read_program_file(path: Path) -> ProgramReading:
    """Read a program file through the one safe reader of user files: a folder, a device, a
    file too big, not UTF-8 or unreadable is one problem."""
    # The reader is loaded with the first program read: the window's first paint reads only
    # which program is followed.
    from retrotimer.core.programs.program_toml import ProgramReading, read_program_toml

    try:
        text = read_template_file_text(path, what="program file")
    except TemplateError as error:
        return ProgramReading(None, error.details)
    return read_program_toml(text)


def load_program_file(path: Path) -> Program:
    """A usable program from a file; raises ProgramError naming the file, line and field."""
    reading = read_program_file(path)
    if reading.program is None:
        raise ProgramError(list(reading.errors), str(path))
    return reading.program


@value
class ProgramEntry:
    """A program as listed: built-in ones have no path."""

    program: Program
    path: Path | None = None

    @property
    def builtin(self) -> bool:
        return self.path is None


class ProgramStore:
    """Built-in programs first, then the user's files in `directory` (bad ones skipped)."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    @classmethod
    def from_paths(cls, paths: AppPaths) -> ProgramStore:
        return cls(paths.programs)

    def entries(self) -> list[ProgramEntry]:
        # Built from their text when first asked for: a window without a program never is.
        from retrotimer.core.programs.builtin_programs import BUILTIN_PROGRAMS

        entries = [ProgramEntry(program) for program in BUILTIN_PROGRAMS]
        try:
            files = sorted(self.directory.glob(f"*{SUFFIX}"))
        except OSError:
            files = []
        for path in files:
            if path.name.startswith(".") or not path.is_file():
                continue
            program = read_program_file(path).program
            if program is not None and not any(e.program.is_named(program.name) for e in entries):
                entries.append(ProgramEntry(program, path))
        return entries

    def find(self, name: str) -> Program | None:
        return next((e.program for e in self.entries() if e.program.is_named(name)), None)

    def get(self, name: str) -> Program:
        """The program of that name; raises ProgramError saying which names there are."""
        found = self.find(name)
        if found is None:
            raise ProgramError(
                [f"there is no program named {name!r}; `retrotimer program list` shows them"]
            )
        return found

    def add(self, program: Program) -> Path:
        """Save a new program; raises ProgramError if its name is taken (history names it)."""
        taken = next((e for e in self.entries() if e.program.is_named(program.name)), None)
        if taken is not None:
            owner = "a built-in program" if taken.builtin else f"the program in {taken.path}"
            raise ProgramError(
                [
                    f"the name {program.name!r} is already used by {owner}; rename the program "
                    "in its file (name = ...) to import it"
                ]
            )
        path = self.directory / f"{file_stem(program.name)}{SUFFIX}"
        number = 2
        while os.path.lexists(path):
            path = self.directory / f"{file_stem(program.name)}-{number}{SUFFIX}"
            number += 1
        try:
            from retrotimer.core.programs.program_toml import program_to_toml

            write_atomic(path, program_to_toml(program), overwrite=False, make_folder=True)
        except OSError as error:
            reason = folder_problem(self.directory) or describe_os_error(error)
            raise ProgramError([f"the program cannot be saved: {reason}"], str(path)) from None
        return path

    def import_file(self, path: Path) -> tuple[Program, Path]:
        program = load_program_file(path)
        return program, self.add(program)


def _moment(value: object) -> WallTime:
    """A TOML date-time with its offset (when the runner resumed a paused program)."""
    if not isinstance(value, datetime) or value.utcoffset() is None:
        raise TypeError('"resumed" must list date-times with their offset')
    offset = value.utcoffset()
    assert offset is not None
    return WallTime(value.timestamp(), int(offset.total_seconds()))


def _moment_text(moment: WallTime) -> str:
    zone = timezone(timedelta(seconds=moment.offset_s))
    return datetime.fromtimestamp(round(moment.utc_s), zone).isoformat()


class ProgramChoiceStore:
    """The active program in `program.toml` in the config dir; None when there is none."""

    def __init__(self, path: Path) -> None:
        self.path = path

    @classmethod
    def from_paths(cls, paths: AppPaths) -> ProgramChoiceStore:
        return cls(paths.config / "program.toml")

    def load(self) -> ProgramChoice | None:
        """The choice, or None when none was made; raises ProgramError for a file that
        cannot be used (read as any user file: a FIFO or a device is told, never waited on;
        nesting is bounded)."""
        if not os.path.lexists(self.path):
            return None
        try:
            data = load_toml(
                decode_user_text(read_user_file(self.path, MAX_CHOICE_BYTES, what=_WHAT))
            )
        except UserFileError as error:
            raise self._broken(error.reason) from None
        except (NotUtf8Text, TomlProblem) as error:
            raise self._broken(str(error)) from None
        name, start, week = data.get("active"), data.get("start_day"), data.get("start_week", 1)
        days = data.get("training_days", list(DEFAULT_DAYS))
        resumed = data.get("resumed", [])
        if not isinstance(name, str) or not name.strip():
            raise self._broken('"active" must be the name of a program')
        if not isinstance(start, date) or isinstance(start, datetime):
            raise self._broken('"start_day" must be a date such as 2024-05-06')
        if isinstance(week, bool) or not isinstance(week, int) or not 1 <= week <= MAX_WEEK:
            raise self._broken(f'"start_week" must be a week from 1 to {MAX_WEEK}')
        if not isinstance(days, list) or not days or any(day not in WEEKDAYS for day in days):
            raise self._broken(f'"training_days" must list days among {", ".join(WEEKDAYS)}')
        if not isinstance(resumed, list):
            raise self._broken('"resumed" must list date-times with their offset')
        try:
            moments = tuple(_moment(value) for value in resumed)
        except (TypeError, ValueError, OverflowError) as error:
            raise self._broken(str(error)) from None
        day = days_from_civil(start.year, start.month, start.day)
        return ProgramChoice(name, day, week, tuple(days), moments)

    def _broken(self, reason: str) -> ProgramError:
        return ProgramError(
            [
                f"the active program file cannot be used ({reason}); choose the program to "
                "follow again (`retrotimer program start NAME`, or in the settings)"
            ],
            str(self.path),
        )

    def save(self, choice: ProgramChoice) -> None:
        """Write the choice; ProgramError when it cannot be written (a folder or a FIFO in
        its place, a full or read-only disk)."""
        days = ", ".join(toml_string(day) for day in choice.training_days)
        resumed = ", ".join(_moment_text(moment) for moment in choice.resumed)
        text = (
            f"active = {toml_string(choice.name)}\nstart_day = {iso_date(choice.start_day)}\n"
            f"start_week = {choice.start_week}\ntraining_days = [{days}]\n"
            + (f"resumed = [{resumed}]\n" if choice.resumed else "")
        )
        try:
            write_atomic(self.path, text, make_folder=True)
        except OSError as error:
            raise ProgramError(
                [f"the program to follow cannot be saved: {describe_os_error(error)}"],
                str(self.path),
            ) from None

    def clear(self) -> bool:
        """Stop following a program; True when one was active. ProgramError when the file
        cannot be removed."""
        if not os.path.lexists(self.path):
            return False
        try:
            if self.path.is_dir() and not self.path.is_symlink():
                raise UserFileError(f"{self.path} is a folder, not a program choice file")
            self.path.unlink()
        except OSError as error:
            raise ProgramError(
                [f"the program followed cannot be stopped: {describe_os_error(error)}"],
                str(self.path),
            ) from None
        return True


class ProgramLibrary:
    """The programs and the active choice for the window (implements ProgramSource)."""

    def __init__(self, paths: AppPaths) -> None:
        self._store = ProgramStore.from_paths(paths)
        self._choices = ProgramChoiceStore.from_paths(paths)

    def programs(self) -> list[Program]:
        return [entry.program for entry in self._store.entries()]

    def chosen(self) -> bool:
        try:
            return self._choices.load() is not None
        except ProgramError:
            return False

    def active(self) -> tuple[Program, ProgramChoice] | None:
        try:
            choice = self._choices.load()
        except ProgramError:
            return None
        if choice is None:
            return None
        program = self._store.find(choice.name)
        return None if program is None else (program, choice)

    def problem(self) -> str | None:
        """Why the program being followed cannot be shown, in one sentence (None: it can,
        or none is followed)."""
        try:
            choice = self._choices.load()
        except ProgramError as error:
            return error.details[0].render(error.source)
        if choice is None or self._store.find(choice.name) is not None:
            return None
        return (
            f"The program you follow, {choice.name!r}, is not installed; import it again or "
            "choose another in the settings."
        )

    def choose(self, choice: ProgramChoice | None) -> None:
        if choice is None:
            self._choices.clear()
        else:
            self._choices.save(choice)
