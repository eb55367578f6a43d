"""The read-only built-in programs, written from the progression advice for backward running."""

from __future__ import annotations

from retrotimer.core.model import Template
from retrotimer.core.programs.program_model import Program, ProgramWeek
from retrotimer.core.templates.library import same_name
from retrotimer.core.templates.text_syntax import parse_template_text

LEARN = "Learn to run backward"
TREADMILL = "Backward walking on a treadmill"
FINISHERS = "Backward finishers for runners"

_RESET = '"turn around and reset"'
_RAILS = 'note "slow speed, hold the rails"'


def _session(name: str, venue: str, description: str, *body: str) -> Template:
    lines = [f"# {name}", f"venue: {venue}", f"description: {description}", "", *body]
    return parse_template_text("\n".join(lines) + "\n")


def _repeat(count: int, *lines: str) -> str:
    return "\n".join([f"{count}x", *(f"  {line}" for line in lines)])


def _step_runs(count: int, steps: int, kind: str) -> str:
    return _repeat(count, f"{steps} steps backward {kind}", f"20s walk {_RESET}")


def _timed_runs(count: int, length: str, kind: str, rest: str = "1m") -> str:
    return _repeat(count, f"{length} backward {kind}", f"{rest} walk {_RESET}")


def _learn(week: int, number: int, *body: str) -> Template:
    return _session(
        f"Learn backward {week}.{number}",
        "track",
        f"Week {week} of {LEARN}: {_LEARN_FOCUS[week - 1].lower()}.",
        "5m warm-up walk",
        *body,
        "3m cool-down walk",
    )


_LEARN_FOCUS = (
    "Walk backward in runs of 20 steps, then stop, turn around and reset",
    "Longer backward walks, 30 seconds at a time",
    "Walk backward for a whole minute at a time",
    "First backward jogs: short runs of 15 and 20 steps",
    "Backward jogs of 20 steps, more of them",
    "Backward jogs of 30 seconds",
    "Backward jogs of a minute",
    "Backward jogs of two minutes",
    "Backward jogs of three minutes",
    "Ten backward minutes, eight of them jogging",
)

_LEARN_SESSIONS: tuple[tuple[tuple[str, ...], ...], ...] = (
    (
        (_step_runs(10, 20, "walk"),),
        (_step_runs(15, 20, "walk"),),
        (_step_runs(20, 20, "walk"),),
    ),
    (
        (_timed_runs(8, "30s", "walk", "30s"),),
        (_timed_runs(8, "30s", "walk", "30s"),),
        (_timed_runs(9, "30s", "walk", "30s"),),
    ),
    (
        (_timed_runs(4, "1m", "walk"),),
        (_timed_runs(5, "1m", "walk"),),
        (_timed_runs(5, "1m", "walk"),),
    ),
    (
        (_timed_runs(4, "1m", "walk", "30s"), _step_runs(10, 15, "jog")),
        (_timed_runs(4, "1m", "walk", "30s"), _step_runs(12, 15, "jog")),
        (_timed_runs(4, "1m", "walk", "30s"), _step_runs(12, 20, "jog")),
    ),
    (
        (_timed_runs(3, "1m", "walk", "30s"), _step_runs(20, 20, "jog")),
        (_timed_runs(3, "1m", "walk", "30s"), _step_runs(24, 20, "jog")),
        (_timed_runs(3, "1m", "walk", "30s"), _step_runs(26, 20, "jog")),
    ),
    (
        (_timed_runs(2, "1m", "walk", "30s"), _timed_runs(8, "30s", "jog", "40s")),
        (_timed_runs(2, "1m", "walk", "30s"), _timed_runs(9, "30s", "jog", "40s")),
        (_timed_runs(2, "1m", "walk", "30s"), _timed_runs(10, "30s", "jog", "40s")),
    ),
    (
        ("1m backward walk", f"30s walk {_RESET}", _timed_runs(6, "1m", "jog")),
        ("1m backward walk", f"30s walk {_RESET}", _timed_runs(7, "1m", "jog")),
        ("1m backward walk", f"30s walk {_RESET}", _timed_runs(7, "1m", "jog")),
    ),
    (
        ("1m backward walk", f"30s walk {_RESET}", _timed_runs(7, "1m", "jog")),
        ("1m backward walk", f"30s walk {_RESET}", _timed_runs(4, "2m", "jog")),
        ("1m backward walk", f"30s walk {_RESET}", _timed_runs(4, "2m", "jog")),
    ),
    (
        ("1m backward walk", f"30s walk {_RESET}", _timed_runs(4, "2m", "jog")),
        ("1m backward walk", f"30s walk {_RESET}", _timed_runs(3, "3m", "jog", "90s")),
        ("1m backward walk", f"30s walk {_RESET}", _timed_runs(3, "3m", "jog", "90s")),
    ),
    (
        ("2m backward walk", f"30s walk {_RESET}", _timed_runs(4, "2m", "jog")),
        ("2m backward walk", f"30s walk {_RESET}", _timed_runs(4, "2m", "jog")),
        ("2m backward walk", f"30s walk {_RESET}", _timed_runs(3, "3m", "jog", "90s")),
    ),
)


def _treadmill(week: int, number: int, count: int, length: str) -> Template:
    walks = _repeat(count, f"{length} backward walk {_RAILS}", "1m walk") if count > 1 else ""
    body = walks or f"{length} backward walk {_RAILS}"
    return _session(
        f"Treadmill backward {week}.{number}",
        "treadmill",
        f"Week {week} of {TREADMILL}: {_TREADMILL_FOCUS[week - 1].lower()}. Clip on the "
        "safety key and keep both hands on the rails.",
        "5m warm-up walk",
        body,
        "3m cool-down walk",
    )


_TREADMILL_FOCUS = (
    "One-minute backward walks at a slow speed, holding the rails",
    "Two-minute backward walks",
    "Walks of two and a half minutes at a steady, slow speed",
    "Three-minute backward walks",
    "Longer backward walks, up to nine and a half minutes",
    "The ten-minute backward walk",
)

_TREADMILL_SESSIONS: tuple[tuple[tuple[int, str], ...], ...] = (
    ((4, "1m"), (5, "1m"), (6, "1m")),
    ((3, "2m"), (4, "2m"), (4, "2m")),
    ((3, "2m30s"), (3, "2m30s"), (3, "2m30s")),
    ((3, "3m"), (3, "3m"), (2, "4m30s")),
    ((2, "4m30s"), (1, "9m"), (1, "9m30s")),
    ((1, "10m"), (1, "10m"), (1, "10m")),
)


def _finisher(week: int, number: int, block: str) -> Template:
    return _session(
        f"Backward finisher {week}.{number}",
        "track",
        f"Week {week} of {FINISHERS}: {_FINISHER_FOCUS[week - 1].lower()}, after an easy "
        "forward run. Slow to a stop before you turn.",
        "5m warm-up walk",
        "20m forward run",
        '1m walk "slow to a stop and turn around"',
        block,
        "5m cool-down walk",
    )


_FINISHER_FOCUS = (
    "Backward walks of 20 steps",
    "Backward jogs of 20 steps",
    "Backward jogs of 15 seconds",
    "More 15-second backward jogs",
    "Backward jogs of 30 seconds",
    "Backward jogs of 35 seconds",
)

_FINISHER_SESSIONS: tuple[tuple[str, str], ...] = (
    (_step_runs(6, 20, "walk"), _step_runs(8, 20, "walk")),
    (_step_runs(12, 20, "jog"), _step_runs(14, 20, "jog")),
    (_timed_runs(7, "15s", "jog", "30s"), _timed_runs(8, "15s", "jog", "30s")),
    (_timed_runs(8, "15s", "jog", "30s"), _timed_runs(9, "15s", "jog", "30s")),
    (_timed_runs(5, "30s", "jog", "40s"), _timed_runs(5, "30s", "jog", "40s")),
    (_timed_runs(5, "35s", "jog", "40s"), _timed_runs(5, "35s", "jog", "40s")),
)


def _programs() -> tuple[Program, ...]:
    treadmill = Program(
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
    learn = Program(
        LEARN,
        tuple(
            ProgramWeek(
                focus,
                tuple(_learn(week, number, *body) for number, body in enumerate(sessions, start=1)),
            )
            for week, (focus, sessions) in enumerate(
                zip(_LEARN_FOCUS, _LEARN_SESSIONS, strict=True), start=1
            )
        ),
        "Ten weeks on a track or open, flat ground, three sessions a week: from walking "
        "backward in runs of 20 steps to ten backward minutes, eight of them jogging.",
        FINISHERS,
    )
    finishers = Program(
        FINISHERS,
        tuple(
            ProgramWeek(
                focus,
                tuple(
                    _finisher(week, number, block) for number, block in enumerate(blocks, start=1)
                ),
            )
            for week, (focus, blocks) in enumerate(
                zip(_FINISHER_FOCUS, _FINISHER_SESSIONS, strict=True), start=1
            )
        ),
        "Six weeks, two sessions a week, for runners: an easy forward run that ends with short "
        "blocks of backward walking, then jogging.",
    )
    return (learn, treadmill, finishers)


BUILTIN_PROGRAMS: tuple[Program, ...] = _programs()


def builtin_program(name: str) -> Program | None:
    """The built-in program with this name (case does not matter), or None."""
    return next((p for p in BUILTIN_PROGRAMS if same_name(p.name, name)), None)
