"""Python's cycle collector held off while the window starts, and kept off what it made."""

from __future__ import annotations

import gc


def hold() -> None:
    """Until the window's first paint. What is made at start (modules, classes, enums, the
    window) lives as long as the window: searching it for garbage cycles was 6-11 ms of a
    start, to find a few hundred objects."""
    gc.disable()


def release() -> None:
    """At the first paint: the collector runs again, over what is made from now on. The
    start's objects are frozen out of its passes, so that none of them lengthens a pause
    during a session. Does nothing unless held."""
    if gc.isenabled():
        return
    gc.freeze()
    gc.enable()


def end() -> None:
    """The window closed, painted or not: the collector runs again, over everything."""
    release()
    gc.unfreeze()
