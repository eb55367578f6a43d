"""What happened in a session: a record per segment and the session's summary."""

from __future__ import annotations

from dataclasses import dataclass

from retrotimer.core.model import Direction, SegmentKind
from retrotimer.core.plan import Plan


@dataclass(frozen=True, slots=True)
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

    @property
    def longest_visit(self) -> float:
        return self.actual_s if self.longest_visit_s is None else self.longest_visit_s

    @property
    def steps_done(self) -> int:
        """Steps done, in proportion to the time spent (a segment cut short did fewer)."""
        if self.steps is None or self.planned_s <= 0:
            return 0
        return round(self.steps * min(1.0, self.actual_s / self.planned_s))


@dataclass(frozen=True, slots=True)
class SessionSummary:
    """Totals of one session, as run."""

    template_name: str
    status: str
    planned_s: float
    active_s: float
    backward_s: float
    forward_s: float
    backward_steps: int
    segments: tuple[SegmentRecord, ...]


def summarise(
    plan: Plan, records: tuple[SegmentRecord, ...], status: str, active_s: float
) -> SessionSummary:
    """Totals from the per-segment records."""

    def seconds(direction: Direction) -> float:
        return round(float(sum(r.actual_s for r in records if r.kind.direction is direction)), 3)

    return SessionSummary(
        template_name=plan.template_name,
        status=status,
        planned_s=plan.total_s,
        active_s=round(active_s, 3),
        backward_s=seconds(Direction.BACKWARD),
        forward_s=seconds(Direction.FORWARD),
        backward_steps=sum(r.steps_done for r in records if r.kind.is_backward),
        segments=records,
    )
