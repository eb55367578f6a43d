"""The spoken heart rate at a segment's end: "heart rate 1 hundred 42", after the cues."""

from __future__ import annotations

from retrotimer.core.session.cue_sounds import CueSound, Phrase, SpeechRank
from retrotimer.core.session.speech import number_words

HEART_RATE_WORDS = "heart rate"
# Queued this long after the segment's end, so that the words the plan says at that moment
# (safety words first) are queued before it and, by rank, go before it.
HEART_RATE_DELAY_S = 0.5


def heart_rate_sound(bpm: int) -> CueSound:
    """Words alone, at the lowest rank: safety words cut them off, never the other way."""
    words = (HEART_RATE_WORDS, *number_words(bpm))
    return CueSound(
        speech=tuple(Phrase(word) for word in words),
        rank=SpeechRank.HEART_RATE,
        delay_s=HEART_RATE_DELAY_S,
    )
