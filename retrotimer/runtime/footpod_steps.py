"""The footpod's count of the steps of each visit of a segment, for the session under way."""

from __future__ import annotations

from typing import TYPE_CHECKING

from retrotimer.core.sensors.step_count import StepCount

if TYPE_CHECKING:
    from retrotimer.core.sensors.sensor_ports import SensorSource


class FootpodSteps:
    """A StepSource: the steps counted from the footpod's cadence since the session's visit
    `visit` began, at `now`; None while the footpod is not heard. Time the session is not
    running (paused, getting ready) counts nothing."""

    def __init__(self, sensors: SensorSource) -> None:
        self._sensors = sensors
        self._visit = 0
        self._count = StepCount()

    def __call__(self, now: float, visit: int, running: bool) -> int | None:
        cadence = self._sensors.readings().cadence_spm
        if visit != self._visit:
            self._visit, self._count = visit, StepCount()
        self._count = self._count.hear(now, cadence if running else None)
        return self._count.whole if cadence is not None else None
