"""What every session of one launch shares: clocks, history, speaker, screen-awake, sensors."""

from __future__ import annotations

from typing import TYPE_CHECKING

from retrotimer.core.session.session_machine import Session
from retrotimer.core.value import value
from retrotimer.runtime.wall_clock import WallClock, system_wall_clock

if TYPE_CHECKING:
    from retrotimer.core.history.history_ports import HistoryWriter, SampleWriter
    from retrotimer.core.ports import CueSink, ScreenAwake
    from retrotimer.core.sensors.sensor_ports import SensorSource
    from retrotimer.core.session.plan import Plan
    from retrotimer.core.settings import Settings
    from retrotimer.runtime.clock import Clock, Wait


@value
class RunParts:
    """What every session of a launch shares. `history`, `cues` and `awake` are optional:
    a run without history is not recorded; without cues it is silent. `speed` compresses
    session time (scripts, tests, demos); such runs are recorded as test runs."""

    clock: Clock
    wall_clock: WallClock = system_wall_clock
    history: HistoryWriter | None = None
    cues: CueSink | None = None
    awake: ScreenAwake | None = None
    precise_wait: Wait | None = None
    speed: float = 1.0
    # A get-ready said into an output not yet playing is lost: the countdown waits for the
    # speaker this long at most, then starts and says so.
    sound_wait_s: float = 5.0
    # The heart-rate strap and footpod, sampled into the history while a session runs.
    sensors: SensorSource | None = None
    samples: SampleWriter | None = None
    # Whether a runner can press to end an open or distance step; where nobody can (a
    # terminal run without a terminal), such a step ends at its cap or its estimate.
    presses: bool = True

    def new_session(self, plan: Plan, settings: Settings) -> Session:
        """A session of `plan` at this launch's speed, not started."""
        return Session.from_settings(plan, settings, speed=self.speed, waits_for_press=self.presses)
