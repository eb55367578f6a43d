"""The sound of every event of a session, decided once: the player looks it up and plays it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from retrotimer.core.session.cue_sounds import CueSound, cue_sound, sound_of_cue
from retrotimer.core.session.speech_plan import SpeechPlan, SpeechTiming, plan_speech
from retrotimer.core.value import replace, value

if TYPE_CHECKING:
    from retrotimer.core.session.plan import Cue, Plan
    from retrotimer.core.session.session_events import Event
    from retrotimer.core.settings import Settings


@value
class CueScript:
    """A plan's cues and its session's get-ready cues, each with the sound it makes under
    `settings`: its words as the speech plan placed them (shortened, delayed or left out)."""

    plan: Plan
    get_ready: tuple[Cue, ...]
    settings: Settings
    speech: SpeechPlan
    sounds: Mapping[Cue, CueSound]

    def sound_for(self, event: Event) -> CueSound:
        """What to play for this event, as it arrives."""
        cue = event.cue
        if cue is None:
            return cue_sound(event, self.plan, self.settings)
        placed = self.sounds.get(cue)
        # A cue of another schedule than the one scripted is still heard, unplaced.
        return placed if placed is not None else sound_of_cue(cue, self.plan, self.settings)


def script_cues(
    plan: Plan, get_ready: Sequence[Cue], settings: Settings, timing: SpeechTiming
) -> CueScript:
    """Every cue's sound, then its words placed by the speech plan."""
    whole = {cue: sound_of_cue(cue, plan, settings) for cue in (*get_ready, *plan.cues)}
    speech = plan_speech(plan, whole, timing)
    sounds = dict(whole)
    for cue in (*speech.left_out, *(cue for cue, _ in speech.heard_in)):
        sounds[cue] = replace(whole[cue], speech=())
    for line in speech.lines:
        sound = whole[line.cue]
        sounds[line.cue] = replace(
            sound, speech=sound.speech[: len(line.phrases)], delay_s=line.delay_s
        )
    return CueScript(plan, tuple(get_ready), settings, speech, sounds)
