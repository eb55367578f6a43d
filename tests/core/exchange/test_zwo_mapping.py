"""Zwift workouts as templates: steps with a Duration mapped, text events as timed prompts."""

from __future__ import annotations

import pytest

from retrotimer.core.exchange.zwo_mapping import ZwoElement, zwo_to_template
from retrotimer.core.model import Length, Prompt, Repeat, Segment, SegmentKind


def workout(*steps: ZwoElement, **extra: str) -> ZwoElement:
    header = [ZwoElement(tag, text=text) for tag, text in extra.items()]
    return ZwoElement(
        "workout_file",
        children=(
            ZwoElement("name", text="Zwift retro"),
            ZwoElement("sportType", text="run"),
            *header,
            ZwoElement("workout", children=steps),
        ),
    )


def step(tag: str, **attributes: str) -> ZwoElement:
    return ZwoElement(tag, attributes)


def test_time_based_steps_become_segments_with_text_events_as_timed_prompts() -> None:
    reading = zwo_to_template(
        workout(
            step("Warmup", Duration="300", PowerLow="0.4", PowerHigh="0.7"),
            ZwoElement(
                "SteadyState",
                {"Duration": "60", "pace": "2"},
                children=(ZwoElement("textevent", {"timeoffset": "5", "message": "Go backward"}),),
            ),
            step("IntervalsT", Repeat="4", OnDuration="30", OffDuration="45", OnPower="1.1"),
            step("Cooldown", Duration="240"),
        ),
        "file",
    )
    assert reading.errors == ()
    assert reading.template is not None and reading.template.name == "Zwift retro"
    assert reading.template.items == (
        Segment(SegmentKind.WARMUP, Length.seconds(300)),
        Segment(SegmentKind.BACKWARD_JOG, Length.seconds(60), prompts=(Prompt(5, "Go backward"),)),
        Repeat(
            4,
            (
                Segment(SegmentKind.FORWARD_RUN, Length.seconds(30)),
                Segment(SegmentKind.WALK, Length.seconds(45)),
            ),
        ),
        Segment(SegmentKind.COOLDOWN, Length.seconds(240)),
    )
    # The other warning: the backward jog leads straight into a forward run.
    (warning,) = [w for w in reading.warnings if "targets" in w.message]
    assert warning.message.startswith("pace, power and ramp targets were dropped")


@pytest.mark.parametrize("tag", ["FreeRide", "Freeride"])
def test_a_free_ride_with_a_duration_is_a_run_of_that_length(tag: str) -> None:
    reading = zwo_to_template(
        workout(step("Warmup", Duration="300"), step(tag, Duration="600", FlatRoad="1")), "f"
    )
    assert reading.template is not None
    assert reading.template.items[1] == Segment(SegmentKind.FORWARD_RUN, Length.seconds(600))
    assert [w.message for w in reading.warnings] == [
        "flat road targets were dropped: RetroTimer times each segment and has no use for them"
    ]


def events(*pairs: tuple[str, str]) -> tuple[ZwoElement, ...]:
    return tuple(ZwoElement("textevent", {"timeoffset": at, "message": text}) for at, text in pairs)


def test_text_events_of_intervals_are_prompted_in_the_run_they_fall_in() -> None:
    intervals = ZwoElement(
        "IntervalsT",
        {"Repeat": "5", "OnDuration": "60", "OffDuration": "30"},
        children=events(("10", "First one"), ("75", "Easy now"), ("280", "Fourth: hold it")),
    )
    reading = zwo_to_template(workout(intervals), "f")
    on, off = (
        Segment(SegmentKind.FORWARD_RUN, Length.seconds(60)),
        Segment(SegmentKind.WALK, Length.seconds(30)),
    )
    assert reading.template is not None
    assert reading.template.items == (
        Segment(on.kind, on.length, prompts=(Prompt(10, "First one"),)),
        Segment(off.kind, off.length, prompts=(Prompt(15, "Easy now"),)),
        Repeat(2, (on, off)),
        Segment(on.kind, on.length, prompts=(Prompt(10, "Fourth: hold it"),)),
        off,
        Repeat(1, (on, off)),
    )


def test_no_message_is_cut_or_refused_for_its_length_and_late_ones_are_named() -> None:
    long_words = "Keep the pace steady and relaxed. " * 20
    reading = zwo_to_template(
        workout(
            ZwoElement("SteadyState", {"Duration": "60"}, children=events(("5", long_words))),
            ZwoElement("SteadyState", {"Duration": "60"}, children=events(("70", "Later"))),
        ),
        "f",
    )
    assert reading.template is not None
    first, second = reading.template.items
    assert isinstance(first, Segment) and isinstance(second, Segment)
    assert len(first.prompts) > 1 and {p.offset_s for p in first.prompts} == {5}
    assert " ".join(p.text for p in first.prompts) == long_words.strip()
    assert second.prompts == (Prompt(59, "Later"),)
    assert any(
        "1 text events come after the end of their step" in w.message for w in reading.warnings
    )


def test_text_events_placed_by_distance_are_timed_at_a_pace_the_warning_names() -> None:
    element = ZwoElement(
        "SteadyState",
        {"Duration": "600"},
        children=(ZwoElement("textevent", {"distoffset": "500", "message": "Half a kilometre"}),),
    )
    reading = zwo_to_template(workout(element), "f")
    assert reading.template is not None
    assert reading.template.items[0] == Segment(
        SegmentKind.FORWARD_RUN, Length.seconds(600), prompts=(Prompt(180, "Half a kilometre"),)
    )
    assert any("at 6:00 a kilometre" in w.message for w in reading.warnings)


def test_a_step_without_a_duration_and_an_unknown_step_are_refused() -> None:
    reading = zwo_to_template(workout(step("SteadyState"), step("SolidState", Duration="5")), "f")
    assert [error.subject for error in reading.errors] == [
        "workout step 1 <SteadyState>",
        "workout step 2 <SolidState>",
    ]


def test_a_workout_by_distance_has_distance_segments_and_other_roots_are_refused() -> None:
    intervals = step("IntervalsT", Repeat="3", OnDuration="200", OffDuration="100")
    by_distance = zwo_to_template(
        workout(step("SteadyState", Duration="400"), intervals, durationType="distance"), "f"
    )
    assert by_distance.template is not None
    assert by_distance.template.items == (
        Segment(SegmentKind.FORWARD_RUN, Length.metres(400)),
        Repeat(
            3,
            (
                Segment(SegmentKind.FORWARD_RUN, Length.metres(200)),
                Segment(SegmentKind.WALK, Length.metres(100)),
            ),
        ),
    )
    other = zwo_to_template(ZwoElement("gpx"), "f")
    assert "starts with <workout_file>, not <gpx>" in other.errors[0].message


def test_a_name_too_long_is_cut_and_kept_whole_in_the_description_saying_so() -> None:
    long_name = "Sufferfest - The Long Scream of the Hills, in Three Parts, Done Twice Over"
    element = ZwoElement(
        "workout_file",
        children=(
            ZwoElement("name", text=long_name),
            ZwoElement("description", text="Hills."),
            ZwoElement("workout", children=(step("SteadyState", Duration="60"),)),
        ),
    )
    reading = zwo_to_template(element, "f")
    assert reading.template is not None
    assert reading.template.name == long_name[:60].rstrip()
    assert reading.template.description == f"{long_name}\nHills."
    assert any(w.message.startswith("the name is cut to 60 characters") for w in reading.warnings)


@pytest.mark.parametrize("tag", ["FreeRide", "Freeride"])
def test_a_free_ride_without_a_duration_is_an_open_step_that_keeps_its_prompts(tag: str) -> None:
    free = ZwoElement(tag, {}, children=events(("20", "Cone at 40 m: turn there")))
    reading = zwo_to_template(
        workout(step("Warmup", Duration="300"), free, step("Cooldown", Duration="120")), "f"
    )
    assert reading.errors == ()
    assert reading.template is not None
    assert reading.template.items == (
        Segment(SegmentKind.WARMUP, Length.seconds(300)),
        Segment(
            SegmentKind.FORWARD_RUN,
            Length.open(),
            prompts=(Prompt(20, "Cone at 40 m: turn there"),),
        ),
        Segment(SegmentKind.COOLDOWN, Length.seconds(120)),
    )
    assert [w.message for w in reading.warnings] == [
        f"workout step 2 <{tag}> has no Duration: it runs as an open step, ended by a press "
        "(Done, Right, PageDown or L)"
    ]
