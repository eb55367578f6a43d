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

from retrotimer.core.session.cue_sounds import CueSound, SpeechRank
from retrotimer.core.session.plan import Cue, CueType, Plan, moment_ms
from retrotimer.core.value import field, replace, value

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

Span = tuple[float, float]  # from, to: seconds of plan time


@value
class SpeechTiming:
    """How long things sound: each stock phrase's clip, and the tones words wait for."""

    phrase_s: Mapping[str, float] = field(default_factory=dict)
    # The go tone an announcement opens with, the finish chime, and a countdown pip.
    tone_s: float = 0.0
    finish_tone_s: float = 0.0
    pip_s: float = 0.0

    def phrase_length(self, phrase: str) -> float:
        known = self.phrase_s.get(phrase)
        return known if known is not None else UNKNOWN_WORD_S * max(1, len(phrase.split()))

    def sentence_length(self, phrases: Sequence[str]) -> float:
        spoken = sum(self.phrase_length(p) for p in phrases)
        return spoken + PHRASE_GAP_S * max(0, len(phrases) - 1)


@value
class SpokenLine:
    """What one cue says (`phrases`, `shortened` or whole), at which rank, from `start_s`."""

    cue: Cue
    phrases: tuple[str, ...]
    rank: SpeechRank
    start_s: float
    end_s: float
    shortened: bool

    @property
    def delay_s(self) -> float:
        """How long after its cue the sentence starts."""
        return max(0.0, self.start_s - self.cue.at_s)


@value
class SpeechPlan:
    """Every spoken sentence of a plan in time order, and the cues left unsaid."""

    lines: tuple[SpokenLine, ...]
    left_out: tuple[Cue, ...]
    # Safety cues whose very words are being said at their moment, by the line paired with
    # each: back-to-back short backward segments would otherwise say them twice in a row.
    heard_in: tuple[tuple[Cue, SpokenLine], ...] = ()

    def line_for(self, cue: Cue) -> SpokenLine | None:
        return self.by_cue().get(cue)

    def by_cue(self) -> dict[Cue, SpokenLine]:
        """The line each cue is heard in: its own, or the same words already being said."""
        return {**dict(self.heard_in), **{line.cue: line for line in self.lines}}


Words = tuple[str, ...]
REP = "rep"  # where an announcement's least useful words begin: "rep 1 of 2"


@value
class _Wanted:
    """A sentence to place: its words, the forms to try (longest first), the window to fit."""

    cue: Cue
    rank: SpeechRank
    words: Words
    forms: tuple[Words, ...]
    earliest_s: float
    latest_start_s: float
    must_end_s: float
    # The shortest form (the kind alone) may end after the segment it names, if it starts in it.
    shortest_may_run_over: bool = False


def _shorter_forms(cue: Cue, words: Words) -> tuple[Words, ...]:
    """Announcements lose their rep, then their length; next-up loses the length."""
    if cue.type is CueType.ANNOUNCE:
        forms = [words]
        if REP in words:
            forms.append(words[: words.index(REP)])
        forms.append(words[:1])
        return tuple(dict.fromkeys(forms))
    if cue.type is CueType.NEXT_UP:
        return tuple(dict.fromkeys((words, words[:2])))
    return (words,)


def _wanted(cue: Cue, sound: CueSound, plan: Plan, lead_s: float, pips_s: float | None) -> _Wanted:
    """What `cue` wants to say and when; `pips_s` is where its segment's countdown begins."""
    segment = plan.segments[cue.segment_index]
    at = cue.at_s
    words = tuple(phrase.text for phrase in sound.speech)

    def wants(latest_start_s: float, must_end_s: float, may_run_over: bool = False) -> _Wanted:
        forms = _shorter_forms(cue, words)
        return _Wanted(
            cue, sound.rank, words, forms, at + lead_s, latest_start_s, must_end_s, may_run_over
        )

    if sound.rank is SpeechRank.SAFETY:
        return wants(float("inf"), float("inf"))
    # Words about a segment end before its countdown pips, or with the segment if it has none.
    end = segment.end_s if pips_s is None else pips_s
    if cue.type is CueType.ANNOUNCE:
        return wants(min(at + STALE_AFTER_S, end), end, may_run_over=pips_s is None)
    if cue.type is CueType.NEXT_UP:
        return wants(end, end)
    if cue.type is CueType.HALFWAY:
        return wants(at + HALFWAY_LATEST_S, end)
    if cue.type is CueType.PROMPT:
        # A prompt is the runner's own words: said whole, late rather than never, while its
        # segment lasts.
        return wants(end, float("inf"))
    if cue.type is CueType.COUNTDOWN:
        return wants(at + COUNT_LATEST_S, float("inf"))
    # Get ready and the finish: said whole, if not too late.
    return wants(at + STALE_AFTER_S, float("inf"))


def _tone_leads(sounds: Mapping[Cue, CueSound], timing: SpeechTiming) -> dict[int, float]:
    """Moments (ms) at which a tone opens an announcement or the finish: words wait for it."""
    leads: dict[int, float] = {}
    for cue, sound in sounds.items():
        lead = {CueType.ANNOUNCE: timing.tone_s, CueType.FINISH: timing.finish_tone_s}.get(cue.type)
        if lead is not None and sound.tone is not None:
            moment = moment_ms(cue.at_s)
            leads[moment] = max(lead, leads.get(moment, 0.0))
    return leads


def _countdowns(sounds: Mapping[Cue, CueSound], timing: SpeechTiming) -> dict[int, Span]:
    """Where the pips of each segment's countdown sound (-1: the get-ready's), first to last."""
    spans: dict[int, Span] = {}
    for cue, sound in sounds.items():
        if cue.type is CueType.COUNTDOWN and sound.tone is not None:
            key = -1 if cue.at_s < 0 else cue.segment_index
            begin, end = spans.get(key, (cue.at_s, cue.at_s))
            spans[key] = (min(begin, cue.at_s), max(end, cue.at_s + timing.pip_s))
    return spans


def _first_free(busy: Iterable[Span], earliest: float, length: float) -> float:
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
    countdowns = _countdowns(sounds, timing)
    pips_from = {key: begin for key, (begin, _) in countdowns.items()}
    wanted = [
        _wanted(
            cue, sound, plan, leads.get(moment_ms(cue.at_s), 0.0), pips_from.get(cue.segment_index)
        )
        for cue, sound in sounds.items()
        if sound.speech
    ]
    spans = tuple(countdowns.values())
    speech = _place_all(wanted, spans, timing)
    # The rep is the least useful of the words: where it pushed next-up into being cut short
    # or left out, it gives way, if that lets next-up say more.
    crowded = _crowded_by_rep(wanted, speech)
    if not crowded:
        return speech
    trial = _place_all([_without_rep(w) if w.cue in crowded else w for w in wanted], spans, timing)
    helped = {cue for cue in crowded if _next_up_words(trial, cue) > _next_up_words(speech, cue)}
    if helped == crowded:
        return trial
    return _place_all([_without_rep(w) if w.cue in helped else w for w in wanted], spans, timing)


def _place_all(
    wanted: Sequence[_Wanted], countdowns: Iterable[Span], timing: SpeechTiming
) -> SpeechPlan:
    """Safety sentences at their moments, then each lower rank in the time left, clear of the
    countdown pips."""
    busy: list[Span] = []
    lines: list[SpokenLine] = []
    left_out: list[Cue] = []
    heard_in: list[tuple[Cue, SpokenLine]] = []
    for rank in SpeechRank:
        if rank is SpeechRank.ANNOUNCE:
            # Safety words are never moved; all others give way to the countdown pips.
            busy += countdowns
        for want in (w for w in wanted if w.rank is rank):
            saying = _saying_already(want, lines) if rank is SpeechRank.SAFETY else None
            if saying is not None:
                heard_in.append((want.cue, saying))
                continue
            line = _place(want, busy, timing)
            if line is None:
                left_out.append(want.cue)
                continue
            lines.append(line)
            busy.append((line.start_s, line.end_s + SENTENCE_GAP_S))
    lines.sort(key=lambda line: (line.start_s, line.rank))
    return SpeechPlan(tuple(lines), tuple(left_out), tuple(heard_in))


def _saying_already(want: _Wanted, lines: Sequence[SpokenLine]) -> SpokenLine | None:
    """The line saying `want`'s very words at its moment, if one is."""
    for line in lines:
        if line.phrases == want.words and line.start_s <= want.earliest_s <= line.end_s:
            return line
    return None


def _place(want: _Wanted, busy: list[Span], timing: SpeechTiming) -> SpokenLine | None:
    for number, form in enumerate(want.forms, start=1):
        length = timing.sentence_length(form)
        start = _first_free(busy, want.earliest_s, length + SENTENCE_GAP_S)
        runs_over = want.shortest_may_run_over and number == len(want.forms)
        if start <= want.latest_start_s and (runs_over or start + length <= want.must_end_s):
            shortened = form != want.words
            return SpokenLine(want.cue, form, want.rank, start, start + length, shortened)
    return None


def _crowded_by_rep(wanted: Sequence[_Wanted], speech: SpeechPlan) -> set[Cue]:
    """The announcements whose rep ran past the moment of their segment's next-up, which
    then lost words."""
    said = speech.by_cue()
    announced = {
        line.cue.segment_index: line
        for line in speech.lines
        if line.cue.type is CueType.ANNOUNCE and REP in line.phrases
    }
    crowded: set[Cue] = set()
    for want in wanted:
        next_up = said.get(want.cue)
        announce = announced.get(want.cue.segment_index)
        if (
            want.cue.type is CueType.NEXT_UP
            and (next_up is None or next_up.shortened)
            and announce is not None
            and announce.end_s + SENTENCE_GAP_S > want.earliest_s
        ):
            crowded.add(announce.cue)
    return crowded


def _next_up_words(speech: SpeechPlan, announce: Cue) -> int:
    """How many words the next-up of the announced segment says."""
    lines = (line for line in speech.lines if line.cue.type is CueType.NEXT_UP)
    said = next((line for line in lines if line.cue.segment_index == announce.segment_index), None)
    return 0 if said is None else len(said.phrases)


def _without_rep(want: _Wanted) -> _Wanted:
    return replace(want, forms=tuple(form for form in want.forms if REP not in form))
