"""What a cue or a session event sounds like under the user's settings: a tone, words, or both."""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING

from retrotimer.core.model import Direction
from retrotimer.core.session.plan import Cue, CueType, Plan, cue_wanted
from retrotimer.core.session.session_events import Event, EventKind
from retrotimer.core.session.speech import spoken_label
from retrotimer.core.session.tone_names import (
    FINISH,
    RAILS,
    REMINDER,
    STEP_TICK,
    TURN,
    go_name,
    pip_name,
)
from retrotimer.core.value import value

if TYPE_CHECKING:
    from retrotimer.core.settings import Settings


class SpeechRank(enum.IntEnum):
    """Who goes first when sentences compete for the one voice (lower goes first)."""

    SAFETY = 0
    ANNOUNCE = 1  # the new segment's kind and direction, then its length and rep
    PROMPT = 2  # a timed prompt of the segment's own, in its words
    NEXT_UP = 3
    HALFWAY = 4
    HEART_RATE = 5  # said at a segment's end, after everything the plan says then


SAFETY_CUES = frozenset({CueType.TURN_AROUND, CueType.SHOULDER_CHECK, CueType.HOLD_RAILS})
# A runner without the voice still needs every safety cue, each told apart by its own sound.
SAFETY_TONES = {
    CueType.SHOULDER_CHECK: REMINDER,
    CueType.TURN_AROUND: TURN,
    CueType.HOLD_RAILS: RAILS,
}
_RANKS = {
    **dict.fromkeys(SAFETY_CUES, SpeechRank.SAFETY),
    CueType.NEXT_UP: SpeechRank.NEXT_UP,
    CueType.HALFWAY: SpeechRank.HALFWAY,
    CueType.PROMPT: SpeechRank.PROMPT,
}


@value
class Phrase:
    """A phrase to speak; `fallback` is the stock phrase for a custom label with no clip."""

    text: str
    fallback: str | None = None


@value
class CueSound:
    """A tone (by name) played at once and words queued after it.

    `interrupt` stops what is sounding and drops queued speech first: after a pause, a skip
    or a stop, what was about to be said is no longer true. The words compete for the voice
    at `rank` and start `delay_s` after the event (None: as soon as the tone is over).
    """

    tone: str | None = None
    speech: tuple[Phrase, ...] = ()
    interrupt: bool = False
    rank: SpeechRank = SpeechRank.ANNOUNCE
    delay_s: float | None = None


NOTHING = CueSound()
# A turn: "stop and turn around" and the seconds after it in which the runner stops and turns
# (the words end about 2 s after the cue). A pause in it may have cut the words off or come
# before the turn was made, so the resume says them again.
TURN_S = 3.0
# Said at the end of a session whose work was mostly skipped, in place of "session complete".
MOSTLY_SKIPPED_WORDS = "session ended"
_INTERRUPTING = {EventKind.PAUSED, EventKind.AUTO_PAUSED, EventKind.STOPPED}
_STATE_WORDS = {
    EventKind.PAUSED: "paused",
    EventKind.AUTO_PAUSED: "paused",
    EventKind.RESUMED: "resumed",
    EventKind.STOPPED: "stopped",
}


def cue_sound(event: Event, plan: Plan, settings: Settings) -> CueSound:
    """The sound for one event. Mute is the player's business; voice and beeps are here."""
    if event.cue is not None:
        return sound_of_cue(event.cue, plan, settings)
    kind = event.kind
    words = _STATE_WORDS.get(kind)
    speech = (Phrase(words),) if words and settings.voice else ()
    if kind in _INTERRUPTING:
        return CueSound(speech=speech, interrupt=True)
    if kind in (EventKind.SKIPPED, EventKind.WENT_BACK):
        return CueSound(interrupt=True)
    if kind is EventKind.RESUMED:
        segment = plan.segments[plan.segment_index_at(max(0.0, event.scheduled_s))]
        tone = go_name(segment.kind.direction) if settings.beeps else None
        turn = turn_under_way(plan, event.scheduled_s)
        if turn is None:
            return CueSound(tone=tone, speech=speech)
        # Safety first: the turn's own sound (without the voice, its signal for the go tone).
        again = sound_of_cue(turn, plan, settings)
        return CueSound(tone=again.tone or tone, speech=(*again.speech, *speech), rank=again.rank)
    if kind is EventKind.FINISHED and event.summary is not None and event.summary.mostly_skipped:
        # The finish cue has just begun "session complete": untrue of a session mostly skipped.
        ended = (Phrase(MOSTLY_SKIPPED_WORDS),) if settings.voice else ()
        return CueSound(speech=ended, interrupt=True)
    if kind is EventKind.RUNNING and settings.voice and not settings.beeps:
        # Without beeps the go tone of the first segment becomes a spoken "go".
        return CueSound(speech=(Phrase("go"),))
    return NOTHING


def turn_under_way(plan: Plan, position_s: float) -> Cue | None:
    """The turn cue heard less than TURN_S before `position_s`, if any. One at `position_s`
    itself has not been heard yet: a skip lands on it, and it sounds as the session goes on."""
    turns = (cue for cue in reversed(plan.cues) if cue.type is CueType.TURN_AROUND)
    return next((cue for cue in turns if cue.at_s < position_s < cue.at_s + TURN_S), None)


def upcoming_direction(cue: Cue, plan: Plan) -> Direction:
    """The direction a countdown leads into: the first segment, the next one, or the finish."""
    if cue.at_s < 0:
        return plan.segments[0].kind.direction
    following = cue.segment_index + 1
    if following < len(plan.segments):
        return plan.segments[following].kind.direction
    return Direction.NONE


def sound_of_cue(cue: Cue, plan: Plan, settings: Settings) -> CueSound:
    """The sound for one cue, its words whole: the speech plan may shorten or delay them."""
    kind = cue.type
    if not cue_wanted(kind, settings):
        return NOTHING
    voice, beeps = settings.voice, settings.beeps
    speech = _phrases(cue, plan) if voice else ()
    if kind is CueType.COUNTDOWN:
        if beeps:
            return CueSound(tone=pip_name(upcoming_direction(cue, plan)))
        return CueSound(speech=(Phrase(cue.text),) if voice else ())
    if kind is CueType.ANNOUNCE:
        direction = plan.segments[cue.segment_index].kind.direction
        return CueSound(tone=go_name(direction) if beeps else None, speech=speech)
    if kind is CueType.FINISH:
        return CueSound(tone=FINISH if beeps else None, speech=speech)
    if kind is CueType.STEP_TICK:
        return CueSound(tone=STEP_TICK) if beeps else NOTHING
    if kind in SAFETY_CUES:
        if voice:
            return CueSound(speech=speech, rank=SpeechRank.SAFETY)
        return CueSound(tone=SAFETY_TONES[kind] if beeps else None)
    if not speech:
        return NOTHING
    return CueSound(speech=speech, rank=_RANKS.get(kind, SpeechRank.ANNOUNCE))


def _phrases(cue: Cue, plan: Plan) -> tuple[Phrase, ...]:
    """The cue's phrases, a custom label carrying its kind's stock phrase as the fallback."""
    # Next-up speaks of the following segment; every other cue of its own.
    index = cue.segment_index + 1 if cue.type is CueType.NEXT_UP else cue.segment_index
    if index >= len(plan.segments) or not plan.segments[index].custom_label:
        return tuple(Phrase(text) for text in cue.speech)
    segment = plan.segments[index]
    label, stock = spoken_label(segment.label), spoken_label(segment.kind.label)
    return tuple(Phrase(text, stock if text == label else None) for text in cue.speech)
