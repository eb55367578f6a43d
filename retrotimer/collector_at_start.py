"""Python's cycle collector held off while the window starts, and kept off what it made."""

from __future__ import annotations

import gc


def hold() -> None:
    """Until the window's first paint. What is made at start (modules, classes, enums, the
    window) lives as long as the window: searching it for garbage cycles cost 1.3 % of the
    start's instructions, to find a few hundred objects (bench/startup.py --instructions)."""
    gc.disable()


def release() -> None:
    """At the first paint: the collector runs again, over what is made from now on. The
    start's objects are frozen out of its passes: a full collection, which stops the
    session's timer, then takes 1-2 ms instead of 8-16 (bench/collection_pause.py).
    Does nothing unless held."""
    if gc.isenabled():
        return
    gc.freeze()
    gc.enable()


def end() -> None:
    """The window closed, painted or not: the collector runs again, over everything."""
    release()
    gc.unfreeze()
