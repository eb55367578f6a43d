"""The lighter option is never heavier than its session, and never less than half of it."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from retrotimer.core.history.program_ref import ProgramRef
from retrotimer.core.model import Length, Prompt, Repeat, Segment, SegmentKind, Template
from retrotimer.core.programs.builtin_programs import BUILTIN_PROGRAMS
from retrotimer.core.programs.lighter import half_backward, lighter_option
from retrotimer.core.programs.program_model import Program, ProgramWeek
from retrotimer.core.programs.session_load import Load, load
from retrotimer.core.settings import Settings
from retrotimer.core.templates.validation import MAX_NAME
from tests.core.programs.program_history import session_template

WALK = Segment(SegmentKind.WALK, Length.seconds(30))


def test_repeats_with_backward_work_run_half_as_often_rounded_up() -> None:
    back = Segment(SegmentKind.BACKWARD_JOG, Length.steps(20))
    template = Template(
        "T",
        (
            Segment(SegmentKind.WARMUP, Length.minutes(5)),
            Repeat(5, (back, WALK)),
            Repeat(4, (WALK,)),
        ),
    )
    light = half_backward(template)
    assert light.items == (template.items[0], Repeat(3, (back, WALK)), Repeat(4, (WALK,)))


def test_backward_segments_outside_repeats_keep_half_their_length_rounded_up() -> None:
    template = Template(
        "T",
        (
            Segment(SegmentKind.BACKWARD_WALK, Length.minutes(2), "x"),
            Segment(SegmentKind.BACKWARD_JOG, Length.seconds(45)),
        ),
    )
    assert half_backward(template).items == (
        Segment(SegmentKind.BACKWARD_WALK, Length.seconds(60), "x"),
        Segment(SegmentKind.BACKWARD_JOG, Length.seconds(23)),
    )


def test_a_halved_segment_keeps_its_note_and_the_prompts_that_still_fall_within_it() -> None:
    prompts = (Prompt(10, "Shoulders back"), Prompt(50, "Last few"))
    template = Template(
        "T", (Segment(SegmentKind.BACKWARD_WALK, Length.minutes(1), "x", "slow", prompts),)
    )
    assert half_backward(template).items == (
        Segment(SegmentKind.BACKWARD_WALK, Length.seconds(30), "x", "slow", prompts[:1]),
    )


def test_a_long_name_stays_within_the_name_limit() -> None:
    light = half_backward(Template("n" * 60, ()))
    assert len(light.name) == 60 and light.name.endswith(" (lighter)")


def _jogs(name: str, count: int, seconds: int) -> Template:
    jog = Segment(SegmentKind.BACKWARD_JOG, Length.seconds(seconds))
    return Template(name, (Repeat(count, (jog, WALK)),))


@pytest.mark.parametrize(
    ("before", "why"),
    [
        (_jogs("longer bout", 2, 90), "a longer bout than the session's"),
        (_jogs("more jogging", 9, 30), "more backward minutes and jog minutes"),
        (_jogs("too little", 1, 30), "less than half the session's backward minutes"),
    ],
)
def test_last_weeks_session_gives_way_to_half_reps_when_it_is_no_lighter(
    before: Template, why: str
) -> None:
    session = _jogs("this week", 4, 60)
    program = Program("P", (ProgramWeek("a", (before,) * 2), ProgramWeek("b", (session,) * 2)))
    ref, template = lighter_option(program, 2, 1, Settings())
    assert (ref, template) == (ProgramRef("P", 2, 1, lighter=True), half_backward(session)), why


def test_last_weeks_session_is_the_lighter_option_when_it_is_lighter_on_every_count() -> None:
    program = Program(
        "P",
        (
            ProgramWeek("a", (session_template("a1", 3), session_template("a2", 4))),
            ProgramWeek("b", (session_template("b1", 5),) * 3),
        ),
    )
    assert lighter_option(program, 2, 3, Settings()) == (
        ProgramRef("P", 1, 2, lighter=True),
        program.weeks[0].sessions[1],
    )


@settings(max_examples=30, deadline=None)
@given(
    st.sampled_from(BUILTIN_PROGRAMS),
    st.data(),
    st.integers(90, 200),
    st.integers(100, 200),
)
def test_no_lighter_option_of_a_built_in_program_is_heavier_at_any_cadence(
    program: Program, data: st.DataObject, walk_cadence: int, jog_cadence: int
) -> None:
    week = data.draw(st.integers(1, len(program.weeks)))
    session = data.draw(st.integers(1, len(program.week(week).sessions)))
    cadences = Settings(cadence_backward_walk=walk_cadence, cadence_backward_jog=jog_cadence)
    full = load(program.week(week).sessions[session - 1], cadences)
    _, lighter = lighter_option(program, week, session, cadences)
    light = load(lighter, cadences)
    assert light.within(full)
    assert light.backward_s >= full.backward_s / 2 - 1e-6


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 9), st.integers(5, 240)), min_size=1, max_size=4))
def test_half_reps_keep_at_least_half_and_never_more(reps: list[tuple[int, int]]) -> None:
    template = Template("T", tuple(_jogs(f"{n}", n, s).items[0] for n, s in reps))
    full, light = load(template, Settings()), load(half_backward(template), Settings())
    assert light.within(full)
    assert light.backward_s >= full.backward_s / 2


def test_two_reps_become_one_and_a_one_second_bout_stays_one_second() -> None:
    back = Segment(SegmentKind.BACKWARD_WALK, Length.seconds(1))
    template = Template("T", (Repeat(2, (back, WALK)), back))
    assert half_backward(template).items == (Repeat(1, (back, WALK)), back)


@pytest.mark.parametrize(("before", "lighter"), [(2, True), (1, False)])
def test_last_weeks_session_needs_at_least_half_the_backward_minutes(
    before: int, lighter: bool
) -> None:
    session = _jogs("this week", 4, 60)
    program = Program(
        "P", (ProgramWeek("a", (_jogs("a", before, 60),) * 2), ProgramWeek("b", (session,) * 2))
    )
    ref, _ = lighter_option(program, 2, 1, Settings())
    assert (ref.week == 1) is lighter


def test_a_sessions_load_counts_backward_running_and_the_longest_bout() -> None:
    back = Segment(SegmentKind.BACKWARD_WALK, Length.seconds(30))
    jog = Segment(SegmentKind.BACKWARD_JOG, Length.steps(40))  # 15 s at 160 steps a minute
    sprint = Segment(SegmentKind.BACKWARD_SPRINT, Length.seconds(5))
    template = Template("T", (back, WALK, Repeat(2, (jog, sprint)), back, WALK))
    assert load(template, Settings()) == Load(backward_s=100.0, running_s=40.0, longest_bout_s=70.0)
    assert load(Template("none", (WALK,)), Settings()) == Load(0.0, 0.0, 0.0)


def test_a_halved_segment_keeps_its_label_and_note() -> None:
    back = Segment(SegmentKind.BACKWARD_WALK, Length.seconds(40), "slowly", "look back")
    assert half_backward(Template("T", (back,))).items == (
        Segment(SegmentKind.BACKWARD_WALK, Length.seconds(20), "slowly", "look back"),
    )


def test_a_name_that_fits_with_lighter_is_kept_whole() -> None:
    name = "n" * (MAX_NAME - len(" (lighter)"))
    assert half_backward(Template(name, ())).name == f"{name} (lighter)"


def test_three_eighths_of_the_backward_minutes_are_too_few_for_a_lighter_option() -> None:
    session = _jogs("this week", 8, 60)
    program = Program(
        "P", (ProgramWeek("a", (_jogs("a", 3, 60),) * 2), ProgramWeek("b", (session,) * 2))
    )
    assert lighter_option(program, 2, 1, Settings())[0].week == 2


def test_as_many_backward_minutes_with_a_shorter_bout_is_lighter() -> None:
    session = _jogs("this week", 2, 120)
    same_minutes = _jogs("a", 4, 60)
    program = Program(
        "P", (ProgramWeek("a", (same_minutes,) * 2), ProgramWeek("b", (session,) * 2))
    )
    assert lighter_option(program, 2, 1, Settings()) == (
        ProgramRef("P", 1, 1, lighter=True),
        same_minutes,
    )
