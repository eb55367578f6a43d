"""The tones are rendered once and read back from the cache dir, byte for byte."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from retrotimer.audio.tone_cache import cached_tones, tones_file
from retrotimer.audio.tones import Tones, synthesise_tones

RENDERED = synthesise_tones()


class CountingRender:
    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, rate: int) -> Tones:
        self.calls += 1
        return synthesise_tones(rate)


def pcm_by_name(tones: Tones) -> dict[str, tuple[bytes, int]]:
    return {clip.name: (clip.pcm, clip.rate) for clip in tones.all()}


def test_the_first_start_renders_and_the_next_ones_read_the_same_sounds(tmp_path: Path) -> None:
    render = CountingRender()
    first = cached_tones(tmp_path, render=render)
    assert render.calls == 1 and tones_file(tmp_path).is_file()
    again = cached_tones(tmp_path, render=render)
    assert render.calls == 1, "read from the cache, not rendered again"
    assert pcm_by_name(again) == pcm_by_name(first) == pcm_by_name(RENDERED)


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[:-2],  # cut short
        lambda data: data + b"\0\0",  # too long
        lambda data: data[:100] + bytes([data[100] ^ 1]) + data[101:],  # one bit flipped
        lambda data: b"",
    ],
    ids=["short", "long", "flipped", "empty"],
)
def test_a_damaged_cache_is_rendered_again_and_rewritten(
    tmp_path: Path, damage: Callable[[bytes], bytes]
) -> None:
    cached_tones(tmp_path)
    path = tones_file(tmp_path)
    path.write_bytes(damage(path.read_bytes()))
    render = CountingRender()
    assert pcm_by_name(cached_tones(tmp_path, render=render)) == pcm_by_name(RENDERED)
    assert render.calls == 1
    assert pcm_by_name(cached_tones(tmp_path, render=render)) == pcm_by_name(RENDERED)
    assert render.calls == 1, "the rewritten cache is good"


def test_a_cache_that_cannot_be_written_still_gives_the_tones(tmp_path: Path) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache dir should be", encoding="utf-8")
    assert pcm_by_name(cached_tones(blocked)) == pcm_by_name(RENDERED)
    assert list(tmp_path.iterdir()) == [blocked]


def test_another_rate_is_another_file_and_stale_files_are_removed(tmp_path: Path) -> None:
    stale = tmp_path / "tones-0123456789abcdef0123.pcm"
    stale.write_bytes(b"from an older version")
    low = cached_tones(tmp_path, rate=8000)
    assert {clip.rate for clip in low.all()} == {8000}
    assert tones_file(tmp_path, 8000) != tones_file(tmp_path)
    assert not stale.exists()
    assert [path.name for path in tmp_path.iterdir()] == [tones_file(tmp_path, 8000).name]


def test_a_link_where_the_cache_is_written_is_never_written_through(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cache.mkdir()
    outside = tmp_path / "precious.txt"
    outside.write_text("precious", encoding="utf-8")
    path = tones_file(cache)
    # The name the cache writes to before putting the file in place.
    partial = path.with_suffix(f".{os.getpid()}-{threading.get_ident()}.part")
    partial.symlink_to(outside)
    assert pcm_by_name(cached_tones(cache)) == pcm_by_name(RENDERED)
    assert outside.read_text(encoding="utf-8") == "precious"
    assert path.is_file() and not path.is_symlink()
    assert sorted(p.name for p in cache.iterdir()) == [path.name]
