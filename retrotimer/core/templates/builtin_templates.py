"""The read-only built-in templates: a safe progression from first backward steps to sprints."""

from __future__ import annotations

from retrotimer.core.model import Item, Length, Repeat, Segment, SegmentKind, Template, Venue

_RESET = "turn around and reset"


def _warmup(minutes: int) -> Segment:
    return Segment(SegmentKind.WARMUP, Length.minutes(minutes))


def _cooldown(minutes: int) -> Segment:
    return Segment(SegmentKind.COOLDOWN, Length.minutes(minutes))


def _template(name: str, venue: Venue, description: str, *items: Item) -> Template:
    return Template(name, tuple(items), description, venue)


# The order is the progression: walking before jogging, steps before minutes, minutes
# before sprints. Each description ends with the totals a runner can check against the plan
# ("About N minutes in all; backward: ...; forward: ..."); tests hold them to it.
BUILTIN_TEMPLATES: tuple[Template, ...] = (
    _template(
        "First steps backward",
        Venue.TRACK,
        "For your very first backward session: learn to walk backward in short runs of 15 "
        "steps, then stop, turn around and reset before the next. Warm up first and choose a "
        "flat, open space with nothing behind you. "
        "About 12 minutes in all; backward: 90 steps.",
        _warmup(5),
        Repeat(
            6,
            (
                Segment(SegmentKind.BACKWARD_WALK, Length.steps(15)),
                Segment(SegmentKind.WALK, Length.seconds(30), _RESET),
            ),
        ),
        _cooldown(3),
    ),
    _template(
        "Short backward jogs",
        Venue.TRACK,
        "For when walking backward feels steady: two minutes of backward walking, then a slow "
        "backward jog in short runs of 20 steps, each ended by a stop, a turn and a short walk. "
        "About 15 minutes in all; backward: 2 minutes and 200 steps.",
        _warmup(5),
        Segment(SegmentKind.BACKWARD_WALK, Length.minutes(2)),
        Repeat(
            10,
            (
                Segment(SegmentKind.BACKWARD_JOG, Length.steps(20)),
                Segment(SegmentKind.WALK, Length.seconds(20), _RESET),
            ),
        ),
        _cooldown(3),
    ),
    _template(
        "Treadmill retro intro",
        Venue.TREADMILL,
        "For your first backward minutes on a treadmill: walk backward at a slow speed with "
        "both hands on the rails, one minute at a time, with a minute of ordinary walking "
        "between. Clip on the safety key before you start. "
        "About 18 minutes in all; backward: 5 minutes.",
        _warmup(5),
        Repeat(
            5,
            (
                Segment(
                    SegmentKind.BACKWARD_WALK,
                    Length.minutes(1),
                    note="slow speed, hold the rails",
                ),
                Segment(SegmentKind.WALK, Length.minutes(1)),
            ),
        ),
        _cooldown(3),
    ),
    _template(
        "Forward and backward mix",
        Venue.ANY,
        "For runners who already jog backward with confidence: forward running broken up by "
        "short backward jogs, for variety and balance, with a short walk to stop and turn "
        "around at every change of direction. About 24 minutes in all; backward: "
        "2 minutes 30 seconds; forward: 10 minutes.",
        _warmup(5),
        Repeat(
            5,
            (
                Segment(SegmentKind.FORWARD_RUN, Length.minutes(2)),
                Segment(SegmentKind.WALK, Length.seconds(20), _RESET),
                Segment(SegmentKind.BACKWARD_JOG, Length.seconds(30)),
                Segment(SegmentKind.WALK, Length.seconds(20), _RESET),
            ),
        ),
        _cooldown(3),
    ),
    _template(
        "Ten backward minutes",
        Venue.TRACK,
        "For runners who jog backward comfortably for a few minutes and want to build to ten: "
        "five 2-minute backward jogs with a walk between to look around and recover. "
        "About 25 minutes in all; backward: 10 minutes.",
        _warmup(5),
        Repeat(
            5,
            (
                Segment(SegmentKind.BACKWARD_JOG, Length.minutes(2)),
                Segment(SegmentKind.WALK, Length.minutes(1)),
            ),
        ),
        _cooldown(5),
    ),
    _template(
        "Backward sprints",
        Venue.TRACK,
        "Advanced, for runners at ease with ten minutes of backward jogging: a backward jog to "
        "prepare, then short, fast backward sprints for agility with a long walk to recover. "
        "Sprint only on a clear track. About 18 minutes in all; backward: 3 minutes.",
        _warmup(5),
        Segment(SegmentKind.BACKWARD_JOG, Length.minutes(2)),
        Repeat(
            6,
            (
                Segment(SegmentKind.BACKWARD_SPRINT, Length.seconds(10)),
                Segment(SegmentKind.WALK, Length.seconds(50)),
            ),
        ),
        _cooldown(5),
    ),
)


def builtin_template(name: str) -> Template | None:
    """The built-in template with this name (case does not matter), or None."""
    wanted = name.strip().casefold()
    for template in BUILTIN_TEMPLATES:
        if template.name.casefold() == wanted:
            return template
    return None
