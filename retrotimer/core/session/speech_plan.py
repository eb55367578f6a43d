"""When each cue's words are said, and how much of them: safety first, the rest as time allows.

Which words a cue has is its sound's business (`cue_sounds`); one voice speaks one sentence
at a time, and this places them. The sentences of a plan are placed rank by rank:
every safety sentence first (look over your shoulder, hold the rails, stop and turn around),
each at its moment or straight after the safety sentence before it; then each lower
sentence in the time the higher ones leave free, shortened or left out when it would not
fit before what it speaks of is over. The player follows the result, so it never has to
choose at run time between a safety sentence and anything else.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from retrotimer.core.session.cue_sounds import CueSound, SpeechRank
from retrotimer.core.session.plan import Cue, CueType, Plan, moment_ms

# A breath between the phrases of a sentence, a longer one between sentences.
PHRASE_GAP_S = 0.06
SENTENCE_GAP_S = 0.2
# A sentence that could not start within this long of its cue is no longer true: left out.
STALE_AFTER_S = 4.0
# "Halfway" said more than this late misleads.
HALFWAY_LATEST_S = 2.0
# A spoken countdown number (beeps off) is only worth saying on its second.
COUNT_LATEST_S = 0.3
# How long an engine-rendered custom label is assumed to take, per word.
UNKNOWN_WORD_S = 0.45


@dataclass(frozen=True, slots=True)
class SpeechTiming:
    """How long things sound: each stock phrase's clip, and the tones words wait for."""

    phrase_s: Mapping[str, float] = field(default_factory=dict)
    # The go tone an announcement opens with, and the finish chime.
    tone_s: float = 0.0
    finish_tone_s: float = 0.0

    def phrase_length(self, phrase: str) -> float:
        known = self.phrase_s.get(phrase)
        return known if known is not None else UNKNOWN_WORD_S * max(1, len(phrase.split()))

    def sentence_length(self, phrases: Sequence[str]) -> float:
        spoken = sum(self.phrase_length(p) for p in phrases)
        return spoken + PHRASE_GAP_S * max(0, len(phrases) - 1)


@dataclass(frozen=True, slots=True)
class SpokenLine:
    """What one cue says (`phrases`, `shortened` or whole), at which rank, from `start_s`."""

    cue: Cue
    phrases: tuple[str, ...]
    rank: SpeechRank
    start_s: float
    end_s: float
    shortened: bool = False

    @property
    def delay_s(self) -> float:
        """How long after its cue the sentence starts."""
        return max(0.0, self.start_s - self.cue.at_s)


@dataclass(frozen=True, slots=True)
class SpeechPlan:
    """Every spoken sentence of a plan in time order, and the cues left unsaid."""

    lines: tuple[SpokenLine, ...]
    left_out: tuple[Cue, ...]

    def line_for(self, cue: Cue) -> SpokenLine | None:
        for line in self.lines:
            if line.cue == cue:
                return line
        return None

    def by_cue(self) -> dict[Cue, SpokenLine]:
        return {line.cue: line for line in self.lines}


@dataclass(frozen=True, slots=True)
class _Wanted:
    """A sentence to place: its forms from longest to shortest and the window it must fit."""

    cue: Cue
    rank: SpeechRank
    forms: tuple[tuple[str, ...], ...]
    earliest_s: float
    latest_start_s: float
    must_end_s: float
    # The shortest form (the kind alone) may end after the segment it names, if it starts in it.
    shortest_may_run_over: bool = False


def _shorter_forms(cue: Cue, words: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """Announcements lose their rep, then their length; next-up loses the length."""
    if cue.type is CueType.ANNOUNCE:
        forms = [words]
        if "rep" in words:
            forms.append(words[: words.index("rep")])
        forms.append(words[:1])
        return tuple(dict.fromkeys(forms))
    if cue.type is CueType.NEXT_UP:
        return tuple(dict.fromkeys((words, words[:2])))
    return (words,)


def _wanted(cue: Cue, sound: CueSound, plan: Plan, lead_s: float) -> _Wanted:
    segment = plan.segments[cue.segment_index]
    at, rank = cue.at_s, sound.rank
    earliest = at + lead_s
    forms = _shorter_forms(cue, tuple(phrase.text for phrase in sound.speech))
    if rank is SpeechRank.SAFETY:
        return _Wanted(cue, rank, forms, earliest, float("inf"), float("inf"))
    if cue.type is CueType.ANNOUNCE:
        latest = min(at + STALE_AFTER_S, segment.end_s)
        return _Wanted(cue, rank, forms, earliest, latest, segment.end_s, True)
    if cue.type is CueType.NEXT_UP:
        return _Wanted(cue, rank, forms, earliest, segment.end_s, segment.end_s)
    if cue.type is CueType.HALFWAY:
        return _Wanted(cue, rank, forms, earliest, at + HALFWAY_LATEST_S, segment.end_s)
    if cue.type is CueType.COUNTDOWN:
        return _Wanted(cue, rank, forms, earliest, at + COUNT_LATEST_S, float("inf"))
    # Get ready and the finish: said whole, if not too late.
    return _Wanted(cue, rank, forms, earliest, at + STALE_AFTER_S, float("inf"))


def _tone_leads(sounds: Mapping[Cue, CueSound], timing: SpeechTiming) -> dict[int, float]:
    """Moments (ms) at which a tone opens an announcement or the finish: words wait for it."""
    leads: dict[int, float] = {}
    for cue, sound in sounds.items():
        lead = {CueType.ANNOUNCE: timing.tone_s, CueType.FINISH: timing.finish_tone_s}.get(cue.type)
        if lead is not None and sound.tone is not None:
            moment = moment_ms(cue.at_s)
            leads[moment] = max(lead, leads.get(moment, 0.0))
    return leads


def _first_free(busy: Iterable[tuple[float, float]], earliest: float, length: float) -> float:
    """The earliest start from `earliest` at which `length` fits between the busy spans."""
    start = earliest
    for begin, end in sorted(busy):
        if start + length <= begin:
            break
        start = max(start, end)
    return start


def plan_speech(plan: Plan, sounds: Mapping[Cue, CueSound], timing: SpeechTiming) -> SpeechPlan:
    """Place the words of every cue's sound (the plan's and its get-ready's), rank by rank."""
    leads = _tone_leads(sounds, timing)
    wanted = [
        _wanted(cue, sound, plan, leads.get(moment_ms(cue.at_s), 0.0))
        for cue, sound in sounds.items()
        if sound.speech
    ]
    busy: list[tuple[float, float]] = []
    lines: list[SpokenLine] = []
    left_out: list[Cue] = []
    for rank in SpeechRank:
        for want in (w for w in wanted if w.rank is rank):
            line = _place(want, busy, timing)
            if line is None:
                left_out.append(want.cue)
                continue
            lines.append(line)
            busy.append((line.start_s, line.end_s + SENTENCE_GAP_S))
    lines.sort(key=lambda line: (line.start_s, line.rank))
    return SpeechPlan(tuple(lines), tuple(left_out))


def _place(
    want: _Wanted, busy: list[tuple[float, float]], timing: SpeechTiming
) -> SpokenLine | None:
    for number, form in enumerate(want.forms, start=1):
        length = timing.sentence_length(form)
        start = _first_free(busy, want.earliest_s, length + SENTENCE_GAP_S)
        runs_over = want.shortest_may_run_over and number == len(want.forms)
        if start <= want.latest_start_s and (runs_over or start + length <= want.must_end_s):
            return SpokenLine(want.cue, form, want.rank, start, start + length, number > 1)
    return None
