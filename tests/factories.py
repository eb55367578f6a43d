"""Small templates for tests."""

from __future__ import annotations

from retrotimer.core.model import Length, Repeat, Segment, SegmentKind, Template, Venue


def first_steps(venue: Venue = Venue.TRACK) -> Template:
    """Warm-up 60 s, 2 x (15 backward-walk steps, 30 s walk), cool-down 20 s."""
    return Template(
        "First steps",
        (
            Segment(SegmentKind.WARMUP, Length.seconds(60)),
            Repeat(
                2,
                (
                    Segment(SegmentKind.BACKWARD_WALK, Length.steps(15)),
                    Segment(SegmentKind.WALK, Length.seconds(30), "turn around and reset"),
                ),
            ),
            Segment(SegmentKind.COOLDOWN, Length.seconds(20)),
        ),
        "A short test session.",
        venue,
    )


def simple(*segments: Segment, venue: Venue = Venue.TRACK) -> Template:
    return Template("Simple", tuple(segments), "", venue)


def named(name: str, seconds: int = 60) -> Template:
    """A template called `name`: one walk of `seconds`."""
    return Template(name, (Segment(SegmentKind.WALK, Length.seconds(seconds)),))
