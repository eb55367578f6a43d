"""Steps per minute from the moments a runner tapped along with their steps."""

from __future__ import annotations

import statistics
from collections.abc import Sequence

from retrotimer.core.value import value

# A tap closer than this share of the typical interval to the previous one is the same step
# tapped twice (a bounce of the finger, a key hit twice).
DOUBLE_TAP_SHARE = 0.5
# A gap this many typical intervals long or longer is a pause, not a missed tap (which is
# about two): it is left out. A runner who stops for a second or two to look around goes on
# counting; reading that pause as two or three missed steps made the count jump and the
# cadence drop.
PAUSE_SHARE = 2.5
MIN_TAPS = 3


@value
class CadenceEstimate:
    """The measured cadence and how the taps were read.

    `steps` counts the step intervals measured (ten taps in a row give nine); a missed tap
    counts its gap as two steps; `double_taps` were dropped; `pauses` were left out.
    """

    steps_per_minute: int
    steps: int
    double_taps: int
    missed_taps: int
    pauses: int

    @property
    def counted_steps(self) -> int:
        """The steps tapped so far, missed ones included: what a counter should show. It goes
        on across a pause (the tap after it is one more step), never back."""
        return self.steps + 1 + self.pauses


def estimate_cadence(taps: Sequence[float]) -> CadenceEstimate | None:
    """The cadence from tap moments in seconds (in the order they happened), or None when
    there are fewer than MIN_TAPS taps or too few steps left to measure.

    The typical interval is the median of all gaps, so one double tap (two short gaps that
    add up to one step) or one missed tap (a gap twice as long) cannot move it much; each
    gap is then counted as the whole number of typical steps it spans.
    """
    if len(taps) < MIN_TAPS:
        return None
    gaps = [later - earlier for earlier, later in zip(taps, taps[1:], strict=False)]
    if any(gap < 0 for gap in gaps):
        raise ValueError("tap moments must be in the order they happened")
    typical = statistics.median(gaps)
    if typical <= 0:
        return None

    kept = [taps[0]]
    double_taps = 0
    for tap in taps[1:]:
        if tap - kept[-1] < DOUBLE_TAP_SHARE * typical:
            double_taps += 1
        else:
            kept.append(tap)

    if len(kept) < MIN_TAPS:
        return None
    # Measured again without the double taps, whose short gaps pulled the first median down.
    typical = statistics.median(
        later - earlier for earlier, later in zip(kept, kept[1:], strict=False)
    )
    steps = 0
    seconds = 0.0
    missed = 0
    pauses = 0
    for earlier, later in zip(kept, kept[1:], strict=False):
        gap = later - earlier
        share = gap / typical
        if share >= PAUSE_SHARE:
            pauses += 1
            continue
        spanned = max(1, round(share))
        steps += spanned
        missed += spanned - 1
        seconds += gap
    if steps < MIN_TAPS - 1 or seconds <= 0:
        return None
    return CadenceEstimate(round(60.0 * steps / seconds), steps, double_taps, missed, pauses)
