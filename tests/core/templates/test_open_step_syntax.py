"""Open and distance steps in the text syntax and TOML: how they are written, read and checked."""

from __future__ import annotations

import pytest

from retrotimer.core.model import Length, Segment, SegmentKind
from retrotimer.core.templates.template_toml import read_template_toml, template_to_toml
from retrotimer.core.templates.text_syntax import format_template_text, read_template_text
from tests.factories import simple


def only_segment(text: str) -> Segment:
    reading = read_template_text(f"# T\n{text}\n")
    assert reading.template is not None, reading.problems
    [segment] = reading.template.items
    assert isinstance(segment, Segment)
    return segment


@pytest.mark.parametrize(
    ("written", "length"),
    [
        ("open", Length.open()),
        ("OPEN", Length.open()),
        ("open max 2m", Length.open(cap_s=120)),
        ("open max 1 min 30 s", Length.open(cap_s=90)),
        ("100 metres", Length.metres(100)),
        ("100 meters", Length.metres(100)),
        ("1 metre", Length.metres(1)),
        ("100metres", Length.metres(100)),
        ("2 km", Length.metres(2000)),
        ("400 metres max 3m", Length.metres(400, cap_s=180)),
    ],
)
def test_open_and_distance_lengths_are_read(written: str, length: Length) -> None:
    assert only_segment(f"{written} backward walk").length == length


def test_m_is_still_minutes() -> None:
    assert only_segment("100 m walk").length == Length.seconds(6000)


def test_they_are_written_back_in_their_shortest_form() -> None:
    template = simple(
        Segment(SegmentKind.BACKWARD_WALK, Length.open(), "to the cone"),
        Segment(SegmentKind.BACKWARD_JOG, Length.open(cap_s=90)),
        Segment(SegmentKind.BACKWARD_JOG, Length.metres(100)),
        Segment(SegmentKind.WALK, Length.metres(1, cap_s=60)),
    )
    text = format_template_text(template)
    assert 'open backward walk "to the cone"\n' in text
    assert "open max 1m30s backward jog\n" in text
    assert "100 metres backward jog\n" in text
    assert "1 metre max 1m walk\n" in text
    assert read_template_text(text).template == template


@pytest.mark.parametrize(
    ("line", "column", "message"),
    [
        ("open max backward walk", 10, "expected a most time after max, such as 90s or 2m"),
        ("open max 5 walk", 12, 'expected a unit after "5": s or m; found "walk"'),
        ("open max 0s walk", 1, "a most time (max) must be at least 1 second; this one is 0"),
        ("0 metres walk", 1, "a segment needs a length; this one is 0 metres"),
        ("20000 metres backward jog", 1, "20000 metres is too far for one segment (at most 10000)"),
    ],
)
def test_mistakes_are_placed_and_explained(line: str, column: int, message: str) -> None:
    reading = read_template_text(f"# T\n5m warm-up walk\n{line}\n")
    assert reading.template is None or reading.errors
    [error] = reading.errors
    assert (error.line, error.column) == (3, column)
    assert error.message.startswith(message), error.message


def test_toml_names_them_with_open_metres_and_max_seconds() -> None:
    template = simple(
        Segment(SegmentKind.BACKWARD_WALK, Length.open(cap_s=120), "to the cone"),
        Segment(SegmentKind.BACKWARD_JOG, Length.metres(200)),
    )
    text = template_to_toml(template)
    assert 'kind = "backward_walk"\nopen = true\nmax_seconds = 120\n' in text
    assert 'kind = "backward_jog"\nmetres = 200\n' in text
    reading = read_template_toml(text)
    assert reading.ok and reading.template == template


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("open = false", "open must be true, not false"),
        ("open = true\nseconds = 4", "give exactly one of seconds, steps, metres or open"),
        ("seconds = 30\nmax_seconds = 60", "max_seconds is only for an open or distance segment"),
        ("metres = 1.5", "metres must be a whole number, as in metres = 100, not 1.5"),
        ("open = true\nmax_seconds = 'x'", "max_seconds must be a whole number"),
    ],
)
def test_toml_mistakes_have_clear_messages(body: str, message: str) -> None:
    reading = read_template_toml(f"format = 1\nname = 'x'\n[[segments]]\nkind = 'walk'\n{body}\n")
    assert not reading.ok
    assert any(message in problem.message for problem in reading.errors), [
        problem.message for problem in reading.errors
    ]
