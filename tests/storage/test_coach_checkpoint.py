"""The coach's kept replay: it gives what a whole replay gives, is used again only for the
same program, choice and sessions, and a file that is not one is a miss that gets replaced."""

from __future__ import annotations

import pickle
from pathlib import Path

from retrotimer.core.history.history_values import Review
from retrotimer.core.programs.coach import replay
from retrotimer.core.programs.coach_replay import CoachState
from retrotimer.core.programs.program_choice import ProgramChoice
from retrotimer.core.value import replace
from retrotimer.storage.coach_checkpoint import CHECKPOINT_FILE, replayed
from retrotimer.storage.history.history_store import HistoryStore
from tests.core.programs.program_history import START, ran, recorded, small_program

SMALL = small_program()
CHOICE = ProgramChoice(SMALL.name, START)
# Two weeks done well, then a session of week 3.
FIRST = [(0, 1, 1), (2, 1, 2), (7, 2, 1), (9, 2, 2)]


def history(tmp_path: Path, steps: list[tuple[int, int, int]], first: int = 0) -> HistoryStore:
    store = HistoryStore(tmp_path / "history.sqlite")
    entries = [ran(SMALL, *step, number=first + n) for n, step in enumerate(steps)]
    store.import_sessions(recorded(SMALL, entry) for entry in entries)
    return store


def coach(store: HistoryStore, cache: Path, choice: ProgramChoice = CHOICE) -> CoachState:
    return replayed(SMALL, choice, store.real_session_rows(), cache)


def whole(store: HistoryStore, choice: ProgramChoice = CHOICE) -> CoachState:
    return replay(SMALL, store.real_session_figures(), choice, with_path=False)


def tamper_week(cache: Path, week: int) -> None:
    """Change where the kept replay stands, and nothing it is kept for."""
    path = cache / CHECKPOINT_FILE
    key, fingerprint, point = pickle.loads(path.read_bytes())
    point.state.week = week
    path.write_bytes(pickle.dumps((key, fingerprint, point)))


def test_a_kept_replay_goes_on_with_new_sessions_as_a_whole_replay(tmp_path: Path) -> None:
    store = history(tmp_path, FIRST)
    cache = tmp_path / "cache"
    assert coach(store, cache) == whole(store)
    assert (cache / CHECKPOINT_FILE).is_file()
    store.import_sessions([recorded(SMALL, ran(SMALL, 14, 3, 1, number=9))])
    went_on = coach(store, cache)
    assert went_on == whole(store) and (went_on.week, went_on.next_session) == (3, 2)


def test_it_is_used_again_only_for_the_same_rows_program_and_choice(tmp_path: Path) -> None:
    store = history(tmp_path, FIRST)
    cache = tmp_path / "cache"
    coach(store, cache)
    tamper_week(cache, 2)
    assert coach(store, cache).week == 2, "nothing changed: the kept replay is used"
    # A review edited in the past: the kept replay is dropped, and made again.
    first = store.real_session_figures()[0].session_id
    store.set_review(first, Review(rating=5))
    assert coach(store, cache) == whole(store)
    assert coach(store, cache).week == 1, "the first session is hard now"
    tamper_week(cache, 3)
    other_days = replace(CHOICE, training_days=("tue", "sat"))
    assert coach(store, cache, other_days) == whole(store, other_days)


class Hostile:
    """Unpickled without care, it would write a file."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, ...]:
        return (open, (str(self.marker), "w"))


def test_a_file_that_is_no_checkpoint_is_a_miss_and_is_replaced(tmp_path: Path) -> None:
    store = history(tmp_path, FIRST)
    cache = tmp_path / "cache"
    cache.mkdir()
    path = cache / CHECKPOINT_FILE
    marker = tmp_path / "written"
    hostile = pickle.dumps(Hostile(marker))
    for content in (b"", b"not a pickle", pickle.dumps(("a", "b", 1)), hostile):
        path.write_bytes(content)
        assert coach(store, cache) == whole(store)
        assert path.read_bytes() != content
    assert not marker.exists(), "a checkpoint builds only the coach's values"
