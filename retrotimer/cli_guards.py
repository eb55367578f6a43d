"""What the command line checks so that a closed pipe or a missing display ends in one line."""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable, Mapping
from typing import ParamSpec

P = ParamSpec("P")

# What a shell reports for a program that a closed pipe stopped (128 + SIGPIPE).
CLOSED_PIPE_EXIT = 141

HEADLESS_HINT = (
    "to run a session in the terminal instead: retrotimer run TEMPLATE --headless "
    "(or, for a window nobody sees, set QT_QPA_PLATFORM=offscreen)"
)


def quiet_on_closed_pipe(main: Callable[P, int]) -> Callable[P, int]:
    """`retrotimer plan ... | head`: once the reader has gone, stop without a traceback."""

    @functools.wraps(main)
    def guarded(*args: P.args, **kwargs: P.kwargs) -> int:
        try:
            code = main(*args, **kwargs)
            sys.stdout.flush()  # inside the guard: what is left would fail at exit
        except BrokenPipeError:
            silence_stdout()
            return CLOSED_PIPE_EXIT
        return code

    return guarded


def silence_stdout() -> None:
    """Send what is still printed to /dev/null: the reader of stdout has gone, and Python
    flushes stdout again at exit."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


def missing_display(environ: Mapping[str, str], platform: str = sys.platform) -> str | None:
    """Why the window cannot open here (None: it can). Qt aborts the process without a display
    on X11 and Wayland systems, so this is asked before Qt is loaded; Windows and macOS always
    have one, and QT_QPA_PLATFORM names a platform that knows its own."""
    if not platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return None
    if environ.get("QT_QPA_PLATFORM") or environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY"):
        return None
    return (
        "no display to open the window on (DISPLAY and WAYLAND_DISPLAY are unset); " + HEADLESS_HINT
    )
