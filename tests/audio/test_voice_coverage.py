"""Every phrase the cue schedule can say, for every built-in template, has its voice clip."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from retrotimer.audio.pcm import SOUND_RATE, rms
from retrotimer.audio.tones import synthesise_tones
from retrotimer.audio.vocabulary import builtin_templates, stock_phrases, template_phrases
from retrotimer.audio.voice import VoiceLibrary, read_manifest
from retrotimer.core.model import Template, Venue
from retrotimer.core.session.cue_sounds import cue_sound
from retrotimer.core.session.plan import Plan, compile_plan
from retrotimer.core.session.session_events import Event, EventKind, SessionState
from retrotimer.core.session.session_machine import get_ready_cues
from retrotimer.core.settings import MAX_COUNTDOWN_PIPS, Settings
from retrotimer.core.templates.builtin_templates import BUILTIN_TEMPLATES
from retrotimer.core.value import replace
from tests import strategies

VOICE = VoiceLibrary.load()
TONES = set(synthesise_tones().by_name())

SETTINGS_VARIANTS = (
    Settings(),
    Settings(step_ticks=True, countdown_pips=MAX_COUNTDOWN_PIPS, default_venue=Venue.TREADMILL),
    Settings(beeps=False),
    Settings(voice=False, reminder_interval_s=5),
)


def events(plan: Plan, settings: Settings) -> Iterator[Event]:
    """Every event a session of the plan can produce that could make a sound."""
    cues = (*get_ready_cues(settings.get_ready_s, settings.countdown_pips), *plan.cues)
    for cue in cues:
        yield Event(EventKind.CUE, cue.at_s, cue.text, SessionState.RUNNING, 0, cue)
    moments = [-1.0, *(segment.start_s + 0.5 for segment in plan.segments)]
    for kind in EventKind:
        if kind is not EventKind.CUE:
            for at in moments:
                yield Event(kind, at, kind.value, SessionState.RUNNING, 0)


def missing_sounds(template: Template, settings: Settings, *, allow_fallback: bool) -> set[str]:
    plan = compile_plan(template, settings)
    missing: set[str] = set()
    for event in events(plan, settings):
        sound = cue_sound(event, plan, settings)
        if sound.tone is not None and sound.tone not in TONES:
            missing.add(sound.tone)
        for phrase in sound.speech:
            if VOICE.clip(phrase.text) is not None:
                continue
            if allow_fallback and phrase.fallback and VOICE.clip(phrase.fallback) is not None:
                continue
            missing.add(phrase.text)
    return missing


def test_the_gathered_templates_are_the_built_in_library() -> None:
    assert builtin_templates() == BUILTIN_TEMPLATES
    assert len(BUILTIN_TEMPLATES) >= 6


@pytest.mark.parametrize("template", BUILTIN_TEMPLATES, ids=lambda t: t.name)
@pytest.mark.parametrize("settings", SETTINGS_VARIANTS, ids=["default", "busy", "voice", "beeps"])
def test_every_built_in_phrase_has_its_own_clip(template: Template, settings: Settings) -> None:
    # Built-in labels ship as clips too: no engine is needed to hear the built-in templates.
    assert missing_sounds(template, settings, allow_fallback=False) == set()


@settings(max_examples=60, deadline=None)
@given(strategies.templates, strategies.settings, st.booleans(), st.booleans())
def test_any_plan_speaks_stock_phrases_or_falls_back_to_them(
    template: Template, chosen: Settings, voice: bool, beeps: bool
) -> None:
    chosen = replace(chosen, voice=voice, beeps=beeps)
    assert missing_sounds(template, chosen, allow_fallback=True) == set()


def test_the_manifest_is_exactly_the_vocabulary() -> None:
    wanted = set(stock_phrases(template_phrases(BUILTIN_TEMPLATES)))
    assert VOICE.phrases == wanted
    assert set(read_manifest_phrases()) == wanted


def read_manifest_phrases() -> list[str]:
    from retrotimer.audio.voice import default_voice_dir

    manifest = read_manifest(default_voice_dir())
    files = list(manifest.files.values())
    assert len(files) == len(set(files))
    assert "flite" in manifest.engine or "espeak" in manifest.engine
    return list(manifest.files)


@pytest.mark.parametrize("phrase", sorted(VOICE.phrases))
def test_each_clip_is_speech_of_a_sensible_length(phrase: str) -> None:
    clip = VOICE.clip(phrase)
    assert clip is not None
    assert clip.rate == SOUND_RATE
    assert 0.15 <= clip.duration_s <= 2.0, phrase
    assert rms(clip) > 2000, phrase  # not silence, and loud enough to hear from metres away
