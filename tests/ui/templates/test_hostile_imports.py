"""Hostile workout and template files imported in the window: a message, never silence."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.exchange.foreign_files import connect_workout, step
from tests.exchange.workouts.test_workout_fuzz import our_fit_workout
from tests.ui.conftest import Harness


def zwift(duration: str, encoding: str = "UTF-8") -> bytes:
    return (
        f'<?xml version="1.0" encoding="{encoding}"?><workout_file><name>Hostile</name>'
        f'<workout><SteadyState Duration="{duration}"/></workout></workout_file>'
    ).encode()


# Each file, and words of the message the window must show for it.
HOSTILE: dict[str, tuple[bytes, str]] = {
    "nan.zwo": (zwift("nan"), 'Duration="nan" is not a number of seconds'),
    "infinite.zwo": (zwift("inf"), 'Duration="inf" is not a number of seconds'),
    "huge.zwo": (zwift("1e400"), 'Duration="1e400" is not a number of seconds'),
    "superscript.zwo": (zwift("²"), 'Duration="²" is not a number of seconds'),
    "encoding.zwo": (zwift("60", "x-no-such"), "'x-no-such' encoding, which no reader knows"),
    "nested.fit": (bytes(our_fit_workout(1000)), "nested far too deeply to read"),
    "odd.fit": (
        connect_workout(
            step(0, duration_type="time", duration_value=60_000, intensity="active"),
            step(1, duration_type="repeat_until_steps_cmplt", duration_value=[0, 1]),
        ),
        "this repeat goes back to step 0",
    ),
    "nan.txt": (b"Warmup\n- nanm walk\n", "this step has no length"),
    "deep.toml": (b"format = 1\nname = " + b"[" * 3000 + b"]" * 3000, "nested too deeply"),
}


@pytest.mark.parametrize("name", list(HOSTILE))
def test_a_hostile_file_is_told_in_the_window_and_nothing_is_saved(
    harness: Harness, tmp_path: Path, name: str
) -> None:
    data, words = HOSTILE[name]
    screen = harness.show().templates_screen
    before = [entry.name for entry in screen.entries()]
    path = tmp_path / name
    path.write_bytes(data)
    screen.import_file(str(path))
    told = screen.message.text()
    assert words in told and str(path) in told, told
    assert screen.error_box is not None and words in screen.error_box.text()
    screen.error_box.close()
    assert [entry.name for entry in screen.entries()] == before
