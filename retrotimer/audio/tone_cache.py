"""The synthesised tones rendered once and kept in the cache dir: rendering them in pure
Python took 46-74 ms of every start."""

from __future__ import annotations

import contextlib
import hashlib
import logging
import marshal
import os
import threading
from collections.abc import Callable
from pathlib import Path

from retrotimer.audio.pcm import SAMPLE_WIDTH, SOUND_RATE, Clip
from retrotimer.audio.tones import (
    FADE_S,
    Tones,
    recipe_frames,
    render_notes,
    synthesise_tones,
    tone_recipes,
    tones_of,
)

log = logging.getLogger(__name__)

_DIGEST = hashlib.sha256().digest_size


def tones_file(cache_dir: Path, rate: int = SOUND_RATE) -> Path:
    """The file for the tones as this code renders them: a change to a recipe or to the
    rendering itself names another file, so a stale one is never read."""
    key = hashlib.sha256(repr((rate, FADE_S, list(tone_recipes().items()))).encode())
    key.update(marshal.dumps(render_notes.__code__))
    return cache_dir / f"tones-{key.hexdigest()[:20]}.pcm"


def cached_tones(
    cache_dir: Path,
    rate: int = SOUND_RATE,
    render: Callable[[int], Tones] = synthesise_tones,
) -> Tones:
    """The tones from the cache, or rendered (with `render`) and cached for the next start.

    The file is every tone's PCM in recipe order after a SHA-256 of it; a file that is
    short, long or damaged is rendered again, and a cache that cannot be written only
    means rendering next time too.
    """
    path = tones_file(cache_dir, rate)
    recipes = tone_recipes()
    sizes = [SAMPLE_WIDTH * recipe_frames(notes, rate) for notes in recipes.values()]
    try:
        data = path.read_bytes()
    except OSError:
        data = b""
    pcm = data[_DIGEST:]
    if len(pcm) == sum(sizes) and hashlib.sha256(pcm).digest() == data[:_DIGEST]:
        clips, offset = {}, 0
        for name, size in zip(recipes, sizes, strict=True):
            clips[name] = Clip(name, pcm[offset : offset + size], rate)
            offset += size
        return tones_of(clips)
    tones = render(rate)
    by_name = tones.by_name()
    _write(path, b"".join(by_name[name].pcm for name in recipes))
    return tones


def _write(path: Path, pcm: bytes) -> None:
    # Another instance may read the cache at the same moment: never a half file.
    partial = path.with_suffix(f".{os.getpid()}-{threading.get_ident()}.part")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # A file left by a crash, or a link planted there, is removed, never written through.
        partial.unlink(missing_ok=True)
        with partial.open("xb") as stream:
            stream.write(hashlib.sha256(pcm).digest() + pcm)
        os.replace(partial, path)
        for stale in path.parent.glob("tones-*.pcm"):
            if stale != path:
                stale.unlink(missing_ok=True)
    except OSError as error:
        log.info("the tones are not cached in %s: %s", path.parent, error)
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
