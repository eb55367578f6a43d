"""How heavy a session is: its backward, backward running and longest-bout seconds, at a
runner's cadences, counted straight from the template (no timeline of cues needed)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from retrotimer.core.model import Item, Repeat, Segment, SegmentKind, Template
from retrotimer.core.session.plan import segment_seconds
from retrotimer.core.value import value

if TYPE_CHECKING:
    from retrotimer.core.settings import Settings

_RUNNING = (SegmentKind.BACKWARD_JOG, SegmentKind.BACKWARD_SPRINT)


@value
class Load:
    """Backward seconds, backward running (jog and sprint) seconds, and the longest bout
    (backward segments back to back), in seconds."""

    backward_s: float
    running_s: float
    longest_bout_s: float

    def within(self, other: Load) -> bool:
        """No heavier than `other` on any count."""
        return (
            self.backward_s <= other.backward_s
            and self.running_s <= other.running_s
            and self.longest_bout_s <= other.longest_bout_s
        )


def _segments(items: tuple[Item, ...]) -> Iterator[Segment]:
    for item in items:
        if isinstance(item, Repeat):
            for _ in range(item.count):
                yield from _segments(item.items)
        else:
            yield item


def load(template: Template, settings: Settings) -> Load:
    """The session's load; its backward seconds are the plan's (`compile_plan`) to the digit."""
    backward = running = bout = longest = 0.0
    for segment in _segments(template.items):
        if not segment.kind.is_backward:
            bout = 0.0
            continue
        seconds = segment_seconds(segment, settings)
        backward += seconds
        running += seconds if segment.kind in _RUNNING else 0.0
        bout += seconds
        longest = max(longest, bout)
    return Load(round(backward, 6), round(running, 6), round(longest, 6))
