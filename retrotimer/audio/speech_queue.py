"""When each spoken phrase starts: one after another, never two at once, stale speech dropped."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

from retrotimer.audio.pcm import Clip

# A breath between the phrases of one sentence, a longer one between sentences.
PHRASE_GAP_S = 0.06
SENTENCE_GAP_S = 0.2
# A sentence that could not start within this long of its cue is no longer true ("halfway"
# said ten seconds late misleads): it is dropped rather than said late.
STALE_AFTER_S = 4.0


@dataclass(frozen=True, slots=True)
class Utterance:
    """A sentence: clips spoken in order, starting at `not_before` or as soon after as free."""

    clips: tuple[Clip, ...]
    not_before: float

    @property
    def duration_s(self) -> float:
        spoken = sum(clip.duration_s for clip in self.clips)
        return spoken + PHRASE_GAP_S * max(0, len(self.clips) - 1)


@dataclass(frozen=True, slots=True)
class _Phrase:
    clip: Clip
    utterance: Utterance
    first: bool
    last: bool


class SpeechQueue:
    """Pure scheduling; the caller plays what `due(now)` returns and wakes at `wake_at()`."""

    def __init__(self, stale_after_s: float = STALE_AFTER_S) -> None:
        self._stale_after_s = stale_after_s
        self._pending: deque[_Phrase] = deque()
        self._busy_until = float("-inf")

    def push(self, utterance: Utterance) -> None:
        count = len(utterance.clips)
        for i, clip in enumerate(utterance.clips):
            self._pending.append(_Phrase(clip, utterance, i == 0, i == count - 1))

    def clear(self, now: float) -> None:
        """Forget what is queued; the caller stops what is playing, so speech is free again."""
        self._pending.clear()
        self._busy_until = min(self._busy_until, now)

    @property
    def pending(self) -> int:
        return len(self._pending)

    def speaking(self, now: float) -> bool:
        return now < self._busy_until

    @property
    def quiet_from(self) -> float:
        """When the phrase now being spoken (and its pause) ends."""
        return self._busy_until

    def wake_at(self) -> float | None:
        """When the next phrase may start, or None when nothing is queued."""
        if not self._pending:
            return None
        return max(self._busy_until, self._pending[0].utterance.not_before)

    def due(self, now: float) -> list[Clip]:
        """The phrase to start now (at most one while the voice is free), dropping stale ones."""
        started: list[Clip] = []
        while self._pending:
            phrase = self._pending[0]
            if now < max(self._busy_until, phrase.utterance.not_before):
                break
            self._pending.popleft()
            if phrase.first and now - phrase.utterance.not_before > self._stale_after_s:
                self._drop_rest_of(phrase.utterance)
                continue
            gap = SENTENCE_GAP_S if phrase.last else PHRASE_GAP_S
            self._busy_until = now + phrase.clip.duration_s + gap
            started.append(phrase.clip)
        return started

    def _drop_rest_of(self, utterance: Utterance) -> None:
        while self._pending and self._pending[0].utterance is utterance:
            self._pending.popleft()
