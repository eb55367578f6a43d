"""What happened in a session: a record per segment, running totals and the session's summary."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from typing import TYPE_CHECKING

from retrotimer.core.model import Direction, SegmentKind
from retrotimer.core.value import value

if TYPE_CHECKING:
    from retrotimer.core.session.plan import Plan


@value
class SegmentRecord:
    """Planned against actual seconds for one segment; `skipped` when the runner skipped it."""

    index: int
    kind: SegmentKind
    label: str
    planned_s: float
    actual_s: float
    skipped: bool
    steps: int | None = None
    # After Back a segment is visited again and `actual_s` adds up the visits; the longest
    # single visit is what "the longest backward segment" means. None: one visit, actual_s.
    longest_visit_s: float | None = None
    # `steps` are what a footpod counted, not the planned steps (kept while the session
    # runs: its totals count them as they are).
    counted: bool = False

    @property
    def longest_visit(self) -> float:
        return self.actual_s if self.longest_visit_s is None else self.longest_visit_s

    @property
    def steps_done(self) -> int:
        """Steps done: those counted, or the planned ones in proportion to the time spent
        (a segment cut short did fewer)."""
        if self.counted and self.steps is not None:
            return self.steps
        if self.steps is None or self.planned_s <= 0:
            return 0
        return round(self.steps * min(1.0, self.actual_s / self.planned_s))


@value
class SessionTotals:
    """Seconds and steps done so far, from the finished segments (or the session's summary)."""

    active_s: float = 0.0
    backward_s: float = 0.0
    forward_s: float = 0.0
    backward_steps: int = 0

    @classmethod
    def from_records(cls, records: Iterable[SegmentRecord]) -> SessionTotals:
        """Totals of the segments recorded; time between them (pauses) is not active time."""
        listed = list(records)

        def seconds(direction: Direction) -> float:
            return round(sum(r.actual_s for r in listed if r.kind.direction is direction), 3)

        return cls(
            active_s=round(sum(r.actual_s for r in listed), 3),
            backward_s=seconds(Direction.BACKWARD),
            forward_s=seconds(Direction.FORWARD),
            backward_steps=sum(r.steps_done for r in listed if r.kind.is_backward),
        )

    @classmethod
    def from_summary(cls, summary: SessionSummary) -> SessionTotals:
        return cls(summary.active_s, summary.backward_s, summary.forward_s, summary.backward_steps)


def record_to_json(record: SegmentRecord) -> dict[str, object]:
    """A segment record as every JSON output gives it (the run summary, history exports)."""
    return {
        "index": record.index,
        "kind": record.kind.value,
        "label": record.label,
        "planned_s": record.planned_s,
        "actual_s": record.actual_s,
        "skipped": record.skipped,
        "steps": record.steps,
    }


# A session that reached its end with less than this share of its planned time done was
# mostly skipped: it is told as such, not as completed (the time done is what counts).
DONE_SHARE_OF_COMPLETED = 0.5


def mostly_skipped(planned_s: float, active_s: float) -> bool:
    """Whether less than half of the planned time was done."""
    return planned_s > 0 and active_s < DONE_SHARE_OF_COMPLETED * planned_s


class SessionOutcome(enum.Enum):
    """How a session ended: it ran to its end, or the runner stopped it."""

    FINISHED = "finished"
    STOPPED = "stopped"


@value
class SessionSummary:
    """Totals of one session, as run."""

    template_name: str
    status: SessionOutcome
    planned_s: float
    active_s: float
    backward_s: float
    forward_s: float
    backward_steps: int
    segments: tuple[SegmentRecord, ...]

    @property
    def mostly_skipped(self) -> bool:
        """It reached its end, but most of it was skipped."""
        return self.status is SessionOutcome.FINISHED and mostly_skipped(
            self.planned_s, self.active_s
        )


def summarise(
    plan: Plan, records: tuple[SegmentRecord, ...], status: SessionOutcome, active_s: float
) -> SessionSummary:
    """Totals from the per-segment records; `active_s` is the clock's, pauses left out."""
    totals = SessionTotals.from_records(records)
    return SessionSummary(
        template_name=plan.template_name,
        status=status,
        planned_s=plan.total_s,
        active_s=round(active_s, 3),
        backward_s=totals.backward_s,
        forward_s=totals.forward_s,
        backward_steps=totals.backward_steps,
        segments=records,
    )
