"""Programs as TOML files (`format = 1`): read with located problems, and write."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from retrotimer.core.model import Template
from retrotimer.core.programs.program_error import ProgramError
from retrotimer.core.programs.program_model import (
    MAX_DESCRIPTION,
    MAX_FOCUS,
    MAX_SESSIONS,
    MAX_WEEKS,
    MIN_SESSIONS,
    Program,
    ProgramWeek,
)
from retrotimer.core.programs.program_positions import (
    ProgramLayout,
    Scope,
    locate_program,
    session_as_template_text,
)
from retrotimer.core.templates.template_toml import (
    format_refusal,
    open_toml,
    read_template_toml,
    template_from_mapping,
)
from retrotimer.core.templates.text_rules import text_problems
from retrotimer.core.templates.validation import (
    MAX_NAME,
    Problem,
    Severity,
    SortedProblems,
    TemplateError,
    TemplateReading,
    in_reading_order,
)
from retrotimer.core.toml_reading import without_bom
from retrotimer.core.value import builder, field, replace, value

if TYPE_CHECKING:
    from retrotimer.core.settings import Settings

FORMAT_VERSION = 1
# Fifty-two weeks of three sessions of a few hundred characters fit many times over.
MAX_PROGRAM_CHARS = 1_000_000
TOP_KEYS = ("format", "name", "description", "next", "weeks")
WEEK_KEYS = ("focus", "sessions")
SESSION_KEYS = ("text", "name", "description", "venue", "segments")


@value
class ProgramReading(SortedProblems):
    """What reading a program gave: the program (None if it cannot be used) and problems."""

    program: Program | None
    problems: tuple[Problem, ...] = ()


def _subject(scope: Scope) -> str:
    week, session = scope
    if week is None:
        return ""
    if session is None:
        return f"week {week + 1}"
    return f"week {week + 1} session {session + 1}"


@builder
class _Reader:
    """Builds a program from parsed TOML, noting every problem instead of stopping at one."""

    text: str
    layout: ProgramLayout
    settings: Settings | None
    # Sessions per week as parsed; the layout is trusted only when it found the same.
    data_counts: list[int]
    problems: list[Problem] = field(default_factory=list)

    def add(
        self, message: str, scope: Scope, key: str = "", severity: Severity = Severity.ERROR
    ) -> None:
        position = self.layout.find(scope, key)
        self.problems.append(Problem.at(position, severity, message, key, (), _subject(scope)))

    def unknown_keys(self, data: Mapping[str, Any], known: Sequence[str], scope: Scope) -> None:
        for key in data:
            if key not in known:
                import difflib  # for a file with a mistake only: not at every start

                close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
                hint = f" (did you mean {close[0]!r}?)" if close else ""
                self.add(f"unknown key {key!r} ignored{hint}", scope, key, Severity.WARNING)

    def line_text(
        self, data: Mapping[str, Any], key: str, scope: Scope, limit: int, *, lines: bool = False
    ) -> str:
        """Text checked as a template's name is: within `limit`, on one line unless `lines`,
        without characters that cannot be seen (an escape would reach the terminal)."""
        value = data.get(key, "")
        if not isinstance(value, str):
            self.add(f"{key} must be text in quotes, as in {key} = '...'", scope, key)
            return ""
        for message in text_problems(key, value, limit, lines=lines):
            self.add(message, scope, key)
        return value.strip()

    def program(self, data: Mapping[str, Any]) -> Program:
        top: Scope = (None, None)
        self.unknown_keys(data, TOP_KEYS, top)
        name = self.line_text(data, "name", top, MAX_NAME)
        if not name:
            self.add("a program needs a name, as in name = 'My program'", top, "name")
        description = self.line_text(data, "description", top, MAX_DESCRIPTION, lines=True)
        next_program = self.line_text(data, "next", top, MAX_NAME)
        weeks = data.get("weeks")
        if not isinstance(weeks, list) or not weeks:
            self.add("a program needs at least one week: add a [[weeks]] table", top, "weeks")
            weeks = []
        elif len(weeks) > MAX_WEEKS:
            self.add(
                f"a program can have at most {MAX_WEEKS} weeks; this one has {len(weeks)}", top
            )
            weeks = []
        read = tuple(self.week(entry, index, name) for index, entry in enumerate(weeks))
        return Program(name, read, description, next_program)

    def week(self, data: Any, index: int, program_name: str) -> ProgramWeek:
        scope: Scope = (index, None)
        if not isinstance(data, dict):
            self.add("a week must be a [[weeks]] table with a focus and sessions", scope)
            return ProgramWeek("", ())
        self.unknown_keys(data, WEEK_KEYS, scope)
        focus = self.line_text(data, "focus", scope, MAX_FOCUS)
        if not focus:
            self.add("a week needs a focus in one line, as in focus = 'Walk backward'", scope)
        sessions = data.get("sessions")
        if not isinstance(sessions, list) or not MIN_SESSIONS <= len(sessions) <= MAX_SESSIONS:
            count = len(sessions) if isinstance(sessions, list) else 0
            self.add(
                f"a week has {MIN_SESSIONS} or {MAX_SESSIONS} sessions, with rest days between "
                f"them; this one has {count}",
                scope,
                "sessions",
            )
            sessions = sessions[:MAX_SESSIONS] if isinstance(sessions, list) else []
        return ProgramWeek(
            focus,
            tuple(
                self.session(entry, index, number, program_name)
                for number, entry in enumerate(sessions)
            ),
        )

    def session(self, data: Any, week: int, number: int, program_name: str) -> Template:
        scope: Scope = (week, number)
        stand_in = Template("", ())
        if not isinstance(data, dict):
            self.add("a session must be a [[weeks.sessions]] table", scope)
            return stand_in
        self.unknown_keys(data, SESSION_KEYS, scope)
        default_name = f"{program_name} {week + 1}.{number + 1}"[:MAX_NAME]
        if "text" in data:
            if len(data) > 1:
                self.add("a session is either text = '''...''' or TOML keys, not both", scope)
            if not isinstance(data["text"], str):
                self.add("text must be a template in the text syntax, in quotes", scope, "text")
                return stand_in
            # The text syntax is loaded with the first session written in it: the window's
            # first paint reads only which program is followed.
            from retrotimer.core.templates.text_syntax import read_template_text

            reading = read_template_text(data["text"], default_name, self.settings)
            start = self.layout.text_starts.get(scope_key(scope))
            return self.take(reading, scope, None if start is None else start - 1)
        region = self.layout.regions.get(scope_key(scope))
        if region is not None and self.layout.session_counts == self.data_counts:
            chunk = session_as_template_text(self.text, region)
            reading = read_template_toml(chunk, self.settings)
            return self.take(reading, scope, region.start - 1)
        try:
            return template_from_mapping({"format": FORMAT_VERSION, "name": default_name, **data})
        except TemplateError as error:
            return self.take(TemplateReading(None, error.details), scope, None)

    def take(self, reading: TemplateReading, scope: Scope, line_offset: int | None) -> Template:
        """The session's template, its problems placed in the program file."""
        fallback = self.layout.find(scope)
        for problem in reading.problems:
            inner = f", {problem.subject}" if problem.subject else ""
            line: int | None
            column: int | None
            if problem.line is not None and line_offset is not None:
                line, column = problem.line + line_offset, problem.column
            else:
                line = fallback.line if fallback else None
                column = fallback.column if fallback else None
            self.problems.append(
                replace(problem, line=line, column=column, subject=_subject(scope) + inner)
            )
        return reading.template or Template("", ())


def scope_key(scope: Scope) -> tuple[int, int]:
    week, session = scope
    return (week or 0, session or 0)


def read_program_toml(text: str, settings: Settings | None = None) -> ProgramReading:
    """Read TOML text into a program with every problem found; never raises for bad content."""
    text = without_bom(text)
    data = open_toml(text, MAX_PROGRAM_CHARS, "a program file")
    if isinstance(data, Problem):
        return ProgramReading(None, (data,))
    layout = locate_program(text)
    refused = format_refusal(
        data.get("format"), FORMAT_VERSION, "program", layout.find((None, None), "format")
    )
    if refused is not None:
        return ProgramReading(None, (refused,))
    weeks = data.get("weeks")
    counts = [
        len(week.get("sessions", [])) if isinstance(week, dict) else 0
        for week in (weeks if isinstance(weeks, list) else [])
    ]
    reader = _Reader(text, layout, settings, counts)
    program = reader.program(data)
    problems = in_reading_order(reader.problems)
    broken = any(problem.is_error for problem in problems)
    return ProgramReading(None if broken else program, problems)


def parse_program_toml(
    text: str, source: str | None = None, settings: Settings | None = None
) -> Program:
    """A usable program from TOML text; raises ProgramError with every error found."""
    reading = read_program_toml(text, settings)
    if reading.program is None:
        raise ProgramError(list(reading.errors), source)
    return reading.program


def program_problems(program: Program) -> list[Problem]:
    """What is wrong with a program built in code (a copy under a new name): every error its
    file would give, without the place in a file that was never written."""
    errors = read_program_toml(program_to_toml(program)).errors
    return [replace(problem, line=None, column=None) for problem in errors]


def _basic(text: str) -> str:
    """A TOML string, multi-line when the text has line breaks; literal (no escapes, easy to
    edit by hand) when it can be."""
    plain = all(char == "\n" or (ord(char) >= 0x20 and ord(char) != 0x7F) for char in text)
    if "\n" in text and plain and "'''" not in text:
        return f"'''\n{text}'''"
    out = []
    for char in text:
        if char in '\\"':
            out.append("\\" + char)
        elif char == "\n":
            out.append("\n")
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(char)
    body = "".join(out)
    return f'"""\n{body}"""' if "\n" in text else f'"{body}"'


def program_to_toml(program: Program) -> str:
    """TOML text for a program, each session in the text syntax; it reads back unchanged."""
    lines = [
        f"format = {FORMAT_VERSION}",
        f"name = {_basic(program.name)}",
        f"description = {_basic(program.description)}",
    ]
    if program.next_program:
        lines.append(f"next = {_basic(program.next_program)}")
    from retrotimer.core.templates.text_syntax import format_template_text

    for week in program.weeks:
        lines += ["", "[[weeks]]", f"focus = {_basic(week.focus)}"]
        for session in week.sessions:
            lines += ["", "[[weeks.sessions]]", f"text = {_basic(format_template_text(session))}"]
    return "\n".join(lines) + "\n"
