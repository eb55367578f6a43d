"""User settings the core needs: cadences, cue options, timing thresholds, preferences."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from retrotimer.core.model import SegmentKind, Venue


class Theme(enum.Enum):
    """The colour theme of the app."""

    SYSTEM = "system"
    DARK = "dark"
    LIGHT = "light"


class StepsAs(enum.Enum):
    """How a steps-counted segment goes to a watch: a time at the cadence, or a lap-button step."""

    TIME = "time"
    LAP = "lap"


# Kinds without a user cadence (steps per minute) use these; a step is a step either way.
_FALLBACK_CADENCES: dict[SegmentKind, int] = {
    SegmentKind.WARMUP: 100,
    SegmentKind.WALK: 100,
    SegmentKind.COOLDOWN: 100,
    SegmentKind.REST: 100,
    SegmentKind.FORWARD_RUN: 160,
}
CADENCE_RANGE = (40, 240)
MAX_COUNTDOWN_PIPS = 5


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything a user can adjust. Defaults follow the safety advice for beginners."""

    cadence_backward_walk: int = 100
    cadence_backward_jog: int = 160
    cadence_backward_sprint: int = 180
    get_ready_s: int = 5
    countdown_pips: int = 3
    reminder_interval_s: int = 10
    next_up_lead_s: int = 5
    voice: bool = True
    beeps: bool = True
    step_ticks: bool = False
    next_up: bool = True
    halfway: bool = True
    volume: float = 0.8
    muted: bool = False
    audio_backend: str = "auto"
    theme: Theme = Theme.SYSTEM
    default_venue: Venue = Venue.TRACK
    safety_checklist: bool = True
    clock_jump_s: float = 5.0
    # How steps-counted segments are written to a watch's workout file.
    watch_steps_as: StepsAs = StepsAs.TIME
    # Set once the welcome has been shown (accepted or skipped), so it is shown only once.
    first_run_done: bool = False

    def cadence(self, kind: SegmentKind) -> int:
        """Steps per minute used to turn a step count of this kind into seconds."""
        if kind is SegmentKind.BACKWARD_WALK:
            return self.cadence_backward_walk
        if kind is SegmentKind.BACKWARD_JOG:
            return self.cadence_backward_jog
        if kind is SegmentKind.BACKWARD_SPRINT:
            return self.cadence_backward_sprint
        return _FALLBACK_CADENCES[kind]

    def validate(self) -> list[str]:
        """Messages for values out of range; empty when the settings are usable."""
        problems: list[str] = []
        low, high = CADENCE_RANGE
        for name in ("cadence_backward_walk", "cadence_backward_jog", "cadence_backward_sprint"):
            value = getattr(self, name)
            if not low <= value <= high:
                problems.append(f"{name.replace('_', ' ')} must be {low}-{high} steps a minute")
        if not 0 <= self.countdown_pips <= MAX_COUNTDOWN_PIPS:
            problems.append(f"countdown pips must be 0-{MAX_COUNTDOWN_PIPS}")
        if not 0 <= self.get_ready_s <= 60:
            problems.append("get-ready countdown must be 0-60 seconds")
        if not 5 <= self.reminder_interval_s <= 120:
            problems.append("reminder interval must be 5-120 seconds")
        if not 2 <= self.next_up_lead_s <= 30:
            problems.append("next-up lead must be 2-30 seconds")
        if not 0.0 <= self.volume <= 1.0:
            problems.append("volume must be between 0 and 1")
        if self.audio_backend not in ("auto", "simpleaudio", "qt", "silent"):
            problems.append("audio backend must be auto, simpleaudio, qt or silent")
        if self.clock_jump_s <= 0:
            problems.append("clock jump threshold must be positive")
        return problems
