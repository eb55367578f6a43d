"""TOML as the app reads it: a BOM allowed, nesting refused before tomllib recurses, places."""

from __future__ import annotations

import pytest

from retrotimer.core import toml_reading
from retrotimer.core.toml_reading import MAX_TOML_DEPTH, TomlProblem, check_toml_depth, load_toml


def test_a_leading_bom_is_allowed_and_only_there() -> None:
    assert load_toml("\ufeffa = 1\n") == {"a": 1}
    with pytest.raises(TomlProblem) as caught:
        load_toml("a = 1\n\ufeffb = 2\n")
    assert (caught.value.line, caught.value.column) == (2, 1)


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        ("a = " + "[" * 5000, 1, 5 + MAX_TOML_DEPTH),
        ("x = 1\n\n  b = " + "{c = " * 1000, 3, 7 + 5 * MAX_TOML_DEPTH),
        ("a = [\n" * 100, MAX_TOML_DEPTH + 1, 5),
    ],
)
def test_deep_nesting_is_refused_at_the_bracket_that_goes_too_deep(
    text: str, line: int, column: int
) -> None:
    problem = check_toml_depth(text)
    assert problem is not None and (problem.line, problem.column) == (line, column)
    with pytest.raises(TomlProblem, match="nested too deeply"):
        load_toml(text)


@pytest.mark.parametrize(
    "text",
    [
        "a = '" + "[" * 500 + "'\n",
        'a = "' + "{" * 500 + '\\"[[["\n',
        "# " + "[" * 500 + "\na = 1\n",
        "a = '''\n" + "[" * 500 + "\n'''\n",
        'a = """\n' + "[" * 500 + '\\""" """\n',
        "[[t]]\n" * 500,
        "a = [" + "[1], " * 500 + "]\n",
    ],
    ids=["literal", "basic", "comment", "multi-line literal", "multi-line basic", "tables", "wide"],
)
def test_brackets_in_strings_and_comments_and_side_by_side_do_not_count(text: str) -> None:
    assert check_toml_depth(text) is None
    load_toml(text)


def test_a_recursion_error_becomes_the_same_problem(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(toml_reading, "check_toml_depth", lambda text: None)
    with pytest.raises(TomlProblem, match="nested too deeply"):
        load_toml("a = " + "[" * 5000 + "]" * 5000)


@pytest.mark.parametrize(
    ("text", "line", "column", "words"),
    [
        ("a = 1\nb = \n", 2, 5, "not valid TOML: invalid value"),
        ("a = [1,\n", 1, 8, "not valid TOML: "),
        ("a = 1" + "0" * 5000 + "\n", None, None, "not valid TOML: "),
    ],
)
def test_errors_say_where(text: str, line: int | None, column: int | None, words: str) -> None:
    with pytest.raises(TomlProblem) as caught:
        load_toml(text)
    assert (caught.value.line, caught.value.column) == (line, column)
    assert caught.value.message.startswith(words)
