"""What the runner says about a session afterwards: a rating, near-stumbles and notes."""

from __future__ import annotations

from dataclasses import dataclass

RATING_RANGE = (1, 5)
MAX_NEAR_STUMBLES = 99
MAX_NOTES_CHARS = 2000


@dataclass(frozen=True, slots=True)
class SessionFeedback:
    """The runner's own account of a session; `rating` is None when not given."""

    rating: int | None = None
    near_stumbles: int = 0
    notes: str = ""

    def validate(self) -> list[str]:
        """Messages for values out of range; empty when the feedback can be saved."""
        problems: list[str] = []
        low, high = RATING_RANGE
        if self.rating is not None and not low <= self.rating <= high:
            problems.append(f"rating must be {low}-{high}")
        if not 0 <= self.near_stumbles <= MAX_NEAR_STUMBLES:
            problems.append(f"near-stumbles must be 0-{MAX_NEAR_STUMBLES}")
        if len(self.notes) > MAX_NOTES_CHARS:
            problems.append(f"notes must be at most {MAX_NOTES_CHARS} characters")
        return problems
