"""Program files: read with every problem placed at its line, written so they read back."""

from __future__ import annotations

import pytest

from retrotimer.core.programs.builtin_programs import BUILTIN_PROGRAMS
from retrotimer.core.programs.program_error import ProgramError
from retrotimer.core.programs.program_model import Program
from retrotimer.core.programs.program_toml import (
    parse_program_toml,
    program_to_toml,
    read_program_toml,
)

GOOD = '''format = 1
name = "Mine"
description = "Two weeks."
next = "Learn to run backward"

[[weeks]]
focus = "Walk"

[[weeks.sessions]]
text = """
# Mine A
5m warm-up walk
6x
  15 steps backward walk
  30s walk
3m cool-down walk
"""

[[weeks.sessions]]
name = "Mine B"
venue = "treadmill"
[[weeks.sessions.segments]]
kind = "warmup"
seconds = 300
[[weeks.sessions.segments]]
repeat = 2
[[weeks.sessions.segments.segments]]
kind = "backward_walk"
seconds = 60
[[weeks.sessions.segments]]
kind = "cooldown"
seconds = 180
'''


def rendered(text: str) -> list[str]:
    return [problem.render("f.toml") for problem in read_program_toml(text).problems]


def test_a_program_in_both_session_forms_is_read() -> None:
    program = parse_program_toml(GOOD)
    assert (program.name, program.description, program.next_program) == (
        "Mine",
        "Two weeks.",
        "Learn to run backward",
    )
    first, second = program.weeks[0].sessions
    assert (first.name, second.name, second.venue.value) == ("Mine A", "Mine B", "treadmill")
    assert program.weeks[0].focus == "Walk"


@pytest.mark.parametrize("built_in", BUILTIN_PROGRAMS, ids=lambda p: p.name)
def test_written_programs_read_back_unchanged(built_in: Program) -> None:
    reading = read_program_toml(program_to_toml(built_in))
    assert reading.problems == ()
    assert reading.program == built_in


def test_problems_in_toml_sessions_point_at_their_line_in_the_program_file() -> None:
    text = GOOD.replace('kind = "backward_walk"', 'kind = "backwrd_walk"')
    assert rendered(text) == [
        "f.toml:28:1: error: week 1 session 2, segment 2.1: unknown kind 'backwrd_walk' "
        "(expected one of warmup, backward_walk, backward_jog, backward_sprint, forward_run, "
        "walk, rest, cooldown); did you mean 'backward_walk'?"
    ]


def test_problems_in_text_sessions_point_at_their_line_in_the_program_file() -> None:
    text = GOOD.replace("  15 steps backward walk", "  15 steps backwrd walk")
    (message,) = rendered(text)
    assert message.startswith("f.toml:14:12: error: week 1 session 1: expected a kind")


def test_a_week_needs_two_or_three_sessions_and_a_focus_on_one_line() -> None:
    text = (
        GOOD + '\n[[weeks]]\nfocus = "a\\nb"\n[[weeks.sessions]]\ntext = "# C\\n5m warm-up walk"\n'
    )
    assert rendered(text) == [
        "f.toml:34:1: error: week 2: a week has 2 or 3 sessions, with rest days between them; "
        "this one has 1",
        "f.toml:35:1: error: week 2: the focus must fit on one line",
    ]


def test_unknown_keys_are_warnings_with_a_hint() -> None:
    reading = read_program_toml(GOOD.replace('focus = "Walk"', 'focus = "Walk"\nfocuss = 1'))
    assert reading.program is not None
    assert [p.render() for p in reading.warnings] == [
        "line 8:1: warning: week 1: unknown key 'focuss' ignored (did you mean 'focus'?)"
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("name = 'x'\n", "error: the file does not say its program format; add format = 1"),
        ("format = 2\n", "line 1:1: error: format 2 is not supported"),
        ("format = 1\nname = [\n", "error: not valid TOML"),
        ("format = 1\nname = 'x'\n", "error: a program needs at least one week"),
        ("format = 1\nweeks = []\n", "error: a program needs a name"),
    ],
)
def test_files_that_are_not_programs_are_refused_with_one_clear_message(
    text: str, message: str
) -> None:
    reading = read_program_toml(text)
    assert reading.program is None
    assert any(message in p.render() for p in reading.errors), reading.errors


def test_too_many_weeks_are_refused() -> None:
    week = '[[weeks]]\nfocus = "f"\n' + '[[weeks.sessions]]\ntext = "# S\\n5m warm-up walk"\n' * 2
    text = 'format = 1\nname = "Long"\n' + week * 53
    with pytest.raises(ProgramError, match="at most 52 weeks"):
        parse_program_toml(text, "long.toml")


def test_sessions_written_as_inline_tables_are_read_without_lines() -> None:
    text = (
        'format = 1\nname = "Inline"\nweeks = [{focus = "f", sessions = ['
        '{name = "A", segments = [{kind = "warmup", seconds = 300}]},'
        '{name = "B", segments = [{kind = "nope", seconds = 300}]}]}]\n'
    )
    reading = read_program_toml(text)
    assert reading.program is None
    assert [p.render() for p in reading.errors] == [
        "error: week 1 session 2, segment 1: unknown kind 'nope' (expected one of warmup, "
        "backward_walk, backward_jog, backward_sprint, forward_run, walk, rest, cooldown)"
    ]


def test_a_session_cannot_be_text_and_toml_at_once() -> None:
    text = GOOD.replace('text = """', 'name = "Both"\ntext = """', 1)
    assert any("not both" in message for message in rendered(text))


@pytest.mark.parametrize(
    ("before", "after", "message"),
    [
        (
            'name = "Mine"',
            'name = "Mine\\u001b[2J"',
            "f.toml:2:1: error: the name holds U+001B (ESCAPE)",
        ),
        (
            'name = "Mine"',
            'name = "Mi\\u0007ne"',
            "f.toml:2:1: error: the name holds U+0007 (BELL)",
        ),
        (
            'focus = "Walk"',
            'focus = "\\u202eWalk"',
            "f.toml:7:1: error: week 1: the focus holds U+202E (RIGHT-TO-LEFT OVERRIDE)",
        ),
    ],
)
def test_control_characters_in_a_program_are_refused_where_they_are(
    before: str, after: str, message: str
) -> None:
    assert before in GOOD
    problems = rendered(GOOD.replace(before, after, 1))
    assert any(message in problem for problem in problems), problems
