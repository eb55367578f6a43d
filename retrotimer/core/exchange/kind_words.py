"""The segment kind that words from another tool stand for ("Retro jog 30s", "Cool down")."""

from __future__ import annotations

import re

from retrotimer.core.model import SegmentKind

_BACKWARD = {"backward", "backwards", "retro", "reverse"}


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z]+", text.casefold().replace("-", " "))


def kind_from_words(text: str, fallback: SegmentKind = SegmentKind.FORWARD_RUN) -> SegmentKind:
    """The kind a step's free text names; `fallback` when no word says (a forward run unless
    the step's own role, such as a warm-up section, says otherwise)."""
    words = _words(text)
    joined = " ".join(words)
    if re.search(r"\bwarm ?up\b", joined):
        return SegmentKind.WARMUP
    if re.search(r"\bcool ?down\b", joined):
        return SegmentKind.COOLDOWN
    if _BACKWARD & set(words):
        if "sprint" in words:
            return SegmentKind.BACKWARD_SPRINT
        if "walk" in words:
            return SegmentKind.BACKWARD_WALK
        return SegmentKind.BACKWARD_JOG
    if {"rest", "stand"} & set(words):
        return SegmentKind.REST
    if {"walk", "recovery", "recover"} & set(words):
        return SegmentKind.WALK
    if {"jog", "run", "forward", "sprint"} & set(words):
        return SegmentKind.FORWARD_RUN
    return fallback
