"""Hostile program files: every text field checked as a template's name, problems located.

A program's name, description, week focus and next program get any text (escapes, bidi
overrides, NUL, line breaks, far too long); the file as a whole gets the hostile TOML the
template readers are tried with. Reading never raises and takes under 5 s; a program that is
read holds no character that cannot be seen and reads back from what it writes.
"""

from __future__ import annotations

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from retrotimer.core.programs.builtin_programs import BUILTIN_PROGRAMS
from retrotimer.core.programs.program_model import Program
from retrotimer.core.programs.program_toml import program_to_toml, read_program_toml
from retrotimer.core.templates.text_rules import is_refused
from retrotimer.core.value import replace
from tests.template_strategies import hostile_toml

WITHIN_5_S = settings(max_examples=100, deadline=5000, suppress_health_check=[HealthCheck.too_slow])
hostile_words = st.text(
    st.one_of(
        st.characters(blacklist_categories=("Cs",)),
        st.sampled_from("\x1b\x07\x00\x7f\u202e\u200b\ufeff\n\r\t"),
    ),
    max_size=80,
)
FIELDS = ("name", "description", "next_program", "focus")


def shown(program: Program) -> list[str]:
    return [
        program.name,
        program.description,
        program.next_program,
        *(week.focus for week in program.weeks),
    ]


@WITHIN_5_S
@given(base=st.sampled_from(BUILTIN_PROGRAMS), field=st.sampled_from(FIELDS), text=hostile_words)
def test_any_text_in_a_program_is_read_or_refused_where_it_is(
    base: Program, field: str, text: str
) -> None:
    if field == "focus":
        weeks = (replace(base.weeks[0], focus=text), *base.weeks[1:])
        program = replace(base, weeks=weeks)
    else:
        program = replace(base, **{field: text})
    reading = read_program_toml(program_to_toml(program))
    for problem in reading.problems:
        assert problem.line is not None and "\n" not in problem.render()
    if reading.program is None:
        assert reading.errors
        event("refused with located problems")
        return
    event("read")
    for value in shown(reading.program):
        assert not any(is_refused(char) and char not in "\n\r" for char in value)
    again = read_program_toml(program_to_toml(reading.program)).program
    assert again == reading.program


@WITHIN_5_S
@given(text=hostile_toml())
def test_hostile_toml_never_breaks_the_program_reader(text: str) -> None:
    reading = read_program_toml(text)
    assert reading.program is not None or reading.errors
    event("read" if reading.program is not None else "refused with located problems")
    for problem in reading.problems:
        assert "\n" not in problem.render()
