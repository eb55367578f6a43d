"""TCX workouts (Garmin Training Center), already parsed into elements, as watch workouts."""

from __future__ import annotations

from retrotimer.core.exchange.workout import (
    Intensity,
    RepeatStep,
    Workout,
    WorkoutEntry,
    WorkoutStep,
)
from retrotimer.core.exchange.workout_reading import (
    conditions_warning,
    dropped_targets_warning,
    refused,
    workout_to_template,
)
from retrotimer.core.exchange.zwo_mapping import ZwoElement, local_name
from retrotimer.core.number_text import finite_number, whole_number
from retrotimer.core.templates.text_rules import shown_text
from retrotimer.core.templates.validation import MAX_READ_DEPTH, Problem, Severity, TemplateReading

NO_WORKOUT = "this is a TCX activity (a recorded run), not a workout; it cannot become a template"
# Targets a TCX step may set, by their schema type, in the words the warning uses.
_TARGET_WORDS = {"Speed_t": "pace", "HeartRate_t": "heart rate", "Cadence_t": "cadence"}


def _child(element: ZwoElement, tag: str) -> ZwoElement | None:
    return next((child for child in element.children if local_name(child.tag) == tag), None)


def _text(element: ZwoElement | None, tag: str) -> str:
    found = _child(element, tag) if element is not None else None
    return found.text.strip() if found is not None else ""


def schema_type(element: ZwoElement | None) -> str:
    """The element's xsi:type ("Time_t"), without a namespace prefix ("tc2:Time_t")."""
    if element is None:
        return ""
    written = next((v for k, v in element.attributes.items() if local_name(k) == "type"), "")
    return written.rpartition(":")[2]


def _heart_rate(duration: ZwoElement | None) -> str:
    value = _child(duration, "HeartRate") if duration is not None else None
    amount = _text(value, "Value")
    unit = "% of max" if schema_type(value) == "HeartRateAsPercentOfMax_t" else " bpm"
    return f"{amount}{unit}" if amount else ""


class _Reading:
    def __init__(self) -> None:
        self.entries: list[WorkoutEntry] = []
        self.problems: list[Problem] = []
        self.dropped: set[str] = set()
        self.conditions: list[str] = []

    def step(self, step: ZwoElement, depth: int) -> None:
        # Steps are named as the file numbers them (StepId), else by their place.
        number = whole_number(_text(step, "StepId")) or len(self.entries) + 1
        subject = f"workout step {number}"
        if schema_type(step) == "Repeat_t":
            written = _text(step, "Repetitions")
            count = whole_number(written)
            if count is None:
                self.problems.append(
                    refused(subject, f"Repetitions {shown_text(written)} is not a count")
                )
                return
            if depth >= MAX_READ_DEPTH:
                self.problems.append(refused(subject, "repeats are nested far too deeply to read"))
                return
            first = len(self.entries)
            for child in step.children:
                if local_name(child.tag) == "Child":
                    self.step(child, depth + 1)
            self.entries.append(RepeatStep(first, count))
            return
        target = schema_type(_child(step, "Target"))
        if target in _TARGET_WORDS:
            self.dropped.add(_TARGET_WORDS[target])
        duration = _child(step, "Duration")
        kind = schema_type(duration)
        name = _text(step, "Name")
        intensity = (
            Intensity.RECOVERY if _text(step, "Intensity") == "Resting" else Intensity.ACTIVE
        )
        seconds = metres = None
        notes = ""
        if kind == "Time_t":
            seconds = finite_number(_text(duration, "Seconds"))
            if seconds is None:
                self.problems.append(refused(subject, "its time has no number of seconds"))
                return
        elif kind == "Distance_t":
            metres = finite_number(_text(duration, "Meters"))
            if metres is None:
                self.problems.append(refused(subject, "its distance has no number of metres"))
                return
        elif kind in ("HeartRateAbove_t", "HeartRateBelow_t", "CaloriesBurned_t"):
            side = "above" if kind == "HeartRateAbove_t" else "below"
            condition = (
                f"until {_text(duration, 'Calories')} calories"
                if kind == "CaloriesBurned_t"
                else f"until heart rate {side} {_heart_rate(duration)}".rstrip()
            )
            notes = condition[:1].upper() + condition[1:]
            self.conditions.append(f"step {number} lasts {condition}")
        elif kind != "UserInitiated_t":
            self.problems.append(
                refused(subject, f"a step's Duration of type {shown_text(kind)} cannot be read")
            )
            return
        self.entries.append(WorkoutStep(name, notes, intensity, seconds, metres=metres))


def tcx_to_template(root: ZwoElement, default_name: str) -> TemplateReading:
    """The first workout of a TCX file as a template; problems name the step they are about.
    Targets are named once; steps that end on a heart rate or calories become open steps."""
    workouts = _child(root, "Workouts")
    workout = _child(workouts, "Workout") if workouts is not None else None
    if workout is None:
        return TemplateReading(None, (refused("", NO_WORKOUT),))
    reading = _Reading()
    for step in workout.children:
        if local_name(step.tag) == "Step":
            reading.step(step, 0)
    problems: list[Problem] = []
    if (warning := dropped_targets_warning(reading.dropped)) is not None:
        problems.append(warning)
    if (conditions := conditions_warning(reading.conditions)) is not None:
        problems.append(conditions)
    sport = workout.attributes.get("Sport", "")
    if sport and sport != "Running":
        problems.append(
            Problem(
                Severity.WARNING,
                f"the workout is for {sport.lower()}; its steps were read as a run",
            )
        )
    parsed = Workout(_text(workout, "Name"), _text(workout, "Notes"), tuple(reading.entries))
    return workout_to_template(
        parsed, default_name=default_name, problems=[*problems, *reading.problems]
    )
