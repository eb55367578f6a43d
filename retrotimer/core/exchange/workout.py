"""A template as a watch workout: a flat list of steps with repeat steps, and back again."""

from __future__ import annotations

import enum
import re

from retrotimer.core.model import Item, Repeat, Segment, SegmentKind, Template, Venue
from retrotimer.core.session.plan import effective_venue, segment_seconds
from retrotimer.core.settings import Settings, StepsAs
from retrotimer.core.value import value


class Intensity(enum.Enum):
    """How hard a step is, in the words workout files use (FIT's intensity values)."""

    WARMUP = "warmup"
    ACTIVE = "active"
    INTERVAL = "interval"
    RECOVERY = "recovery"
    REST = "rest"
    COOLDOWN = "cooldown"
    OTHER = "other"


INTENSITY_OF_KIND: dict[SegmentKind, Intensity] = {
    SegmentKind.WARMUP: Intensity.WARMUP,
    SegmentKind.BACKWARD_WALK: Intensity.ACTIVE,
    SegmentKind.BACKWARD_JOG: Intensity.ACTIVE,
    SegmentKind.BACKWARD_SPRINT: Intensity.ACTIVE,
    SegmentKind.FORWARD_RUN: Intensity.ACTIVE,
    SegmentKind.WALK: Intensity.RECOVERY,
    SegmentKind.REST: Intensity.REST,
    SegmentKind.COOLDOWN: Intensity.COOLDOWN,
}


@value
class WorkoutStep:
    """One step on the watch. `seconds` None: an open step, ended by the lap button, or, with
    `metres`, a step that ends when the watch has measured that distance.

    `kind` and `steps` are RetroTimer's own facts about the step; a file from elsewhere
    leaves them None and they are worked out from the intensity and the name.
    """

    name: str
    notes: str
    intensity: Intensity
    seconds: float | None
    kind: SegmentKind | None = None
    steps: int | None = None
    metres: float | None = None


@value
class RepeatStep:
    """Go back to step `first_step` (an index into the workout's steps) until done `count` times."""

    first_step: int
    count: int


WorkoutEntry = WorkoutStep | RepeatStep


@value
class Workout:
    """A workout as watches take it: running, steps in order, repeats as steps that go back."""

    name: str
    description: str
    steps: tuple[WorkoutEntry, ...]


def safety_words(venue: Venue) -> str:
    """What a runner should do while moving backward there."""
    return "hold the rails" if venue is Venue.TREADMILL else "look over your shoulder"


def step_notes(segment: Segment, venue: Venue) -> str:
    """The step's notes: "20 steps backward, look over your shoulder", then its own note."""
    parts: list[str] = []
    if segment.kind.is_backward:
        counted = f"{segment.length.amount} steps backward, " if segment.length.is_steps else ""
        parts.append(counted + safety_words(venue))
    elif segment.length.is_steps:
        parts.append(f"{segment.length.amount} steps")
    if segment.note:
        parts.append(segment.note)
    return ". ".join(parts)


_OWN_NOTES = re.compile(
    r"^(?:\d+ steps backward, (?:look over your shoulder|hold the rails)"
    r"|look over your shoulder|hold the rails|\d+ steps)(?:\. |$)"
)


def note_from_notes(notes: str) -> str | None:
    """The segment's own note from a step's notes, without the words `step_notes` adds."""
    left = _OWN_NOTES.sub("", notes.strip(), count=1).strip()
    return left or None


def _step(segment: Segment, settings: Settings, venue: Venue, steps_as: StepsAs) -> WorkoutStep:
    length = segment.length
    # Open and distance steps end on the lap button or the watch's distance, never a time.
    lap = length.ends_on_press or length.is_steps and steps_as is StepsAs.LAP
    return WorkoutStep(
        name=segment.display_label,
        notes=step_notes(segment, venue),
        intensity=INTENSITY_OF_KIND[segment.kind],
        seconds=None if lap else segment_seconds(segment, settings),
        kind=segment.kind,
        steps=length.amount if length.is_steps else None,
        metres=float(length.amount) if length.is_distance else None,
    )


def template_to_workout(template: Template, settings: Settings, steps_as: StepsAs) -> Workout:
    """One step per segment, a repeat step after each repeat block (nested ones nest)."""
    venue = effective_venue(template, settings)
    entries: list[WorkoutEntry] = []

    def add(items: tuple[Item, ...]) -> None:
        for item in items:
            if isinstance(item, Repeat):
                first = len(entries)
                add(item.items)
                entries.append(RepeatStep(first, item.count))
            else:
                entries.append(_step(item, settings, venue, steps_as))

    add(template.items)
    return Workout(template.name, template.description, tuple(entries))
