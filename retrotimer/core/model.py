"""What a user edits: segment kinds, lengths, repeat blocks and templates."""

from __future__ import annotations

import enum

from retrotimer.core.value import value


class Direction(enum.Enum):
    """Which way the runner faces while moving."""

    BACKWARD = "backward"
    FORWARD = "forward"
    NONE = "none"


class ColourRole(enum.Enum):
    """A semantic colour slot; the UI maps each role to a concrete colour per theme."""

    WARMUP = "warmup"
    BACKWARD_EASY = "backward_easy"
    BACKWARD_HARD = "backward_hard"
    FORWARD = "forward"
    RECOVERY = "recovery"
    REST = "rest"
    COOLDOWN = "cooldown"


class Venue(enum.Enum):
    """Where a template is meant to be run; it decides which safety reminder is given."""

    TRACK = "track"
    TREADMILL = "treadmill"
    ANY = "any"


@value
class KindInfo:
    """The fixed facts about one segment kind."""

    direction: Direction
    label: str
    colour: ColourRole


class SegmentKind(enum.Enum):
    """The kinds of segment a session is made of."""

    WARMUP = "warmup"
    BACKWARD_WALK = "backward_walk"
    BACKWARD_JOG = "backward_jog"
    BACKWARD_SPRINT = "backward_sprint"
    FORWARD_RUN = "forward_run"
    WALK = "walk"
    REST = "rest"
    COOLDOWN = "cooldown"

    @property
    def info(self) -> KindInfo:
        return _KIND_INFO[self]

    @property
    def direction(self) -> Direction:
        return _KIND_INFO[self].direction

    @property
    def label(self) -> str:
        """The stock label, e.g. "Backward jog"."""
        return _KIND_INFO[self].label

    @property
    def colour(self) -> ColourRole:
        return _KIND_INFO[self].colour

    @property
    def is_backward(self) -> bool:
        return self.direction is Direction.BACKWARD


_KIND_INFO: dict[SegmentKind, KindInfo] = {
    SegmentKind.WARMUP: KindInfo(Direction.NONE, "Warm-up walk", ColourRole.WARMUP),
    SegmentKind.BACKWARD_WALK: KindInfo(
        Direction.BACKWARD, "Backward walk", ColourRole.BACKWARD_EASY
    ),
    SegmentKind.BACKWARD_JOG: KindInfo(
        Direction.BACKWARD, "Backward jog", ColourRole.BACKWARD_HARD
    ),
    SegmentKind.BACKWARD_SPRINT: KindInfo(
        Direction.BACKWARD, "Backward sprint", ColourRole.BACKWARD_HARD
    ),
    SegmentKind.FORWARD_RUN: KindInfo(Direction.FORWARD, "Forward run", ColourRole.FORWARD),
    SegmentKind.WALK: KindInfo(Direction.NONE, "Walk", ColourRole.RECOVERY),
    SegmentKind.REST: KindInfo(Direction.NONE, "Rest", ColourRole.REST),
    SegmentKind.COOLDOWN: KindInfo(Direction.NONE, "Cool-down walk", ColourRole.COOLDOWN),
}


class LengthUnit(enum.Enum):
    """A segment lasts a number of seconds or steps, covers a distance, or is open."""

    SECONDS = "seconds"
    STEPS = "steps"
    # A distance in whole metres; the runner presses when it is covered.
    METRES = "metres"
    # No length known in advance: the runner presses when done ("run to the cone").
    OPEN = "open"


@value
class Length:
    """How long a segment lasts: whole seconds, whole steps, whole metres, or open.

    An open length has no amount (0). A segment that ends on a press (open or a distance)
    may carry `cap_s`: after that many seconds it ends by itself.
    """

    amount: int
    unit: LengthUnit
    cap_s: int | None = None

    @classmethod
    def seconds(cls, amount: int) -> Length:
        return cls(amount, LengthUnit.SECONDS)

    @classmethod
    def minutes(cls, amount: int) -> Length:
        return cls(amount * 60, LengthUnit.SECONDS)

    @classmethod
    def steps(cls, amount: int) -> Length:
        return cls(amount, LengthUnit.STEPS)

    @classmethod
    def metres(cls, amount: int, cap_s: int | None = None) -> Length:
        return cls(amount, LengthUnit.METRES, cap_s)

    @classmethod
    def open(cls, cap_s: int | None = None) -> Length:
        return cls(0, LengthUnit.OPEN, cap_s)

    @property
    def is_steps(self) -> bool:
        return self.unit is LengthUnit.STEPS

    @property
    def is_open(self) -> bool:
        return self.unit is LengthUnit.OPEN

    @property
    def is_distance(self) -> bool:
        return self.unit is LengthUnit.METRES

    @property
    def ends_on_press(self) -> bool:
        """The runner ends the segment (a press), or its cap does; the clock alone does not."""
        return self.unit in (LengthUnit.OPEN, LengthUnit.METRES)


@value
class Prompt:
    """Words said and shown a number of seconds into a segment ("Cadence up now" at 30 s)."""

    offset_s: int
    text: str


@value
class Segment:
    """One stretch of the session: a kind, a length, an optional label and on-screen note,
    and prompts timed within it."""

    kind: SegmentKind
    length: Length
    label: str | None = None
    note: str | None = None
    prompts: tuple[Prompt, ...] = ()

    @property
    def display_label(self) -> str:
        return self.label or self.kind.label


@value
class Repeat:
    """A block of items run `count` times; blocks may nest."""

    count: int
    items: tuple[Item, ...]


Item = Segment | Repeat


@value
class Template:
    """A named, reusable session: what the user builds and edits."""

    name: str
    items: tuple[Item, ...]
    description: str = ""
    venue: Venue = Venue.ANY
