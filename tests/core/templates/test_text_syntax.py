"""The text syntax: lengths, kinds and aliases, labels, repeats, errors with places, round trips."""

from __future__ import annotations

import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st

from retrotimer.core.model import Length, Repeat, Segment, SegmentKind, Template, Venue
from retrotimer.core.templates import text_items, text_syntax
from retrotimer.core.templates.builtin_templates import BUILTIN_TEMPLATES
from retrotimer.core.templates.kind_names import MAX_KIND_WORDS, kind_from_name
from retrotimer.core.templates.text_lexer import quote
from retrotimer.core.templates.text_syntax import (
    MAX_LINE_CHARS,
    MAX_TEXT_CHARS,
    format_template_text,
    length_in_syntax,
    parse_template_text,
    read_template_text,
)
from retrotimer.core.templates.validation import MAX_READ_DEPTH, TemplateError
from tests.template_strategies import hostile_texts, sensible_templates, templates

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
def test_length_in_syntax(length: Length, text: str) -> None:
    assert length_in_syntax(length) == text


@pytest.mark.parametrize(
    ("text", "line", "column", "message"),
    [
        (
            "# T\nfifteen steps walk\n",
            2,
            1,
            "expected a length such as 45s, 2m, 1m30s, 1:30, 15 steps, 100 metres or open; "
            'found "fifteen"',
        ),
        (
            "# T\n20 stps walk\n",
            2,
            4,
            'expected a unit after "20": s, m, steps or metres; found "stps"',
        ),
        (
            "# T\n20\n",
            2,
            3,
            'expected a unit after "20": s, m, steps or metres; the line ends here',
        ),
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


# ---- input limits and odd input ----------------------------------------------------------


def test_kind_reading_tries_a_few_word_runs_however_long_the_line(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Linear in the line: the kind is looked up for the first few words only, not for every
    prefix of the line (which took 2 s for 16 KB and 8 s for 32 KB)."""
    monkeypatch.setattr(text_syntax, "MAX_LINE_CHARS", 10**9, raising=False)
    looked_up: list[str] = []

    def counting(words: str) -> SegmentKind | None:
        looked_up.append(words)
        return kind_from_name(words)

    monkeypatch.setattr(text_items, "kind_from_name", counting)
    for words in (100, 1000, 5000):
        looked_up.clear()
        reading = read_template_text("# T\n5m " + "walk " * words + "\n")
        assert [p.column for p in reading.errors] == [9]
        assert len(looked_up) <= MAX_KIND_WORDS + 2


@pytest.mark.parametrize("size", [MAX_LINE_CHARS + 1, 16 * 1024, 64 * 1024])
def test_a_line_over_the_limit_is_refused_where_it_starts_going_over(size: int) -> None:
    line = ("5m " + "walk " * size)[:size]
    reading = read_template_text(f"# T\n5m walk\n{line}\n10s rest\n")
    assert reading.template is None
    assert [(p.line, p.column, p.subject) for p in reading.errors] == [(3, MAX_LINE_CHARS + 1, "")]
    assert f"this line is {size} characters long" in reading.errors[0].message


def test_a_text_over_the_size_limit_is_not_read() -> None:
    text = "# T\n" + "30s backward walk\n" * (MAX_TEXT_CHARS // 18 + 1)
    reading = read_template_text(text)
    assert reading.template is None
    assert [(p.line, p.column) for p in reading.errors] == [(1, 1)]
    assert f"at most {MAX_TEXT_CHARS}" in reading.errors[0].message


def blocks(levels: int) -> str:
    return (
        "# T\n"
        + "".join(f"{' ' * level}2x\n" for level in range(levels))
        + " " * levels
        + "1s walk\n"
    )


@pytest.mark.parametrize(
    "text",
    [
        blocks(20),
        "# T\n" + "2x (" * 200 + "1s walk" + ")" * 200 + "\n",
        "# T\n" + "2x " * 300 + "1s walk\n",
    ],
    ids=["blocks", "parentheses", "one line"],
)
def test_nesting_beyond_the_read_limit_is_a_located_error(text: str) -> None:
    reading = read_template_text(text)
    assert reading.template is None
    deep = [p for p in reading.errors if "nested far too deeply" in p.message]
    assert len(deep) == 1 and deep[0].line is not None and deep[0].column is not None
    assert f"more than {MAX_READ_DEPTH} levels" in deep[0].message


@pytest.mark.parametrize("levels", [1000, 3000])
def test_nesting_that_used_to_exhaust_the_stack_is_an_error(
    levels: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(text_syntax, "MAX_LINE_CHARS", 10**9, raising=False)
    monkeypatch.setattr(text_syntax, "MAX_TEXT_CHARS", 10**9, raising=False)
    for text in (blocks(levels), "# T\n" + "2x (" * levels + "1s walk" + ")" * levels):
        reading = read_template_text(text)
        assert reading.template is None
        assert any("nested far too deeply" in p.message for p in reading.errors)


def test_a_leading_byte_order_mark_is_allowed() -> None:
    reading = read_template_text("\ufeff# Tuesday\n5m walk\n")
    assert reading.ok and reading.template is not None
    assert reading.template.name == "Tuesday"


@pytest.mark.parametrize(
    ("line", "found"),
    [
        ("\ufeff5m walk", 'found "[U+FEFF]5m", which holds U+FEFF (ZERO WIDTH NO-BREAK SPACE)'),
        ("5m walk \ufeff", "found U+FEFF (ZERO WIDTH NO-BREAK SPACE)"),
        ("5m walk \u202e", "found U+202E (RIGHT-TO-LEFT OVERRIDE)"),
        ("5m walk \x00", "found U+0000 (NUL)"),
        ("5m wa\u200blk", 'found "wa[U+200B]lk", which holds U+200B (ZERO WIDTH SPACE)'),
    ],
)
def test_invisible_characters_are_named_in_messages(line: str, found: str) -> None:
    reading = read_template_text(f"# T\n{line}\n")
    assert reading.template is None
    assert found in reading.errors[0].message


def test_a_first_comment_too_long_for_a_name_becomes_the_description() -> None:
    comment = "Hill reps for the spring: " + "easy, " * 20
    reading = read_template_text(f"# {comment}\n5m warm-up walk\n", default_name="hills")
    assert reading.ok and reading.template is not None
    assert (reading.template.name, reading.template.description) == ("hills", comment.strip())
    named = read_template_text(f"# {comment}\nname: Hills\n5m warm-up walk\n")
    assert named.ok and named.template is not None and named.template.name == "Hills"
    unnamed = read_template_text(f"# {comment}\n5m warm-up walk\n")
    assert "the first comment is longer than a name can be" in unnamed.errors[0].message


@pytest.mark.parametrize(
    "header", ["name: " + "n" * 50_000, "description: " + "d" * 50_000, "name: Tuesday\u202e"]
)
def test_names_and_descriptions_past_their_limits_are_refused_by_the_reader(header: str) -> None:
    reading = read_template_text(f"venue: track\n{header}\n5m walk\n", default_name="T")
    assert reading.template is None or not reading.ok
    if len(header) > 1000:
        assert reading.template is None  # nothing that long reaches a window
    assert all(len(p.message) < 300 for p in reading.problems)
    assert [p.line for p in reading.errors] == [2]


def test_spaces_around_a_name_are_not_part_of_it() -> None:
    for text in ('name: " Tuesday "\n5m walk\n', "#  Tuesday \n5m walk\n"):
        reading = read_template_text(text)
        assert reading.template is not None and reading.template.name == "Tuesday"
    reading = read_template_text("5m walk\n", default_name=" Tuesday ")
    assert reading.template is not None and reading.template.name == "Tuesday"


@pytest.mark.parametrize(
    ("label", "named"),
    [("\x00", "U+0000 (NUL)"), ("turn\u202e", "U+202E (RIGHT-TO-LEFT OVERRIDE)")],
)
def test_labels_with_characters_that_cannot_be_seen_are_refused(label: str, named: str) -> None:
    reading = read_template_text(f"# T\n5m walk {quote(label)}\n")
    assert not reading.ok
    (problem,) = reading.errors
    assert (problem.line, problem.column, problem.field) == (2, 9, "label")
    assert named in problem.message


# Each example read within 5 s, as every reader promises.
@settings(max_examples=150, deadline=5000)
@given(hostile_texts())
def test_hostile_text_is_read_with_located_problems_and_never_raises(text: str) -> None:
    reading = read_template_text(text)
    assert reading.template is not None or reading.errors
    event("read" if reading.template is not None else "refused with located problems")
    for problem in reading.problems:
        assert problem.line is not None or problem.path == (), problem
        assert len(problem.message) < 400 and "\n" not in problem.render()
    if reading.errors:
        with pytest.raises(TemplateError):
            parse_template_text(text)


def test_items_after_a_block_nested_too_deeply_keep_their_numbers() -> None:
    deep = "".join(f"{' ' * level}2x\n" for level in range(MAX_READ_DEPTH + 2))
    sibling = " " * (MAX_READ_DEPTH - 1) + "5m backwrd walk\n"
    reading = read_template_text("# T\n1m walk\n" + deep + " " * 20 + "1s walk\n" + sibling)
    (too_deep,) = [p for p in reading.errors if "far too deeply" in p.message]
    (misspelt,) = [p for p in reading.errors if "backwrd" in p.message]
    assert too_deep.path == (1,) + (0,) * (MAX_READ_DEPTH - 1)
    assert misspelt.path == too_deep.path[:-1] + (1,)
