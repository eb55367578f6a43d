"""The lighter option halves backward work and nothing else."""

from __future__ import annotations

from retrotimer.core.model import Length, Repeat, Segment, SegmentKind, Template
from retrotimer.core.programs.lighter import half_backward


def test_repeats_with_backward_work_run_half_as_often_rounded_up() -> None:
    walk = Segment(SegmentKind.WALK, Length.seconds(30))
    back = Segment(SegmentKind.BACKWARD_JOG, Length.steps(20))
    template = Template(
        "T",
        (
            Segment(SegmentKind.WARMUP, Length.minutes(5)),
            Repeat(5, (back, walk)),
            Repeat(4, (walk,)),
        ),
    )
    light = half_backward(template)
    assert light.items == (template.items[0], Repeat(3, (back, walk)), Repeat(4, (walk,)))


def test_backward_segments_outside_repeats_keep_half_their_length() -> None:
    template = Template("T", (Segment(SegmentKind.BACKWARD_WALK, Length.minutes(2), "x"),))
    assert half_backward(template).items == (
        Segment(SegmentKind.BACKWARD_WALK, Length.seconds(60), "x"),
    )


def test_a_long_name_stays_within_the_name_limit() -> None:
    light = half_backward(Template("n" * 60, ()))
    assert len(light.name) == 60 and light.name.endswith(" (lighter)")
