"""The built-in library: the issue's six templates, a safe order, totals true to the description."""

from __future__ import annotations

import re

import pytest

from retrotimer.core.model import Repeat, Segment, SegmentKind, Template, Venue
from retrotimer.core.session.plan import Plan, compile_plan
from retrotimer.core.session.speech import spoken_length_text
from retrotimer.core.settings import Settings
from retrotimer.core.templates.builtin_templates import BUILTIN_TEMPLATES, builtin_template
from retrotimer.core.templates.validation import validate_template
from retrotimer.core.totals import about_minutes

NAMES = [template.name for template in BUILTIN_TEMPLATES]
TOTALS = re.compile(
    r"About (?P<total>\d+) minutes in all; backward: (?P<backward>[^;]+?)"
    r"(?:; forward: (?P<forward>[^;]+?))?\.$"
)


def _by_name(name: str) -> Template:
    template = builtin_template(name)
    assert template is not None
    return template


def _backward_words(plan: Plan) -> str:
    """'2 minutes and 200 steps': timed backward work, then counted steps."""
    timed = sum(s.duration_s for s in plan.segments if s.kind.is_backward and s.steps is None)
    parts = [spoken_length_text(round(timed), steps=False)] if timed else []
    if plan.backward_steps:
        parts.append(spoken_length_text(plan.backward_steps, steps=True))
    return " and ".join(parts)


def test_the_library_holds_the_six_templates_in_progression_order() -> None:
    assert NAMES == [
        "First steps backward",
        "Short backward jogs",
        "Treadmill retro intro",
        "Forward and backward mix",
        "Ten backward minutes",
        "Backward sprints",
    ]


@pytest.mark.parametrize("template", BUILTIN_TEMPLATES, ids=NAMES)
def test_every_builtin_validates_without_errors_or_warnings(template: Template) -> None:
    assert validate_template(template) == []


@pytest.mark.parametrize("template", BUILTIN_TEMPLATES, ids=NAMES)
def test_description_totals_match_the_compiled_plan(template: Template) -> None:
    plan = compile_plan(template, Settings())
    found = TOTALS.search(template.description)
    assert found, f"no totals sentence in {template.description!r}"
    assert int(found["total"]) == about_minutes(plan.total_s)  # the one rule for totals
    assert found["backward"] == _backward_words(plan)
    if plan.forward_s:
        assert found["forward"] == spoken_length_text(round(plan.forward_s), steps=False)
    else:
        assert found["forward"] is None


@pytest.mark.parametrize("template", BUILTIN_TEMPLATES, ids=NAMES)
def test_each_description_says_who_it_is_for(template: Template) -> None:
    assert re.match(r"(Advanced, )?[Ff]or ", template.description)
    assert len(template.description) > 120


@pytest.mark.parametrize(
    ("name", "total_s", "backward_s", "forward_s", "backward_steps"),
    [
        ("First steps backward", 714, 54, 0, 90),
        ("Short backward jogs", 875, 195, 0, 200),
        ("Treadmill retro intro", 1080, 300, 0, 0),
        ("Forward and backward mix", 1430, 150, 600, 0),
        ("Ten backward minutes", 1500, 600, 0, 0),
        ("Backward sprints", 1080, 180, 0, 0),
    ],
)
def test_totals_at_default_cadences(
    name: str, total_s: float, backward_s: float, forward_s: float, backward_steps: int
) -> None:
    plan = compile_plan(_by_name(name), Settings())
    assert (plan.total_s, plan.backward_s, plan.forward_s, plan.backward_steps) == (
        total_s,
        backward_s,
        forward_s,
        backward_steps,
    )


@pytest.mark.parametrize("template", BUILTIN_TEMPLATES, ids=NAMES)
def test_every_builtin_warms_up_first_and_cools_down_last(template: Template) -> None:
    first, last = template.items[0], template.items[-1]
    assert isinstance(first, Segment) and first.kind is SegmentKind.WARMUP
    assert first.length.amount >= 300
    assert isinstance(last, Segment) and last.kind is SegmentKind.COOLDOWN


def _kinds(template: Template) -> set[SegmentKind]:
    plan = compile_plan(template, Settings())
    return {segment.kind for segment in plan.segments}


def test_progression_walks_before_jogging_and_jogs_before_sprinting() -> None:
    first_jog = next(
        i for i, t in enumerate(BUILTIN_TEMPLATES) if SegmentKind.BACKWARD_JOG in _kinds(t)
    )
    first_sprint = next(
        i for i, t in enumerate(BUILTIN_TEMPLATES) if SegmentKind.BACKWARD_SPRINT in _kinds(t)
    )
    assert SegmentKind.BACKWARD_WALK in _kinds(BUILTIN_TEMPLATES[0])
    assert (
        _kinds(BUILTIN_TEMPLATES[0])
        & {
            SegmentKind.BACKWARD_JOG,
            SegmentKind.BACKWARD_SPRINT,
        }
        == set()
    )
    assert 0 < first_jog < first_sprint == len(BUILTIN_TEMPLATES) - 1


def test_steps_come_before_minutes() -> None:
    first = compile_plan(BUILTIN_TEMPLATES[0], Settings())
    assert all(s.steps is not None for s in first.segments if s.kind.is_backward)
    assert all(s.steps <= 20 for s in first.segments if s.steps is not None)


def test_treadmill_intro_is_for_the_treadmill_and_notes_the_rails() -> None:
    template = _by_name("Treadmill retro intro")
    assert template.venue is Venue.TREADMILL
    block = template.items[1]
    assert isinstance(block, Repeat)
    backward = block.items[0]
    assert isinstance(backward, Segment)
    assert backward.note == "slow speed, hold the rails"


def test_builtin_template_lookup_ignores_case_and_misses_cleanly() -> None:
    assert _by_name("first STEPS backward ").name == "First steps backward"
    assert builtin_template("Marathon") is None
