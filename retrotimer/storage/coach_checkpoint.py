"""The coach's replay of a long history, kept between commands in the cache folder: used
again only for exactly the sessions, program and choice it was made from."""

from __future__ import annotations

import io
import os
import pickle
from pathlib import Path
from typing import TYPE_CHECKING, Any

from retrotimer import __version__
from retrotimer.core.programs.coach import ReplayPoint, finish_replay, replay_point
from retrotimer.storage.atomic import write_atomic
from retrotimer.storage.user_files import UserFileError

if TYPE_CHECKING:
    from retrotimer.core.programs.coach_replay import CoachState
    from retrotimer.core.programs.program_choice import ProgramChoice
    from retrotimer.core.programs.program_model import Program
    from retrotimer.storage.history.figure_rows import FigureRows

CHECKPOINT_FILE = "coach-replay.pickle"
# A checkpoint of another version of the coach is of no use: its rules may differ.
_FORMAT = 1
# The checkpoint of any real history is far smaller; a larger file is not one.
_MOST_BYTES = 16 * 1024 * 1024
# What a checkpoint holds: the coach's values, and the containers they are made of.
_ALLOWED_MODULES = ("retrotimer.core.",)
_ALLOWED_NAMES = {("collections", "deque"), ("builtins", "frozenset"), ("builtins", "set")}


class _CoreUnpickler(pickle.Unpickler):
    """Builds only the coach's own values, never anything a changed file names."""

    def find_class(self, module: str, name: str) -> Any:
        if module.startswith(_ALLOWED_MODULES) or (module, name) in _ALLOWED_NAMES:
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"{module}.{name} is not part of a checkpoint")


def replayed(program: Program, choice: ProgramChoice, rows: FigureRows, cache: Path) -> CoachState:
    """Where the runner stands after `rows` (the sessions since the choice's start day) and
    every resume, as `coach.replay` says without a path. A checkpoint in `cache` made from
    the same program and choice and from rows that are still the first rows given goes on
    with the rows after them; any other is dropped. The checkpoint is then written again
    when it has more rows to keep; a cache folder that cannot be written only costs time."""
    path = cache / CHECKPOINT_FILE
    key = (_FORMAT, __version__, program, choice)
    kept = _load(path, key, rows)
    if kept is None:
        point = replay_point(program, rows.figures(), choice, with_path=False)
    else:
        point = replay_point(program, rows.figures(kept.met), choice, with_path=False, since=kept)
    if kept is None or point.met > kept.met:
        _save(path, key, point, rows.fingerprint(point.met))
    return finish_replay(point, choice)


def _load(path: Path, key: tuple[object, ...], rows: FigureRows) -> ReplayPoint | None:
    try:
        # O_NOFOLLOW: a link in the cache folder is nothing this wrote.
        descriptor = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
        with os.fdopen(descriptor, "rb") as file:
            data = file.read(_MOST_BYTES + 1)
        if len(data) > _MOST_BYTES:
            return None
        stored_key, fingerprint, point = _CoreUnpickler(io.BytesIO(data)).load()
    except Exception:  # whatever it holds, a checkpoint that cannot be read is a cache miss
        return None
    if (
        stored_key != key
        or not isinstance(point, ReplayPoint)
        or not 0 <= point.met <= len(rows)
        or fingerprint != rows.fingerprint(point.met)
    ):
        return None
    return point


def _save(path: Path, key: tuple[object, ...], point: ReplayPoint, fingerprint: str) -> None:
    data = pickle.dumps((key, fingerprint, point), protocol=pickle.HIGHEST_PROTOCOL)
    try:
        write_atomic(path, data, make_folder=True)
    except UserFileError:
        return
