"""`retrotimer templates ...` and templates by name or text file for `plan` and `run`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from retrotimer.cli import main
from retrotimer.core.templates.builtin_templates import BUILTIN_TEMPLATES
from retrotimer.core.templates.template_toml import parse_template_toml, template_to_toml
from retrotimer.core.templates.text_syntax import parse_template_text
from retrotimer.storage.paths import AppPaths
from tests.cli_runner import retrotimer

TEXT = """\
# Tiny jogs
venue: track
2s warmup
2x (8 steps backward jog, 1s walk "reset")
"""


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def text_file(tmp_path: Path) -> Path:
    path = tmp_path / "tiny.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def test_list_shows_built_ins_then_yours(
    capsys: pytest.CaptureFixture[str], text_file: Path
) -> None:
    code, out, err = run_cli(capsys, "templates", "list")
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert lines[0] == "Built-in templates:"
    assert lines[1].split() == [
        "First",
        "steps",
        "backward",
        "track",
        "11:54",
        "in",
        "all;",
        "backward",
        "0:54",
        "with",
        "90",
        "steps",
    ]
    assert "forward 10:00" in lines[4]
    assert lines[7:] == [
        "Your templates:",
        "  (none yet: `retrotimer templates import FILE` adds one)",
    ]
    assert run_cli(capsys, "templates", "import", str(text_file))[0] == 0
    out = run_cli(capsys, "templates", "list")[1]
    assert out.splitlines()[-1].split()[:4] == ["Tiny", "jogs", "track", "0:10"]


def test_list_reports_bad_files_and_still_lists_the_rest(
    capsys: pytest.CaptureFixture[str],
) -> None:
    paths = AppPaths.from_environment().ensure()
    (paths.templates / "mine.toml").write_text(
        template_to_toml(BUILTIN_TEMPLATES[0]).replace("First steps", "My steps"), encoding="utf-8"
    )
    bad = paths.templates / "bad.toml"
    bad.write_text("format = 1\nname = 'Bad'\n[[segments]]\nkind = 'fly'\nseconds = 3\n")
    code, out, err = run_cli(capsys, "templates", "list")
    assert code == 0
    assert "My steps backward" in out
    assert err.splitlines() == [
        "Files that could not be read were skipped (fix them, then list again):",
        f"  {bad}:4:1: error: segment 1: unknown kind 'fly' (expected one of warmup, "
        "backward_walk, backward_jog, backward_sprint, forward_run, walk, rest, cooldown)",
    ]


def test_show_prints_the_text_syntax_and_totals(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "templates", "show", "first steps backward")
    assert code == 0
    assert parse_template_text(out) == BUILTIN_TEMPLATES[0]
    assert out.splitlines()[-2:] == [
        "# a built-in template: read-only; duplicate it to make your own version",
        "# 11:54 in all; backward 0:54 with 90 steps (at your cadences)",
    ]


def test_show_uses_the_cadence_from_settings(capsys: pytest.CaptureFixture[str]) -> None:
    paths = AppPaths.from_environment().ensure()
    paths.settings_file.write_text("cadence_backward_walk = 60\n", encoding="utf-8")
    out = run_cli(capsys, "templates", "show", "First steps backward")[1]
    assert out.splitlines()[-1] == "# 12:30 in all; backward 1:30 with 90 steps (at your cadences)"


def test_show_of_an_unknown_name_says_how_to_find_names(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, _, err = run_cli(capsys, "templates", "show", "Nope")
    assert code == 2
    assert err == (
        "retrotimer: error: no template file or template named 'Nope'; "
        "`retrotimer templates list` shows the names\n"
    )


def test_validate_good_files_and_a_missing_one(
    capsys: pytest.CaptureFixture[str], text_file: Path, tmp_path: Path
) -> None:
    code, out, _ = run_cli(capsys, "templates", "validate", str(text_file))
    assert (code, out) == (0, f"{text_file}: ok\n")
    missing = tmp_path / "missing.toml"
    code, out, err = run_cli(capsys, "templates", "validate", str(text_file), str(missing))
    assert code == 1
    assert out.splitlines() == [
        f"{text_file}: ok",
        f"{missing}: error: cannot read the file: no such file or folder",
    ]
    assert err == "1 of 2 files cannot be used as templates\n"


def test_import_reports_renames_and_failures(
    capsys: pytest.CaptureFixture[str], text_file: Path, tmp_path: Path
) -> None:
    code, out, _ = run_cli(capsys, "templates", "import", str(text_file))
    assert (code, out) == (0, f'imported {text_file} as "Tiny jogs"\n')
    bad = tmp_path / "bad.txt"
    bad.write_text("# Bad\n5 walk\n", encoding="utf-8")
    code, out, err = run_cli(capsys, "templates", "import", str(text_file), str(bad))
    assert code == 1
    assert out == (
        f'imported {text_file} as "Tiny jogs (2)": a template named "Tiny jogs" already exists\n'
    )
    assert err.splitlines() == [
        f'retrotimer: {bad}:2:3: error: expected a unit after "5": s, m, steps or metres; '
        'found "walk"',
        f"retrotimer: {bad} was not imported",
    ]
    names = sorted(p.name for p in AppPaths.from_environment().templates.iterdir())
    assert names == ["tiny-jogs-2.toml", "tiny-jogs.toml"]


def test_export_to_the_terminal_in_either_format(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "templates", "export", "Backward sprints")
    assert code == 0 and parse_template_toml(out) == BUILTIN_TEMPLATES[-1]
    out = run_cli(capsys, "templates", "export", "Backward sprints", "--format", "text")[1]
    assert parse_template_text(out) == BUILTIN_TEMPLATES[-1]


def test_export_to_a_file_never_replaces_one_without_force(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "sprints.txt"
    code, out, _ = run_cli(capsys, "templates", "export", "Backward sprints", "-o", str(target))
    assert (code, out) == (0, f'exported "Backward sprints" to {target}\n')
    assert parse_template_text(target.read_text(encoding="utf-8")) == BUILTIN_TEMPLATES[-1]
    code, _, err = run_cli(capsys, "templates", "export", "Ten backward minutes", "-o", str(target))
    assert code == 1
    assert err == (
        f"retrotimer: {target} already exists; it was left as it is. Add --force to replace it.\n"
    )
    assert parse_template_text(target.read_text(encoding="utf-8")) == BUILTIN_TEMPLATES[-1]
    argv = ["templates", "export", "Ten backward minutes", "-o", str(target), "--force"]
    assert run_cli(capsys, *argv)[0] == 0
    assert parse_template_text(target.read_text(encoding="utf-8")) == BUILTIN_TEMPLATES[-2]


def test_export_converts_a_text_file_to_toml(
    capsys: pytest.CaptureFixture[str], text_file: Path
) -> None:
    out = run_cli(capsys, "templates", "export", str(text_file), "--format", "toml")[1]
    assert parse_template_toml(out) == parse_template_text(TEXT)


def test_plan_takes_a_name_a_text_file_or_a_toml_file(
    capsys: pytest.CaptureFixture[str], text_file: Path, tmp_path: Path
) -> None:
    code, out, _ = run_cli(capsys, "plan", "ten backward minutes", "--json")
    assert code == 0
    plan = json.loads(out)
    assert (plan["template"], plan["total_s"], plan["backward_s"]) == (
        "Ten backward minutes",
        1500,
        600,
    )
    plan = json.loads(run_cli(capsys, "plan", str(text_file), "--json")[1])
    assert (plan["template"], plan["total_s"], plan["backward_steps"]) == ("Tiny jogs", 10, 16)
    toml_file = tmp_path / "tiny.toml"
    toml_file.write_text(template_to_toml(parse_template_text(TEXT)), encoding="utf-8")
    assert json.loads(run_cli(capsys, "plan", str(toml_file), "--json")[1]) == plan


def test_plan_of_an_imported_template_by_name(
    capsys: pytest.CaptureFixture[str], text_file: Path
) -> None:
    run_cli(capsys, "templates", "import", str(text_file))
    code, out, _ = run_cli(capsys, "plan", "tiny jogs")
    assert code == 0 and out.splitlines()[0] == "Tiny jogs (track)"


def test_plan_refuses_an_invalid_file_and_prints_warnings_for_a_usable_one(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("# Bad\n0x (5s walk)\n", encoding="utf-8")
    code, _, err = run_cli(capsys, "plan", str(bad))
    assert code == 2
    assert err == (
        f"retrotimer: {bad}:2:1: error: repeat 1: a repeat must run at least once; "
        "this one says 0 times\n"
    )
    backward_first = tmp_path / "backward.txt"
    backward_first.write_text("# Straight in\n20 steps backward jog\n", encoding="utf-8")
    code, out, err = run_cli(capsys, "plan", str(backward_first))
    assert code == 0 and "Straight in" in out
    assert err == (
        f"retrotimer: {backward_first}: warning: the session starts by moving backward; warm up "
        "with a few minutes of walking first\n"
    )


def test_templates_without_an_action_is_a_usage_error(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["templates"])
    assert exit_info.value.code == 2
    assert "{list,show,validate,import,export}" in capsys.readouterr().err


@pytest.mark.slow
def test_templates_list_as_a_real_process() -> None:
    result = retrotimer("templates", "list")
    assert result.returncode == 0, result.stderr
    assert [line.split("  ")[1] for line in result.stdout.splitlines()[1:7]] == [
        t.name for t in BUILTIN_TEMPLATES
    ]


@pytest.mark.slow
def test_a_headless_run_of_a_text_file(text_file: Path) -> None:
    result = retrotimer("run", str(text_file), "--headless", "--speed", "20", "--json-events")
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout.splitlines()[-1])
    assert (summary["template"], summary["status"], summary["backward_steps"]) == (
        "Tiny jogs",
        "finished",
        16,
    )
