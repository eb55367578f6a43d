"""When each spoken phrase starts: one voice, higher ranks first, safety never late or dropped."""

from __future__ import annotations

from typing import TYPE_CHECKING

from retrotimer.core.session.cue_sounds import SpeechRank
from retrotimer.core.session.speech_plan import PHRASE_GAP_S, SENTENCE_GAP_S, STALE_AFTER_S
from retrotimer.core.value import builder, field, value

if TYPE_CHECKING:
    from retrotimer.audio.pcm import Clip

__all__ = ["PHRASE_GAP_S", "SENTENCE_GAP_S", "STALE_AFTER_S", "Due", "SpeechQueue", "Utterance"]


@value
class Utterance:
    """A sentence: clips spoken in order, starting at `not_before` or as soon after as allowed."""

    clips: tuple[Clip, ...]
    not_before: float
    rank: SpeechRank = SpeechRank.ANNOUNCE

    @property
    def duration_s(self) -> float:
        spoken = sum(clip.duration_s for clip in self.clips)
        return spoken + PHRASE_GAP_S * max(0, len(self.clips) - 1)

    @property
    def is_safety(self) -> bool:
        return self.rank is SpeechRank.SAFETY


@value
class Due:
    """What to do now: stop what is sounding first (`cut_off`), then start `clips`."""

    clips: list[Clip] = field(default_factory=list)
    cut_off: bool = False


@builder
class _Waiting:
    utterance: Utterance
    order: int


class SpeechQueue:
    """Pure scheduling; the caller plays what `due(now)` returns and wakes at `wake_at()`.

    A sentence, once begun, goes on phrase by phrase, unless safety words fall due: they cut
    off lower speech at once (the caller stops the sound) and the rest of it is dropped. Any
    other sentence waits its turn and is dropped when it could not start within
    `stale_after_s` of its moment; safety words are never dropped.
    """

    def __init__(self, stale_after_s: float = STALE_AFTER_S) -> None:
        self._stale_after_s = stale_after_s
        self._waiting: list[_Waiting] = []
        self._current: Utterance | None = None
        self._rest: list[Clip] = []
        self._busy_until = float("-inf")
        self._pushed = 0

    def push(self, utterance: Utterance) -> None:
        if utterance.clips:
            self._waiting.append(_Waiting(utterance, self._pushed))
            self._pushed += 1

    def clear(self, now: float) -> None:
        """Forget what is queued; the caller stops what is playing, so speech is free again."""
        self._waiting.clear()
        self._rest.clear()
        self._current = None
        self._busy_until = min(self._busy_until, now)

    @property
    def pending(self) -> int:
        """Phrases still to start."""
        return len(self._rest) + sum(len(w.utterance.clips) for w in self._waiting)

    def speaking(self, now: float) -> bool:
        return now < self._busy_until

    @property
    def quiet_from(self) -> float:
        """When the phrase now being spoken (and its pause) ends."""
        return self._busy_until

    def _may_cut(self) -> bool:
        return self._current is not None and not self._current.is_safety

    def _start_of(self, waiting: _Waiting) -> float:
        utterance = waiting.utterance
        if utterance.is_safety and self._may_cut():
            return utterance.not_before
        return max(self._busy_until, utterance.not_before)

    def wake_at(self) -> float | None:
        """When the next phrase may start, or None when nothing is queued."""
        moments = [self._start_of(w) for w in self._waiting]
        if self._rest:
            moments.append(self._busy_until)
        return min(moments) if moments else None

    def _best_due(self, now: float) -> _Waiting | None:
        due = [w for w in self._waiting if w.utterance.not_before <= now]
        if not due:
            return None
        return min(due, key=lambda w: (w.utterance.rank, w.utterance.not_before, w.order))

    def due(self, now: float) -> Due:
        """The phrase to start now (at most one), and whether lower speech is cut off for it."""
        cut_off = False
        while True:
            best = self._best_due(now)
            if best is not None and best.utterance.is_safety and self._may_cut():
                # Safety words do not wait behind lower speech, sounding or still to come.
                cut_off = self.speaking(now)
                self._rest.clear()
                self._current = None
                self._busy_until = min(self._busy_until, now)
            if self.speaking(now):
                return Due(cut_off=cut_off)
            if self._rest:
                return Due([self._next_phrase(now)], cut_off)
            if best is None:
                self._current = None
                return Due(cut_off=cut_off)
            self._waiting.remove(best)
            utterance = best.utterance
            if not utterance.is_safety and now - utterance.not_before > self._stale_after_s:
                continue
            self._current = utterance
            self._rest = list(utterance.clips)
            return Due([self._next_phrase(now)], cut_off)

    def _next_phrase(self, now: float) -> Clip:
        clip = self._rest.pop(0)
        gap = PHRASE_GAP_S if self._rest else SENTENCE_GAP_S
        self._busy_until = now + clip.duration_s + gap
        return clip
