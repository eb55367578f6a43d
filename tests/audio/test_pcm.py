"""PCM clips: WAV in and out, gain and the volume curve, trimming, loudness, resampling."""

from __future__ import annotations

import wave
from array import array
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from retrotimer.audio.pcm import (
    AudioFileError,
    Clip,
    clip_from_samples,
    gain_for_volume,
    normalised,
    peak,
    read_wav,
    resampled,
    samples_of,
    scaled,
    silence,
    trimmed,
    write_wav,
)

RATE = 16000


def clip(*values: int, rate: int = RATE) -> Clip:
    return clip_from_samples("test", array("h", values), rate)


def test_duration_and_frames() -> None:
    one = silence("quiet", 0.5, RATE)
    assert one.frames == 8000 and one.duration_s == pytest.approx(0.5)


def test_wav_round_trip(tmp_path: Path) -> None:
    original = clip(0, 1000, -1000, 32767, -32768)
    write_wav(original, tmp_path / "x.wav")
    again = read_wav(tmp_path / "x.wav", "test")
    assert again == original


def test_stereo_is_mixed_down(tmp_path: Path) -> None:
    path = tmp_path / "stereo.wav"
    with wave.open(str(path), "wb") as writer:
        writer.setnchannels(2)
        writer.setsampwidth(2)
        writer.setframerate(RATE)
        writer.writeframes(array("h", [100, 300, -200, -400]).tobytes())
    assert list(samples_of(read_wav(path, "s"))) == [200, -300]


def test_unusable_files_name_the_file(tmp_path: Path) -> None:
    eight_bit = tmp_path / "eight.wav"
    with wave.open(str(eight_bit), "wb") as writer:
        writer.setnchannels(1)
        writer.setsampwidth(1)
        writer.setframerate(RATE)
        writer.writeframes(bytes(10))
    with pytest.raises(AudioFileError, match="eight.wav.*16-bit"):
        read_wav(eight_bit, "x")
    garbage = tmp_path / "garbage.wav"
    garbage.write_bytes(b"not a wave file at all")
    with pytest.raises(AudioFileError, match="garbage.wav"):
        read_wav(garbage, "x")
    with pytest.raises(AudioFileError, match="missing.wav"):
        read_wav(tmp_path / "missing.wav", "x")


def test_gain_scales_and_clamps() -> None:
    assert list(samples_of(scaled(clip(1000, -1000, 20000), 0.5))) == [500, -500, 10000]
    assert list(samples_of(scaled(clip(20000, -20000), 2.0))) == [32767, -32768]
    original = clip(5)
    assert scaled(original, 1.0) is original


def test_volume_curve_is_squared_and_clamped() -> None:
    assert gain_for_volume(1.0) == 1.0
    assert gain_for_volume(0.5) == 0.25
    assert gain_for_volume(0.0) == 0.0
    assert gain_for_volume(1.7) == 1.0 and gain_for_volume(-1) == 0.0


@given(st.floats(0, 1), st.floats(0, 1))
def test_volume_curve_is_monotonic(a: float, b: float) -> None:
    low, high = sorted((a, b))
    assert gain_for_volume(low) <= gain_for_volume(high)


def test_trimmed_keeps_the_sound_and_a_little_room() -> None:
    quiet, loud = [0] * 1600, [10000] * 800
    result = trimmed(clip(*quiet, *loud, *quiet), pad_s=0.01)
    values = list(samples_of(result))
    assert values.count(10000) == 800
    assert len(values) == 800 + 2 * 160
    assert trimmed(clip(*quiet)).frames == 0


def test_normalised_sets_the_peak() -> None:
    assert peak(normalised(clip(100, -2000, 500), 0.5)) == round(0.5 * 32767)
    assert normalised(clip(0, 0), 0.5) == clip(0, 0)


def test_resampled_keeps_duration_and_shape() -> None:
    ramp = clip(*range(0, 22050, 10), rate=22050)
    result = resampled(ramp, RATE)
    assert result.rate == RATE
    assert result.duration_s == pytest.approx(ramp.duration_s, abs=0.001)
    values = list(samples_of(result))
    assert values == sorted(values)  # a ramp stays a ramp
    assert values[0] == 0 and values[-1] == 22040
    assert resampled(ramp, 22050) is ramp
