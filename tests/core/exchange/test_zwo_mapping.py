"""Zwift workouts as templates: time-based steps mapped, open-ended ones refused by name."""

from __future__ import annotations

from retrotimer.core.exchange.zwo_mapping import ZwoElement, zwo_to_template
from retrotimer.core.model import Length, Repeat, Segment, SegmentKind


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


def test_time_based_steps_become_segments_with_text_events_as_notes() -> None:
    reading = zwo_to_template(
        workout(
            step("Warmup", Duration="300", PowerLow="0.4", PowerHigh="0.7"),
            ZwoElement(
                "SteadyState",
                {"Duration": "60", "pace": "2"},
                children=(ZwoElement("textevent", {"timeoffset": "0", "message": "Go backward"}),),
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
        Segment(SegmentKind.BACKWARD_JOG, Length.seconds(60), note="Go backward"),
        Repeat(
            4,
            (
                Segment(SegmentKind.FORWARD_RUN, Length.seconds(30)),
                Segment(SegmentKind.WALK, Length.seconds(45)),
            ),
        ),
        Segment(SegmentKind.COOLDOWN, Length.seconds(240)),
    )
    (warning,) = reading.warnings
    assert warning.message.startswith("pace, power and ramp targets were dropped")


def test_free_ride_is_refused_naming_the_step_and_nothing_is_made() -> None:
    reading = zwo_to_template(
        workout(step("Warmup", Duration="300"), step("FreeRide", Duration="600")), "f"
    )
    assert reading.template is None
    (error,) = reading.errors
    assert error.render() == (
        "error: workout step 2 <FreeRide>: a FreeRide step is open-ended; a RetroTimer segment "
        "always has a length: use a SteadyState step with a Duration"
    )


def test_a_step_without_a_duration_and_an_unknown_step_are_refused() -> None:
    reading = zwo_to_template(workout(step("SteadyState"), step("SolidState", Duration="5")), "f")
    assert [error.subject for error in reading.errors] == [
        "workout step 1 <SteadyState>",
        "workout step 2 <SolidState>",
    ]


def test_distances_and_other_roots_are_refused() -> None:
    by_distance = zwo_to_template(
        workout(step("SteadyState", Duration="400"), durationType="distance"), "f"
    )
    assert "distances" in by_distance.errors[0].message
    other = zwo_to_template(ZwoElement("gpx"), "f")
    assert "starts with <workout_file>, not <gpx>" in other.errors[0].message
