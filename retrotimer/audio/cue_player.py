"""The cue player: session events in, tones and queued speech out, honouring the settings."""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, QTimer, Slot

from retrotimer.audio.cue_sounds import CueSound, Phrase, cue_sound, speech_timing
from retrotimer.audio.label_renderer import LabelRenderer
from retrotimer.audio.pcm import Clip, gain_for_volume
from retrotimer.audio.playback import Playback
from retrotimer.audio.speech_engine import SpeechEngine
from retrotimer.audio.speech_queue import SpeechQueue, Utterance
from retrotimer.audio.tones import Tones, pip_name
from retrotimer.audio.voice import VoiceLibrary
from retrotimer.core.model import Direction
from retrotimer.core.session.plan import Cue, Plan
from retrotimer.core.session.session_events import Event
from retrotimer.core.session.session_machine import get_ready_cues
from retrotimer.core.session.speech import spoken_label
from retrotimer.core.session.speech_plan import (
    SAFETY_CUES,
    SpeechPlan,
    SpeechRank,
    SpokenLine,
    plan_speech,
)
from retrotimer.core.settings import Settings

log = logging.getLogger(__name__)
PREVIEW_TONE = pip_name(Direction.NONE)  # the walking pip: short and neutral


class CuePlayer(QObject):
    """Implements `core.ports.CueSink` on the Qt main thread.

    Tones start the moment their event arrives; speech goes through a queue so that one
    sentence never talks over another, and is timed by one single-shot timer that only
    runs while something is waiting to be said.
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
        self._plan: Plan | None = None
        self._lines: dict[Cue, SpokenLine] = {}
        self._unsaid: frozenset[Cue] = frozenset()
        # When the session lets the output go, it is released once the last words are out.
        self._release_when_quiet = False
        self._queue = SpeechQueue()
        self._unspoken: set[str] = set()
        self._closed = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self.poll)
        self._speech: SpeechPlan | None = None
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

    def load(self, plan: Plan) -> None:
        """Use `plan` for the events to come, and start rendering its custom labels."""
        self._plan = plan
        self._plan_speech()
        if self._renderer is None:
            return
        labels = {
            spoken_label(segment.label)
            for segment in plan.segments
            if segment.custom_label and self._voice.clip(spoken_label(segment.label)) is None
        }
        self._renderer.request(sorted(labels))

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
        if self._plan is None:
            log.warning("cue player: an event arrived before a plan was loaded; ignored")
            return
        sound = cue_sound(event, self._plan, self._settings)
        cue = event.cue
        if cue is None:
            self.play_sound(sound)
        elif cue in self._unsaid:
            self.play_sound(replace(sound, speech=()))
        elif (line := self._lines.get(cue)) is not None:
            # Said as the speech plan placed it: maybe shortened, maybe after other words.
            self.play_sound(
                replace(sound, speech=sound.speech[: len(line.phrases)]), line.rank, line.delay_s
            )
        else:
            rank = SpeechRank.SAFETY if cue.type in SAFETY_CUES else SpeechRank.ANNOUNCE
            self.play_sound(sound, rank)

    @property
    def speech_plan(self) -> SpeechPlan | None:
        """Where every sentence of the loaded plan goes (None before a plan is loaded)."""
        return self._speech

    def _plan_speech(self) -> None:
        plan = self._plan
        if plan is None:
            return
        settings = self._settings
        timing = speech_timing(self._voice, self._tones)
        extra = get_ready_cues(settings.get_ready_s, settings.countdown_pips)
        speech = plan_speech(plan, settings, timing, extra)
        self._speech = speech
        self._lines = speech.by_cue()
        self._unsaid = frozenset(speech.left_out)

    def apply_settings(self, settings: Settings) -> None:
        if settings.muted and not self._settings.muted:
            self._silence_now()  # before the new settings are in: muting acts at once
        self._settings = settings
        self._plan_speech()

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
    def play_sound(
        self,
        sound: CueSound,
        rank: SpeechRank = SpeechRank.ANNOUNCE,
        delay_s: float | None = None,
    ) -> None:
        """Play the tone now and queue the words `delay_s` later (by default, after the tone)."""
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
        if delay_s is not None:
            speech_from = now + delay_s
        clips = tuple(clip for clip in map(self._clip_for, sound.speech) if clip is not None)
        if clips:
            self._queue.push(Utterance(clips, speech_from, rank))
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
