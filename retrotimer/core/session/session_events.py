"""Values a running session produces: its states, its events and a view for the display."""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING

from retrotimer.core.value import value

if TYPE_CHECKING:
    from retrotimer.core.session.plan import Cue, PlannedSegment
    from retrotimer.core.session.records import SegmentRecord, SessionSummary


class SessionState(enum.Enum):
    IDLE = "idle"
    COUNTDOWN = "countdown"
    RUNNING = "running"
    PAUSED = "paused"
    FINISHED = "finished"
    STOPPED = "stopped"

    @property
    def is_over(self) -> bool:
        return self in (SessionState.FINISHED, SessionState.STOPPED)

    @property
    def is_timed(self) -> bool:
        """The clock moves the session on: getting ready or running."""
        return self in (SessionState.COUNTDOWN, SessionState.RUNNING)


class EventKind(enum.Enum):
    CUE = "cue"
    SEGMENT_DONE = "segment_done"
    COUNTDOWN = "countdown_started"
    RUNNING = "running"
    PAUSED = "paused"
    AUTO_PAUSED = "auto_paused"
    RESUMED = "resumed"
    SKIPPED = "skipped"
    WENT_BACK = "back"
    STOPPED = "stopped"
    FINISHED = "finished"


@value
class Event:
    """Something that happened, due at `scheduled_s` of plan time (negative while getting ready).

    `generation` counts the jumps (skip, back) before it: a cue heard again after going back is
    a new event of a later generation. SEGMENT_DONE carries the segment's `record`;
    FINISHED and STOPPED carry the session's `summary`. AUTO_PAUSED carries in
    `paused_for_s` how long the session had already stood still when it was noticed (the
    jump of the clock): the pause began that long before the event.
    """

    kind: EventKind
    scheduled_s: float
    text: str
    state: SessionState
    generation: int
    cue: Cue | None = None
    record: SegmentRecord | None = None
    summary: SessionSummary | None = None
    paused_for_s: float = 0.0

    @property
    def type_name(self) -> str:
        return self.cue.type.value if self.cue is not None else self.kind.value


@value
class SessionView:
    """What a display needs at one moment."""

    state: SessionState
    position_s: float
    get_ready_remaining_s: float
    segment: PlannedSegment
    segment_elapsed_s: float
    segment_remaining_s: float
    next_segment: PlannedSegment | None
    total_s: float
    # Whether the segment ends on the footpod's count of its steps while the footpod is
    # heard, and that count (None: no signal, the segment then ends at its planned time).
    ends_on_count: bool = False
    footpod_steps: int | None = None

    @property
    def session_fraction(self) -> float:
        return self.position_s / self.total_s if self.total_s else 1.0

    @property
    def counting_up(self) -> bool:
        """An open or distance step under way: the display counts its seconds up."""
        return self.segment.ends_on_press and self.get_ready_remaining_s <= 0

    @property
    def counting_down_s(self) -> float:
        """The seconds the display counts down: the get-ready's while any is left, else the
        segment's."""
        return (
            self.get_ready_remaining_s
            if self.get_ready_remaining_s > 0
            else self.segment_remaining_s
        )

    @property
    def segment_fraction(self) -> float:
        duration = self.segment.duration_s
        return min(1.0, self.segment_elapsed_s / duration) if duration else 1.0
