"""Names people write for segment kinds ("retro jog", "warmup") and the one each stands for."""

from __future__ import annotations

import re

from retrotimer.core.model import SegmentKind

# The name the text syntax writes for each kind.
KIND_NAMES: dict[SegmentKind, str] = {
    SegmentKind.WARMUP: "warm-up walk",
    SegmentKind.BACKWARD_WALK: "backward walk",
    SegmentKind.BACKWARD_JOG: "backward jog",
    SegmentKind.BACKWARD_SPRINT: "backward sprint",
    SegmentKind.FORWARD_RUN: "forward run",
    SegmentKind.WALK: "walk",
    SegmentKind.REST: "rest",
    SegmentKind.COOLDOWN: "cool-down walk",
}

_ALIASES: dict[SegmentKind, tuple[str, ...]] = {
    SegmentKind.WARMUP: ("warmup walk", "warm up", "warmup"),
    SegmentKind.BACKWARD_WALK: (
        "backwards walk",
        "retro walk",
        "reverse walk",
        "walk backward",
        "walk backwards",
    ),
    SegmentKind.BACKWARD_JOG: (
        "backwards jog",
        "retro jog",
        "reverse jog",
        "jog backward",
        "jog backwards",
        "backward run",
        "backwards run",
        "retro run",
    ),
    SegmentKind.BACKWARD_SPRINT: (
        "backwards sprint",
        "retro sprint",
        "reverse sprint",
        "sprint backward",
        "sprint backwards",
    ),
    SegmentKind.FORWARD_RUN: ("run", "forward", "forward jog", "jog"),
    SegmentKind.WALK: ("recovery walk", "recovery", "forward walk"),
    SegmentKind.REST: ("stand", "stand still"),
    SegmentKind.COOLDOWN: ("cooldown walk", "cool down", "cooldown"),
}


def normalise(words: str) -> str:
    """Lower case, hyphens and underscores as spaces, single spaces: "Warm-Up  walk" -> "warm up
    walk"."""
    return " ".join(re.sub(r"[-_]", " ", words.casefold()).split())


def _build_lookup() -> dict[str, SegmentKind]:
    lookup: dict[str, SegmentKind] = {}
    for kind in SegmentKind:
        for name in (KIND_NAMES[kind], kind.value, *_ALIASES[kind]):
            lookup[normalise(name)] = kind
    return lookup


_LOOKUP = _build_lookup()
# The most words any kind's name has ("walk backwards", "cool down walk").
MAX_KIND_WORDS = max(len(name.split()) for name in _LOOKUP)


def kind_from_name(words: str) -> SegmentKind | None:
    """The kind a name stands for ("retro jog" -> BACKWARD_JOG), or None."""
    return _LOOKUP.get(normalise(words))


def closest_kind(words: str) -> SegmentKind | None:
    """The kind whose name looks most like a misspelt one, when one is close enough."""
    if len(words) > 3 * max(map(len, _LOOKUP)):
        return None  # far too long to be a misspelling, and slow to compare
    import difflib  # for a misspelt name only: not at every start

    matches = difflib.get_close_matches(normalise(words), list(_LOOKUP), n=1, cutoff=0.7)
    return _LOOKUP[matches[0]] if matches else None


def kind_name(kind: SegmentKind) -> str:
    return KIND_NAMES[kind]
