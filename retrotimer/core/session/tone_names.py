"""The names of the cue tones: the core chooses which one sounds, the audio synthesises each."""

from __future__ import annotations

from retrotimer.core.model import Direction


def pip_name(direction: Direction) -> str:
    """A countdown pip, in the pitch of the direction it leads into."""
    return f"tone:pip:{direction.value}"


def go_name(direction: Direction) -> str:
    """The tone a segment of this direction opens with."""
    return f"tone:go:{direction.value}"


FINISH = "tone:finish"
STEP_TICK = "tone:step-tick"
# The shoulder check without the voice: a short double beep.
REMINDER = "tone:reminder"
