"""The read-only built-in programs, written from the progression advice for backward running."""

from __future__ import annotations

from typing import TYPE_CHECKING

from retrotimer.core.programs.program_model import Program, ProgramWeek
from retrotimer.core.templates.library import same_name
from retrotimer.core.templates.text_syntax import parse_template_text
from retrotimer.core.value import value

if TYPE_CHECKING:
    from retrotimer.core.model import Template

LEARN = "Learn to run backward"
TREADMILL = "Backward walking on a treadmill"
FINISHERS = "Backward finishers for runners"
TWENTY = "Twenty backward minutes"

_RESET = '"turn around and reset"'


@value
class _Week:
    """One week of backward bouts: a block of walks, then a block of jogs. Session i runs
    `jogs[i]` jogs; `walks` has a count for each session, or one count for them all."""

    focus: str
    walk: str
    walks: tuple[int, ...]
    jog: str = ""
    jogs: tuple[int, ...] = ()


def _session(name: str, venue: str, description: str, *body: str) -> Template:
    lines = [f"# {name}", f"venue: {venue}", f"description: {description}", "", *body]
    return parse_template_text("\n".join(lines) + "\n")


def _reset(bout: str) -> str:
    # Short bouts need only a few steps to turn and reset; longer jogs get as long to recover.
    if "steps" in bout:
        return "20s"
    return {"15s": "30s", "30s": "45s", "45s": "45s"}.get(bout, "1m")


def _block(count: int, bout: str, kind: str, reset: str) -> str:
    return f"{count}x\n  {bout} backward {kind}\n  {reset} walk {_RESET}"


def _bouts(week: _Week, index: int) -> tuple[str, ...]:
    walks = week.walks[index] if len(week.walks) > 1 else week.walks[0]
    if not week.jog:
        return (_block(walks, week.walk, "walk", _reset(week.walk)),)
    blocks = [_block(walks, week.walk, "walk", "30s")] if walks else []
    return (*blocks, _block(week.jogs[index], week.jog, "jog", _reset(week.jog)))


def _sessions_in(week: _Week) -> int:
    return max(len(week.jogs), len(week.walks))


# One ladder of bouts for learning: 20, 30 and 40-step walks, then jogs of 20 steps, 30 steps,
# 15 s, 30 s and 45 s, each week's bouts at most twice the week before's; 8-14 bouts a session.
_LEARN_WEEKS = (
    _Week("Walk backward in runs of 20 steps, then stop, turn around and reset", "20 steps",
          (12, 13, 14)),
    _Week("Backward walks of 30 steps", "30 steps", (11, 12, 13)),
    _Week("Backward walks of 40 steps, the last walking week", "40 steps", (8, 9, 9)),
    _Week("First backward jogs: runs of 20 steps after 45-second walks", "45s", (5,),
          "20 steps", (7, 8, 9)),
    _Week("Backward jogs of 30 steps", "45s", (4,), "30 steps", (6, 7, 8)),
    _Week("Backward jogs of 15 seconds", "1m", (4,), "15s", (7, 8, 9)),
    _Week("More 15-second backward jogs", "1m", (3,), "15s", (9, 10, 11)),
    _Week("Backward jogs of 30 seconds", "1m", (4,), "30s", (6, 7, 8)),
    _Week("Backward jogs of 45 seconds", "1m", (2,), "45s", (6, 7, 7)),
    _Week("Ten backward minutes, most of them jogging", "75s", (2,), "45s", (10, 10, 10)),
)  # fmt: skip

# From where learning ends to twenty minutes of backward jogging, in the same steps.
_TWENTY_WEEKS = (
    _Week("Backward jogs of a minute", "75s", (1,), "1m", (7, 8, 8)),
    _Week("More one-minute backward jogs", "1m", (1,), "1m", (10, 11, 11)),
    _Week("One-minute backward jogs, jogging only", "1m", (0,), "1m", (11, 12, 12)),
    _Week("Backward jogs of 75 seconds", "1m", (0,), "75s", (10, 11, 12)),
    _Week("Backward jogs of 90 seconds", "1m", (0,), "90s", (9, 10, 10)),
    _Week("More 90-second backward jogs", "1m", (0,), "90s", (11, 12, 12)),
    _Week("Backward jogs of two minutes", "1m", (0,), "2m", (8, 9, 9)),
    _Week("Twenty backward minutes, all jogging", "1m", (0,), "2m", (10, 10, 10)),
)


def _track_program(
    name: str, weeks: tuple[_Week, ...], description: str, next_program: str, title: str
) -> Program:
    return Program(
        name,
        tuple(
            ProgramWeek(
                week.focus,
                tuple(
                    _session(
                        f"{title} {number}.{index + 1}",
                        "track",
                        f"Week {number} of {name}: {week.focus.lower()}.",
                        "5m warm-up walk",
                        *_bouts(week, index),
                        "3m cool-down walk",
                    )
                    for index in range(_sessions_in(week))
                ),
            )
            for number, week in enumerate(weeks, start=1)
        ),
        description,
        next_program,
    )


def _finishers() -> Program:
    """Learning's ladder, its first and last session of each week, after an easy forward run
    that gets shorter as the backward block grows."""
    weeks = []
    for number, week in enumerate(_LEARN_WEEKS, start=1):
        run = "20m" if number <= 5 else "15m"
        last = _sessions_in(week) - 1
        weeks.append(
            ProgramWeek(
                week.focus,
                tuple(
                    _session(
                        f"Backward finisher {number}.{place}",
                        "track",
                        f"Week {number} of {FINISHERS}: {week.focus.lower()}, after an easy "
                        "forward run. Slow to a stop before you turn.",
                        "5m warm-up walk",
                        f"{run} forward run",
                        '1m walk "slow to a stop and turn around"',
                        *_bouts(week, index),
                        "3m cool-down walk",
                    )
                    for place, index in enumerate((0, last), start=1)
                ),
            )
        )
    return Program(
        FINISHERS,
        tuple(weeks),
        "Ten weeks, two sessions a week, for runners: an easy forward run, then the steps of "
        "learning to run backward, from 20-step backward walks to ten backward minutes.",
        TWENTY,
    )


_BELT_SPEED = (
    'note "Straddle the rails or stop the belt, then set about half your forward walking '
    'speed before you step on facing backward"'
)
_BELT_TURN = 'note "Straddle the rails or stop the belt, then turn to face forward"'
_RAILS = 'note "slow speed, hold the rails"'

# (bouts, length) of each session: 4-5 backward minutes in week 1, to the 10-minute walk.
_TREADMILL_SESSIONS: tuple[tuple[tuple[int, str], ...], ...] = (
    ((2, "2m"), (2, "2m15s"), (2, "2m30s")),
    ((2, "3m"), (2, "3m15s"), (2, "3m30s")),
    ((2, "3m15s"), (2, "3m15s"), (2, "3m15s")),
    ((2, "4m"), (2, "4m15s"), (2, "4m30s")),
    ((1, "8m"), (1, "8m"), (1, "8m")),
    ((1, "10m"), (1, "10m"), (1, "10m")),
)

_TREADMILL_FOCUS = (
    "Two-minute backward walks at a slow speed, holding the rails",
    "Backward walks of three minutes and more",
    "Backward walks of three and a quarter minutes at a steady, slow speed",
    "Backward walks of four minutes and more",
    "One backward walk of eight minutes",
    "The ten-minute backward walk",
)


def _treadmill(week: int, number: int, count: int, length: str) -> Template:
    # Every change of direction on the belt is made at a standstill or astride the rails.
    bout = (
        f'30s rest "turn to walk backward" {_BELT_SPEED}',
        f"{length} backward walk {_RAILS}",
        f'30s rest "turn to walk forward" {_BELT_TURN}',
    )
    body = [f"{count}x", *(f"  {line}" for line in (*bout, "1m walk"))] if count > 1 else []
    return _session(
        f"Treadmill backward {week}.{number}",
        "treadmill",
        f"Week {week} of {TREADMILL}: {_TREADMILL_FOCUS[week - 1].lower()}. Clip on the "
        "safety key and keep both hands on the rails; walk backward at about half your "
        "forward walking speed.",
        "5m warm-up walk",
        *(body or bout),
        "3m cool-down walk",
    )


def _treadmill_program() -> Program:
    return Program(
        TREADMILL,
        tuple(
            ProgramWeek(
                focus,
                tuple(
                    _treadmill(week, number, count, length)
                    for number, (count, length) in enumerate(sessions, start=1)
                ),
            )
            for week, (focus, sessions) in enumerate(
                zip(_TREADMILL_FOCUS, _TREADMILL_SESSIONS, strict=True), start=1
            )
        ),
        "Six weeks of backward walking on a treadmill, three sessions a week, building to the "
        "ten-minute backward walk used in studies of knee pain. Slow speed, hands on the rails.",
        LEARN,
    )


def _programs() -> tuple[Program, ...]:
    learn = _track_program(
        LEARN,
        _LEARN_WEEKS,
        "Ten weeks on a track or open, flat ground, three sessions a week: from walking "
        "backward in runs of 20 steps to ten backward minutes, most of them jogging.",
        TWENTY,
        "Learn backward",
    )
    twenty = _track_program(
        TWENTY,
        _TWENTY_WEEKS,
        "Eight weeks, three sessions a week, for those who have learned: from the ten "
        "backward minutes where learning ends to twenty minutes of backward jogging.",
        "",
        "Twenty backward",
    )
    return (learn, _treadmill_program(), _finishers(), twenty)


BUILTIN_PROGRAMS: tuple[Program, ...] = _programs()


def builtin_program(name: str) -> Program | None:
    """The built-in program with this name (case does not matter), or None."""
    return next((p for p in BUILTIN_PROGRAMS if same_name(p.name, name)), None)
