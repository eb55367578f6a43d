"""The names of the cue tones: the core chooses which one sounds, the audio synthesises each."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from retrotimer.core.model import Direction


def pip_name(direction: Direction) -> str:
    """A countdown pip, in the pitch of the direction it leads into."""
    return f"tone:pip:{direction.value}"


def go_name(direction: Direction) -> str:
    """The tone a segment of this direction opens with."""
    return f"tone:go:{direction.value}"


FINISH = "tone:finish"
STEP_TICK = "tone:step-tick"
# Without the voice each safety cue keeps a sound of its own: the shoulder check a short
# double beep, "stop and turn around" three falling beeps, "hold the rails" two long low notes.
REMINDER = "tone:reminder"
TURN = "tone:turn"
RAILS = "tone:rails"
# The same, in words for the runner (the Settings dialog says what the voice off leaves).
TONE_WORDS = {
    REMINDER: "two short high beeps",
    TURN: "three falling beeps",
    RAILS: "two long low notes",
}
