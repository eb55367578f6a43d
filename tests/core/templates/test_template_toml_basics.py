"""Templates as TOML: read, write, and clear messages for broken files."""

from __future__ import annotations

import pytest

from retrotimer.core.model import Length, Repeat, Segment, SegmentKind, Venue
from retrotimer.core.templates.template_toml import (
    TemplateError,
    parse_template_toml,
    template_to_toml,
)
from tests.factories import first_steps

EXAMPLE = """
format = 1
name = "Example"
description = "Walk, then two short backward walks."
venue = "treadmill"

[[segments]]
kind = "warmup"
seconds = 300

[[segments]]
repeat = 2

[[segments.segments]]
kind = "backward_walk"
steps = 15
note = "hold the rails"

[[segments.segments]]
kind = "walk"
seconds = 30
label = "turn around and reset"
"""


def test_parse_example() -> None:
    template = parse_template_toml(EXAMPLE)
    assert template.name == "Example"
    assert template.venue is Venue.TREADMILL
    assert template.items[0] == Segment(SegmentKind.WARMUP, Length.seconds(300))
    block = template.items[1]
    assert isinstance(block, Repeat) and block.count == 2
    assert block.items[0] == Segment(
        SegmentKind.BACKWARD_WALK, Length.steps(15), None, "hold the rails"
    )


def test_write_then_read_gives_the_same_template() -> None:
    template = first_steps()
    assert parse_template_toml(template_to_toml(template)) == template


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("format = 2\nname='x'\nsegments=[]", "format 2 is not supported"),
        ("name = 'x'\nsegments = []", "does not say its template format"),
        ("format = 1\nsegments = []", "needs a name"),
        ("format = 1\nname = 'x'\nvenue = 'moon'\nsegments = []", "unknown venue 'moon'"),
        (
            "format = 1\nname='x'\n[[segments]]\nkind = 'moonwalk'\nseconds = 3",
            "segment 1: unknown kind 'moonwalk'",
        ),
        (
            "format = 1\nname='x'\n[[segments]]\nkind = 'walk'\nseconds = 3\nsteps = 4",
            "exactly one of seconds, steps, metres or open",
        ),
        ("format = 1\nname='x'\n[[segments]]\nkind = 'walk'\nseconds = 'ten'", "whole number"),
        ("format = 1\nname = [", "not valid TOML"),
    ],
)
def test_broken_templates_say_what_is_wrong(text: str, message: str) -> None:
    with pytest.raises(TemplateError, match=message):
        parse_template_toml(text, "t.toml")


def test_the_source_is_named_in_the_message() -> None:
    with pytest.raises(TemplateError, match=r"^t\.toml: "):
        parse_template_toml("format = 1", "t.toml")
