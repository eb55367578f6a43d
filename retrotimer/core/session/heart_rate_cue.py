"""The spoken heart rate at a segment's end: "heart rate 1 hundred 42", after the cues."""

from __future__ import annotations

from typing import TYPE_CHECKING

from retrotimer.core.session.cue_sounds import CueSound, Phrase, SpeechRank
from retrotimer.core.session.speech import number_words

if TYPE_CHECKING:
    from retrotimer.core.session.plan import Plan

HEART_RATE_WORDS = "heart rate"
# Queued this long after the segment's end, so that the words the plan says at that moment
# (safety words first) are queued before it and, by rank, go before it.
HEART_RATE_DELAY_S = 0.5
# The next segment must be this long for the heart rate to be said: its announcement and
# safety words first, then the heart rate, all before its countdown pips begin.
ROOM_AFTER_S = 15.0


def heart_rate_sound(bpm: int) -> CueSound:
    """Words alone, at the lowest rank: safety words cut them off, never the other way."""
    words = (HEART_RATE_WORDS, *number_words(bpm))
    return CueSound(
        speech=tuple(Phrase(word) for word in words),
        rank=SpeechRank.HEART_RATE,
        delay_s=HEART_RATE_DELAY_S,
    )


def heart_rate_fits(plan: Plan, ended_index: int) -> bool:
    """Whether the heart rate may be said as the segment `ended_index` ends: at the end of the
    session, or when the next segment leaves room before its countdown."""
    following = ended_index + 1
    if following >= len(plan.segments):
        return True
    return plan.segments[following].duration_s >= ROOM_AFTER_S
