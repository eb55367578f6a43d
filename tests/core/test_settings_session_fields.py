"""Which settings change a plan or a session: exactly SESSION_FIELDS, checked field by field."""

from __future__ import annotations

import enum
from typing import Any

import pytest

from retrotimer.core.model import Length, Segment, SegmentKind
from retrotimer.core.session.plan import compile_plan
from retrotimer.core.session.session_machine import Session
from retrotimer.core.settings import (
    AUDIO_BACKENDS,
    NUMBER_RULES,
    SESSION_FIELDS,
    Settings,
    changes_sessions,
)
from retrotimer.core.templates.builtin_templates import BUILTIN_TEMPLATES
from retrotimer.core.value import field_names, replace
from tests.factories import simple

DEFAULTS = Settings()
# The built-ins, every kind counted in steps (no built-in sprints), and open and distance steps.
TEMPLATES = (
    *BUILTIN_TEMPLATES,
    simple(*(Segment(kind, Length.steps(12)) for kind in SegmentKind if kind.is_backward)),
    simple(
        Segment(SegmentKind.BACKWARD_WALK, Length.open()),
        *(Segment(kind, Length.metres(100)) for kind in SegmentKind if kind.is_backward),
    ),
)


def other_value(name: str) -> Any:
    """A valid value of the field other than its default."""
    value = getattr(DEFAULTS, name)
    if isinstance(value, bool):
        return not value
    if isinstance(value, enum.Enum):
        return next(member for member in type(value) if member is not value)
    if isinstance(value, str):
        return next(choice for choice in AUDIO_BACKENDS if choice != value)
    rule = NUMBER_RULES[name]
    changed = rule.low if value != rule.low else rule.high
    return int(changed) if rule.whole else float(changed)


def what_sessions_see(settings: Settings) -> list[object]:
    seen: list[object] = []
    for template in TEMPLATES:
        plan = compile_plan(template, settings)
        session = Session.from_settings(plan, settings)
        seen.append(
            (
                plan,
                session.get_ready_s,
                session.jump_threshold_s,
                session.ends_on_steps,
                len(session._schedule),
            )
        )
    return seen


FIELDS = list(field_names(Settings))
BASELINE = what_sessions_see(DEFAULTS)


@pytest.mark.parametrize("name", [name for name in FIELDS if name not in SESSION_FIELDS])
def test_a_field_outside_the_set_changes_no_plan_and_no_session(name: str) -> None:
    changed = replace(DEFAULTS, **{name: other_value(name)})
    assert not changed.validate()
    assert what_sessions_see(changed) == BASELINE
    assert not changes_sessions(DEFAULTS, changed)


@pytest.mark.parametrize("name", sorted(SESSION_FIELDS))
def test_every_field_in_the_set_changes_some_plan_or_session(name: str) -> None:
    changed = replace(DEFAULTS, **{name: other_value(name)})
    assert not changed.validate()
    assert what_sessions_see(changed) != BASELINE
    assert changes_sessions(DEFAULTS, changed)
