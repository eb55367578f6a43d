"""Properties of any session: order, exactly-once, bounded position, paused time stands still."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from retrotimer.core.model import Template
from retrotimer.core.session.plan import compile_plan
from retrotimer.core.session.session_machine import (
    Command,
    Event,
    EventKind,
    IllegalCommand,
    Session,
    SessionState,
)
from retrotimer.core.settings import Settings
from tests.strategies import settings as settings_strategy
from tests.strategies import templates

ADVANCE = "advance"
steps = st.tuples(
    st.sampled_from([ADVANCE, ADVANCE, ADVANCE, *Command]),
    st.floats(0.0, 8.0, allow_nan=False),
)


def drive(
    template: Template, user: Settings, actions: list[tuple[object, float]]
) -> tuple[Session, list[Event], list[tuple[float, float, bool]]]:
    """Run the actions; returns the session, all events, and (now, position, paused) samples."""
    plan = compile_plan(template, user)
    session = Session(plan, get_ready_s=user.get_ready_s, get_ready_pips=user.countdown_pips)
    now, events, samples = 0.0, [], []
    for action, delta in actions:
        now += delta
        if action == ADVANCE:
            events += session.advance(now)
        else:
            assert isinstance(action, Command)
            if session.allowed(action, now):
                events += getattr(session, action.value)(now)
            else:
                before = (session.state, session.position(now), session.records)
                try:
                    getattr(session, action.value)(now)
                except IllegalCommand:
                    pass
                else:
                    raise AssertionError(f"{action} was allowed though allowed() said no")
                assert (session.state, session.position(now), session.records) == before
        samples.append((now, session.position(now), session.state is SessionState.PAUSED))
    return session, events, samples


@settings(max_examples=150, deadline=None)
@given(templates, settings_strategy, st.lists(steps, max_size=60))
def test_events_in_order_never_twice_and_position_bounded(
    template: Template, user: Settings, actions: list[tuple[object, float]]
) -> None:
    session, events, samples = drive(template, user, actions)
    total = session.plan.total_s
    assert all(0.0 <= position <= total for _, position, _ in samples)

    by_generation: dict[int, list[float]] = {}
    for event in events:
        by_generation.setdefault(event.generation, []).append(event.scheduled_s)
    for offsets in by_generation.values():
        assert offsets == sorted(offsets)
    assert sorted(by_generation) == list(by_generation)  # generations only grow

    fired = [(e.generation, id(e.cue)) for e in events if e.cue is not None]
    assert len(fired) == len(set(fired))

    if not any(action is Command.BACK for action, _ in actions):
        cues = [id(e.cue) for e in events if e.cue is not None]
        assert len(cues) == len(set(cues))
        cue_offsets = [e.scheduled_s for e in events if e.kind is EventKind.CUE]
        assert cue_offsets == sorted(cue_offsets)


@settings(max_examples=150, deadline=None)
@given(templates, settings_strategy, st.lists(steps, max_size=60))
def test_paused_time_never_advances_the_plan(
    template: Template, user: Settings, actions: list[tuple[object, float]]
) -> None:
    moves = [*actions, (Command.PAUSE, 0.0), (ADVANCE, 100.0)]
    _, _, samples = drive(template, user, moves)
    for before, after, (action, _) in zip(samples[:-1], samples[1:], moves[1:], strict=True):
        # Skip and back move a paused session on purpose; only time passing must not.
        if before[2] and after[2] and action in (ADVANCE, Command.PAUSE):
            assert after[1] == before[1]


@settings(max_examples=100, deadline=None)
@given(templates, settings_strategy)
def test_an_uninterrupted_session_fires_every_cue_once_in_plan_order(
    template: Template, user: Settings
) -> None:
    plan = compile_plan(template, user)
    session = Session(plan, get_ready_s=0, jump_threshold_s=1e9)
    events = session.start(0.0) + session.advance(plan.total_s + 1)
    cues = [e.cue for e in events if e.cue is not None]
    assert cues == list(plan.cues)
    records = [e.record for e in events if e.record is not None]
    assert [r.index for r in records] == [s.index for s in plan.segments]
    assert session.state is SessionState.FINISHED
