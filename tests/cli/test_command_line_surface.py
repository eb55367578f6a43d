"""The command line's surface: help for everything, words for names, no traceback on a closed
pipe, one line when there is no display."""

from __future__ import annotations

import argparse
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from retrotimer.cli import SUBCOMMANDS, build_parser, main, parse_arguments
from retrotimer.cli_guards import CLOSED_PIPE_EXIT, missing_display
from tests.cli_runner import retrotimer, start_retrotimer

SHORT = str(Path(__file__).parent.parent / "data" / "short.toml")


def parsers(
    parser: argparse.ArgumentParser, path: tuple[str, ...]
) -> Iterator[tuple[tuple[str, ...], argparse.ArgumentParser]]:
    yield path, parser
    for name, sub in subparsers_of(parser).items():
        yield from parsers(sub, (*path, name))


def every_parser() -> Iterator[tuple[tuple[str, ...], argparse.ArgumentParser]]:
    """The whole tree: the top level, and each subcommand as it is parsed when given (a
    parser built without a command lists the subcommands by name alone)."""
    yield (), build_parser()
    for subcommand in SUBCOMMANDS:
        chosen = subparsers_of(build_parser(subcommand.name))[subcommand.name]
        yield from parsers(chosen, (subcommand.name,))


def subparsers_of(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    return {
        name: sub
        for action in parser._actions
        if isinstance(action, argparse._SubParsersAction)
        for name, sub in action.choices.items()
    }


def all_actions() -> Iterator[tuple[tuple[str, ...], argparse.Action]]:
    for path, parser in every_parser():
        for action in parser._actions:
            yield path, action


def test_the_walk_reaches_every_subcommand_s_arguments() -> None:
    options = {(path, option) for path, action in all_actions() for option in action.option_strings}
    assert {(("run",), "--json-events"), (("history", "review"), "--notes")} <= options
    assert {path[0] for path, _action in all_actions() if path} == {s.name for s in SUBCOMMANDS}


def test_every_argument_and_command_has_help() -> None:
    missing = [
        f"{' '.join(path)} {action.option_strings or action.dest}"
        for path, action in all_actions()
        if not action.help and not isinstance(action, argparse._SubParsersAction)
    ]
    commands = [
        f"{' '.join(path)} {choice.dest}"
        for path, action in all_actions()
        if isinstance(action, argparse._SubParsersAction)
        for choice in action._choices_actions
        if not choice.help
    ]
    assert missing == [] and commands == []


def test_names_the_user_reads_are_words_not_python_names() -> None:
    """What usage lines and errors print: words, never a Python name with underscores (a
    list of actions such as {list,show} is left as argparse writes it: it says them all)."""
    shown = []
    for _path, action in all_actions():
        if isinstance(action, argparse._SubParsersAction):
            shown.append(str(action.metavar or ",".join(action.choices)))
        elif not action.option_strings:
            shown.append(str(action.metavar or action.dest))
        elif action.metavar is not None:
            shown.append(str(action.metavar))
    assert shown, "the parser has arguments"
    assert [name for name in shown if "_" in name or name == "None"] == []


def test_an_internal_option_is_accepted_but_not_offered(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    text = capsys.readouterr().out
    assert "--quit-after" not in text and "plan" in text and "diagnose" in text
    assert build_parser().parse_args(["--quit-after", "2"]).quit_after == 2.0


def test_a_speed_that_is_not_a_number_is_told_in_words(capsys: pytest.CaptureFixture[str]) -> None:
    for bad in ("abc", "nan", "0"):
        with pytest.raises(SystemExit) as exit_info:
            main(["run", SHORT, "--headless", "--speed", bad])
        assert exit_info.value.code == 2
        error = capsys.readouterr().err
        assert f"argument --speed: expected a number from 0.01 to 10000, not '{bad}'" in error
        assert "_speed" not in error


def test_run_without_a_template_asks_for_one(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["run"]) == 2
    error = capsys.readouterr().err
    assert error.startswith("retrotimer: run needs a TEMPLATE")
    assert "templates list" in error


@pytest.mark.parametrize(
    ("environ", "platform", "missing"),
    [
        ({}, "linux", True),
        ({"DISPLAY": ":0"}, "linux", False),
        ({"WAYLAND_DISPLAY": "wayland-0"}, "linux", False),
        ({"QT_QPA_PLATFORM": "offscreen"}, "linux", False),
        ({"DISPLAY": ""}, "freebsd14", True),
        ({}, "win32", False),
        ({}, "darwin", False),
    ],
)
def test_a_display_is_missing_only_where_qt_would_abort(
    environ: dict[str, str], platform: str, missing: bool
) -> None:
    assert (missing_display(environ, platform) is not None) == missing


DISPLAY_NAMES = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")


@pytest.mark.slow
@pytest.mark.parametrize("arguments", [[], ["run", SHORT]])
def test_no_display_is_one_line_that_says_how_to_run_headless(arguments: list[str]) -> None:
    result = retrotimer(*arguments, without=DISPLAY_NAMES, timeout=60)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1, result.stderr
    assert result.stderr.startswith("retrotimer: no display to open the window on")
    assert "retrotimer run TEMPLATE --headless" in result.stderr


@pytest.mark.slow
def test_a_closed_pipe_ends_quietly() -> None:
    """`retrotimer plan ... | head -1`, with the reader gone before the first line comes."""
    reading, writing = os.pipe()
    os.close(reading)
    try:
        result = retrotimer("plan", SHORT, stdout=writing, timeout=60)
    finally:
        os.close(writing)
    assert result.stderr == ""
    assert result.returncode == CLOSED_PIPE_EXIT


@pytest.mark.slow
def test_a_headless_run_goes_on_when_its_reader_leaves(private_home: Path) -> None:
    """`run ... --headless | head -2`: the session runs to its end and is recorded."""
    with start_retrotimer("run", SHORT, "--headless", "--speed", "40") as run:
        assert run.stdout is not None and run.stderr is not None
        run.stdout.readline()
        run.stdout.close()
        errors = run.stderr.read()
        code = run.wait(timeout=60)
    assert "Traceback" not in errors and "BrokenPipeError" not in errors
    assert code == 0
    listed = retrotimer("history", "list", "--json", timeout=60)
    assert listed.returncode == 0, listed.stderr
    assert '"status": "completed"' in listed.stdout
    log = (private_home / "log" / "retrotimer.log").read_text(encoding="utf-8")
    assert "started: a session of 'Short' in the terminal" in log


@pytest.mark.parametrize("argv", [[], None], ids=["main([])", "the command alone"])
def test_no_argument_is_read_as_the_parser_reads_it(
    argv: list[str] | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.argv", ["retrotimer"])
    assert vars(parse_arguments(argv)) == vars(build_parser().parse_args([]))


def test_the_window_alone_builds_no_parser(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_parser(command: str | None = None) -> argparse.ArgumentParser:
        raise AssertionError("a parser was built for no argument")

    monkeypatch.setattr("retrotimer.cli.build_parser", no_parser)
    assert parse_arguments([]).command is None
