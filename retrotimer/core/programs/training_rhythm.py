"""The runner's own rhythm: the days off their training days leave, against which a break is
measured, and the advice when they train fewer or more days than advised."""

from __future__ import annotations

from retrotimer.core.programs.program_choice import WEEKDAYS

ADVISED_PER_WEEK = (2, 3)


def free_days(training_days: tuple[str, ...]) -> int:
    """The longest run of days off between two training days, round the week: 2 for
    mon,wed,fri (the weekend), 6 for sun alone, 0 for every day."""
    days = sorted({WEEKDAYS.index(day) for day in training_days})
    following = [*days[1:], days[0] + 7]
    return max(after - before for before, after in zip(days, following, strict=True)) - 1


def rhythm_advice(training_days: tuple[str, ...]) -> str | None:
    """A sentence for a runner training fewer or more days than advised; None otherwise."""
    count = len(set(training_days))
    low, high = ADVISED_PER_WEEK
    if count < low:
        return (
            f"{low}-{high} sessions a week, with a rest day between, is the usual advice: with "
            "one a week the program moves more slowly, a week of it taking as many calendar "
            "weeks as it has sessions."
        )
    if count > high:
        return (
            f"{low}-{high} sessions a week, with a rest day between, is the usual advice: more "
            f"do not move the program faster, since at most {high} count in any 7 days."
        )
    return None
