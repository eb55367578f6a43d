"""Simulated runners who follow a program for up to a year: on each outing they ask the coach,
run what it proposes (or its lighter option) in their zone and at their cadence, and report how
it went. The history they leave is the real one a store would list."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from hypothesis import strategies as st

from retrotimer.core.history.calendar_days import local_day
from retrotimer.core.history.history_values import HistoryEntry
from retrotimer.core.history.program_ref import ProgramRef
from retrotimer.core.history.session_figures import real_session_figures
from retrotimer.core.history.wall_time import WallTime
from retrotimer.core.model import Template, Venue
from retrotimer.core.programs.coach import Proposal, propose, replay
from retrotimer.core.programs.program_choice import ProgramChoice
from retrotimer.core.programs.program_model import Program
from retrotimer.core.programs.session_load import load
from retrotimer.core.settings import Settings
from retrotimer.core.value import replace, value
from tests.core.programs.program_history import HOW, START, _entry, other_session

YEAR_DAYS = 366


@value
class Outing:
    """One outing: `gap` days after the last, how it went, whether the runner takes the
    lighter option, the zone (UTC offset, hours) and walking cadence then, whether it is a
    compressed-speed test run, and a backward warm-up outside the program before it."""

    gap: int
    how: str = "well"
    lighter: bool = False
    offset_h: int = 0
    cadence: int = 100
    test_run: bool = False
    warm_up_s: float = 0.0
    resume_first: bool = False  # resumes a paused program before asking


@value
class Asked:
    """What the coach proposed on an outing's day, and what was run."""

    day: int
    proposal: Proposal
    settings: Settings
    entry: HistoryEntry | None  # None: the program was paused and nothing was run


@dataclass
class Runner:
    """A runner following `program`, asking the coach on each outing."""

    program: Program
    days: tuple[str, ...] = ("mon", "wed", "fri")
    history: list[HistoryEntry] = dataclasses.field(default_factory=list)
    asked: list[Asked] = dataclasses.field(default_factory=list)
    resumed: tuple[WallTime, ...] = ()
    local: int = START  # the runner's local day of the last outing

    @property
    def choice(self) -> ProgramChoice:
        return ProgramChoice(self.program.name, START, 1, self.days, self.resumed)

    def follow(self, outings: list[Outing], *, within_a_year: bool = True) -> Runner:
        for outing in outings:
            if within_a_year and self.local + outing.gap - START > YEAR_DAYS:
                break
            self.local += outing.gap
            self._outing(self.local, len(self.history), outing)
        return self

    def _moment(self, local: int, hour: int, offset_h: int) -> float:
        """UTC seconds of `hour` o'clock on local day `local` in a zone `offset_h` from UTC."""
        return float((local * 24 + hour - offset_h) * 3600)

    def _outing(self, local: int, number: int, outing: Outing) -> None:
        settings = Settings(cadence_backward_walk=outing.cadence)
        offset_s = outing.offset_h * 3600
        if outing.resume_first:
            moment = self._moment(local, 7, outing.offset_h)
            self.resumed = (*self.resumed, WallTime(moment, offset_s))
        if outing.warm_up_s:
            warm_up = other_session(0, outing.warm_up_s)
            self.history.append(self._at(warm_up, local, 8, outing.offset_h, f"w{number}"))
        proposal = self.ask(local, settings)
        if proposal.paused:
            self.asked.append(Asked(local, proposal, settings, None))
            return
        template, ref = proposal.template, proposal.ref
        if outing.lighter:
            template, ref = proposal.lighter, proposal.lighter_ref
        entry = self._at(
            ran_as(template, ref, outing.how, settings), local, 9, outing.offset_h, f"s{number}"
        )
        entry = replace(entry, test_run=outing.test_run)
        self.history.append(entry)
        self.asked.append(Asked(local, proposal, settings, entry))

    def _at(
        self, entry: HistoryEntry, local: int, hour: int, offset_h: int, key: str
    ) -> HistoryEntry:
        utc_s = self._moment(local, hour, offset_h)
        return replace(
            entry,
            session_id=f"{key:>8}" + "0" * 24,
            started_utc_s=utc_s,
            utc_offset_s=offset_h * 3600,
            ended_utc_s=utc_s + 900,
        )

    def ask(self, local: int, settings: Settings | None = None) -> Proposal:
        """What the coach proposes on local day `local`, from the whole history so far."""
        state = replay(self.program, real_session_figures(self.history), self.choice)
        return propose(state, local, settings or Settings())


def ran_as(template: Template, ref: ProgramRef, how: str, settings: Settings) -> HistoryEntry:
    """The session run from `template` at `settings`, as `how` says it went."""
    planned = load(template, settings).backward_s
    status, share, rating, stumbles, reports = HOW[how]
    entry = _entry(0, 9, 0, status, round(planned * share, 3), rating, stumbles, reports, ref)
    return replace(entry, planned_backward_s=planned, venue=Venue.TRACK)


def local_days(entries: list[HistoryEntry]) -> list[int]:
    return [local_day(entry.started) for entry in entries]


_WELL = st.just("well")
_NO = st.just(False)
_UTC = st.just(0)
_DEFAULT_CADENCE = st.just(100)
_NO_WARM_UP = st.just(0.0)


def _outings(
    gaps: st.SearchStrategy[int],
    hows: st.SearchStrategy[str] = _WELL,
    *,
    lighter: st.SearchStrategy[bool] = _NO,
    offsets: st.SearchStrategy[int] = _UTC,
    cadences: st.SearchStrategy[int] = _DEFAULT_CADENCE,
    test_runs: st.SearchStrategy[bool] = _NO,
    warm_ups: st.SearchStrategy[float] = _NO_WARM_UP,
    resumes: st.SearchStrategy[bool] = _NO,
    max_size: int = 60,
) -> st.SearchStrategy[list[Outing]]:
    return st.lists(
        st.builds(Outing, gaps, hows, lighter, offsets, cadences, test_runs, warm_ups, resumes),
        min_size=1,
        max_size=max_size,
    )


_MOSTLY_WELL = ["well", "well", "well", "unrated", "one_stumble"]
# The runners of a year: each a strategy for their outings, and their training days.
PROFILES: dict[str, tuple[st.SearchStrategy[list[Outing]], tuple[str, ...]]] = {
    "diligent": (_outings(st.sampled_from([2, 2, 3])), ("mon", "wed", "fri")),
    "weekly": (_outings(st.just(7)), ("sun",)),
    "daily": (_outings(st.just(1)), ("mon", "tue", "wed", "thu", "fri", "sat", "sun")),
    "five a week": (
        _outings(st.sampled_from([1, 1, 1, 1, 3])),
        ("mon", "tue", "wed", "thu", "fri"),
    ),
    "gaps": (_outings(st.integers(2, 400), max_size=12), ("tue", "sat")),
    "always lighter": (_outings(st.sampled_from([2, 3]), lighter=st.just(True)), ("mon", "thu")),
    "always hard": (
        _outings(st.sampled_from([2, 3]), st.sampled_from(["rated_hard", "stopped", "stumbles2"])),
        ("mon", "wed", "fri"),
    ),
    "dizzy": (
        _outings(
            st.sampled_from([2, 3, 5]),
            st.sampled_from([*_MOSTLY_WELL, "dizzy"]),
            resumes=st.booleans(),
        ),
        ("mon", "wed", "fri"),
    ),
    "pain": (
        _outings(
            st.sampled_from([2, 4, 9]),
            st.sampled_from([*_MOSTLY_WELL, "pain", "dizzy_or_pain"]),
            resumes=st.booleans(),
        ),
        ("tue", "thu", "sat"),
    ),
    "stopped": (
        _outings(st.sampled_from([2, 3]), st.sampled_from(["stopped", "stopped_cooling_down"])),
        ("mon", "wed", "fri"),
    ),
    "crashed": (
        _outings(st.sampled_from([2, 3]), st.sampled_from(["crashed", "well"])),
        ("mon", "wed", "fri"),
    ),
    "zone changes": (
        _outings(st.sampled_from([1, 2, 3]), offsets=st.integers(-11, 14)),
        ("mon", "wed", "fri"),
    ),
    "cadence changes": (
        _outings(st.sampled_from([2, 3]), cadences=st.integers(60, 200)),
        ("mon", "wed", "fri"),
    ),
    "anything": (
        _outings(
            st.integers(0, 30),
            st.sampled_from(sorted(HOW)),
            lighter=st.booleans(),
            offsets=st.integers(-11, 14),
            cadences=st.integers(60, 200),
            test_runs=st.booleans(),
            warm_ups=st.sampled_from([0.0, 0.0, 20.0, 180.0]),
            resumes=st.booleans(),
            max_size=40,
        ),
        ("mon", "wed", "fri"),
    ),
}
