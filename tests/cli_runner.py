"""`retrotimer ...` as a real process (`python -m retrotimer`), offscreen, on the test's own
RETROTIMER_HOME unless it names another."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Collection, Mapping
from pathlib import Path
from typing import IO

# What a child's stdin or stdout may be: a pipe or DEVNULL, a descriptor, a file, or None.
Stream = int | IO[str] | None


def cli_environment(
    home: Path | None, env: Mapping[str, str] | None, without: Collection[str] = ()
) -> dict[str, str]:
    """This process's environment (the private home of every test), offscreen, with `home`
    as RETROTIMER_HOME if given and `env` over it all; the names in `without` left out."""
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    if home is not None:
        environment["RETROTIMER_HOME"] = str(home)
    environment.update(env or {})
    return {name: value for name, value in environment.items() if name not in without}


def retrotimer(
    *args: str,
    home: Path | None = None,
    env: Mapping[str, str] | None = None,
    without: Collection[str] = (),
    cwd: Path | None = None,
    timeout: float = 120,
    preexec_fn: Callable[[], None] | None = None,
    stdin: Stream = None,
    stdout: Stream = subprocess.PIPE,
    encoding: str | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run the command line to its end; its output is captured as text (stdout elsewhere if
    given; read in `encoding`, else this process's), its exit code kept."""
    return subprocess.run(
        [sys.executable, "-m", "retrotimer", *args],
        stdin=stdin,
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
        encoding=encoding,
        timeout=timeout,
        env=cli_environment(home, env, without),
        cwd=cwd,
        check=False,
        preexec_fn=preexec_fn,
    )


def start_retrotimer(
    *args: str, home: Path | None = None, env: Mapping[str, str] | None = None, stdin: Stream = None
) -> subprocess.Popen[str]:
    """Start the command line and leave it running, its output piped for the test to read
    while it runs (and to signal or kill it)."""
    return subprocess.Popen(
        [sys.executable, "-m", "retrotimer", *args],
        stdin=stdin,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=cli_environment(home, env),
    )
