"""Steps counted from a footpod's cadence as it is heard, time given by the caller."""

from __future__ import annotations

import math

from retrotimer.core.value import value

# A cadence holds until the next one is heard, but no longer than this: past it the footpod
# is taken to be silent (it sends several readings a second while it counts).
MAX_HELD_S = 5.0
_EPSILON = 1e-9


@value
class StepCount:
    """The steps counted so far, and the cadence heard last (steps a minute) with the
    moment it was heard; None for a moment without a cadence (no footpod signal, or time
    that is not to be counted, such as a pause)."""

    steps: float = 0.0
    at_s: float | None = None
    cadence_spm: int | None = None

    def hear(self, now: float, cadence_spm: int | None) -> StepCount:
        """The count at `now`, the last cadence held up to it, and `cadence_spm` from then."""
        steps = self.steps
        if self.at_s is not None and self.cadence_spm is not None:
            held = min(max(0.0, now - self.at_s), MAX_HELD_S)
            steps += self.cadence_spm * held / 60
        return StepCount(steps, now, cadence_spm)

    @property
    def whole(self) -> int:
        """The whole steps counted (a step is counted once it is done)."""
        return math.floor(self.steps + _EPSILON)
