"""The cue player: session events in, the tones and words their script gives out, as loud as set."""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, QTimer, Slot

from retrotimer.audio.clip_timing import speech_timing
from retrotimer.audio.pcm import Clip, gain_for_volume
from retrotimer.audio.speech_queue import SpeechQueue, Utterance
from retrotimer.core.model import Direction
from retrotimer.core.session.cue_script import CueScript, script_cues
from retrotimer.core.session.heart_rate_cue import heart_rate_sound
from retrotimer.core.session.speech import spoken_label
from retrotimer.core.session.tone_names import pip_name

if TYPE_CHECKING:
    from retrotimer.audio.label_renderer import LabelRenderer
    from retrotimer.audio.playback import Playback
    from retrotimer.audio.speech_engine import SpeechEngine
    from retrotimer.audio.tones import Tones
    from retrotimer.audio.voice import VoiceLibrary
    from retrotimer.core.session.cue_sounds import CueSound, Phrase
    from retrotimer.core.session.plan import Cue, Plan
    from retrotimer.core.session.session_events import Event
    from retrotimer.core.session.speech_plan import SpeechPlan
    from retrotimer.core.settings import Settings

log = logging.getLogger(__name__)
PREVIEW_TONE = pip_name(Direction.NONE)  # the walking pip: short and neutral


class CuePlayer(QObject):
    """Implements `core.ports.CueSink` on the Qt main thread.

    What each event sounds like is looked up in the loaded plan's `CueScript` (the core
    decides it, from the settings); the player renders it. Tones start the moment their event
    arrives; speech goes through a queue so that one sentence never talks over another, and
    is timed by one single-shot timer that only runs while something is waiting to be said.
    The settings it keeps are for the volume and mute, and to script the next plan with.
    """

    def __init__(
        self,
        playback: Playback,
        tones: Tones,
        voice: VoiceLibrary,
        settings: Settings,
        renderer: LabelRenderer | None = None,
        clock: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._playback = playback
        self._tones = tones.by_name()
        self._voice = voice
        self._settings = settings
        self._renderer = renderer
        self._clock = clock
        self._timing = speech_timing(voice, self._tones)
        self._script: CueScript | None = None
        # When the session lets the output go, it is released once the last words are out.
        self._release_when_quiet = False
        self._queue = SpeechQueue()
        self._unspoken: set[str] = set()
        self._closed = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self.poll)
        playback.prepare((*self._tones.values(), *voice.all()))
        if renderer is not None:
            renderer.rendered.connect(self._label_rendered)

    # ---- the CueSink protocol --------------------------------------------------------
    @property
    def backend_name(self) -> str:
        return self._playback.backend_name

    @property
    def playback(self) -> Playback:
        return self._playback

    @property
    def voice(self) -> VoiceLibrary:
        return self._voice

    @property
    def label_engine(self) -> SpeechEngine | None:
        """The engine that speaks custom labels, or None (then the kind's phrase is spoken)."""
        return self._renderer.engine if self._renderer is not None else None

    def load(self, plan: Plan, get_ready: Sequence[Cue]) -> None:
        """Script `plan` and its session's get-ready cues for the events to come, and start
        rendering its custom labels and timed prompts."""
        self._script = script_cues(plan, get_ready, self._settings, self._timing)
        if self._renderer is None:
            return
        labels = {
            spoken_label(segment.label)
            for segment in plan.segments
            if segment.custom_label and self._voice.clip(spoken_label(segment.label)) is None
        }
        prompts = {prompt.text for segment in plan.segments for prompt in segment.prompts}
        self._renderer.request(sorted(labels | prompts))

    def hold(self, held: bool) -> None:
        """Held: open the output and keep it running (a session is under way). Let go: it is
        released once the last words are out. Nothing is opened before the first hold."""
        if self._closed:
            return
        self._release_when_quiet = not held
        if held:
            self._playback.hold(True)
        else:
            self.poll()

    def wait_ready(self, timeout_s: float) -> bool:
        """While held: block until the output is open and taking sound, at most `timeout_s`.

        A sound played before then can be lost (the get-ready words were): the countdown
        waits for this. False when it took too long; the session may start anyway.
        """
        if self._closed or not self._playback.audible:
            return True
        return self._playback.wait_ready(timeout_s)

    def handle(self, event: Event) -> None:
        if self._script is None:
            log.warning("cue player: an event arrived before a plan was loaded; ignored")
            return
        self.play_sound(self._script.sound_for(event))

    def say_heart_rate(self, bpm: int) -> None:
        if self._settings.speak_heart_rate and not self._closed:
            self.play_sound(heart_rate_sound(bpm))

    @property
    def speech_plan(self) -> SpeechPlan | None:
        """Where every sentence of the loaded plan goes (None before a plan is loaded)."""
        return self._script.speech if self._script is not None else None

    def apply_settings(self, settings: Settings) -> None:
        if settings.muted and not self._settings.muted:
            self._silence_now()  # before the new settings are in: muting acts at once
        self._settings = settings
        script = self._script
        if script is not None:
            self._script = script_cues(script.plan, script.get_ready, settings, self._timing)

    def preview_volume(self) -> None:
        if not self._closed and not self._settings.muted:
            self._playback.play(self._tones[PREVIEW_TONE], gain_for_volume(self._settings.volume))

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self._timer.stop()
        self._silence_now()
        self._playback.hold(False)
        if self._renderer is not None:
            self._renderer.rendered.disconnect(self._label_rendered)
            self._renderer.close()
        self._playback.close()

    # ---- playing -----------------------------------------------------------------------
    def play_sound(self, sound: CueSound) -> None:
        """Play the tone now and queue the words at their rank, `delay_s` later (by default,
        after the tone)."""
        now = self._clock()
        if sound.interrupt:
            self._silence_now()
        if self._settings.muted:
            return
        gain = gain_for_volume(self._settings.volume)
        speech_from = now
        if sound.tone is not None:
            tone = self._tones[sound.tone]
            self._playback.play(tone, gain)
            # Words follow the tone instead of talking over it.
            speech_from = now + tone.duration_s
        if sound.delay_s is not None:
            speech_from = now + sound.delay_s
        clips = tuple(clip for clip in map(self._clip_for, sound.speech) if clip is not None)
        if clips:
            self._queue.push(Utterance(clips, speech_from, sound.rank))
        self.poll()

    @Slot()
    def poll(self) -> None:
        """Start the phrase that is due and re-arm the timer for the next one."""
        now = self._clock()
        gain = gain_for_volume(self._settings.volume)
        due = self._queue.due(now)
        if due.cut_off:
            self._playback.stop_all()
        for clip in due.clips:
            self._playback.play(clip, gain)
        wake = self._queue.wake_at()
        if wake is None and self._release_when_quiet:
            if now >= self._queue.quiet_from:
                self._release_when_quiet = False
                self._playback.hold(False)
            else:
                wake = self._queue.quiet_from
        if wake is None:
            self._timer.stop()
        else:
            self._timer.start(max(0, math.ceil((wake - now) * 1000)))

    @property
    def speech_pending(self) -> int:
        return self._queue.pending

    def idle(self) -> bool:
        """Nothing queued and nothing still sounding."""
        if self._queue.pending:
            return False
        return not (self._playback.audible and self._playback.busy())

    def drain(self, timeout_s: float) -> bool:
        """Let queued speech and playing sounds finish (a process exiting would cut them off)."""
        if not self._playback.audible:
            self._timer.stop()
            self._queue.clear(self._clock())
            return True
        deadline = time.monotonic() + timeout_s
        while not self.idle():
            if time.monotonic() >= deadline:
                return False
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
            time.sleep(0.01)
        return True

    def _silence_now(self) -> None:
        self._queue.clear(self._clock())
        self._timer.stop()
        self._playback.stop_all()

    def _clip_for(self, phrase: Phrase) -> Clip | None:
        clip = self._voice.clip(phrase.text)
        if clip is None and self._renderer is not None:
            clip = self._renderer.clip(phrase.text)
        if clip is None and phrase.fallback is not None:
            clip = self._voice.clip(phrase.fallback)
        if clip is None and phrase.text not in self._unspoken:
            self._unspoken.add(phrase.text)
            log.warning("no voice clip for %r; it is left unsaid", phrase.text)
        return clip

    @Slot(str)
    def _label_rendered(self, label: str) -> None:
        if self._renderer is None or self._closed:
            return
        clip = self._renderer.clip(label)
        if clip is not None:
            self._playback.prepare((clip,))
