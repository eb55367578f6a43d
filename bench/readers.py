"""Every reader of user files on the largest input it takes, good and hostile (JSON out).

Usage: python bench/readers.py
Each reader gets a file at its size cap: a good one (many segments, steps or sessions) and a
hostile one (the cap filled with what the reader refuses). Prints the seconds each took; the
promise (docs/reliability.md) is an answer within 5 s, so the goal is well under that.
"""

from __future__ import annotations

import contextlib
import json
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from retrotimer.core.exchange.icu_text import read_icu_text  # noqa: E402
from retrotimer.core.exchange.workout import Intensity, Workout, WorkoutStep  # noqa: E402
from retrotimer.core.programs.builtin_programs import BUILTIN_PROGRAMS  # noqa: E402
from retrotimer.core.programs.program_toml import (  # noqa: E402
    MAX_PROGRAM_CHARS,
    program_to_toml,
    read_program_toml,
)
from retrotimer.core.settings import read_settings_text  # noqa: E402
from retrotimer.core.templates.template_toml import read_template_toml  # noqa: E402
from retrotimer.core.templates.text_syntax import MAX_TEXT_CHARS, read_template_text  # noqa: E402
from retrotimer.core.templates.validation import TemplateError  # noqa: E402
from retrotimer.exchange.history.history_codec import (  # noqa: E402
    HistoryImportError,
    sessions_from_json,
    sessions_to_json,
)
from retrotimer.exchange.history.history_files import MAX_IMPORT_BYTES  # noqa: E402
from retrotimer.exchange.workouts.fit_workout import (  # noqa: E402
    MAX_FIT_WORKOUT_BYTES,
    encode_workout,
)
from retrotimer.exchange.workouts.workout_files import read_workout_data  # noqa: E402
from retrotimer.storage.settings_store import MAX_SETTINGS_BYTES  # noqa: E402
from retrotimer.storage.templates.template_files import MAX_FILE_BYTES  # noqa: E402
from tests.history_samples import MONDAY_2024_05_06, segment, session  # noqa: E402

GOAL_S = 5.0


def filled(unit: str, limit: int, head: str = "", tail: str = "") -> str:
    """`head`, then `unit` repeated as often as fits in `limit` characters, then `tail`."""
    room = limit - len(head) - len(tail)
    return head + unit * (room // len(unit)) + tail


def timed(read: Callable[[], Any]) -> float:
    start = time.perf_counter()
    with contextlib.suppress(TemplateError, HistoryImportError):
        read()
    return round(time.perf_counter() - start, 3)


def fit_bytes(limit: int) -> bytes:
    steps: list[WorkoutStep] = []
    data = b""
    while True:
        more = [WorkoutStep("walk", "", Intensity.ACTIVE, 30.0)] * 500
        attempt = encode_workout(
            Workout("big", "", tuple(steps + more)), datetime(2024, 5, 6, tzinfo=UTC)
        )
        if len(attempt) > limit:
            return data
        steps += more
        data = attempt


def history_text(limit: int) -> str:
    one = sessions_to_json([session(0, segments=tuple(segment(i) for i in range(8)))])
    count = limit // len(one)
    return sessions_to_json(
        [
            session(n, MONDAY_2024_05_06 + n * 3600, segments=tuple(segment(i) for i in range(8)))
            for n in range(count)
        ]
    )


def main() -> None:
    zwo_frame = ("<workout_file><workout>", "</workout></workout_file>")
    zwo_step = '<SteadyState Duration="30"/>'
    # Each a hundred runs: once laid out one by one, a file of them took 10 s and 800 MB.
    zwo_repeat = '<IntervalsT Repeat="100" OnDuration="1" OffDuration="1"/>'
    icu_step = "- 30s walk\n"
    template_segment = '\n[[segments]]\nkind = "walk"\nseconds = 30\n'
    # Every input is made before any reading is timed.
    program = program_to_toml(BUILTIN_PROGRAMS[0])
    good_history = history_text(MAX_IMPORT_BYTES)
    hostile_history = good_history.replace('"walk"', "{}")
    fit = fit_bytes(MAX_FIT_WORKOUT_BYTES)
    readers: dict[str, dict[str, Callable[[], Any]]] = {
        "zwo": {
            "good": lambda: read_workout_data(
                filled(zwo_step, MAX_FILE_BYTES, *zwo_frame).encode(),
                Path("w.zwo"),
            ),
            "hostile": lambda: read_workout_data(
                filled("<a>", MAX_FILE_BYTES // 2).encode(), Path("w.zwo")
            ),
            "repeats": lambda: read_workout_data(
                filled(zwo_repeat, MAX_FILE_BYTES, *zwo_frame).encode(),
                Path("w.zwo"),
            ),
        },
        "icu": {
            "good": lambda: read_icu_text(filled(icu_step, MAX_FILE_BYTES), "w"),
            "hostile": lambda: read_icu_text(filled("- 9" + "9" * 40 + "s\n", MAX_FILE_BYTES), "w"),
        },
        "fit": {
            "good": lambda: read_workout_data(fit, Path("w.fit")),
        },
        "template toml": {
            "good": lambda: read_template_toml(
                filled(template_segment, MAX_FILE_BYTES, 'format = 1\nname = "Big"\n')
            ),
            "hostile": lambda: read_template_toml(filled("a = [", MAX_FILE_BYTES)),
        },
        "template text": {
            "good": lambda: read_template_text(filled("30s walk\n", MAX_TEXT_CHARS, "Big\n\n")),
            "hostile": lambda: read_template_text(filled("2x\n  ", MAX_TEXT_CHARS)),
        },
        "program toml": {
            "good": lambda: read_program_toml(program),
            "hostile": lambda: read_program_toml(filled("[[weeks]]\n", MAX_PROGRAM_CHARS)),
        },
        "settings": {
            "hostile": lambda: read_settings_text(filled("volume = 7\n", MAX_SETTINGS_BYTES)),
        },
        "history json": {
            "good": lambda: sessions_from_json(good_history),
            "hostile": lambda: sessions_from_json(hostile_history),
        },
    }
    seconds = {
        reader: {shape: timed(read) for shape, read in shapes.items()}
        for reader, shapes in readers.items()
    }
    slowest = max(value for shapes in seconds.values() for value in shapes.values())
    print(json.dumps({"goal_s": GOAL_S, "slowest_s": slowest, "seconds": seconds}, indent=2))


if __name__ == "__main__":
    main()
