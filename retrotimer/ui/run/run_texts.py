"""Everything the run screen writes, worked out from a SessionView: pure, so easy to test."""

from __future__ import annotations

import enum
import math
import textwrap
from typing import TYPE_CHECKING

from retrotimer.core.model import ColourRole, Venue
from retrotimer.core.session.session_machine import SessionState, SessionView
from retrotimer.core.value import value
from retrotimer.ui.common.formatting import clock_text, counted, total_clock_text, total_seconds
from retrotimer.ui.common.kind_style import Arrow, arrow_for, direction_word

if TYPE_CHECKING:
    from retrotimer.core.session.plan import Plan, PlannedSegment
    from retrotimer.core.session.records import SessionSummary

SHOULDER_BANNER = "LOOK OVER YOUR SHOULDER"
RAILS_BANNER = "HOLD THE RAILS"
TURN_AROUND_NOTICE = "STOP, THEN TURN AROUND"
TURN_AROUND_NOTICE_S = 4.0  # how long it shows when the direction changes
PRESS_NOTICE = "PRESS WHEN DONE"


def digits_sample(duration_s: float) -> str:
    """The widest text the digits show for a segment of this length (sizes the font)."""
    if duration_s >= 3600:
        return "0:00:00"
    if duration_s >= 600:
        return "00:00"
    return "0:00"


def session_sample(plan: Plan) -> str:
    """The widest session line of a plan ("Segment 00 of 00  ·  00:00 left"), to size its
    font once for the whole session."""
    count, total = len(plan.segments), total_clock_text(plan.total_s)
    widest = f"Segment {count} of {count}  ·  {total} left"
    return "".join("0" if c.isdigit() else c for c in widest)


def time_left_text(view: SessionView, plan: Plan) -> str:
    """The session's time left, "8:50 left": whole seconds of the total less those gone, both
    rounded by the one rule, so it starts at the header's total and ends at 0:00."""
    left = total_seconds(plan.total_s) - total_seconds(view.position_s)
    return f"{total_clock_text(max(0, left))} left"


def short_length_text(segment: PlannedSegment) -> str:
    """ "15 steps", "30 s", "2 min", "1 min 30 s", "100 m", "open"."""
    if segment.steps is not None:
        return counted(segment.steps, "step")
    if segment.metres is not None:
        return f"{segment.metres} m"
    if segment.ends_on_press:
        return "open"
    whole = round(segment.duration_s)
    minutes, seconds = divmod(whole, 60)
    if minutes and seconds:
        return f"{minutes} min {seconds} s"
    return f"{minutes} min" if minutes else f"{seconds} s"


def segment_title(segment: PlannedSegment) -> str:
    """The label, with the step count for step segments, the distance for distance steps and
    the most time an open or distance step may last."""
    label = segment.label[:1].upper() + segment.label[1:]
    if segment.steps is not None:
        return f"{label} · {counted(segment.steps, 'step')}"
    if segment.metres is not None:
        label = f"{label} · {segment.metres} m"
    if segment.ends_on_press and segment.cap_s is not None:
        return f"{label} · max {clock_text(segment.cap_s)}"
    return label


def distance_text(segment: PlannedSegment) -> str:
    """ "100 m": the distance a distance step covers, as the big number above the clock."""
    return f"{segment.metres} m" if segment.metres is not None else ""


def next_text(segment: PlannedSegment | None) -> str:
    if segment is None:
        return "Next: Finish"
    label = segment.label[:1].upper() + segment.label[1:]
    return f"Next: {label} · {short_length_text(segment)}"


def steps_left(segment: PlannedSegment, remaining_s: float) -> int | None:
    """Steps still to go in a step-counted segment, estimated from the cadence the plan
    timed it with (steps x remaining / duration), rounded up; None for a timed segment."""
    if segment.steps is None:
        return None
    if segment.duration_s <= 0:
        return 0
    share = min(1.0, max(0.0, remaining_s / segment.duration_s))
    return max(0, math.ceil(segment.steps * share - 1e-9))


def steps_sample(segment: PlannedSegment) -> str:
    """The widest steps-left text of a segment ("00 steps"), to size its font."""
    return "0" * len(str(segment.steps or 0)) + " steps"


def counted_steps_text(view: SessionView) -> tuple[str, str]:
    """The steps of a segment that ends on the footpod's count, and the widest such text:
    "12 of 20 steps (footpod)" while it counts, "15 steps (timed)" (left, from the planned
    time) while no footpod is heard."""
    target = view.segment.steps or 0
    digits = "0" * len(str(target))
    sample = f"{digits} of {digits} steps (footpod)"
    if view.footpod_steps is None:
        left = steps_left(view.segment, view.segment_remaining_s) or 0
        return f"{counted(left, 'step')} (timed)", sample
    return f"{view.footpod_steps} of {target} steps (footpod)", sample


def banner_text(venue: Venue) -> str:
    return RAILS_BANNER if venue is Venue.TREADMILL else SHOULDER_BANNER


# A timed prompt stays on the screen this long after it is said (or until the next one).
PROMPT_SHOWN_S = 15.0
# A long prompt is shown a line at a time, as subtitles are: a line short enough to read from
# across a room, for about as long as it takes to say.
PROMPT_LINE_CHARS = 40
PROMPT_LINE_S = 4.0


def shown_prompt(segment: PlannedSegment, elapsed_s: float) -> str | None:
    """The line to show of the segment's latest prompt said by `elapsed_s`: each line of a
    long one in turn, the last until PROMPT_SHOWN_S have passed; None when none is due."""
    said = [p for p in segment.prompts if p.offset_s <= elapsed_s]
    if not said:
        return None
    since = elapsed_s - said[-1].offset_s
    lines = textwrap.wrap(said[-1].text, PROMPT_LINE_CHARS) or [said[-1].text]
    if since >= max(PROMPT_SHOWN_S, len(lines) * PROMPT_LINE_S):
        return None
    return lines[min(int(since // PROMPT_LINE_S), len(lines) - 1)]


class Look(enum.Enum):
    """How the whole screen looks: each reads differently from across a room."""

    NEUTRAL = "neutral"  # ready, done, stopped
    GET_READY = "get-ready"  # its own colours, unlike any segment
    SEGMENT = "segment"  # the kind's colour
    PAUSED = "paused"  # greyed out


@value
class RunTexts:
    """What each part of the run screen shows at one moment."""

    word: str
    arrow: Arrow
    role: ColourRole | None  # None: a neutral screen (ready, done)
    title: str
    rep: str
    digits: str
    digits_sample: str
    info: str
    next: str
    banner: str | None
    session: str  # where the session is and what is left: "Segment 3 of 12  ·  10:30 left"
    segment_fraction: float
    session_fraction: float
    look: Look = Look.SEGMENT
    shout: str = ""  # the huge word over the digits ("PAUSED", "GET READY"), if any
    steps: str = ""  # steps left in a step-counted segment ("12 steps"), beside the digits
    steps_sample: str = ""
    skip: str = "Skip"  # the skip button's word: "Done" where a press ends the step


def run_texts(view: SessionView, plan: Plan, summary: SessionSummary | None = None) -> RunTexts:
    """The words, numbers and colours for a view of a session of `plan`; once it is over,
    its `summary` says whether the work was done or mostly skipped."""
    segment = view.segment
    count = len(plan.segments)
    session = f"Segment {segment.index + 1} of {count}  ·  {time_left_text(view, plan)}"
    rep = f"Rep {segment.rep} of {segment.reps}" if segment.rep is not None else ""
    state = view.state
    if state is SessionState.IDLE:
        first = plan.segments[0]
        return RunTexts(
            word="READY",
            arrow=arrow_for(first.kind),
            role=None,
            title=plan.template_name,
            rep="",
            digits=total_clock_text(plan.total_s),
            digits_sample=digits_sample(plan.total_s),
            info="Press Space or Start when you are ready",
            next=f"First: {segment_title(first)} · {short_length_text(first)}",
            banner=None,
            session=f"{counted(count, 'segment')}  ·  {total_clock_text(plan.total_s)} in all",
            segment_fraction=0.0,
            session_fraction=0.0,
            look=Look.NEUTRAL,
        )
    paused = state is SessionState.PAUSED
    if state is SessionState.COUNTDOWN or (paused and view.get_ready_remaining_s > 0):
        first = plan.segments[0]
        return RunTexts(
            word="PAUSED" if paused else "GET READY",
            arrow=Arrow.PAUSE if paused else arrow_for(first.kind),
            role=first.kind.colour,
            title=plan.template_name,
            rep=rep,
            digits=clock_text(view.get_ready_remaining_s),
            digits_sample="0:00",
            info="Space to resume" if paused else "Space pauses",
            next=f"First: {segment_title(first)} · {short_length_text(first)}",
            banner=None,
            session=session,
            segment_fraction=0.0,
            session_fraction=0.0,
            look=Look.PAUSED if paused else Look.GET_READY,
            shout="PAUSED" if paused else "GET READY",
        )
    if state.is_over:
        finished = state is SessionState.FINISHED
        skipped = summary is not None and summary.mostly_skipped
        if skipped and summary is not None:
            title = "Session mostly skipped"
            info = (
                f"{total_clock_text(summary.active_s)} of {total_clock_text(summary.planned_s)} "
                "done. Space for a new start"
            )
        elif finished:
            title, info = "Session complete", "Well done. Walk it off and stretch."
        else:
            title, info = "Session stopped", "Space for a new start"
        return RunTexts(
            word="DONE" if finished and not skipped else "ENDED" if finished else "STOPPED",
            arrow=Arrow.STOP,
            role=None,
            title=title,
            rep="",
            digits=clock_text(0 if finished else view.segment_remaining_s),
            digits_sample=digits_sample(segment.duration_s),
            info=info,
            next="",
            banner=None,
            session=session,
            segment_fraction=view.segment_fraction,
            session_fraction=view.session_fraction,
            look=Look.NEUTRAL,
        )
    info = shown_prompt(segment, view.segment_elapsed_s) or segment.note or ""
    title = segment_title(segment)
    if segment.kind.is_backward and info and not paused:
        title = f"{title} · {info}"  # the banner takes the place of the note or prompt
    previous = plan.segments[segment.index - 1] if segment.index > 0 else None
    if (
        not segment.kind.is_backward
        and previous is not None
        and previous.kind.is_backward
        and view.segment_elapsed_s < TURN_AROUND_NOTICE_S
    ):
        info = TURN_AROUND_NOTICE
    banner = banner_text(plan.venue) if segment.kind.is_backward and not paused else None
    if banner is not None and segment.turn_first and view.segment_elapsed_s < TURN_AROUND_NOTICE_S:
        banner = TURN_AROUND_NOTICE  # straight from a forward run: the turn comes first
    if paused:
        info = "Space to resume"
    left = steps_left(segment, view.segment_remaining_s)
    digits = clock_text(view.segment_remaining_s)
    sample = digits_sample(segment.duration_s)
    shout = "PAUSED" if paused else ""
    steps = counted(left, "step") if left is not None else ""
    big_sample = steps_sample(segment) if left is not None else ""
    if view.ends_on_count:
        steps, big_sample = counted_steps_text(view)
        if view.segment_elapsed_s >= segment.duration_s:
            # Past its planned time, waiting for the footpod's count: a clock at 0:00 would
            # say it is over, so it counts the segment's seconds up, as an open step does.
            digits, sample = clock_text(view.segment_elapsed_s), "00:00"
    if view.counting_up:
        # Nobody knows when it ends: the clock counts the step's seconds up to the press,
        # and a distance step shows its distance as big as the clock.
        digits, sample = clock_text(view.segment_elapsed_s), "00:00"
        shout = shout or PRESS_NOTICE
        steps = distance_text(segment)
        big_sample = "".join("0" if c.isdigit() else c for c in steps)
    return RunTexts(
        word="PAUSED" if paused else direction_word(segment.kind),
        arrow=Arrow.PAUSE if paused else arrow_for(segment.kind),
        role=segment.kind.colour,
        title=title,
        rep=rep,
        digits=digits,
        digits_sample=sample,
        info=info,
        next=next_text(view.next_segment),
        banner=banner,
        session=session,
        segment_fraction=view.segment_fraction,
        session_fraction=view.session_fraction,
        look=Look.PAUSED if paused else Look.SEGMENT,
        shout=shout,
        steps=steps,
        steps_sample=big_sample,
        skip="Done" if segment.ends_on_press else "Skip",
    )
