"""The warning for a change of direction on the move, with what to insert."""

from __future__ import annotations

import pytest

from retrotimer.core.model import Length, Repeat, Segment, SegmentKind, Template
from retrotimer.core.session.plan import compile_plan
from retrotimer.core.settings import Settings
from retrotimer.core.templates.builtin_templates import BUILTIN_TEMPLATES
from retrotimer.core.templates.validation import (
    Severity,
    direction_change_problems,
    validate_template,
)

RUN = Segment(SegmentKind.FORWARD_RUN, Length.minutes(2))
JOG = Segment(SegmentKind.BACKWARD_JOG, Length.seconds(30))
WALK = Segment(SegmentKind.WALK, Length.seconds(20))
WARM = Segment(SegmentKind.WARMUP, Length.minutes(5))


def test_a_forward_run_straight_into_a_backward_jog_is_warned_with_what_to_insert() -> None:
    problems = direction_change_problems(Template("Mix", (WARM, RUN, JOG, WALK)))
    assert len(problems) == 1
    problem = problems[0]
    assert problem.severity is Severity.WARNING
    assert problem.path == (2,) and problem.subject == "segment 3"
    assert "from forward run into backward jog" in problem.message
    assert "insert a walk or a rest of 10 seconds or more before it" in problem.message


def test_inside_a_repeat_the_turn_back_into_the_next_round_is_warned_too() -> None:
    problems = direction_change_problems(Template("Mix", (WARM, Repeat(5, (RUN, JOG)))))
    # Jog after run, and run after jog when the block runs again: each named once.
    assert [(p.path, p.subject) for p in problems] == [
        ((1, 1), "segment 2.2"),
        ((1, 0), "segment 2.1"),
    ]
    assert "from backward jog into forward run" in problems[1].message


def test_a_block_that_runs_once_does_not_wrap() -> None:
    assert direction_change_problems(Template("Once", (WARM, Repeat(1, (RUN, WALK, JOG))))) == []


def test_a_walk_or_rest_between_directions_is_fine() -> None:
    rest = Segment(SegmentKind.REST, Length.seconds(15))
    template = Template("Stops", (WARM, Repeat(3, (RUN, WALK, JOG, rest))))
    assert direction_change_problems(template) == []


def test_validation_includes_the_warning() -> None:
    problems = validate_template(Template("Mix", (WARM, RUN, JOG, WALK)))
    assert [p.severity for p in problems] == [Severity.WARNING]
    assert "stop and turn around" in problems[0].message


@pytest.mark.parametrize("template", BUILTIN_TEMPLATES, ids=lambda t: t.name)
def test_no_builtin_changes_direction_without_a_stop(template: Template) -> None:
    assert direction_change_problems(template) == []
    plan = compile_plan(template, Settings())
    assert not any(segment.turn_first for segment in plan.segments)
