"""Templates saved by several processes at once: every one that says imported is there."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from retrotimer.core.model import Length, Segment, SegmentKind, Template
from retrotimer.core.templates.template_toml import template_to_toml
from retrotimer.storage.paths import AppPaths
from retrotimer.storage.templates.template_store import TemplateStore
from tests.cli_runner import start_retrotimer

PROCESSES = 8
IMPORTED = re.compile(r'^imported (?P<file>\S+) as "(?P<name>[^"]+)"', re.MULTILINE)


@pytest.mark.slow
def test_parallel_imports_of_one_name_each_get_a_name_and_a_file(tmp_path: Path) -> None:
    files = []
    for number in range(PROCESSES):
        path = tmp_path / f"tuesday-{number}.toml"
        # The same name in every file; the length tells the files apart.
        template = Template("Tuesday", (Segment(SegmentKind.WALK, Length.seconds(10 + number)),))
        path.write_text(template_to_toml(template), encoding="utf-8")
        files.append(path)
    children = [start_retrotimer("templates", "import", str(path)) for path in files]
    outputs = [child.communicate(timeout=120) for child in children]
    assert [child.returncode for child in children] == [0] * PROCESSES, outputs
    said = {
        Path(found["file"]).name: found["name"]
        for out, _ in outputs
        for found in IMPORTED.finditer(out)
    }
    assert len(said) == PROCESSES
    assert sorted(said.values()) == sorted(
        ["Tuesday", *(f"Tuesday ({n})" for n in range(2, PROCESSES + 1))]
    )
    listing = TemplateStore.from_paths(AppPaths.from_environment()).listing()
    assert listing.bad_files == ()
    kept = {stored.name: stored.template for stored in listing.templates}
    for file_name, name in said.items():
        seconds = 10 + int(file_name.removeprefix("tuesday-").removesuffix(".toml"))
        segment = kept[name].items[0]
        assert isinstance(segment, Segment) and segment.length == Length.seconds(seconds)


@pytest.mark.slow
def test_parallel_imports_of_one_fit_file_each_get_a_name(tmp_path: Path) -> None:
    from datetime import UTC, datetime

    from retrotimer.core.settings import Settings, StepsAs
    from retrotimer.exchange.formats import WorkoutFormat
    from retrotimer.exchange.workouts.workout_files import workout_bytes

    template = Template("Tuesday", (Segment(SegmentKind.WALK, Length.seconds(30)),))
    fit = tmp_path / "tuesday.fit"
    fit.write_bytes(
        workout_bytes(
            template,
            WorkoutFormat.FIT,
            Settings(),
            steps_as=StepsAs.TIME,
            created=datetime(2024, 5, 6, tzinfo=UTC),
        )
    )
    children = [start_retrotimer("templates", "import", str(fit)) for _ in range(PROCESSES)]
    outputs = [child.communicate(timeout=120) for child in children]
    assert [child.returncode for child in children] == [0] * PROCESSES, outputs
    names = sorted(found["name"] for out, _ in outputs for found in IMPORTED.finditer(out))
    assert names == sorted(["Tuesday", *(f"Tuesday ({n})" for n in range(2, PROCESSES + 1))])
    listing = TemplateStore.from_paths(AppPaths.from_environment()).listing()
    assert sorted(stored.name for stored in listing.templates) == names
