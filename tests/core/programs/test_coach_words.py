"""The words of the coach's reasons say what was reported, and only that."""

from __future__ import annotations

from retrotimer.core.history.session_figures import SessionFigures, session_figures
from retrotimer.core.programs.coach_words import listed, reported
from retrotimer.core.value import replace
from tests.core.programs.program_history import ran, small_program

SMALL = small_program()


def figures(*stumbles: int | None, rating: int | None = 2) -> list[SessionFigures]:
    return [
        session_figures(replace(ran(SMALL, 0, 1, 1), near_stumbles=n, rating=rating))
        for n in stumbles
    ]


def test_near_stumbles_are_counted_only_where_they_were() -> None:
    assert reported(figures(0, 0)) == 'rated "easy" and "easy", no near-stumbles'
    assert reported(figures(1, 2)) == 'rated "easy" and "easy", 3 near-stumbles'
    assert reported(figures(1)) == 'rated "easy", 1 near-stumble'
    assert reported(figures(2, None, None)) == (
        'rated "easy", "easy" and "easy", 2 near-stumbles (counted in 1 of 3 sessions)'
    )
    assert reported(figures(None, None, rating=None)) == "not rated"


def test_lists_read_as_sentences() -> None:
    assert [listed(words) for words in ([], ["a"], ["a", "b"], ["a", "b", "c"])] == [
        "",
        "a",
        "a and b",
        "a, b and c",
    ]
