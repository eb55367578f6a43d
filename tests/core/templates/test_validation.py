"""Validation: every rule of the issue, where each problem is, and how it reads."""

from __future__ import annotations

import pytest

from retrotimer.core.model import Item, Length, Repeat, Segment, SegmentKind, Template
from retrotimer.core.settings import Settings
from retrotimer.core.templates.validation import (
    Position,
    Problem,
    Severity,
    SourceMap,
    TemplateError,
    duration_words,
    hidden_by_stand_in,
    in_reading_order,
    validate_template,
)

WARMUP = Segment(SegmentKind.WARMUP, Length.minutes(5))


def walk(seconds: int = 30, label: str | None = None) -> Segment:
    return Segment(SegmentKind.WALK, Length.seconds(seconds), label)


def check(*items: Item, name: str = "T", settings: Settings | None = None) -> list[str]:
    return [p.render() for p in validate_template(Template(name, (WARMUP, *items)), settings)]


def test_a_sensible_template_has_no_problems() -> None:
    assert check(Repeat(6, (Segment(SegmentKind.BACKWARD_WALK, Length.steps(15)), walk()))) == []


def test_an_empty_template() -> None:
    problems = validate_template(Template("T", ()))
    assert [(p.field, p.message) for p in problems] == [
        (
            "segments",
            "the template has no segments yet; add at least one, such as a 5-minute warm-up walk",
        )
    ]


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("", "error: a template needs a name"),
        ("  ", "error: a template needs a name"),
        ("x" * 61, "error: the name is 61 characters long; keep it to 60 or fewer so it fits"),
        ("two\nlines", "error: the name must fit on one line"),
    ],
)
def test_names(name: str, message: str) -> None:
    (problem,) = check(name=name)
    assert problem.startswith(message)


def test_a_sixty_character_name_is_fine() -> None:
    assert check(name="x" * 60) == []


@pytest.mark.parametrize(
    ("length", "message"),
    [
        (Length.seconds(0), "a segment needs a length; this one is 0 seconds"),
        (Length.steps(0), "a segment needs a length; this one is 0 steps"),
        (Length.seconds(-5), "a length cannot be negative; this one is -5 seconds"),
        (
            Length.steps(1001),
            "1001 steps is too many for one segment (at most 1000); split it into shorter runs "
            "with a stop to turn around between them",
        ),
        (
            Length.seconds(5 * 3600),
            "this segment lasts 5 h; a segment, like a whole session, can last 4 hours at most",
        ),
    ],
)
def test_lengths(length: Length, message: str) -> None:
    problems = check(Segment(SegmentKind.WALK, length))
    assert problems[0] == f"error: segment 2: {message}"


def test_a_thousand_steps_is_the_limit() -> None:
    assert check(Segment(SegmentKind.BACKWARD_WALK, Length.steps(1000))) == []


def test_a_session_over_four_hours_counts_repeats_and_steps_at_the_cadence() -> None:
    block = Repeat(100, (walk(120), Segment(SegmentKind.BACKWARD_WALK, Length.steps(100))))
    assert check(block) == [
        "error: the whole session lasts 5 h 5 min; a template can last 4 hours at most: use "
        "fewer repeats or shorter segments"
    ]
    # At a slower cadence the same steps take longer: 100 steps at 50 a minute is 2 minutes.
    slow = Settings(cadence_backward_walk=50)
    assert "6 h 45 min" in check(block, settings=slow)[0]
    assert check(Repeat(50, block.items)) == []


@pytest.mark.parametrize(
    ("count", "message"),
    [
        (0, "a repeat must run at least once; this one says 0 times"),
        (-2, "a repeat must run at least once; this one says -2 times"),
        (101, "a repeat can run at most 100 times; this one says 101 times"),
    ],
)
def test_repeat_counts(count: int, message: str) -> None:
    assert check(Repeat(count, (walk(1),))) == [f"error: repeat 2: {message}"]


def test_a_hundred_repeats_is_the_limit() -> None:
    assert check(Repeat(100, (walk(1),))) == []


def test_an_empty_repeat() -> None:
    assert check(Repeat(3, ())) == [
        "error: repeat 2: this repeat has nothing in it; put at least one segment inside it"
    ]


def test_nesting_three_deep_is_fine_and_four_is_not() -> None:
    three = Repeat(2, (Repeat(2, (Repeat(2, (walk(),)),)),))
    assert check(three) == []
    four = Repeat(2, (Repeat(2, (Repeat(2, (Repeat(2, (walk(),)),)),)),))
    problems = validate_template(Template("T", (WARMUP, four)))
    assert [(p.subject, p.path) for p in problems] == [("repeat 2.1.1.1", (1, 0, 0, 0))]
    assert problems[0].message == (
        "repeats can sit at most 3 deep, one inside another; this one is 4 deep: move its "
        "segments into the repeat around it"
    )


def test_labels() -> None:
    assert check(walk(label="x" * 60)) == []
    assert check(walk(label="x" * 61)) == [
        "error: segment 2: the label is 61 characters long; keep it to 60 or fewer so it fits "
        "on the screen and is quick to say"
    ]
    assert check(walk(label="a\nb")) == ["error: segment 2: the label must fit on one line"]
    note = Segment(SegmentKind.WALK, Length.seconds(5), note="a\nb")
    assert check(note) == ["error: segment 2: the note must fit on one line"]


def test_starting_backward_is_a_warning() -> None:
    template = Template("T", (Repeat(2, (Segment(SegmentKind.BACKWARD_JOG, Length.steps(20)),)),))
    (problem,) = validate_template(template)
    assert problem.severity is Severity.WARNING
    assert problem.render() == (
        "warning: the session starts by moving backward; warm up with a few minutes of walking "
        "first"
    )


def test_absurd_numbers_do_not_overflow() -> None:
    huge = Segment(SegmentKind.BACKWARD_WALK, Length.seconds(10**400))
    problems = validate_template(Template("T", (WARMUP, Repeat(10**400, (huge,)))))
    assert [p.subject for p in problems] == ["repeat 2", "segment 2.1", ""]
    assert "more than 99 h" in problems[-1].message


def test_problems_take_their_place_from_the_source_map() -> None:
    located = SourceMap({((1,), "steps"): Position(7, 3), ((1,), ""): Position(6, 1)})
    template = Template("T", (WARMUP, Segment(SegmentKind.WALK, Length.steps(2000), "x" * 70)))
    problems = validate_template(template, source_map=located)
    assert [(p.line, p.column, p.field) for p in problems] == [(7, 3, "steps"), (6, 1, "label")]


def test_a_problem_is_placed_where_its_place_is_known() -> None:
    placed = Problem.at(Position(4, 2), Severity.ERROR, "bad", "repeat", (1,), "repeat 2")
    assert placed == Problem(Severity.ERROR, "bad", 4, 2, "repeat", (1,), "repeat 2")
    assert Problem.at(None, Severity.WARNING, "odd", "format") == Problem(
        Severity.WARNING, "odd", field="format"
    )


def test_render_and_sentence() -> None:
    problem = Problem(
        Severity.ERROR, "a repeat must run at least once", 4, 2, "repeat", (1,), "repeat 2"
    )
    assert (
        problem.render("a.toml") == "a.toml:4:2: error: repeat 2: a repeat must run at least once"
    )
    assert problem.render() == "line 4:2: error: repeat 2: a repeat must run at least once"
    assert problem.sentence() == "Repeat 2: a repeat must run at least once."
    bare = Problem(Severity.WARNING, "unknown key 'x' ignored")
    assert bare.render("a.toml") == "a.toml: warning: unknown key 'x' ignored"
    assert bare.sentence() == "Unknown key 'x' ignored."


def test_template_error_keeps_every_problem_and_the_source() -> None:
    error = TemplateError(["plain words", Problem(Severity.ERROR, "placed", 3, 1)], "f.toml")
    assert error.problems == ["error: plain words", "line 3:1: error: placed"]
    assert str(error) == "f.toml: error: plain words\nf.toml:3:1: error: placed"
    assert [p.message for p in error.details] == ["plain words", "placed"]


def test_reading_order_and_stand_ins() -> None:
    late, early, nowhere = (
        Problem(Severity.ERROR, "late", 9),
        Problem(Severity.ERROR, "early", 2),
        Problem(Severity.ERROR, "nowhere"),
    )
    assert in_reading_order([nowhere, late, early]) == (early, late, nowhere)
    inside = Problem(Severity.ERROR, "x", path=(2, 1), field="steps")
    assert hidden_by_stand_in(inside, {((2,), "")})
    assert hidden_by_stand_in(inside, {((2, 1), "steps")})
    assert not hidden_by_stand_in(inside, {((2, 1), "kind"), ((1,), "")})


@pytest.mark.parametrize(
    ("seconds", "words"),
    [(40, "40 s"), (90, "1 min 30 s"), (1500, "25 min"), (3600, "1 h"), (15000, "4 h 10 min")],
)
def test_duration_words(seconds: float, words: str) -> None:
    assert duration_words(seconds) == words
