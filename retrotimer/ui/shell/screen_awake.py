"""Keep the display awake during a session with wakepy's "keep presenting" mode."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

log = logging.getLogger(__name__)

SLEEP_NOTICE = (
    "The screen may go dark during the session: this desktop did not let RetroTimer keep it "
    "awake. Set the screen to stay on in the system settings, or touch a key now and then."
)


class WakepyScreenAwake:
    """Holds a wakepy mode while a session runs. Where no method works (no session bus, an
    unknown desktop) the session goes on; the reason is logged once.
    """

    def __init__(self, methods: Sequence[str] | None = None) -> None:
        self._methods = None if methods is None else list(methods)  # None: wakepy's choice
        self._mode: Any = None
        self._warned = False
        self.active = False  # whether the system accepted the request

    @property
    def held(self) -> bool:
        return self._mode is not None

    def hold(self) -> None:
        if self._mode is not None:
            return
        # Imported when a session first starts: wakepy looks for its methods (D-Bus...) then.
        from wakepy import keep

        mode = keep.presenting(methods=self._methods, on_fail="pass")
        mode.__enter__()
        self._mode = mode
        self.active = bool(mode.active)
        if not self.active and not self._warned:
            self._warned = True
            log.warning(
                "cannot keep the screen awake: %s",
                mode.result,
                extra={"notice": SLEEP_NOTICE},
            )

    def release(self) -> None:
        mode, self._mode = self._mode, None
        self.active = False
        if mode is not None:
            mode.__exit__(None, None, None)
