"""Problems in a template, each with where it is (line, column, field) and what to do about it."""

from __future__ import annotations

import enum
from collections.abc import Iterator, Mapping, Sequence

from retrotimer.core.model import Direction, Item, Length, LengthUnit, Repeat, Segment, Template
from retrotimer.core.settings import Settings
from retrotimer.core.templates.text_rules import (
    MAX_DESCRIPTION,
    MAX_NOTE,
    MAX_PROMPT,
    normal_name,
    text_problems,
)
from retrotimer.core.templates.text_rules import MAX_LABEL as MAX_LABEL
from retrotimer.core.templates.text_rules import MAX_NAME as MAX_NAME
from retrotimer.core.value import field, value

MAX_SESSION_S = 4 * 3600
MAX_STEPS = 1000
MAX_METRES = 10_000
# The field that holds an open or distance segment's cap, in TOML and in messages.
CAP_FIELD = "max_seconds"
MAX_REPEAT = 100
MAX_DEPTH = 3
# Readers stop at this depth: deeper than MAX_DEPTH, so such a template gets the clear
# message above, yet bounded so a hostile file cannot exhaust the stack.
MAX_READ_DEPTH = 12
# Lengths and counts beyond any sense are capped at this before any arithmetic.
_HUGE = 10**9

# Where an item sits: indices from the top level down, 0-based; () is the template itself.
ItemPath = tuple[int, ...]


class Severity(enum.Enum):
    """An error makes a template unusable; a warning is worth knowing but does not stop it."""

    ERROR = "error"
    WARNING = "warning"


@value
class Position:
    """A place in a text, 1-based like an editor shows it."""

    line: int
    column: int


@value
class Problem:
    """One thing wrong with a template, in words for the runner.

    `field` is the TOML key it concerns ("kind", "steps", "repeat", "name", ...); `path` the
    item it belongs to (for an editor to highlight); `subject` names that item for people
    ("segment 2.1", "repeat 3"); `line` and `column` are known when it came from a text.
    """

    severity: Severity
    message: str
    line: int | None = None
    column: int | None = None
    field: str = ""
    path: ItemPath = ()
    subject: str = ""

    @classmethod
    def at(
        cls,
        position: Position | None,
        severity: Severity,
        message: str,
        field: str = "",
        path: ItemPath = (),
        subject: str = "",
    ) -> Problem:
        """A problem at `position` in the text, or unplaced when the place is not known."""
        line, column = (position.line, position.column) if position else (None, None)
        return cls(severity, message, line, column, field, path, subject)

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def render(self, source: str | None = None) -> str:
        """`file:line:column: error: segment 2.1: message`, leaving out the parts not known."""
        if self.line is not None:
            column = self.column or 1
            place = f"{source}:{self.line}:{column}" if source else f"line {self.line}:{column}"
        else:
            place = source or ""
        head = f"{place}: " if place else ""
        subject = f"{self.subject}: " if self.subject else ""
        return f"{head}{self.severity.value}: {subject}{self.message}"

    def sentence(self) -> str:
        """The problem as a sentence for a list in a window: "Segment 3: 1500 steps is ..."."""
        text = f"{self.subject}: {self.message}" if self.subject else self.message
        return text[:1].upper() + text[1:] + ("" if text.endswith((".", "?")) else ".")

    def __str__(self) -> str:
        return self.render()


@value
class SourceMap:
    """Where each item and field of a template was written, from the parser that read it."""

    positions: Mapping[tuple[ItemPath, str], Position] = field(default_factory=dict)

    def find(self, path: ItemPath, field_name: str = "") -> Position | None:
        """The field's position, else its item's, else the nearest enclosing item's.

        A template-level field not found falls back to nothing rather than to a guess.
        """
        found = self.positions.get((path, field_name))
        if found is not None or not path:
            return found
        for depth in range(len(path), 0, -1):
            found = self.positions.get((path[:depth], ""))
            if found is not None:
                return found
        return self.positions.get(((), "segments"))


class SortedProblems:
    """`errors` and `warnings` of a reading's `problems` (for frozen readings of any file)."""

    __slots__ = ()
    problems: tuple[Problem, ...]

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(problem for problem in self.problems if problem.is_error)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(problem for problem in self.problems if not problem.is_error)


@value
class TemplateReading(SortedProblems):
    """What reading a template gave: the template (None if it could not be built) and problems."""

    template: Template | None
    problems: tuple[Problem, ...] = ()

    @property
    def ok(self) -> bool:
        """True when the template can be used (warnings allowed)."""
        return self.template is not None and not self.errors


class TemplateError(ValueError):
    """A template that cannot be used, with every problem found, each in words for the user.

    `problems` holds the problems as text; `details` as Problem values with their places.
    """

    def __init__(self, problems: Sequence[str | Problem], source: str | None = None) -> None:
        self.details = tuple(
            problem if isinstance(problem, Problem) else Problem(Severity.ERROR, problem)
            for problem in problems
        )
        self.problems = [problem.render() for problem in self.details]
        self.source = source
        super().__init__("\n".join(problem.render(source) for problem in self.details))


def in_reading_order(problems: Sequence[Problem]) -> tuple[Problem, ...]:
    """Problems by line and column; those without a place keep their order, at the end."""
    return tuple(sorted(problems, key=lambda p: (p.line is None, p.line or 0, p.column or 0)))


def subject(path: ItemPath, item: Item | None) -> str:
    """ "segment 2.1" or "repeat 3": how people find an item (1-based, nested with dots)."""
    if not path:
        return ""
    noun = "repeat" if isinstance(item, Repeat) else "segment"
    return f"{noun} {'.'.join(str(index + 1) for index in path)}"


def duration_words(seconds: float) -> str:
    """ "4 h 10 min", "25 min", "40 s": a rough length for a message."""
    if seconds > 99 * 3600:
        return "more than 99 h"
    whole = round(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours} h {minutes} min" if minutes else f"{hours} h"
    if minutes:
        return f"{minutes} min {secs} s" if secs else f"{minutes} min"
    return f"{secs} s"


def _walk(items: tuple[Item, ...], parent: ItemPath) -> Iterator[tuple[ItemPath, Item]]:
    for index, item in enumerate(items):
        path = (*parent, index)
        yield path, item
        if isinstance(item, Repeat):
            yield from _walk(item.items, path)


def _seconds(segment: Segment, settings: Settings) -> float:
    """Like the plan's segment_seconds, but safe for absurd lengths (no float overflow)."""
    length = segment.length
    amount = min(max(length.amount, 0), _HUGE)
    if length.is_steps:
        return amount * 60.0 / settings.cadence(segment.kind)
    if length.is_distance:
        estimate = amount * settings.pace(segment.kind) / 100.0
    elif length.is_open:
        estimate = float(settings.open_step_s)
    else:
        return float(amount)
    return estimate if length.cap_s is None else min(estimate, float(max(length.cap_s, 0)))


def _total_seconds(items: tuple[Item, ...], settings: Settings) -> float:
    total = 0.0
    for item in items:
        if isinstance(item, Repeat):
            total += min(max(item.count, 0), _HUGE) * _total_seconds(item.items, settings)
        else:
            total += _seconds(item, settings)
    return min(total, float(_HUGE))


def _first_segment(items: tuple[Item, ...]) -> Segment | None:
    for item in items:
        if isinstance(item, Segment):
            return item
        if item.count > 0 and (found := _first_segment(item.items)) is not None:
            return found
    return None


def _repeat_problems(repeat: Repeat, depth: int) -> Iterator[tuple[str, str]]:
    if depth > MAX_DEPTH:
        yield (
            "",
            f"repeats can sit at most {MAX_DEPTH} deep, one inside another; this one is "
            f"{depth} deep: move its segments into the repeat around it",
        )
    if repeat.count < 1:
        yield "repeat", f"a repeat must run at least once; this one says {repeat.count} times"
    elif repeat.count > MAX_REPEAT:
        yield (
            "repeat",
            f"a repeat can run at most {MAX_REPEAT} times; this one says {repeat.count} times",
        )
    if not repeat.items:
        yield "segments", "this repeat has nothing in it; put at least one segment inside it"


def _cap_problems(length: Length) -> Iterator[tuple[str, str]]:
    cap = length.cap_s
    if cap is None:
        return
    if not length.ends_on_press:
        yield CAP_FIELD, "only an open or distance segment can have a most time (max)"
    elif cap < 1:
        yield CAP_FIELD, f"a most time (max) must be at least 1 second; this one is {cap}"
    elif cap > MAX_SESSION_S:
        yield (
            CAP_FIELD,
            f"a most time (max) of {duration_words(cap)} is too long; a segment can last "
            f"{MAX_SESSION_S // 3600} hours at most",
        )


def _segment_problems(segment: Segment, settings: Settings) -> Iterator[tuple[str, str]]:
    length = segment.length
    unit = length.unit.value
    amount = length.amount
    yield from _cap_problems(length)
    if length.is_open:
        pass
    elif amount == 0:
        yield unit, f"a segment needs a length; this one is 0 {unit}"
    elif amount < 0:
        yield unit, f"a length cannot be negative; this one is {amount} {unit}"
    elif length.unit is LengthUnit.STEPS and amount > MAX_STEPS:
        yield (
            unit,
            f"{amount} steps is too many for one segment (at most {MAX_STEPS}); split it into "
            "shorter runs with a stop to turn around between them",
        )
    elif length.is_distance and amount > MAX_METRES:
        yield (
            unit,
            f"{amount} metres is too far for one segment (at most {MAX_METRES}); split it into "
            "shorter stretches with a stop to turn around between them",
        )
    elif (seconds := _seconds(segment, settings)) > MAX_SESSION_S:
        yield (
            unit,
            f"this segment lasts {duration_words(seconds)}; a segment, like a whole session, "
            f"can last {MAX_SESSION_S // 3600} hours at most",
        )
    for message in text_problems("label", segment.label, MAX_LABEL):
        yield "label", message
    for message in text_problems("note", segment.note, MAX_NOTE):
        yield "note", message
    yield from _prompt_problems(segment)


def _prompt_problems(segment: Segment) -> Iterator[tuple[str, str]]:
    for prompt in segment.prompts:
        if not prompt.text.strip():
            yield "prompts", f"the prompt at {prompt.offset_s} s has no words; give it some"
        for message in text_problems("prompt", prompt.text, MAX_PROMPT):
            yield "prompts", message
        if prompt.offset_s < 0:
            yield (
                "prompts",
                f"a prompt cannot come before its segment; this one is at {prompt.offset_s} s",
            )
        elif (last := _last_second(segment)) is not None and prompt.offset_s >= last > 0:
            yield (
                "prompts",
                f"the prompt at {prompt.offset_s} s comes after its segment ends "
                f"({last} s); move it earlier",
            )


def _last_second(segment: Segment) -> int | None:
    """Where a segment ends for certain: its seconds, or the cap of one ended by a press."""
    length = segment.length
    return length.amount if length.unit is LengthUnit.SECONDS else length.cap_s


def validate_template(
    template: Template, settings: Settings | None = None, source_map: SourceMap | None = None
) -> list[Problem]:
    """Every problem in the template, in reading order; lengths in steps use the cadences of
    `settings` (the defaults when not given)."""
    settings = settings or Settings()
    located = source_map or SourceMap()
    problems: list[Problem] = []

    def add(
        severity: Severity, message: str, path: ItemPath, field_name: str, item: Item | None
    ) -> None:
        position = located.find(path, field_name)
        problems.append(
            Problem.at(position, severity, message, field_name, path, subject(path, item))
        )

    name = normal_name(template.name)
    if not name:
        add(Severity.ERROR, "a template needs a name", (), "name", None)
    for message in text_problems("name", name, MAX_NAME):
        add(Severity.ERROR, message, (), "name", None)
    for message in text_problems("description", template.description, MAX_DESCRIPTION, lines=True):
        add(Severity.ERROR, message, (), "description", None)
    if not template.items:
        add(
            Severity.ERROR,
            "the template has no segments yet; add at least one, such as a 5-minute warm-up walk",
            (),
            "segments",
            None,
        )
    for path, item in _walk(template.items, ()):
        if isinstance(item, Repeat):
            found = _repeat_problems(item, depth=sum(1 for _ in _enclosing(template, path)))
        else:
            found = _segment_problems(item, settings)
        for field_name, message in found:
            add(Severity.ERROR, message, path, field_name, item)
    total = _total_seconds(template.items, settings)
    if total > MAX_SESSION_S:
        add(
            Severity.ERROR,
            f"the whole session lasts {duration_words(total)}; a template can last "
            f"{MAX_SESSION_S // 3600} hours at most: use fewer repeats or shorter segments",
            (),
            "",
            None,
        )
    first = _first_segment(template.items)
    if first is not None and first.kind.is_backward:
        add(
            Severity.WARNING,
            "the session starts by moving backward; warm up with a few minutes of walking first",
            (),
            "segments",
            None,
        )
    problems += direction_change_problems(template, located)
    return problems


# A turn needs the runner stopped: this long a walk or rest lets them stop and turn around.
TURN_PAUSE_S = 10


def direction_change_problems(
    template: Template, source_map: SourceMap | None = None
) -> list[Problem]:
    """A warning for every segment that reverses the direction of the one run before it
    (a forward run straight into a backward one, or back) with no walk or rest between.

    The order is the order of running: the last segment of a repeat leads into its first
    when the block runs again. Each segment is named once, however often it runs.
    """
    located = source_map or SourceMap()
    order = list(_run_order(template.items, ()))
    problems: list[Problem] = []
    warned: set[ItemPath] = set()
    for (_, before), (path, after) in zip(order, order[1:], strict=False):
        turns = {before.kind.direction, after.kind.direction} == {
            Direction.FORWARD,
            Direction.BACKWARD,
        }
        if not turns or path in warned:
            continue
        warned.add(path)
        problems.append(
            Problem.at(
                located.find(path, "kind"),
                Severity.WARNING,
                f"goes straight from {before.kind.label.lower()} into "
                f"{after.kind.label.lower()}: changing direction on the move risks a fall; "
                f"insert a walk or a rest of {TURN_PAUSE_S} seconds or more before it, "
                "to stop and turn around",
                "kind",
                path,
                subject(path, after),
            )
        )
    return problems


def _run_order(items: tuple[Item, ...], parent: ItemPath) -> Iterator[tuple[ItemPath, Segment]]:
    """Segments as they run; a repeat runs twice at most here (enough to see it wrap)."""
    for index, item in enumerate(items):
        path = (*parent, index)
        if isinstance(item, Segment):
            yield path, item
        else:
            for _ in range(min(max(item.count, 0), 2)):
                yield from _run_order(item.items, path)


def hidden_by_stand_in(problem: Problem, stand_ins: set[tuple[ItemPath, str]]) -> bool:
    """True for a problem about a part a reader could not read and filled with a stand-in:
    validating the stand-in would only repeat, less clearly, what the reader already said.

    `stand_ins` holds (path, field) pairs, field "" meaning the whole item and all inside it.
    """
    if (problem.path, problem.field) in stand_ins:
        return True
    # The item's own path and those above it, looked up one by one: a text with thousands of
    # bad lines has thousands of stand-ins, too many to go through for every problem.
    path = problem.path
    return any((path[:depth], "") in stand_ins for depth in range(1, len(path) + 1))


def _enclosing(template: Template, path: ItemPath) -> Iterator[Repeat]:
    """The repeats on the way down to `path`, the item itself included."""
    items = template.items
    for index in path:
        item = items[index]
        if isinstance(item, Repeat):
            yield item
            items = item.items
