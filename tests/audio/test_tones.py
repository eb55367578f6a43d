"""Synthesised tones: no clicks, headroom, one pitch family per direction, a soft step tick."""

from __future__ import annotations

import math

import pytest

from retrotimer.audio.pcm import FULL_SCALE, SOUND_RATE, Clip, peak, rms, samples_of
from retrotimer.audio.tones import Note, Tones, render_notes, synthesise_tones
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


@pytest.fixture(scope="module")
def tones() -> Tones:
    return synthesise_tones()


def dominant_hz(clip: Clip) -> float:
    """Pitch from the zero crossings of the clip's middle half."""
    values = samples_of(clip)
    middle = values[len(values) // 4 : 3 * len(values) // 4]
    crossings = sum(1 for a, b in zip(middle, middle[1:], strict=False) if (a < 0) != (b < 0))
    return crossings / 2 / (len(middle) / clip.rate)


def test_every_sound_is_named_and_at_the_common_rate(tones: Tones) -> None:
    names = [clip.name for clip in tones.all()]
    assert len(names) == len(set(names))
    assert {FINISH, STEP_TICK, REMINDER, TURN, RAILS} <= set(names)
    for direction in Direction:
        assert {pip_name(direction), go_name(direction)} <= set(names)
    assert all(clip.rate == SOUND_RATE for clip in tones.all())


def test_no_clicks_at_either_end(tones: Tones) -> None:
    for clip in tones.all():
        values = samples_of(clip)
        loudest = peak(clip)
        # A sound that starts or stops at full amplitude clicks; these ramp in and out.
        edge = round(0.001 * clip.rate)
        assert max(abs(v) for v in values[:edge]) < 0.1 * loudest, clip.name
        assert max(abs(v) for v in values[-edge:]) < 0.1 * loudest, clip.name


def test_loud_with_headroom(tones: Tones) -> None:
    for clip in tones.all():
        assert 0.1 * FULL_SCALE < peak(clip) < 0.95 * FULL_SCALE, clip.name
    pips = [tones.family(d).pip for d in Direction]
    assert rms(tones.step_tick) < min(rms(p) for p in pips) / 2


def test_each_direction_has_its_own_pip_pitch(tones: Tones) -> None:
    pitches = {d: dominant_hz(tones.family(d).pip) for d in Direction}
    assert pitches[Direction.BACKWARD] == pytest.approx(740, rel=0.05)
    assert pitches[Direction.FORWARD] == pytest.approx(1175, rel=0.05)
    assert pitches[Direction.NONE] == pytest.approx(880, rel=0.05)


def test_backward_go_falls_and_forward_go_rises(tones: Tones) -> None:
    def halves(clip: Clip) -> tuple[float, float]:
        values = samples_of(clip)
        cut = round(0.17 * clip.rate)
        first = Clip("a", values[:cut].tobytes(), clip.rate)
        second = Clip("b", values[cut:].tobytes(), clip.rate)
        return dominant_hz(first), dominant_hz(second)

    start, end = halves(tones.family(Direction.BACKWARD).go)
    assert start > end
    start, end = halves(tones.family(Direction.FORWARD).go)
    assert start < end


def notes_of(clip: Clip) -> list[Clip]:
    """The notes of a clip: the sounding stretches between silences of 20 ms or more."""
    values = samples_of(clip)
    quiet = round(0.02 * clip.rate)
    notes: list[Clip] = []
    start: int | None = None
    silent = 0
    for i, value in enumerate(values):
        if value != 0:
            start = i if start is None else start
            silent = 0
        elif start is not None:
            silent += 1
            if silent == quiet:
                notes.append(Clip("note", values[start : i - quiet + 1].tobytes(), clip.rate))
                start = None
    if start is not None:
        notes.append(Clip("note", values[start:].tobytes(), clip.rate))
    return notes


def test_without_the_voice_each_safety_cue_is_told_apart_by_ear(tones: Tones) -> None:
    # Look over your shoulder: two short high beeps.
    shoulder = notes_of(tones.reminder)
    assert len(shoulder) == 2 and all(note.duration_s < 0.1 for note in shoulder)
    assert all(dominant_hz(note) > 1200 for note in shoulder)
    # Stop and turn around: three beeps, each lower than the one before.
    turn = [dominant_hz(note) for note in notes_of(tones.turn)]
    assert len(turn) == 3 and turn == sorted(turn, reverse=True)
    # Hold the rails: two long low notes.
    rails = notes_of(tones.rails)
    assert len(rails) == 2 and all(note.duration_s > 0.2 for note in rails)
    assert all(dominant_hz(note) < 600 for note in rails)
    # A pip, whatever its direction, is a single note.
    assert all(len(notes_of(tones.family(d).pip)) == 1 for d in Direction)


def test_lengths(tones: Tones) -> None:
    assert tones.family(Direction.BACKWARD).pip.duration_s == pytest.approx(0.12, abs=0.005)
    assert 0.3 < tones.family(Direction.FORWARD).go.duration_s < 0.6
    assert tones.step_tick.duration_s < 0.05
    assert 0.6 < tones.finish.duration_s < 1.2


def test_notes_mix_at_their_offsets() -> None:
    clip = render_notes("two", ((0.0, Note(440, 0.1)), (0.2, Note(440, 0.1))), rate=8000)
    values = samples_of(clip)
    assert clip.duration_s == pytest.approx(0.3)
    gap = values[round(0.11 * 8000) : round(0.19 * 8000)]
    assert max(abs(v) for v in gap) == 0
    for start in (0, round(0.2 * 8000)):
        note = Clip("note", values[start : start + 800].tobytes(), 8000)
        assert math.isclose(dominant_hz(note), 440, rel_tol=0.05)
