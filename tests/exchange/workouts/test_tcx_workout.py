"""TCX workouts become templates, and written TCX activities are valid against Garmin's schema."""

from __future__ import annotations

from pathlib import Path

import pytest
import xmlschema

from retrotimer.core.model import Length, Repeat, Segment, SegmentKind
from retrotimer.core.templates.validation import TemplateError
from retrotimer.exchange.activities.tcx_activity import activity_to_tcx, plan_name
from retrotimer.exchange.workouts.workout_files import read_workout_data
from tests.exchange.activities.test_activity_files import PAUSED
from tests.exchange.corpus import corpus_file

XSI = 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
NS = 'xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"'


def tcx_step(number: int, name: str, duration: str, intensity: str = "Active") -> str:
    return (
        f'<Step xsi:type="Step_t"><StepId>{number}</StepId><Name>{name}</Name>'
        f"{duration}<Intensity>{intensity}</Intensity>"
        '<Target xsi:type="Speed_t"><SpeedZone xsi:type="PredefinedSpeedZone_t">'
        "<Number>2</Number></SpeedZone></Target></Step>"
    )


WORKOUT = (
    f'<?xml version="1.0" encoding="UTF-8"?><TrainingCenterDatabase {NS} {XSI}><Workouts>'
    '<Workout Sport="Running"><Name>Track retro</Name>'
    + tcx_step(1, "Warm up", '<Duration xsi:type="Time_t"><Seconds>300</Seconds></Duration>')
    + '<Step xsi:type="Repeat_t"><StepId>2</StepId><Repetitions>4</Repetitions>'
    + tcx_step(3, "Retro jog", '<Duration xsi:type="Distance_t"><Meters>100</Meters></Duration>')
    .replace("<Step ", "<Child ")
    .replace("</Step>", "</Child>")
    + tcx_step(4, "Walk back", '<Duration xsi:type="UserInitiated_t"/>', "Resting")
    .replace("<Step ", "<Child ")
    .replace("</Step>", "</Child>")
    + "</Step>"
    + tcx_step(
        5,
        "Cool down",
        '<Duration xsi:type="HeartRateBelow_t"><HeartRate xsi:type="HeartRateInBeatsPerMinute_t">'
        "<Value>110</Value></HeartRate></Duration>",
        "Resting",
    )
    + "</Workout></Workouts></TrainingCenterDatabase>"
)


def test_the_test_workout_is_valid_against_garmins_schema() -> None:
    xmlschema.XMLSchema(corpus_file("xsd/TrainingCenterDatabasev2.xsd")).validate(WORKOUT)


def test_a_tcx_workout_becomes_a_template_with_open_and_distance_steps() -> None:
    reading = read_workout_data(WORKOUT.encode(), Path("track.tcx"))
    assert reading is not None and reading.template is not None, reading
    assert reading.template.name == "Track retro"
    assert reading.template.items == (
        Segment(SegmentKind.WARMUP, Length.seconds(300), "Warm up"),
        Repeat(
            4,
            (
                Segment(SegmentKind.BACKWARD_JOG, Length.metres(100), "Retro jog"),
                Segment(SegmentKind.WALK, Length.open(), "Walk back"),
            ),
        ),
        Segment(SegmentKind.COOLDOWN, Length.open(), "Cool down", "Until heart rate below 110 bpm"),
    )
    messages = [warning.message for warning in reading.warnings]
    assert messages[0].startswith("pace targets were dropped")
    assert messages[1].startswith("step 5 lasts until heart rate below 110 bpm")


def test_a_tcx_activity_is_not_a_workout() -> None:
    with pytest.raises(TemplateError) as raised:
        read_workout_data(activity_to_tcx(PAUSED), Path("run.tcx"))
    assert "this is a TCX activity (a recorded run), not a workout" in str(raised.value)


def test_a_written_activity_names_its_workout_and_is_valid_against_garmins_schema() -> None:
    schema = xmlschema.XMLSchema(corpus_file("xsd/TrainingCenterDatabasev2.xsd"))
    data = activity_to_tcx(PAUSED).decode()
    schema.validate(data)
    decoded = schema.to_dict(data)
    activity = decoded["Activities"]["Activity"][0]
    assert activity["Notes"] == "Pauses"
    assert activity["Training"]["Plan"]["Name"] == "Pauses"


def test_a_plan_name_is_a_token_of_at_most_fifteen_characters() -> None:
    assert plan_name("  Short   backward jogs, twice ") == "Short backward"
