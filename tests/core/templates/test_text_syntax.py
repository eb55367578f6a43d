"""The text syntax: lengths, kinds and aliases, labels, repeats, errors with places, round trips."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from retrotimer.core.model import Length, Repeat, Segment, SegmentKind, Template, Venue
from retrotimer.core.templates.builtin_templates import BUILTIN_TEMPLATES
from retrotimer.core.templates.text_syntax import (
    format_template_text,
    length_text,
    parse_template_text,
    read_template_text,
)
from retrotimer.core.templates.validation import TemplateError
from tests.template_strategies import sensible_templates, templates

ISSUE_EXAMPLE = """\
# First steps backward
5m warm-up walk
6x
  15 steps backward walk
  30s walk "turn around and reset"
3m cool-down walk
"""


def one(line: str) -> Segment | Repeat:
    """The single item of a one-line template."""
    template = parse_template_text(f"# T\n{line}\n")
    assert len(template.items) == 1
    return template.items[0]


def test_the_issue_example_reads_as_the_first_built_in_without_its_header() -> None:
    template = parse_template_text(ISSUE_EXAMPLE)
    builtin = BUILTIN_TEMPLATES[0]
    assert template == Template(builtin.name, builtin.items)


@pytest.mark.parametrize(
    ("written", "length"),
    [
        ("45s", Length.seconds(45)),
        ("2m", Length.seconds(120)),
        ("1m30s", Length.seconds(90)),
        ("1:30", Length.seconds(90)),
        ("1:00:00", Length.seconds(3600)),
        ("15 steps", Length.steps(15)),
        ("1 step", Length.steps(1)),
        ("15steps", Length.steps(15)),
        ("2 min", Length.seconds(120)),
        ("30 sec", Length.seconds(30)),
        ("1 min 30 s", Length.seconds(90)),
        ("1m 30s", Length.seconds(90)),
        ("1m30", Length.seconds(90)),
        ("1h", Length.seconds(3600)),
        ("90 seconds", Length.seconds(90)),
    ],
)
def test_lengths(written: str, length: Length) -> None:
    assert one(f"{written} walk") == Segment(SegmentKind.WALK, length)


@pytest.mark.parametrize(
    ("written", "kind"),
    [
        ("warm-up walk", SegmentKind.WARMUP),
        ("warmup", SegmentKind.WARMUP),
        ("Warm up", SegmentKind.WARMUP),
        ("backward walk", SegmentKind.BACKWARD_WALK),
        ("retro walk", SegmentKind.BACKWARD_WALK),
        ("backward jog", SegmentKind.BACKWARD_JOG),
        ("retro jog", SegmentKind.BACKWARD_JOG),
        ("backward_jog", SegmentKind.BACKWARD_JOG),
        ("backward sprint", SegmentKind.BACKWARD_SPRINT),
        ("forward run", SegmentKind.FORWARD_RUN),
        ("run", SegmentKind.FORWARD_RUN),
        ("walk", SegmentKind.WALK),
        ("rest", SegmentKind.REST),
        ("cool-down walk", SegmentKind.COOLDOWN),
        ("cooldown", SegmentKind.COOLDOWN),
    ],
)
def test_kinds_and_their_aliases(written: str, kind: SegmentKind) -> None:
    segment = one(f"30s {written}")
    assert isinstance(segment, Segment) and segment.kind is kind


def test_label_and_note() -> None:
    assert one('1m backward walk "easy" note "slow speed, hold the rails"') == Segment(
        SegmentKind.BACKWARD_WALK, Length.seconds(60), "easy", "slow speed, hold the rails"
    )
    assert one('1m walk note "look around"') == Segment(
        SegmentKind.WALK, Length.seconds(60), None, "look around"
    )
    assert one(r'20s walk "say \"stop\" \\ then turn"') == Segment(
        SegmentKind.WALK, Length.seconds(20), 'say "stop" \\ then turn'
    )


def test_repeats_on_one_line_and_in_blocks_are_the_same() -> None:
    block = Repeat(
        6,
        (
            Segment(SegmentKind.BACKWARD_WALK, Length.steps(15)),
            Segment(SegmentKind.WALK, Length.seconds(30)),
        ),
    )
    assert one("6x (15 steps backward walk, 30s walk)") == block
    assert one("6 x (15 steps backward walk, 30s walk)") == block
    assert one("6× (15 steps backward walk, 30s walk)") == block
    assert parse_template_text("# T\n6x\n    15 steps backward walk\n    30s walk\n").items == (
        block,
    )
    assert one("3x 20s rest") == Repeat(3, (Segment(SegmentKind.REST, Length.seconds(20)),))
    assert one("2x (3x (10s walk), 5s rest)") == Repeat(
        2,
        (
            Repeat(3, (Segment(SegmentKind.WALK, Length.seconds(10)),)),
            Segment(SegmentKind.REST, Length.seconds(5)),
        ),
    )


def test_nested_blocks_and_dedent() -> None:
    template = parse_template_text("# T\n2x\n  3x\n    10s walk\n  5s rest\n1m cool-down walk\n")
    assert template.items == (
        Repeat(
            2,
            (
                Repeat(3, (Segment(SegmentKind.WALK, Length.seconds(10)),)),
                Segment(SegmentKind.REST, Length.seconds(5)),
            ),
        ),
        Segment(SegmentKind.COOLDOWN, Length.seconds(60)),
    )


def test_header_lines_comments_and_blank_lines() -> None:
    template = parse_template_text(
        "\n# Tuesday\nvenue: treadmill\ndescription: Easy one.\ndescription: Second line.\n\n"
        "# a comment\n5m warmup  # trailing comment\n"
    )
    assert template == Template(
        "Tuesday",
        (Segment(SegmentKind.WARMUP, Length.seconds(300)),),
        "Easy one.\nSecond line.",
        Venue.TREADMILL,
    )


def test_a_text_without_a_name_takes_the_default() -> None:
    assert parse_template_text("5m warmup\n", default_name="my file").name == "my file"


def test_windows_line_endings() -> None:
    assert parse_template_text(ISSUE_EXAMPLE.replace("\n", "\r\n")) == parse_template_text(
        ISSUE_EXAMPLE
    )


def test_format_writes_the_issue_example() -> None:
    template = parse_template_text(ISSUE_EXAMPLE)
    assert (
        format_template_text(template)
        == "# First steps backward\nvenue: any\n\n"
        + "\n".join(ISSUE_EXAMPLE.splitlines()[1:])
        + "\n"
    )


@pytest.mark.parametrize(
    ("length", "text"),
    [
        (Length.seconds(45), "45s"),
        (Length.seconds(120), "2m"),
        (Length.seconds(90), "1m30s"),
        (Length.seconds(0), "0s"),
        (Length.seconds(-90), "-90s"),
        (Length.steps(1), "1 step"),
        (Length.steps(15), "15 steps"),
    ],
)
def test_length_text(length: Length, text: str) -> None:
    assert length_text(length) == text


@pytest.mark.parametrize(
    ("text", "line", "column", "message"),
    [
        (
            "# T\nfifteen steps walk\n",
            2,
            1,
            'expected a length such as 45s, 2m, 1m30s, 1:30 or 15 steps; found "fifteen"',
        ),
        ("# T\n20 stps walk\n", 2, 4, 'expected a unit after "20": s, m or steps; found "stps"'),
        ("# T\n20\n", 2, 3, 'expected a unit after "20": s, m or steps; the line ends here'),
        (
            "# T\n30s\n",
            2,
            4,
            'expected a kind of segment, such as "backward walk", "backward jog", "walk" or '
            '"cool-down walk"; the line ends here',
        ),
        (
            "# T\n30s backwrd walk\n",
            2,
            5,
            'expected a kind of segment, such as "backward walk", "backward jog", "walk" or '
            '"cool-down walk"; found "backwrd walk"; did you mean "backward walk"?',
        ),
        (
            "# T\n30s walk turn around\n",
            2,
            10,
            'expected a label in double quotes after the kind, such as "turn around"; found "turn"',
        ),
        ('# T\n30s walk "open\n', 2, 10, "expected a closing double quote for this text"),
        (
            "# T\n30s walk note\n",
            2,
            14,
            'expected the note in double quotes, as in note "hold the rails"; the line ends here',
        ),
        ("# T\n6x (10s walk\n", 2, 13, 'expected a closing ")" for the repeat; the line ends here'),
        (
            "# T\n6x (10s walk 5s rest)\n",
            2,
            14,
            'expected a comma before the next segment; found "5s"',
        ),
        (
            '# T\n30s walk "a" "b"\n',
            2,
            14,
            "expected the end of the line (a label goes in double quotes); found the quoted "
            'text "b"',
        ),
        (
            "# T\n5m walk\n  10s walk\n",
            3,
            1,
            "unexpected indentation: line this up with the segment above it, or put a repeat "
            "such as 6x before it",
        ),
        (
            "# T\n5m walk\nvenue: track\n",
            3,
            1,
            'the "venue:" line belongs at the top, before the first segment',
        ),
        (
            "# T\nvenue: moon\n5m walk\n",
            2,
            8,
            'expected a venue: track, treadmill or any; found "moon"',
        ),
        ("# T\n12345678901s walk\n", 2, 1, "expected a number of at most 9 digits"),
        ("5m walk\n", 1, 1, 'expected the name on the first line, as in "# My session"'),
        (
            '# T\ndescription: "abc\n5m walk\n',
            2,
            14,
            "expected a closing double quote for this text",
        ),
        (
            '# T\ndescription: "abc" d\n5m walk\n',
            2,
            20,
            "expected the end of the line after the quoted text",
        ),
        (
            r"# T" + "\n" + r'5s walk "\q"' + "\n",
            2,
            10,
            'unknown escape "\\q" in quoted text: write \\\\ for a backslash and \\" for a quote',
        ),
    ],
)
def test_syntax_errors_name_line_column_and_what_was_expected(
    text: str, line: int, column: int, message: str
) -> None:
    reading = read_template_text(text)
    assert reading.template is None
    assert [(p.line, p.column, p.message) for p in reading.errors] == [(line, column, message)]


def test_every_bad_line_is_reported_and_later_items_keep_their_numbers() -> None:
    reading = read_template_text("# T\n5m warmup\nfoo\n6x\n  bar\n0x (10s walk)\n2000 steps walk\n")
    assert reading.template is None
    assert [(p.line, p.subject) for p in reading.errors] == [
        (3, ""),
        (5, ""),
        (6, "repeat 4"),
        (7, "segment 5"),
    ]


def test_validation_problems_point_at_the_field() -> None:
    reading = read_template_text('# T\n5m warmup\n3x\n  2000 steps walk "ok"\n')
    (problem,) = reading.errors
    assert (problem.line, problem.column, problem.field, problem.path) == (4, 3, "steps", (1, 0))
    assert problem.render("t.txt") == (
        "t.txt:4:3: error: segment 2.1: 2000 steps is too many for one segment (at most 1000); "
        "split it into shorter runs with a stop to turn around between them"
    )


def test_parse_raises_with_every_error_and_the_source() -> None:
    with pytest.raises(TemplateError) as caught:
        parse_template_text("# T\nfoo\nbar\n", source="t.txt")
    assert [p.line for p in caught.value.details] == [2, 3]
    assert str(caught.value).startswith("t.txt:2:1: error: expected a length")


@pytest.mark.parametrize("template", BUILTIN_TEMPLATES, ids=lambda t: t.name)
def test_builtins_round_trip(template: Template) -> None:
    assert parse_template_text(format_template_text(template)) == template


@settings(max_examples=300, deadline=None)
@given(templates())
def test_any_template_reads_back_as_it_was_written(template: Template) -> None:
    reading = read_template_text(format_template_text(template))
    assert reading.template == template


@settings(max_examples=200, deadline=None)
@given(sensible_templates())
def test_parse_of_format_is_the_identity_for_usable_templates(template: Template) -> None:
    assert parse_template_text(format_template_text(template)) == template


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_reading_any_text_never_raises(text: str) -> None:
    reading = read_template_text(text)
    assert reading.template is not None or reading.errors
