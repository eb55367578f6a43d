"""Zwift run workouts (.zwo), already parsed into elements, as templates: time-based steps only."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from retrotimer.core.exchange.kind_words import kind_from_words
from retrotimer.core.exchange.workout_reading import (
    SUPPORTED_LENGTHS,
    dropped_targets_warning,
    refused,
)
from retrotimer.core.model import Item, Length, Repeat, Segment, SegmentKind, Template
from retrotimer.core.number_text import finite_number, whole_number
from retrotimer.core.templates.text_rules import shown_text
from retrotimer.core.templates.validation import (
    MAX_NAME,
    Problem,
    Severity,
    TemplateReading,
    validate_template,
)

ROOT = "workout_file"
_OPEN_ENDED = {"FreeRide", "freeride"}
_TIMED = ("Warmup", "Cooldown", "SteadyState", "Ramp", "MaxEffort")
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
}


@dataclass(frozen=True, slots=True)
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


class _Reading:
    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.dropped: set[str] = set()

    def seconds(self, element: ZwoElement, attribute: str, subject: str) -> int | None:
        value = element.attributes.get(attribute)
        if value is None:
            self.problems.append(
                refused(subject, f"<{element.tag}> has no {attribute}; {SUPPORTED_LENGTHS}")
            )
            return None
        seconds = finite_number(value)
        if seconds is None:
            self.problems.append(
                refused(subject, f"{attribute}={shown_text(value)} is not a number of seconds")
            )
            return None
        return round(seconds)

    def targets(self, element: ZwoElement) -> None:
        for name in element.attributes:
            if name in _TARGETS:
                self.dropped.add(_TARGETS[name])
        low, high = element.attributes.get("PowerLow"), element.attributes.get("PowerHigh")
        if element.tag == "Ramp" or (low is not None and high is not None and low != high):
            self.dropped.add("ramp")


def _notes(element: ZwoElement) -> str | None:
    messages = [
        child.attributes.get("message", "").strip()
        for child in element.children
        if child.tag.lower() == "textevent"
    ]
    text = " ".join(message for message in messages if message)
    return " ".join(text.split()) or None


def _step(element: ZwoElement, number: int, reading: _Reading) -> Item | None:
    subject = f"workout step {number} <{element.tag}>"
    reading.targets(element)
    if element.tag in _OPEN_ENDED:
        reading.problems.append(
            refused(
                subject,
                f"a {element.tag} step is open-ended; a RetroTimer segment always has a length: "
                "use a SteadyState step with a Duration",
            )
        )
        return None
    notes = _notes(element)
    if element.tag == "IntervalsT":
        written = element.attributes.get("Repeat", "1")
        count = whole_number(written)
        on = reading.seconds(element, "OnDuration", subject)
        off = reading.seconds(element, "OffDuration", subject)
        if count is None:
            reading.problems.append(
                refused(subject, f"Repeat={shown_text(written)} is not a count")
            )
        if on is None or off is None or count is None:
            return None
        work = Segment(kind_from_words(notes or ""), Length.seconds(on), note=notes)
        return Repeat(count, (work, Segment(SegmentKind.WALK, Length.seconds(off))))
    if element.tag in _TIMED:
        seconds = reading.seconds(element, "Duration", subject)
        if seconds is None:
            return None
        kind = {"Warmup": SegmentKind.WARMUP, "Cooldown": SegmentKind.COOLDOWN}.get(
            element.tag, kind_from_words(notes or "")
        )
        return Segment(kind, Length.seconds(seconds), note=notes)
    reading.problems.append(
        refused(
            subject,
            f"<{element.tag}> steps cannot be read; RetroTimer reads Warmup, Cooldown, "
            "SteadyState, Ramp, MaxEffort and IntervalsT steps with a Duration",
        )
    )
    return None


def zwo_to_template(root: ZwoElement, default_name: str) -> TemplateReading:
    """A template from a Zwift workout; problems name the step element they are about."""
    reading = _Reading()
    if root.tag != ROOT:
        reading.problems.append(
            refused(f"<{root.tag}>", f"a Zwift workout starts with <{ROOT}>, not <{root.tag}>")
        )
        return TemplateReading(None, tuple(reading.problems))
    if root.child_text("durationType").lower() == "distance":
        reading.problems.append(
            refused(
                "<durationType>",
                f"this workout gives its lengths as distances; {SUPPORTED_LENGTHS}",
            )
        )
        return TemplateReading(None, tuple(reading.problems))
    sport = root.child_text("sportType").lower()
    if sport and sport != "run":
        reading.problems.append(
            Problem(Severity.WARNING, f"the workout is for {sport}; its steps were read as a run")
        )
    body = root.child("workout")
    items: list[Item] = []
    for number, element in enumerate(body.children if body else (), start=1):
        if element.tag.lower() == "textevent":
            continue
        item = _step(element, number, reading)
        if item is not None:
            items.append(item)
    warning = dropped_targets_warning(reading.dropped)
    problems = ([warning] if warning else []) + reading.problems
    name = (root.child_text("name") or default_name)[:MAX_NAME].rstrip()
    template = Template(name, tuple(items), root.child_text("description"))
    if not any(problem.is_error for problem in problems):
        problems.extend(validate_template(template))
    if any(problem.is_error for problem in problems):
        return TemplateReading(None, tuple(problems))
    return TemplateReading(template, tuple(problems))
