"""FIT workouts from Garmin Connect become templates; what cannot be mapped is refused by step."""

from __future__ import annotations

from typing import Any

import pytest
from garmin_fit_sdk import CrcCalculator
from hypothesis import given, settings
from hypothesis import strategies as st

from retrotimer.core.model import Length, Repeat, Segment, SegmentKind
from retrotimer.core.templates.validation import TemplateError
from retrotimer.exchange.fit_messages import APPLICATION_ID, own_developer_keys
from retrotimer.exchange.workouts.fit_workout import read_fit_workout
from tests.exchange.foreign_files import GOOD_CONNECT_STEPS, an_activity, connect_workout, step


def test_a_connect_workout_becomes_a_template_and_targets_are_named_once() -> None:
    reading = read_fit_workout(connect_workout(*GOOD_CONNECT_STEPS), "w.fit")
    assert reading.errors == ()
    assert reading.template is not None and reading.template.name == "Connect retro"
    assert reading.template.items == (
        Segment(SegmentKind.WARMUP, Length.seconds(300), "Warm up"),
        Repeat(
            4,
            (
                Segment(SegmentKind.BACKWARD_JOG, Length.seconds(45), "Retro jog"),
                Segment(SegmentKind.WALK, Length.seconds(60)),
            ),
        ),
        Segment(SegmentKind.COOLDOWN, Length.seconds(180)),
    )
    (warning,) = reading.warnings
    assert warning.message == (
        "heart rate and pace targets were dropped: RetroTimer times each segment and has no "
        "use for them"
    )


def test_a_distance_step_is_refused_naming_it() -> None:
    data = connect_workout(
        GOOD_CONNECT_STEPS[0],
        step(1, duration_type="distance", duration_value=100_000, intensity="active"),
    )
    reading = read_fit_workout(data, "w.fit")
    assert reading.template is None
    (error,) = reading.errors
    assert error.render("w.fit") == (
        "w.fit: error: workout step 2: a length given as a distance (1000 m) cannot be used; "
        "RetroTimer segments last a time or a number of steps"
    )


def test_an_open_step_from_elsewhere_is_refused() -> None:
    data = connect_workout(step(0, duration_type="open", intensity="active"))
    (error,) = read_fit_workout(data, "w.fit").errors
    assert error.subject == "workout step 1" and "lap button" in error.message


def test_an_activity_is_not_a_workout() -> None:
    with pytest.raises(TemplateError) as raised:
        read_fit_workout(an_activity(), "run.fit")
    assert str(raised.value) == (
        "run.fit: error: this FIT file is a recorded activity, not a workout; only FIT workout "
        "files (from RetroTimer or Garmin Connect) become templates"
    )


@pytest.mark.parametrize(
    "damage",
    [lambda data: data[: len(data) // 2], lambda data: data[:20] + b"\xff" + data[21:]],
    ids=["truncated", "one byte changed"],
)
def test_damaged_files_give_one_line(damage: object) -> None:
    data = damage(connect_workout(*GOOD_CONNECT_STEPS))  # type: ignore[operator]
    with pytest.raises(TemplateError) as raised:
        read_fit_workout(data, "bad.fit")
    assert str(raised.value).startswith("bad.fit: error: the FIT file is damaged")
    assert "\n" not in str(raised.value)


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_any_damage_behind_a_valid_checksum_gives_a_reading_or_a_plain_error(
    data: st.DataObject,
) -> None:
    original = bytearray(connect_workout(*GOOD_CONNECT_STEPS))
    body_end = len(original) - 2
    for _ in range(data.draw(st.integers(1, 4))):
        position = data.draw(st.integers(14, body_end - 1))
        original[position] = data.draw(st.integers(0, 255))
    crc = CrcCalculator.calculate_crc(original, 0, body_end)
    original[body_end : body_end + 2] = crc.to_bytes(2, "little")
    try:
        reading = read_fit_workout(bytes(original), "fuzz.fit")
    except TemplateError as error:
        assert "\n" not in str(error)
    else:
        assert reading.template is not None or reading.errors


def test_a_repeat_until_a_time_is_refused_with_what_is_supported() -> None:
    data = connect_workout(
        GOOD_CONNECT_STEPS[0],
        step(1, duration_type="repeat_until_time", duration_value=0, target_value=600_000),
    )
    (error,) = read_fit_workout(data, "w.fit").errors
    assert error.render() == (
        "error: workout step 2: a repeat until time cannot be used; RetroTimer repeats a block "
        "a set number of times"
    )


@pytest.mark.parametrize(
    "odd",
    [
        {"developer_data_id_mesgs": [{"application_id": 7, "developer_data_index": 0}]},
        {"developer_data_id_mesgs": [{"application_id": None, "developer_data_index": [0]}]},
        {
            "developer_data_id_mesgs": [
                {"application_id": APPLICATION_ID, "developer_data_index": 0}
            ],
            "field_description_mesgs": [
                {"developer_data_index": 0, "field_definition_number": [0], "key": 3},
                {"developer_data_index": 0, "field_definition_number": 1, "key": "x"},
                {"developer_data_index": [0], "field_definition_number": 2, "key": 4},
            ],
        },
    ],
)
def test_odd_field_types_in_a_fit_file_are_not_taken_for_ours(odd: dict[str, Any]) -> None:
    # What a damaged file or another encoder can hand the decoder: lists, text, None.
    assert own_developer_keys(odd) == {}
