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
from retrotimer.exchange.workouts.fit_workout import condition_words, read_fit_workout
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


def test_a_distance_step_becomes_a_distance_segment() -> None:
    data = connect_workout(
        GOOD_CONNECT_STEPS[0],
        step(1, duration_type="distance", duration_value=100_000, intensity="active"),
    )
    reading = read_fit_workout(data, "w.fit")
    assert reading.template is not None
    assert reading.template.items[1] == Segment(SegmentKind.FORWARD_RUN, Length.metres(1000))


def test_a_lap_button_step_from_elsewhere_is_an_open_segment_with_its_notes() -> None:
    data = connect_workout(
        step(0, duration_type="open", intensity="rest", notes="Hit lap when ready"),
        step(1, duration_type="time", duration_value=60_000, intensity="active"),
    )
    reading = read_fit_workout(data, "w.fit")
    assert reading.template is not None
    assert reading.template.items[0] == Segment(
        SegmentKind.REST, Length.open(), note="Hit lap when ready"
    )


def test_a_heart_rate_condition_is_an_open_step_saying_it_and_named_once() -> None:
    data = connect_workout(
        step(0, duration_type="time", duration_value=60_000, intensity="warmup"),
        step(1, duration_type="hr_less_than", duration_value=225, intensity="cooldown"),
        step(2, duration_type="hr_greater_than", duration_value=80, intensity="active"),
    )
    reading = read_fit_workout(data, "w.fit")
    assert reading.template is not None
    assert reading.template.items[1:] == (
        Segment(SegmentKind.COOLDOWN, Length.open(), note="Until heart rate below 125 bpm"),
        Segment(SegmentKind.FORWARD_RUN, Length.open(), note="Until heart rate above 80% of max"),
    )
    (warning,) = reading.warnings
    assert warning.message.startswith(
        "step 2 lasts until heart rate below 125 bpm; step 3 lasts until heart rate above 80% "
        "of max: RetroTimer measures no heart rate, power or calories"
    )


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


def test_a_repeat_until_a_condition_runs_once_with_the_condition_in_its_first_note() -> None:
    data = connect_workout(
        GOOD_CONNECT_STEPS[0],
        step(1, duration_type="repeat_until_hr_greater_than", duration_value=0, target_value=80),
    )
    reading = read_fit_workout(data, "w.fit")
    assert reading.template is not None
    (block,) = reading.template.items
    assert isinstance(block, Repeat) and block.count == 1
    assert block.items[0].note == "Repeat until heart rate above 80% of max"  # type: ignore[union-attr]
    assert "step 2 repeats until heart rate above 80% of max" in reading.warnings[-1].message


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


@pytest.mark.parametrize(
    ("kind", "fields", "words"),
    [
        ("hr_greater_than", {"duration_hr": 260}, "until heart rate above 160 bpm"),
        ("power_less_than", {"duration_power": 1250}, "until power below 250 W"),
        ("power_greater_than", {"duration_power": 95}, "until power above 95% of FTP"),
        ("calories", {"duration_calories": 300}, "until 300 calories"),
        ("repeat_until_time", {"repeat_time": 600.0}, "until 600 s in all"),
        ("repeat_until_distance", {"repeat_distance": 5000.0}, "until 5000 m in all"),
        ("training_peaks_tss", {}, "until training peaks tss"),
    ],
)
def test_each_condition_is_said_with_its_value(
    kind: str, fields: dict[str, float], words: str
) -> None:
    assert condition_words(kind, fields) == words
