"""Numbers on the command line: one reader for --speed and --quit-after, as files' numbers."""

from __future__ import annotations

import argparse

import pytest

from retrotimer.cli import build_parser
from retrotimer.cli_numbers import number_argument

SHORT = "tests/data/short.toml"


@pytest.mark.parametrize("text", ["0.5", " 2 ", "1e2", "10"])
def test_a_number_in_range_is_read(text: str) -> None:
    assert number_argument(0, 100)(text) == float(text)


@pytest.mark.parametrize("text", ["nan", "inf", "-inf", "1_0", "1e400", "ten", "", "100.5", "-1"])
def test_anything_else_is_refused_naming_the_range(text: str) -> None:
    with pytest.raises(argparse.ArgumentTypeError) as refused:
        number_argument(0, 100, "a number of seconds")(text)
    assert str(refused.value) == f"expected a number of seconds from 0 to 100, not {text!r}"


@pytest.mark.parametrize(
    ("arguments", "option"),
    [(["--quit-after", "1_0"], "--quit-after"), (["run", SHORT, "--speed", "1_0"], "--speed")],
)
def test_the_options_read_numbers_as_files_do(
    arguments: list[str], option: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """float() takes "1_0" for 10; a number in a file or on the command line may not."""
    command = arguments[0] if arguments[0] == "run" else None
    with pytest.raises(SystemExit):
        build_parser(command).parse_args(arguments)
    assert f"argument {option}: expected a number" in capsys.readouterr().err
