"""Synthesised cue tones: a family per direction (pip, go), finish, step tick, safety signals."""

from __future__ import annotations

import math
from array import array
from collections.abc import Sequence

from retrotimer.audio.pcm import FULL_SCALE, SOUND_RATE, Clip, clip_from_samples
from retrotimer.core.model import Direction
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

# Raised-cosine ramps this long at both ends of every note: a sine cut off mid-wave clicks.
FADE_S = 0.008
# Loud but with headroom, so a tone over speech does not clip.
LEVEL = 0.6


@value
class Note:
    """One note of a tone: pitch, length, loudness and how fast it dies away (0: held)."""

    hz: float
    seconds: float
    level: float = LEVEL
    decay_per_s: float = 0.0


# A tone's notes and the moment each starts.
Recipe = Sequence[tuple[float, Note]]


def recipe_frames(notes: Recipe, rate: int = SOUND_RATE) -> int:
    """How long the rendered tone is, in frames."""
    return max(round((start + note.seconds) * rate) for start, note in notes)


def render_notes(name: str, notes: Recipe, rate: int = SOUND_RATE) -> Clip:
    """Mix notes that start at the given offsets into one clip."""
    length = recipe_frames(notes, rate)
    mix = [0.0] * length
    fade = max(1, round(FADE_S * rate))
    for start, note in notes:
        first = round(start * rate)
        count = round(note.seconds * rate)
        step = 2 * math.pi * note.hz / rate
        for i in range(count):
            envelope = note.level * math.exp(-note.decay_per_s * i / rate)
            edge = min(i, count - 1 - i)
            if edge < fade:
                envelope *= 0.5 - 0.5 * math.cos(math.pi * edge / fade)
            # A little second harmonic carries better through small laptop speakers.
            mix[first + i] += envelope * (0.85 * math.sin(step * i) + 0.15 * math.sin(2 * step * i))
    samples = array("h", [max(-FULL_SCALE, min(FULL_SCALE, round(v * FULL_SCALE))) for v in mix])
    return clip_from_samples(name, samples, rate)


@value
class ToneFamily:
    """The sounds that lead into a segment of one direction."""

    pip: Clip
    go: Clip


@value
class Tones:
    """Every synthesised sound, decoded once."""

    families: dict[Direction, ToneFamily]
    finish: Clip
    step_tick: Clip
    reminder: Clip
    turn: Clip
    rails: Clip

    def family(self, direction: Direction) -> ToneFamily:
        return self.families[direction]

    def all(self) -> tuple[Clip, ...]:
        clips: list[Clip] = []
        for family in self.families.values():
            clips += [family.pip, family.go]
        return (*clips, self.finish, self.step_tick, self.reminder, self.turn, self.rails)

    def by_name(self) -> dict[str, Clip]:
        return {clip.name: clip for clip in self.all()}


# Backward falls (a warning), forward rises (energy), walking is one calm note. Pitches sit
# where laptop speakers are loudest and the ear is most sensitive, and the three pip
# pitches are far enough apart to tell which way the next segment goes.
_PIP_HZ = {Direction.BACKWARD: 740.0, Direction.FORWARD: 1175.0, Direction.NONE: 880.0}
_GO_NOTES = {
    Direction.BACKWARD: ((0.0, Note(1175.0, 0.16)), (0.17, Note(740.0, 0.30))),
    Direction.FORWARD: ((0.0, Note(880.0, 0.16)), (0.17, Note(1319.0, 0.30))),
    Direction.NONE: ((0.0, Note(988.0, 0.40)),),
}


# Without the voice the safety signals must not be mistaken for one another or for a pip:
# the shoulder check is two short high beeps, the turn three beeps falling like a stop, the
# rails two long low notes.
_TURN_HZ = (1047.0, 831.0, 659.0)


def tone_recipes() -> dict[str, Recipe]:
    """Every tone by name, in the order `Tones.all` gives them."""
    recipes: dict[str, Recipe] = {}
    for direction in Direction:
        recipes[pip_name(direction)] = ((0.0, Note(_PIP_HZ[direction], 0.12)),)
        recipes[go_name(direction)] = _GO_NOTES[direction]
    recipes[FINISH] = tuple(
        (0.12 * i, Note(hz, 0.9 - 0.12 * i, LEVEL * 0.55, decay_per_s=3.5))
        for i, hz in enumerate((784.0, 988.0, 1175.0, 1568.0))
    )
    recipes[STEP_TICK] = ((0.0, Note(1760.0, 0.03, 0.25, decay_per_s=60.0)),)
    recipes[REMINDER] = ((0.0, Note(1319.0, 0.08)), (0.14, Note(1319.0, 0.08)))
    recipes[TURN] = tuple((0.13 * i, Note(hz, 0.09)) for i, hz in enumerate(_TURN_HZ))
    recipes[RAILS] = ((0.0, Note(523.0, 0.25)), (0.35, Note(523.0, 0.25)))
    return recipes


def tones_of(clips: dict[str, Clip]) -> Tones:
    """The tones from their clips by name (as `tone_recipes` names them)."""
    families = {
        direction: ToneFamily(pip=clips[pip_name(direction)], go=clips[go_name(direction)])
        for direction in Direction
    }
    return Tones(
        families,
        clips[FINISH],
        clips[STEP_TICK],
        clips[REMINDER],
        clips[TURN],
        clips[RAILS],
    )


def synthesise_tones(rate: int = SOUND_RATE) -> Tones:
    """Render every tone (about a tenth of a second of pure Python: see `tone_cache`)."""
    return tones_of(
        {name: render_notes(name, notes, rate) for name, notes in tone_recipes().items()}
    )
