"""Finding known sounds in a recording by normalised cross-correlation with the shipped clips.

The recording (48 kHz from the sink's monitor) is brought down to the clips' 16 kHz; a clip
is found where the correlation with it peaks. A phrase that came in pieces or stretched by
gaps does not match as a whole, so each quarter of its sound is found on its own: where the
last quarter ends, against where the first began, is how long the phrase took to play.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from retrotimer.audio.pcm import SOUND_RATE, Clip, samples_of
from retrotimer.core.value import value
from tests.audio.pulse_sink import Recording

Signal = npt.NDArray[np.float64]
# A clean digital path matches at 0.9 or more; speech over a tone still above this.
MATCH = 0.6
QUARTERS = 4


@value
class Heard:
    """Where a clip was found (monotonic seconds), how well, and how long it took to play."""

    start: float
    score: float
    played_s: float
    audible_s: float

    @property
    def stretch(self) -> float:
        return self.played_s / self.audible_s


class Hearing:
    """The recording at the clips' rate, searched for clips near a moment."""

    def __init__(self, recording: Recording) -> None:
        raw = np.frombuffer(recording.snapshot().tobytes(), dtype=np.int16).astype(np.float64)
        factor = recording.rate // SOUND_RATE
        usable = len(raw) - len(raw) % factor
        self.signal: Signal = raw[:usable].reshape(-1, factor).mean(axis=1)
        self.start_time = recording.start_time
        self.rate = SOUND_RATE

    def _index(self, moment: float) -> int:
        return max(0, min(len(self.signal), round((moment - self.start_time) * self.rate)))

    def find_part(self, part: Signal, earliest: float, latest: float) -> tuple[float, float]:
        """The best match of `part` starting between the two moments: (moment, score)."""
        first, last = self._index(earliest), self._index(latest) + len(part)
        window = self.signal[first : min(last, len(self.signal))]
        if len(window) < len(part) or not part.any():
            return (earliest, 0.0)
        size = 1 << int(np.ceil(np.log2(len(window) + len(part))))
        spectrum = np.fft.rfft(window, size) * np.conj(np.fft.rfft(part, size))
        lags = len(window) - len(part) + 1
        corr = np.fft.irfft(spectrum, size)[:lags]
        energy = np.concatenate(([0.0], np.cumsum(window * window)))
        norms = np.sqrt(np.maximum(energy[len(part) :] - energy[:lags], 1e-9))
        score = corr / (norms * float(np.linalg.norm(part)))
        best = int(np.argmax(score))
        return (self.start_time + (first + best) / self.rate, float(score[best]))

    def find(self, clip: Clip, earliest: float, latest: float) -> Heard | None:
        """The clip starting between the two moments, or None if it is not there whole."""
        sound = audible(clip)
        moment, score = self.find_part(sound, earliest, latest)
        if score < MATCH:
            return None
        length = len(sound) / self.rate
        quarter = len(sound) // QUARTERS
        end = moment + quarter / self.rate
        for number in range(1, QUARTERS):
            part = sound[number * quarter : (number + 1) * quarter]
            expected = end
            found, part_score = self.find_part(part, expected - 0.05, expected + 2 * length)
            if part_score < MATCH:
                return None
            end = found + len(part) / self.rate
        return Heard(moment, score, end - moment, length)


def audible(clip: Clip, threshold: int = 300) -> Signal:
    """The clip without its silent lead-in and tail (silence matches anything)."""
    samples = np.array(samples_of(clip), dtype=np.float64)
    loud = np.nonzero(np.abs(samples) > threshold)[0]
    if not len(loud):
        return samples
    return samples[loud[0] : loud[-1] + 1]
