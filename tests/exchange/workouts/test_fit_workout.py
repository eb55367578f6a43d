"""FIT workout files: every template survives the SDK's decoder and comes back the same."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from retrotimer.core.exchange.workout import template_to_workout
from retrotimer.core.model import Item, Length, Repeat, Segment, SegmentKind, Template
from retrotimer.core.session.plan import compile_plan
from retrotimer.core.settings import Settings, StepsAs
from retrotimer.core.templates.builtin_templates import BUILTIN_TEMPLATES
from retrotimer.exchange.workouts.fit_workout import (
    NOTES_BYTES,
    STEP_NAME_BYTES,
    WORKOUT_NAME_BYTES,
    encode_workout,
    read_fit_workout,
)
from tests.exchange.fit_reading import fit_messages
from tests.strategies import templates

CREATED = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)


def fit_bytes(template: Template, steps_as: StepsAs = StepsAs.TIME) -> bytes:
    return encode_workout(template_to_workout(template, Settings(), steps_as), CREATED)


def segment_kinds(items: tuple[Item, ...]) -> list[SegmentKind]:
    found: list[SegmentKind] = []
    for item in items:
        if isinstance(item, Repeat):
            found += segment_kinds(item.items) * item.count
        else:
            found.append(item.kind)
    return found


def assert_same_session(before: Template, after: Template | None) -> None:
    assert after is not None
    plan_before, plan_after = compile_plan(before, Settings()), compile_plan(after, Settings())
    assert plan_after.total_s == pytest.approx(plan_before.total_s)
    assert len(plan_after.segments) == len(plan_before.segments)
    assert segment_kinds(after.items) == segment_kinds(before.items)


@pytest.mark.parametrize("steps_as", list(StepsAs))
@pytest.mark.parametrize("template", BUILTIN_TEMPLATES, ids=lambda template: template.name)
def test_built_in_templates_round_trip(template: Template, steps_as: StepsAs) -> None:
    data = fit_bytes(template, steps_as)
    messages = fit_messages(data)
    assert messages["file_id_mesgs"][0]["type"] == "workout"
    assert messages["workout_mesgs"][0]["sport"] == "running"
    reading = read_fit_workout(data, "x.fit")
    assert reading.errors == ()
    assert_same_session(template, reading.template)


@settings(max_examples=60, deadline=None)
@given(templates, st.sampled_from(StepsAs))
def test_generated_templates_round_trip(template: Template, steps_as: StepsAs) -> None:
    data = fit_bytes(template, steps_as)
    fit_messages(data)  # the SDK's integrity check and decoder find nothing wrong
    reading = read_fit_workout(data, "x.fit")
    assert_same_session(template, reading.template)


def test_steps_as_time_are_timed_steps_and_lap_are_open_steps() -> None:
    template = BUILTIN_TEMPLATES[0]  # 15-step backward walks
    timed = fit_messages(fit_bytes(template, StepsAs.TIME))["workout_step_mesgs"][1]
    lap = fit_messages(fit_bytes(template, StepsAs.LAP))["workout_step_mesgs"][1]
    assert (timed["duration_type"], timed["duration_time"]) == ("time", 9.0)
    assert lap["duration_type"] == "open"
    assert timed["notes"] == lap["notes"] == "15 steps backward, look over your shoulder"
    assert timed["intensity"] == "active"


def test_repeat_steps_are_fit_repeat_steps() -> None:
    steps = fit_messages(fit_bytes(BUILTIN_TEMPLATES[0]))["workout_step_mesgs"]
    repeat = steps[3]
    assert repeat["duration_type"] == "repeat_until_steps_cmplt"
    assert (repeat["duration_step"], repeat["repeat_steps"]) == (1, 6)


def test_treadmill_notes_say_hold_the_rails() -> None:
    treadmill = next(t for t in BUILTIN_TEMPLATES if t.venue.value == "treadmill")
    notes = fit_messages(fit_bytes(treadmill))["workout_step_mesgs"][1]["notes"]
    assert notes == "hold the rails. slow speed, hold the rails"


def test_long_names_are_cut_to_the_field_sizes_on_a_character_boundary() -> None:
    label = "é" * 59
    template = Template(
        "Ü" * 60,
        (Segment(SegmentKind.WARMUP, Length.seconds(60), label, note="ö" * 80),),
    )
    step = fit_messages(fit_bytes(template))["workout_step_mesgs"][0]
    name = fit_messages(fit_bytes(template))["workout_mesgs"][0]["wkt_name"]
    assert isinstance(name, str) and isinstance(step["wkt_step_name"], str)
    assert len(name.encode()) <= WORKOUT_NAME_BYTES - 1 and set(name) == {"Ü"}
    assert step["wkt_step_name"] == "é" * ((STEP_NAME_BYTES - 1) // 2)
    assert step["notes"] == "ö" * ((NOTES_BYTES - 1) // 2)


# Control, format and separator characters are refused in every label (one validation).
any_labels = st.text(
    st.characters(blacklist_categories=("Cs", "Cc", "Cf", "Zl", "Zp")), min_size=1, max_size=60
)
labelled_segments = st.builds(
    Segment,
    st.sampled_from(SegmentKind),
    st.one_of(st.integers(1, 120).map(Length.seconds), st.integers(1, 60).map(Length.steps)),
    any_labels.map(str.strip).filter(bool),
    st.one_of(st.none(), any_labels),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(labelled_segments, min_size=1, max_size=5))
def test_any_labels_and_notes_keep_the_kinds_and_totals(segments: list[Segment]) -> None:
    template = Template("Labels", (Segment(SegmentKind.WARMUP, Length.seconds(60)), *segments))
    data = fit_bytes(template)
    steps = fit_messages(data)["workout_step_mesgs"]
    step_names = [step.get("wkt_step_name", "") for step in steps]
    assert all(len(str(name).encode()) <= STEP_NAME_BYTES - 1 for name in step_names)
    reading = read_fit_workout(data, "x.fit")
    assert_same_session(template, reading.template)
