"""Compile a template into a flat, immutable timeline of segments and cues."""

from __future__ import annotations

import bisect
import enum
import math
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from retrotimer.core.model import (
    Direction,
    Item,
    Prompt,
    Repeat,
    Segment,
    SegmentKind,
    Template,
    Venue,
)
from retrotimer.core.session.speech import (
    distance_words,
    length_words,
    number_words,
    spoken_distance_text,
    spoken_label,
    spoken_length_text,
)
from retrotimer.core.value import replace, value

if TYPE_CHECKING:
    from retrotimer.core.settings import Settings


class CueType(enum.Enum):
    """What a cue is for; the audio layer picks a sound per type."""

    GET_READY = "get_ready"
    COUNTDOWN = "countdown"
    ANNOUNCE = "announce"
    TURN_AROUND = "turn_around"
    SHOULDER_CHECK = "shoulder_check"
    HOLD_RAILS = "hold_rails"
    HALFWAY = "halfway"
    NEXT_UP = "next_up"
    PRESS_WHEN_DONE = "press_when_done"
    STEP_TICK = "step_tick"
    PROMPT = "prompt"
    FINISH = "finish"


# Order of cues that fall on the same offset: the old segment's last words come before the
# new segment's announcement, and the announcement before anything said about the new segment.
CUE_RANK: dict[CueType, int] = {
    CueType.GET_READY: 0,
    CueType.COUNTDOWN: 1,
    CueType.TURN_AROUND: 2,
    CueType.FINISH: 4,
    CueType.ANNOUNCE: 5,
    CueType.SHOULDER_CHECK: 6,
    CueType.HOLD_RAILS: 6,
    CueType.HALFWAY: 7,
    CueType.PROMPT: 7,
    CueType.PRESS_WHEN_DONE: 7,
    CueType.NEXT_UP: 8,
    CueType.STEP_TICK: 9,
}
# A segment's end is ranked between its own last cues and the next segment's first.
SEGMENT_END_RANK = 3


def moment_ms(at_s: float) -> int:
    """An offset as whole milliseconds: the moment cues are ordered by.

    Offsets are sums of step durations (a tapped cadence of 105 makes 0.571428... s steps);
    two cues meant for the same moment can differ in the last digits of their floats, and
    then a float comparison, not the rank, would decide which is heard first.
    """
    return round(at_s * 1000)


def cue_order(at_s: float, rank: int) -> tuple[int, int]:
    """The sort key of anything on the timeline: its moment, then its rank at that moment."""
    return (moment_ms(at_s), rank)


def cue_wanted(kind: CueType, settings: Settings) -> bool:
    """Whether `settings` want cues of this kind: the one rule for the cues a setting turns
    off. The plan leaves them out; a setting turned off while a session runs (its plan made
    before) silences them through the same rule (`cue_sounds`)."""
    match kind:
        case CueType.HALFWAY:
            return settings.halfway
        case CueType.NEXT_UP:
            return settings.next_up
        case CueType.STEP_TICK:
            return settings.step_ticks
        case _:
            return True


# A cue needs this much room after the announcement so the two do not run together.
MIN_GAP_AFTER_ANNOUNCE_S = 1.0
_WAIT_EPSILON = 1e-9
# Next-up is spoken only where the segment leaves time to hear the announcement first.
NEXT_UP_MIN_AFTER_START_S = 3.0
HALFWAY_MIN_DURATION_S = 60.0
# The treadmill's hold-the-rails reminder comes at most once a minute.
RAILS_REMINDER_S = 60
# While an open step waits for its press, a step that is not backward (no safety reminder to
# repeat) is reminded to press this many reminder intervals apart.
PRESS_REMINDER_INTERVALS = 3
PRESS_WHEN_DONE = "press when done"


@value
class Cue:
    """Something to say or sound at an offset of the plan.

    `speech` lists the phrases to speak in order: stock phrases the voice clips cover, or a
    custom label to be rendered by a speech engine. It is empty for beep-only cues.
    """

    at_s: float
    type: CueType
    text: str
    segment_index: int
    speech: tuple[str, ...] = ()


@value
class PlannedSegment:
    """One segment of the flat timeline."""

    index: int
    kind: SegmentKind
    label: str
    note: str | None
    start_s: float
    duration_s: float
    steps: int | None
    rep: int | None
    reps: int | None
    custom_label: bool = False
    # The segment reverses the direction of the one before (forward run straight into a
    # backward one, or back) with no walk or rest between: the runner must stop and turn
    # first, and the screen says so.
    turn_first: bool = False
    # The segment's timed prompts that fall within it, in order of their offsets.
    prompts: tuple[Prompt, ...] = ()
    # An open or distance step: it ends when the runner presses, or at `cap_s` seconds;
    # `duration_s` is then the estimate totals are reckoned with.
    ends_on_press: bool = False
    cap_s: float | None = None
    metres: int | None = None

    @property
    def end_s(self) -> float:
        return round(self.start_s + self.duration_s, 6)

    @property
    def waits(self) -> bool:
        """The step goes on past its estimate (`end_s`) until the press or the cap: plan time
        stands still at its end meanwhile."""
        return self.ends_on_press and (self.cap_s is None or self.cap_s > self.duration_s)


@value
class Plan:
    """A compiled session: segments, cues in order, and totals."""

    template_name: str
    venue: Venue
    segments: tuple[PlannedSegment, ...]
    cues: tuple[Cue, ...]
    total_s: float
    backward_s: float
    forward_s: float
    backward_steps: int
    # What the cues a waiting step says while it waits are made of (`wait_cue_after`).
    reminder_interval_s: float = 10.0
    countdown_pips: int = 3

    def segment_index_at(self, position_s: float) -> int:
        """Index of the segment running at `position_s` (the last one at or after the end)."""
        starts = [segment.start_s for segment in self.segments]
        return max(0, min(bisect.bisect_right(starts, position_s) - 1, len(self.segments) - 1))


@value
class _Flat:
    segment: Segment
    rep: int | None
    reps: int | None


def _flatten(items: tuple[Item, ...]) -> Iterator[_Flat]:
    """Expand repeat blocks; rep i of n refers to the innermost enclosing repeat."""
    for item in items:
        if isinstance(item, Repeat):
            for rep in range(1, item.count + 1):
                for flat in _flatten(item.items):
                    if flat.reps is None:
                        yield _Flat(flat.segment, rep, item.count)
                    else:
                        yield flat
        else:
            yield _Flat(item, None, None)


def effective_venue(template: Template, settings: Settings) -> Venue:
    """A template for any venue runs where the user usually runs."""
    if template.venue is Venue.ANY:
        return settings.default_venue if settings.default_venue is not Venue.ANY else Venue.TRACK
    return template.venue


def segment_seconds(segment: Segment, settings: Settings) -> float:
    """Duration in seconds; steps are converted at the kind's cadence, a distance at the kind's
    pace, and an open step is reckoned at the runner's estimate (never past its cap)."""
    length = segment.length
    if length.is_steps:
        return round(length.amount * 60.0 / settings.cadence(segment.kind), 6)
    if length.is_distance:
        estimate = round(length.amount * settings.pace(segment.kind) / 100.0, 6)
    elif length.is_open:
        estimate = float(settings.open_step_s)
    else:
        return float(length.amount)
    return estimate if length.cap_s is None else min(estimate, float(length.cap_s))


def compile_plan(template: Template, settings: Settings) -> Plan:
    """Turn a template into the timeline a session runs."""
    venue = effective_venue(template, settings)
    segments: list[PlannedSegment] = []
    offset = 0.0
    previous: Direction = Direction.NONE
    for index, flat in enumerate(_flatten(template.items)):
        segment = flat.segment
        duration = segment_seconds(segment, settings)
        direction = segment.kind.direction
        segments.append(
            PlannedSegment(
                index=index,
                kind=segment.kind,
                label=segment.display_label,
                note=segment.note,
                start_s=round(offset, 6),
                duration_s=duration,
                steps=segment.length.amount if segment.length.is_steps else None,
                rep=flat.rep,
                reps=flat.reps,
                custom_label=segment.label is not None,
                turn_first=reverses(previous, direction),
                prompts=tuple(
                    sorted(
                        (p for p in segment.prompts if 0 <= p.offset_s < duration),
                        key=lambda prompt: prompt.offset_s,
                    )
                ),
                ends_on_press=segment.length.ends_on_press,
                cap_s=None if segment.length.cap_s is None else float(segment.length.cap_s),
                metres=segment.length.amount if segment.length.is_distance else None,
            )
        )
        # Each start is the previous end exactly, so the two name the same moment.
        offset = segments[-1].end_s
        previous = direction
    total = round(offset, 6)
    cues: list[Cue] = []
    for position, planned in enumerate(segments):
        following = segments[position + 1] if position + 1 < len(segments) else None
        cues.extend(_segment_cues(planned, following, venue, settings))
    cues.append(
        Cue(total, CueType.FINISH, "Session complete.", len(segments) - 1, ("session complete",))
    )
    cues.sort(key=lambda cue: (*cue_order(cue.at_s, CUE_RANK[cue.type]), cue.segment_index))
    backward = [s for s in segments if s.kind.direction is Direction.BACKWARD]
    return Plan(
        template_name=template.name,
        venue=venue,
        segments=tuple(segments),
        cues=tuple(cues),
        total_s=total,
        backward_s=round(sum(s.duration_s for s in backward), 6),
        forward_s=round(
            sum(s.duration_s for s in segments if s.kind.direction is Direction.FORWARD), 6
        ),
        backward_steps=sum(s.steps or 0 for s in backward),
        reminder_interval_s=float(settings.reminder_interval_s),
        countdown_pips=settings.countdown_pips,
    )


def reverses(before: Direction, after: Direction) -> bool:
    """Forward straight into backward, or backward into forward: a turn on the move."""
    return {before, after} == {Direction.FORWARD, Direction.BACKWARD}


def needs_turn_cue(segment: PlannedSegment, following: PlannedSegment | None) -> bool:
    """A backward segment ends with "stop and turn around" unless more backward follows; so
    does a forward run that leads straight into a backward segment."""
    if segment.kind.is_backward:
        return following is None or not following.kind.is_backward
    return following is not None and following.turn_first


def describe(segment: PlannedSegment) -> tuple[str, tuple[str, ...]]:
    """The words for a segment and its length, as text and as phrases to speak."""
    label = segment.label[:1].upper() + segment.label[1:]
    if segment.metres is not None:
        return (
            f"{label}, {spoken_distance_text(segment.metres)}",
            (spoken_label(segment.label), *distance_words(segment.metres)),
        )
    if segment.ends_on_press:
        return f"{label}, {PRESS_WHEN_DONE}", (spoken_label(segment.label), PRESS_WHEN_DONE)
    is_steps = segment.steps is not None
    amount = segment.steps if segment.steps is not None else round(segment.duration_s)
    return (
        f"{label}, {spoken_length_text(amount, steps=is_steps)}",
        (spoken_label(segment.label), *length_words(amount, steps=is_steps)),
    )


def safety_reminder(segment: PlannedSegment, venue: Venue) -> Cue:
    """What a backward segment is reminded of, at its start: the rails or the shoulder."""
    if venue is Venue.TREADMILL:
        return Cue(
            segment.start_s,
            CueType.HOLD_RAILS,
            "Hold the rails.",
            segment.index,
            ("hold the rails",),
        )
    return Cue(
        segment.start_s,
        CueType.SHOULDER_CHECK,
        "Look over your shoulder.",
        segment.index,
        ("look over your shoulder",),
    )


def safety_interval_s(venue: Venue, interval_s: float) -> float:
    """How far apart a backward segment's safety reminder comes: the runner's interval, but
    on a treadmill, where hands stay on the rails, no more than once a minute (said every few
    seconds it is noise over a long walk)."""
    return max(interval_s, RAILS_REMINDER_S) if venue is Venue.TREADMILL else interval_s


def first_wait_cue(plan: Plan, segment: PlannedSegment) -> tuple[float, Cue]:
    """The first cue of a step's wait: its reminders go on from where the timeline's stopped
    (short of the estimate, by the gap left after an announcement)."""
    return wait_cue_after(plan, segment, segment.duration_s - MIN_GAP_AFTER_ANNOUNCE_S - 1e-6)


def wait_cue_after(plan: Plan, segment: PlannedSegment, elapsed_s: float) -> tuple[float, Cue]:
    """The next cue a waiting step says after `elapsed_s` seconds in it (past its estimate):
    the seconds in the step it is due at, and the cue, placed at the step's end, where plan
    time stands while it waits. A backward step repeats its safety reminder; any other step
    is reminded to press now and then; a cap is counted down by the countdown pips."""
    interval = plan.reminder_interval_s
    if not segment.kind.is_backward:
        interval *= PRESS_REMINDER_INTERVALS
        reminder = Cue(
            segment.end_s,
            CueType.PRESS_WHEN_DONE,
            "Press when done.",
            segment.index,
            (PRESS_WHEN_DONE,),
        )
    else:
        interval = safety_interval_s(plan.venue, interval)
        reminder = replace(safety_reminder(segment, plan.venue), at_s=segment.end_s)
    due = (math.floor(elapsed_s / interval + _WAIT_EPSILON) + 1) * interval
    found = (due, reminder)
    if segment.cap_s is not None:
        for remaining in range(plan.countdown_pips, 0, -1):
            at = segment.cap_s - remaining
            if at > elapsed_s + _WAIT_EPSILON and at < found[0] - _WAIT_EPSILON:
                pip = Cue(segment.end_s, CueType.COUNTDOWN, str(remaining), segment.index)
                found = (at, pip)
                break
    return found


def _segment_cues(
    segment: PlannedSegment,
    following: PlannedSegment | None,
    venue: Venue,
    settings: Settings,
) -> Iterator[Cue]:
    start, end, index = segment.start_s, segment.end_s, segment.index
    text, speech = describe(segment)
    if segment.rep is not None and segment.reps is not None:
        text += f". Rep {segment.rep} of {segment.reps}"
        speech = (*speech, "rep", *number_words(segment.rep), "of", *number_words(segment.reps))
    yield Cue(start, CueType.ANNOUNCE, text + ".", index, speech)

    if segment.kind.is_backward:
        reminder = safety_reminder(segment, venue)
        interval = safety_interval_s(venue, settings.reminder_interval_s)
        at = start
        while at < end - MIN_GAP_AFTER_ANNOUNCE_S:
            yield Cue(round(at, 6), reminder.type, reminder.text, index, reminder.speech)
            at += interval
    if needs_turn_cue(segment, following):
        yield Cue(
            end, CueType.TURN_AROUND, "Stop and turn around.", index, ("stop and turn around",)
        )

    if segment.waits:
        # Its end is the press (or the cap, counted down while it waits): no halfway, no
        # next-up and no countdown at an estimate the runner may run past.
        return
    halfway_known = not segment.ends_on_press  # a press may come before any halfway
    long_enough = segment.duration_s >= HALFWAY_MIN_DURATION_S
    if cue_wanted(CueType.HALFWAY, settings) and halfway_known and long_enough:
        yield Cue(
            round(start + segment.duration_s / 2, 6),
            CueType.HALFWAY,
            "Halfway.",
            index,
            ("halfway",),
        )

    if cue_wanted(CueType.NEXT_UP, settings) and following is not None:
        at = end - settings.next_up_lead_s
        if at >= start + NEXT_UP_MIN_AFTER_START_S:
            next_text, next_speech = describe(following)
            yield Cue(
                round(at, 6), CueType.NEXT_UP, f"Next: {next_text}.", index, ("next", *next_speech)
            )

    for remaining in range(settings.countdown_pips, 0, -1):
        at = end - remaining
        if at >= start + MIN_GAP_AFTER_ANNOUNCE_S:
            yield Cue(round(at, 6), CueType.COUNTDOWN, str(remaining), index)

    for prompt in segment.prompts:
        yield Cue(
            round(start + prompt.offset_s, 6), CueType.PROMPT, prompt.text, index, (prompt.text,)
        )

    if cue_wanted(CueType.STEP_TICK, settings) and segment.steps is not None:
        interval = segment.duration_s / segment.steps
        for step in range(segment.steps):
            yield Cue(round(start + step * interval, 6), CueType.STEP_TICK, "", index)


def plan_to_json(plan: Plan, *, cues: bool) -> dict[str, Any]:
    """The documented JSON shape of a plan (`retrotimer plan --json`, history snapshots)."""
    data: dict[str, Any] = {
        "template": plan.template_name,
        "venue": plan.venue.value,
        "total_s": plan.total_s,
        "backward_s": plan.backward_s,
        "forward_s": plan.forward_s,
        "backward_steps": plan.backward_steps,
        "segments": [
            {
                "index": s.index,
                "kind": s.kind.value,
                "label": s.label,
                "start_s": s.start_s,
                "duration_s": s.duration_s,
                "steps": s.steps,
                "rep": s.rep,
                "reps": s.reps,
                **_press_facts(s),
            }
            for s in plan.segments
        ],
    }
    if cues:
        data["cues"] = [{"at_s": c.at_s, "type": c.type.value, "text": c.text} for c in plan.cues]
    return data


def _press_facts(segment: PlannedSegment) -> dict[str, Any]:
    """An open or distance step's facts in the plan's JSON: only such steps carry them."""
    if not segment.ends_on_press:
        return {}
    return {"ends_on_press": True, "cap_s": segment.cap_s, "metres": segment.metres}
