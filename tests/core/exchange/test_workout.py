"""Templates as watch workouts: one step per segment, repeat steps, notes and intensities."""

from __future__ import annotations

from retrotimer.core.exchange.workout import (
    Intensity,
    RepeatStep,
    WorkoutStep,
    note_from_notes,
    template_to_workout,
)
from retrotimer.core.model import Length, Repeat, Segment, SegmentKind, Template, Venue
from retrotimer.core.settings import Settings, StepsAs

JOGS = Template(
    "Jogs",
    (
        Segment(SegmentKind.WARMUP, Length.minutes(5)),
        Repeat(
            3,
            (
                Segment(SegmentKind.BACKWARD_JOG, Length.steps(20)),
                Repeat(2, (Segment(SegmentKind.REST, Length.seconds(10)),)),
                Segment(SegmentKind.WALK, Length.seconds(30), "turn around and reset"),
            ),
        ),
        Segment(SegmentKind.COOLDOWN, Length.minutes(3), note="easy"),
    ),
    venue=Venue.TRACK,
)


def test_steps_become_a_time_at_the_cadence_with_the_safety_note() -> None:
    workout = template_to_workout(JOGS, Settings(cadence_backward_jog=160), StepsAs.TIME)
    jog = workout.steps[1]
    assert jog == WorkoutStep(
        "Backward jog",
        "20 steps backward, look over your shoulder",
        Intensity.ACTIVE,
        7.5,
        SegmentKind.BACKWARD_JOG,
        20,
    )


def test_steps_as_lap_give_an_open_step() -> None:
    jog = template_to_workout(JOGS, Settings(), StepsAs.LAP).steps[1]
    assert isinstance(jog, WorkoutStep)
    assert jog.seconds is None
    assert jog.notes == "20 steps backward, look over your shoulder"


def test_a_treadmill_says_hold_the_rails() -> None:
    treadmill = Template("T", JOGS.items, venue=Venue.TREADMILL)
    jog = template_to_workout(treadmill, Settings(), StepsAs.LAP).steps[1]
    assert isinstance(jog, WorkoutStep)
    assert jog.notes == "20 steps backward, hold the rails"


def test_repeat_steps_point_back_to_their_first_step_and_nest() -> None:
    steps = template_to_workout(JOGS, Settings(), StepsAs.TIME).steps
    assert steps[3] == RepeatStep(2, 2)  # the rest, twice
    assert steps[5] == RepeatStep(1, 3)  # jog .. walk, three times
    assert len(steps) == 7


def test_intensities_follow_the_kinds() -> None:
    steps = template_to_workout(JOGS, Settings(), StepsAs.TIME).steps
    intensities = [step.intensity for step in steps if isinstance(step, WorkoutStep)]
    assert intensities == [
        Intensity.WARMUP,
        Intensity.ACTIVE,
        Intensity.REST,
        Intensity.RECOVERY,
        Intensity.COOLDOWN,
    ]


def test_the_label_names_the_step_and_the_note_follows_the_safety_words() -> None:
    steps = template_to_workout(JOGS, Settings(), StepsAs.TIME).steps
    walk, cooldown = steps[4], steps[6]
    assert isinstance(walk, WorkoutStep) and isinstance(cooldown, WorkoutStep)
    assert walk.name == "turn around and reset"
    assert cooldown.notes == "easy"


def test_the_segment_note_is_found_again_in_the_notes() -> None:
    assert note_from_notes("20 steps backward, hold the rails. slow speed") == "slow speed"
    assert note_from_notes("look over your shoulder") is None
    assert note_from_notes("keep it easy") == "keep it easy"
