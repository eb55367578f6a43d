"""A workout from another tool as a template: steps to segments, repeat steps to repeat blocks."""

from __future__ import annotations

from collections.abc import Iterable

from retrotimer.core.exchange.kind_words import kind_from_words
from retrotimer.core.exchange.timed_prompts import prompt_pieces
from retrotimer.core.exchange.workout import (
    Intensity,
    RepeatStep,
    Workout,
    WorkoutStep,
    note_from_notes,
)
from retrotimer.core.model import (
    Item,
    Length,
    Prompt,
    Repeat,
    Segment,
    SegmentKind,
    Template,
    Venue,
)
from retrotimer.core.templates.text_rules import MAX_DESCRIPTION, MAX_NOTE
from retrotimer.core.templates.validation import (
    MAX_DEPTH,
    MAX_LABEL,
    MAX_NAME,
    MAX_READ_DEPTH,
    Problem,
    Severity,
    TemplateReading,
    validate_template,
)

SUPPORTED_LENGTHS = (
    "RetroTimer segments last a time, a number of steps or a distance, or are open (ended with "
    "a press)"
)

# The kind a step's intensity stands for when its name says nothing about it.
_KIND_OF_INTENSITY: dict[Intensity, SegmentKind] = {
    Intensity.WARMUP: SegmentKind.WARMUP,
    Intensity.COOLDOWN: SegmentKind.COOLDOWN,
    Intensity.RECOVERY: SegmentKind.WALK,
    Intensity.REST: SegmentKind.REST,
}


def refused(subject: str, message: str) -> Problem:
    """An error about one part of a foreign file, named so the runner can find it."""
    return Problem(Severity.ERROR, message, subject=subject)


# A refusal lists this many problems; a file with thousands of bad steps says how many more.
SHOWN_PROBLEMS = 20


def first_problems(problems: Iterable[Problem], limit: int = SHOWN_PROBLEMS) -> list[Problem]:
    """The first `limit` problems and, if there were more, one saying how many."""
    listed = list(problems)
    if len(listed) <= limit:
        return listed
    more = len(listed) - limit
    return [*listed[:limit], Problem(Severity.ERROR, f"and {more} more problems like these")]


def dropped_targets_warning(names: Iterable[str]) -> Problem | None:
    """One warning naming every kind of target left out, or None when none was."""
    listed = sorted(set(names))
    if not listed:
        return None
    what = listed[0] if len(listed) == 1 else ", ".join(listed[:-1]) + " and " + listed[-1]
    return Problem(
        Severity.WARNING,
        f"{what} targets were dropped: RetroTimer times each segment and has no use for them",
    )


def conditions_warning(conditions: list[str]) -> Problem | None:
    """One warning naming every step that ends on a condition a watch measures."""
    if not conditions:
        return None
    return Problem(
        Severity.WARNING,
        f"{'; '.join(conditions)}: RetroTimer measures no heart rate, power or calories, so "
        "such a step is open (press when it is met) and such a repeat runs once, the condition "
        "in its note",
    )


def name_and_description(
    name: str, description: str, default_name: str
) -> tuple[str, str, list[Problem]]:
    """A foreign workout's name and description within a template's limits; what had to be cut
    is said (a name too long keeps its whole self at the head of the description)."""
    whole = " ".join(name.split()) or default_name
    kept, text, problems = whole[:MAX_NAME].rstrip(), description.strip(), []
    if kept != whole:
        text = f"{whole}\n{text}".strip()
        problems.append(
            Problem(
                Severity.WARNING,
                f"the name is cut to {MAX_NAME} characters; the whole of it opens the description",
            )
        )
    if len(text) > MAX_DESCRIPTION:
        problems.append(
            Problem(
                Severity.WARNING,
                f"the description of {len(text)} characters is cut to the {MAX_DESCRIPTION} a "
                "template holds",
            )
        )
        text = text[:MAX_DESCRIPTION].rstrip()
    return kept, text, problems


def kind_of_step(name: str, intensity: Intensity) -> SegmentKind:
    """A foreign step's kind: its words first ("backward", "walk"), then its intensity."""
    fallback = _KIND_OF_INTENSITY.get(intensity, SegmentKind.FORWARD_RUN)
    named = kind_from_words(name, fallback=fallback)
    # An easy step's name that only says "run" or "jog" does not make it hard work.
    if named is SegmentKind.FORWARD_RUN and intensity in (Intensity.RECOVERY, Intensity.REST):
        return fallback
    return named


def _segment(step: WorkoutStep) -> Segment:
    kind = step.kind or kind_of_step(step.name, step.intensity)
    if step.steps is not None and step.kind is not None:
        length = Length.steps(step.steps)
    elif step.metres is not None:
        length = Length.metres(max(1, round(step.metres)))
    elif step.seconds is None:
        length = Length.open()
    else:
        length = Length.seconds(max(1, round(step.seconds)))
    name = " ".join(step.name.split())
    label = name if name and name.casefold() != kind.label.casefold() else None
    note = note_from_notes(step.notes)
    # Words too long for a label or a note are said as prompts at the start, never cut.
    prompts: list[Prompt] = []
    if label is not None and len(label) > MAX_LABEL:
        prompts += prompt_pieces(0, label)
        label = None
    if note is not None and len(note) > MAX_NOTE:
        prompts += prompt_pieces(0, note)
        note = None
    return Segment(kind, length, label, note, tuple(prompts))


def _items(workout: Workout, problems: list[Problem]) -> tuple[Item, ...]:
    # Each built item with the index of the first workout step it came from, and its depth.
    built: list[tuple[int, Item, int]] = []
    for index, entry in enumerate(workout.steps):
        subject = f"workout step {index + 1}"
        if isinstance(entry, RepeatStep):
            starts = [start for start, _, _ in built]
            if not 0 <= entry.first_step < index or entry.first_step not in starts:
                problems.append(
                    refused(
                        subject,
                        f"this repeat goes back to step {entry.first_step + 1}, which does not "
                        "start a block of steps before it",
                    )
                )
                continue
            cut = starts.index(entry.first_step)
            depth = 1 + max(inner_depth for _, _, inner_depth in built[cut:])
            if depth > MAX_READ_DEPTH:
                # Deeper blocks are never built: a hostile file could nest a thousand.
                problems.append(
                    refused(
                        subject,
                        f"repeats are nested far too deeply to read (more than "
                        f"{MAX_READ_DEPTH} levels); RetroTimer nests them {MAX_DEPTH} deep",
                    )
                )
                return ()
            inner = tuple(item for _, item, _ in built[cut:])
            del built[cut:]
            built.append((entry.first_step, Repeat(entry.count, inner), depth))
            continue
        built.append((index, _segment(entry), 0))
    return tuple(item for _, item, _ in built)


def workout_to_template(
    workout: Workout,
    *,
    default_name: str = "",
    venue: Venue = Venue.ANY,
    problems: Iterable[Problem] = (),
) -> TemplateReading:
    """The template a workout makes, with every problem found; the reader's own `problems`
    (targets dropped, steps it could not read) come first. Nothing is usable while any
    problem is an error."""
    found = list(problems)
    items = _items(workout, found)
    name, description, cuts = name_and_description(workout.name, workout.description, default_name)
    found += cuts
    template = Template(name, items, description, venue)
    if not any(problem.is_error for problem in found):
        found.extend(validate_template(template))
    if any(problem.is_error for problem in found):
        return TemplateReading(None, tuple(found))
    return TemplateReading(template, tuple(found))
