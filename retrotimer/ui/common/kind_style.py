"""How each kind of segment shows itself besides colour: a word and an arrow shape."""

from __future__ import annotations

import enum

from retrotimer.core.model import Direction, SegmentKind


class Arrow(enum.Enum):
    """The shape drawn next to the direction word."""

    BACKWARD = "backward"  # two chevrons pointing back (left)
    FORWARD = "forward"  # two chevrons pointing ahead (right)
    WALK = "walk"  # one chevron ahead: moving forward, easily
    STOP = "stop"  # a square: standing still
    PAUSE = "pause"  # two bars: the session is paused


def direction_word(kind: SegmentKind) -> str:
    """The one word a runner reads from afar: BACKWARD, FORWARD, WALK or REST."""
    if kind.direction is Direction.BACKWARD:
        return "BACKWARD"
    if kind.direction is Direction.FORWARD:
        return "FORWARD"
    return "REST" if kind is SegmentKind.REST else "WALK"


def arrow_for(kind: SegmentKind) -> Arrow:
    if kind.direction is Direction.BACKWARD:
        return Arrow.BACKWARD
    if kind.direction is Direction.FORWARD:
        return Arrow.FORWARD
    return Arrow.STOP if kind is SegmentKind.REST else Arrow.WALK


def arrow_description(arrow: Arrow) -> str:
    """Words for screen readers."""
    return {
        Arrow.BACKWARD: "arrow pointing backward",
        Arrow.FORWARD: "arrow pointing forward",
        Arrow.WALK: "arrow pointing forward, walking",
        Arrow.STOP: "stop sign, standing",
        Arrow.PAUSE: "pause sign",
    }[arrow]
