"""The cycle collector held while the window starts: let go at the first paint, and by the
command line whatever becomes of the window."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from retrotimer import cli, collector_at_start


@pytest.fixture(autouse=True)
def collector_restored() -> Iterator[None]:
    yield
    gc.unfreeze()
    gc.enable()


def test_held_until_released_then_frozen_out_of_its_passes() -> None:
    collector_at_start.hold()
    assert not gc.isenabled()
    collector_at_start.release()
    assert gc.isenabled()
    assert gc.get_freeze_count() > 1_000  # this process's modules, classes and tests
    collector_at_start.release()  # a second first paint (another window) changes nothing
    assert gc.isenabled()


def test_release_without_a_hold_freezes_nothing() -> None:
    collector_at_start.release()
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0


def test_the_end_gives_every_object_back() -> None:
    collector_at_start.hold()
    collector_at_start.release()
    collector_at_start.end()
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0


def test_a_window_that_never_paints_lets_the_collector_go(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import retrotimer.app

    seen: list[bool] = []

    def window_fails(*args: object, **kwargs: object) -> int:
        seen.append(gc.isenabled())
        raise RuntimeError("no window")

    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    monkeypatch.setattr(retrotimer.app, "run_gui", window_fails)
    with pytest.raises(RuntimeError, match="no window"):
        cli.main([])
    assert seen == [False]
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0
