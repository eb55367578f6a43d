"""PCM clips held in memory: 16-bit mono samples, WAV in and out, gain, trimming, loudness."""

from __future__ import annotations

import io
import math
import sys
import wave
from array import array
from pathlib import Path

from retrotimer.core.value import value

SAMPLE_WIDTH = 2
FULL_SCALE = 32767
# Every clip is made at this rate: flite's voices speak at it, it carries tones and speech
# well, and one rate means one output stream for the backends that mix by rate.
SOUND_RATE = 16000


class AudioFileError(Exception):
    """A sound file that cannot be used, with its path and the reason."""


@value
class Clip:
    """A named sound: signed 16-bit little-endian mono PCM at `rate` frames a second."""

    name: str
    pcm: bytes
    rate: int

    @property
    def frames(self) -> int:
        return len(self.pcm) // SAMPLE_WIDTH

    @property
    def duration_s(self) -> float:
        return self.frames / self.rate


def samples_of(clip: Clip) -> array[int]:
    """The clip's samples as numbers (the PCM is little-endian whatever the machine)."""
    samples = array("h")
    samples.frombytes(clip.pcm)
    if sys.byteorder == "big":
        samples.byteswap()
    return samples


def clip_from_samples(name: str, samples: array[int], rate: int) -> Clip:
    data = array("h", samples)
    if sys.byteorder == "big":
        data.byteswap()
    return Clip(name, data.tobytes(), rate)


def silence(name: str, seconds: float, rate: int) -> Clip:
    return Clip(name, bytes(SAMPLE_WIDTH * round(seconds * rate)), rate)


def scaled(clip: Clip, gain: float) -> Clip:
    """The clip at `gain` times its amplitude (clamped to full scale)."""
    if gain == 1.0:
        return clip
    samples = samples_of(clip)
    low, high = -FULL_SCALE - 1, FULL_SCALE
    return clip_from_samples(
        clip.name,
        array("h", [min(high, max(low, round(s * gain))) for s in samples]),
        clip.rate,
    )


def resampled(clip: Clip, rate: int) -> Clip:
    """The clip at another sample rate, by linear interpolation (enough for speech)."""
    if clip.rate == rate or clip.frames == 0:
        return Clip(clip.name, clip.pcm, rate) if clip.frames == 0 else clip
    samples = samples_of(clip)
    count = max(1, round(len(samples) * rate / clip.rate))
    step = (len(samples) - 1) / max(1, count - 1)
    out = array("h", bytes(SAMPLE_WIDTH * count))
    for i in range(count):
        position = i * step
        left = int(position)
        right = min(left + 1, len(samples) - 1)
        fraction = position - left
        out[i] = round(samples[left] + (samples[right] - samples[left]) * fraction)
    return clip_from_samples(clip.name, out, rate)


def gain_for_volume(volume: float) -> float:
    """Amplitude for a volume slider position: squared, so the slider feels even to the ear."""
    clamped = min(1.0, max(0.0, volume))
    return clamped * clamped


def peak(clip: Clip) -> int:
    samples = samples_of(clip)
    return max((abs(s) for s in samples), default=0)


def rms(clip: Clip) -> float:
    samples = samples_of(clip)
    if not samples:
        return 0.0
    return math.sqrt(sum(s * s for s in samples) / len(samples))


def normalised(clip: Clip, peak_level: float) -> Clip:
    """The clip scaled so its loudest sample is `peak_level` of full scale."""
    loudest = peak(clip)
    if loudest == 0:
        return clip
    return scaled(clip, peak_level * FULL_SCALE / loudest)


def trimmed(clip: Clip, threshold: float = 0.01, pad_s: float = 0.02) -> Clip:
    """The clip without the silence before and after the sound, keeping `pad_s` either side."""
    samples = samples_of(clip)
    limit = threshold * FULL_SCALE
    loud = [i for i, s in enumerate(samples) if abs(s) > limit]
    if not loud:
        return Clip(clip.name, b"", clip.rate)
    pad = round(pad_s * clip.rate)
    start, end = max(0, loud[0] - pad), min(len(samples), loud[-1] + 1 + pad)
    return clip_from_samples(clip.name, samples[start:end], clip.rate)


def wav_bytes(clip: Clip) -> bytes:
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as writer:
        writer.setnchannels(1)
        writer.setsampwidth(SAMPLE_WIDTH)
        writer.setframerate(clip.rate)
        writer.writeframes(clip.pcm)
    return buffer.getvalue()


def write_wav(clip: Clip, path: Path) -> None:
    path.write_bytes(wav_bytes(clip))


def read_wav(path: Path, name: str) -> Clip:
    """A 16-bit PCM WAV file as a mono clip (stereo is mixed down); AudioFileError otherwise."""
    try:
        with wave.open(str(path), "rb") as reader:
            channels = reader.getnchannels()
            width = reader.getsampwidth()
            rate = reader.getframerate()
            data = reader.readframes(reader.getnframes())
    except (OSError, EOFError, wave.Error) as error:
        raise AudioFileError(f"{path}: cannot read the sound ({error})") from None
    if width != SAMPLE_WIDTH:
        raise AudioFileError(f"{path}: expected 16-bit samples, found {8 * width}-bit")
    clip = Clip(name, data, rate)
    if channels == 1:
        return clip
    samples = samples_of(clip)
    mono = array(
        "h",
        [
            sum(samples[i : i + channels]) // channels
            for i in range(0, len(samples) - channels + 1, channels)
        ],
    )
    return clip_from_samples(name, mono, rate)
