"""The names of the other tools' formats, apart from their codecs so that naming them is cheap."""

from __future__ import annotations

import enum


class WorkoutFormat(enum.Enum):
    """Workout files of other tools: Garmin's FIT and TCX, intervals.icu text, Zwift's .zwo."""

    FIT = "fit"
    ICU = "icu"
    ZWO = "zwo"
    TCX = "tcx"

    @property
    def suffix(self) -> str:
        return {"fit": ".fit", "icu": ".txt", "zwo": ".zwo", "tcx": ".tcx"}[self.value]


# What `templates export --format` can write besides TOML and the text syntax.
EXPORT_FORMATS = (WorkoutFormat.FIT, WorkoutFormat.ICU)


class ActivityFormat(enum.Enum):
    """FIT (Garmin Connect, Strava, intervals.icu) or TCX (most other logs)."""

    FIT = "fit"
    TCX = "tcx"

    @property
    def suffix(self) -> str:
        return f".{self.value}"
