"""Zwift run workouts (.zwo), already parsed into elements, as templates with timed prompts."""

from __future__ import annotations

from collections.abc import Mapping

from retrotimer.core.exchange.kind_words import kind_from_words
from retrotimer.core.exchange.timed_prompts import prompt_pieces
from retrotimer.core.exchange.workout_reading import (
    SUPPORTED_LENGTHS,
    dropped_targets_warning,
    name_and_description,
    refused,
)
from retrotimer.core.model import Item, Length, Prompt, Repeat, Segment, SegmentKind, Template
from retrotimer.core.number_text import finite_number, whole_number
from retrotimer.core.templates.text_rules import shown_text
from retrotimer.core.templates.validation import (
    MAX_REPEAT,
    MAX_SESSION_S,
    Problem,
    Severity,
    TemplateReading,
    validate_template,
)
from retrotimer.core.value import builder, field, replace, value

ROOT = "workout_file"
# FreeRide (and Zwift's other spelling) with a Duration is a run at the runner's own pace;
# without one, it lasts until the runner presses: an open step.
_FREE = ("FreeRide", "Freeride")
_TIMED = ("Warmup", "Cooldown", "SteadyState", "Ramp", "MaxEffort", *_FREE)
# Laid out this far, a workout is far past any template (4 hours, each segment a second at
# least): reading stops there, so thousands of hundred-fold repeats are refused at once
# instead of taking seconds and hundreds of megabytes. The limits leave room for a workout
# by distance, whose parts are laid out at a pace of its own; the template's check judges it.
_MAX_LAID_OUT_S = 10 * MAX_SESSION_S
_MAX_PARTS = MAX_SESSION_S
_TARGETS = {
    "Power": "power",
    "PowerLow": "power",
    "PowerHigh": "power",
    "OnPower": "power",
    "OffPower": "power",
    "pace": "pace",
    "Pace": "pace",
    "Cadence": "cadence",
    "CadenceLow": "cadence",
    "CadenceHigh": "cadence",
    "CadenceResting": "cadence",
    "FlatRoad": "flat road",
}
# Zwift places some text events by distance run; RetroTimer times segments, so they are
# placed where a runner at this pace (6:00 a kilometre) would be.
DISTANCE_PROMPT_S_PER_KM = 360


def local_name(tag: str) -> str:
    """A tag without its namespace: "{http://...}schema" is "schema"."""
    return tag.rpartition("}")[2]


@value
class ZwoElement:
    """One XML element: its tag, attributes, text and children, as a parser gave them."""

    tag: str
    attributes: Mapping[str, str] = field(default_factory=dict)
    text: str = ""
    children: tuple[ZwoElement, ...] = ()

    def child(self, tag: str) -> ZwoElement | None:
        return next((child for child in self.children if child.tag == tag), None)

    def child_text(self, tag: str) -> str:
        found = self.child(tag)
        return found.text.strip() if found is not None else ""


@builder
class _Part:
    """A segment being built, where it starts in the workout, and the prompts it gets."""

    segment: Segment
    start_s: int
    # How long the part lasts: its seconds, or its distance at the pace prompts are placed by.
    span_s: int
    prompts: list[Prompt] = field(default_factory=list)

    @property
    def end_s(self) -> int:
        return self.start_s + self.span_s

    def built(self) -> Segment:
        ordered = sorted(self.prompts, key=lambda prompt: prompt.offset_s)
        return replace(self.segment, prompts=tuple(ordered))


@builder
class _Step:
    """The parts one step element makes: one, or `repeat` runs of an on and an off part."""

    parts: list[_Part]
    repeat: int = 1

    def items(self) -> list[Item]:
        if self.repeat == 1:
            return [part.built() for part in self.parts]
        # Runs with a prompt of their own are written out; the runs between them stay repeats.
        runs = [self.parts[index : index + 2] for index in range(0, len(self.parts), 2)]
        items: list[Item] = []
        plain = 0
        for run in runs:
            if not any(part.prompts for part in run):
                plain += 1
                continue
            if plain:
                items.append(Repeat(plain, tuple(part.segment for part in runs[0])))
                plain = 0
            items += [part.built() for part in run]
        if plain:
            items.append(Repeat(plain, tuple(part.segment for part in runs[0])))
        return items


class _Reading:
    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.dropped: set[str] = set()
        self.late = 0
        self.by_distance = 0
        # A workout whose durationType is distance gives its lengths in metres.
        self.in_metres = False

    def length(self, amount: int) -> Length:
        return Length.metres(amount) if self.in_metres else Length.seconds(amount)

    def span_s(self, amount: int) -> int:
        return round(amount * DISTANCE_PROMPT_S_PER_KM / 1000) if self.in_metres else amount

    def amount(self, element: ZwoElement, attribute: str, subject: str) -> int | None:
        """The attribute's seconds, or metres in a workout by distance; None when unreadable."""
        value = element.attributes.get(attribute)
        if value is None:
            self.problems.append(
                refused(subject, f"<{element.tag}> has no {attribute}; {SUPPORTED_LENGTHS}")
            )
            return None
        amount = finite_number(value)
        if amount is None:
            unit = "metres" if self.in_metres else "seconds"
            self.problems.append(
                refused(subject, f"{attribute}={shown_text(value)} is not a number of {unit}")
            )
            return None
        return round(amount)

    def targets(self, element: ZwoElement) -> None:
        for name in element.attributes:
            if name in _TARGETS:
                self.dropped.add(_TARGETS[name])
        low, high = element.attributes.get("PowerLow"), element.attributes.get("PowerHigh")
        if element.tag == "Ramp" or (low is not None and high is not None and low != high):
            self.dropped.add("ramp")


def _text_events(element: ZwoElement) -> list[ZwoElement]:
    return [child for child in element.children if child.tag.lower() == "textevent"]


def _words(element: ZwoElement) -> str:
    """Every message of the step's text events, for the kind they name."""
    return " ".join(event.attributes.get("message", "") for event in _text_events(element))


def _step(element: ZwoElement, number: int, reading: _Reading, start_s: int) -> _Step | None:
    subject = f"workout step {number} <{element.tag}>"
    reading.targets(element)
    words = _words(element)
    if element.tag == "IntervalsT":
        written = element.attributes.get("Repeat", "1")
        count = whole_number(written)
        on = reading.amount(element, "OnDuration", subject)
        off = reading.amount(element, "OffDuration", subject)
        if count is None or count < 1:
            reading.problems.append(
                refused(subject, f"Repeat={shown_text(written)} is not a count")
            )
        elif count > MAX_REPEAT:
            # Refused before its runs are laid out: a million of them took seconds and memory.
            reading.problems.append(
                refused(
                    subject,
                    f"a repeat can run at most {MAX_REPEAT} times; this one says {count} times",
                )
            )
        if on is None or off is None or count is None or not 1 <= count <= MAX_REPEAT:
            return None
        work = Segment(kind_from_words(words), reading.length(on))
        rest = Segment(SegmentKind.WALK, reading.length(off))
        on_s, off_s = reading.span_s(on), reading.span_s(off)
        parts: list[_Part] = []
        for run in range(count):
            parts.append(_Part(work, start_s + run * (on_s + off_s), on_s))
            parts.append(_Part(rest, start_s + run * (on_s + off_s) + on_s, off_s))
        return _Step(parts, count)
    if element.tag in _FREE and "Duration" not in element.attributes:
        return _open_free_ride(element, subject, reading, start_s, words)
    if element.tag in _TIMED:
        seconds = reading.amount(element, "Duration", subject)
        if seconds is None:
            return None
        kind = {"Warmup": SegmentKind.WARMUP, "Cooldown": SegmentKind.COOLDOWN}.get(
            element.tag, kind_from_words(words)
        )
        return _Step(
            [_Part(Segment(kind, reading.length(seconds)), start_s, reading.span_s(seconds))]
        )
    reading.problems.append(
        refused(
            subject,
            f"<{element.tag}> steps cannot be read; RetroTimer reads Warmup, Cooldown, "
            "SteadyState, Ramp, MaxEffort, FreeRide and IntervalsT steps with a Duration",
        )
    )
    return None


def _open_free_ride(
    element: ZwoElement, subject: str, reading: _Reading, start_s: int, words: str
) -> _Step:
    """A free run with no Duration lasts until the runner says so: an open step. Its own
    text events stay in it, so it spans (for placing them) to just past the last one."""
    reading.problems.append(
        Problem(
            Severity.WARNING,
            f"{subject} has no Duration: it runs as an open step, ended by a press "
            "(Done, Right, PageDown or L)",
        )
    )
    offsets = [
        offset
        for event in _text_events(element)
        if (offset := _event_offset(event, subject, reading)) is not None
    ]
    segment = Segment(kind_from_words(words), Length.open())
    return _Step([_Part(segment, start_s, max(offsets, default=0) + 1)])


def _event_offset(event: ZwoElement, subject: str, reading: _Reading) -> int | None:
    """Seconds from the start of the event's step (or workout), by time or by distance."""
    for name in ("timeoffset", "TimeOffset", "distoffset", "DistOffset"):
        written = event.attributes.get(name)
        if written is None:
            continue
        value = finite_number(written)
        if value is None or value < 0:
            reading.problems.append(
                refused(subject, f"a text event's {name}={shown_text(written)} is not an offset")
            )
            return None
        if name.lower() == "distoffset":
            reading.by_distance += 1
            return round(value * DISTANCE_PROMPT_S_PER_KM / 1000)
        return round(value)
    return 0


def _place(parts: list[_Part], at_s: int, text: str) -> None:
    """The prompt goes to the part running at `at_s` (the last part's last second if none)."""
    part = next((part for part in parts if part.start_s <= at_s < part.end_s), parts[-1])
    offset = min(at_s - part.start_s, part.span_s - 1)
    part.prompts += prompt_pieces(max(0, offset), text)


def _prompt_warnings(reading: _Reading) -> list[Problem]:
    warnings = []
    if reading.late:
        warnings.append(
            Problem(
                Severity.WARNING,
                f"{reading.late} text events come after the end of their step; each is said at "
                "its time in the steps after it (or in the last second of the workout)",
            )
        )
    if reading.by_distance:
        pace = f"{DISTANCE_PROMPT_S_PER_KM // 60}:{DISTANCE_PROMPT_S_PER_KM % 60:02d}"
        warnings.append(
            Problem(
                Severity.WARNING,
                f"{reading.by_distance} text events are placed by distance; they are said "
                f"where a runner at {pace} a kilometre would be",
            )
        )
    return warnings


def zwo_to_template(root: ZwoElement, default_name: str) -> TemplateReading:
    """A template from a Zwift workout; problems name the step element they are about."""
    reading = _Reading()
    if root.tag != ROOT:
        reading.problems.append(
            refused(
                f"<{local_name(root.tag)}>",
                f"a Zwift workout starts with <{ROOT}>, not <{local_name(root.tag)}>",
            )
        )
        return TemplateReading(None, tuple(reading.problems))
    reading.in_metres = root.child_text("durationType").lower() == "distance"
    sport = root.child_text("sportType").lower()
    if sport and sport != "run":
        reading.problems.append(
            Problem(Severity.WARNING, f"the workout is for {sport}; its steps were read as a run")
        )
    body = root.child("workout")
    steps: list[_Step] = []
    # Each text event as (seconds from the workout's start, its step's end, its words).
    events: list[tuple[int, int | None, str]] = []
    clock = laid_out = 0
    for number, element in enumerate(body.children if body else (), start=1):
        subject = f"workout step {number} <{element.tag}>"
        if element.tag.lower() == "textevent":
            # A text event of the whole workout: its offset runs from the workout's start.
            offset = _event_offset(element, subject, reading)
            if offset is not None:
                events.append((offset, None, element.attributes.get("message", "")))
            continue
        step = _step(element, number, reading, clock)
        if step is None:
            continue
        steps.append(step)
        for event in _text_events(element):
            offset = _event_offset(event, subject, reading)
            if offset is not None:
                events.append(
                    (clock + offset, step.parts[-1].end_s, event.attributes.get("message", ""))
                )
        clock = step.parts[-1].end_s
        laid_out += len(step.parts)
        if clock > _MAX_LAID_OUT_S or laid_out > _MAX_PARTS:
            reading.problems.append(
                refused(
                    subject,
                    f"the workout runs far past what a template can last ({MAX_SESSION_S // 3600} "
                    "hours at most) by this step; it was read no further",
                )
            )
            return TemplateReading(None, tuple(reading.problems))
    parts = [part for step in steps for part in step.parts]
    for at_s, step_end, message in events:
        if parts and message.strip():
            reading.late += step_end is not None and at_s >= step_end
            _place(parts, at_s, message)
    items = [item for step in steps for item in step.items()]
    warning = dropped_targets_warning(reading.dropped)
    problems = ([warning] if warning else []) + _prompt_warnings(reading) + reading.problems
    name, description, cuts = name_and_description(
        root.child_text("name"), root.child_text("description"), default_name
    )
    problems += cuts
    template = Template(name, tuple(items), description)
    if not any(problem.is_error for problem in problems):
        problems.extend(validate_template(template))
    if any(problem.is_error for problem in problems):
        return TemplateReading(None, tuple(problems))
    return TemplateReading(template, tuple(problems))
