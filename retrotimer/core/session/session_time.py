"""Where a session stands in its plan at a clock moment: the one rule for time and pauses."""

from __future__ import annotations

from retrotimer.core.value import replace, value


@value
class SessionTime:
    """A session's clock bookkeeping. Plan time is `clock - started - paused + shift -
    get_ready`, the clock read at the moment asked, at the start of a pause or at the end;
    nothing is ever summed from ticks, so nothing drifts. `shift` is all that skip and back
    change. While an open step waits for its press, plan time stands still: `waited_s` and the
    wait under way (from `wait_from_s` of run time) are left out of it, and stay in the run."""

    get_ready_s: float
    started_at: float | None = None
    paused_s: float = 0.0
    paused_at: float | None = None
    ended_at: float | None = None
    shift_s: float = 0.0
    waited_s: float = 0.0
    wait_from_s: float | None = None

    def started(self, now: float) -> SessionTime:
        return replace(self, started_at=now)

    def paused(self, at: float) -> SessionTime:
        return replace(self, paused_at=at)

    def resumed(self, now: float) -> SessionTime:
        """The pause over at `now`, counted into `paused_s`; the same when not paused."""
        if self.paused_at is None:
            return self
        return replace(self, paused_s=self.paused_s + (now - self.paused_at), paused_at=None)

    def ended(self, at: float) -> SessionTime:
        """Ended at clock time `at`, a pause then under way counted up to it."""
        return replace(self.resumed(at), ended_at=at)

    def waiting(self, at: float) -> SessionTime:
        """Plan time stands still from clock time `at` (run time goes on)."""
        return replace(self, wait_from_s=self.run_s(at))

    def wait_s(self, now: float) -> float:
        """How long the wait under way has lasted at `now` (0 when none is)."""
        return 0.0 if self.wait_from_s is None else self.run_s(now) - self.wait_from_s

    def released(self, at: float) -> SessionTime:
        """The wait over at clock time `at`: plan time moves on from where it stood."""
        if self.wait_from_s is None:
            return self
        return replace(self, waited_s=self.waited_s + self.wait_s(at), wait_from_s=None)

    def shifted(self, by_s: float) -> SessionTime:
        return replace(self, shift_s=self.shift_s + by_s)

    def run_s(self, now: float) -> float:
        """Clock seconds since the start without the pauses, the get-ready included: up to
        `now`, the start of the pause under way, or the end."""
        assert self.started_at is not None, "a session that has not started has not run"
        until = now
        if self.paused_at is not None:
            until = self.paused_at
        elif self.ended_at is not None:
            until = self.ended_at
        return until - self.started_at - self.paused_s

    def plan_time(self, now: float) -> float:
        """Seconds into the plan, unclamped: negative while getting ready (the whole get-ready
        before the start)."""
        if self.started_at is None:
            return -self.get_ready_s
        return self.run_s(now) - self.wait_s(now) - self.waited_s + self.shift_s - self.get_ready_s

    def active_s(self, now: float) -> float:
        """Seconds of the plan's time actually run, jumps and get-ready left out."""
        return max(0.0, self.run_s(now) - self.get_ready_s)
