"""The command line: --version, plan (table and JSON), run --headless via the real controller."""

from __future__ import annotations

import json
import signal
from pathlib import Path

import pytest

from retrotimer import __version__
from retrotimer.cli import main
from tests.cli_runner import retrotimer, start_retrotimer

DATA = Path(__file__).parent.parent / "data"
SHORT = str(DATA / "short.toml")
KINDS = {
    "warmup",
    "backward_walk",
    "backward_jog",
    "backward_sprint",
    "forward_run",
    "walk",
    "rest",
    "cooldown",
}


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"retrotimer {__version__}"


def test_plan_json_has_the_documented_shape(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["plan", SHORT, "--json"]) == 0
    plan = json.loads(capsys.readouterr().out)
    assert {"template", "total_s", "backward_s", "forward_s", "backward_steps"} <= set(plan)
    assert plan["template"] == "Short"
    assert plan["total_s"] == 6 + 2 * (6 + 4)  # 16 steps at 160 a minute is 6 s
    assert (plan["backward_s"], plan["forward_s"], plan["backward_steps"]) == (12, 0, 32)
    first = plan["segments"][1]
    assert set(first) == {"index", "kind", "label", "start_s", "duration_s", "steps", "rep", "reps"}
    assert (first["kind"], first["steps"], first["rep"], first["reps"]) == (
        "backward_jog",
        16,
        1,
        2,
    )
    assert {segment["kind"] for segment in plan["segments"]} <= KINDS
    assert all(set(cue) == {"at_s", "type", "text"} for cue in plan["cues"])
    assert plan["cues"][-1] == {"at_s": 26.0, "type": "finish", "text": "Session complete."}


def test_plan_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["plan", SHORT]) == 0
    out = capsys.readouterr().out
    assert "Short (track)" in out
    assert "backward_jog" in out and "16 st" in out and "1/2" in out
    assert "total 0:26, backward 0:12" in out


def test_cadence_from_settings_changes_the_plan(capsys: pytest.CaptureFixture[str]) -> None:
    from retrotimer.storage.paths import AppPaths

    paths = AppPaths.from_environment().ensure()
    paths.settings_file.write_text("cadence_backward_jog = 120\n", encoding="utf-8")
    assert main(["plan", SHORT, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["segments"][1]["duration_s"] == 8.0


def test_a_missing_or_broken_template_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["plan", str(tmp_path / "nope.toml")]) == 2
    assert "no template file" in capsys.readouterr().err
    broken = tmp_path / "broken.toml"
    broken.write_text("format = 1\nname = 'x'\n[[segments]]\nkind = 'moonwalk'\nseconds = 3\n")
    assert main(["plan", str(broken)]) == 2
    err = capsys.readouterr().err
    assert str(broken) in err and "unknown kind 'moonwalk'" in err


def test_run_without_headless_opens_the_window_with_that_template(private_home: Path) -> None:
    result = retrotimer("--quit-after", "1", "run", SHORT, timeout=120)
    assert result.returncode == 0, result.stderr
    (memory,) = private_home.rglob("window.ini")
    assert "last_template=Short\n" in memory.read_text(encoding="utf-8")


def test_run_without_headless_refuses_a_bad_template_before_any_window(tmp_path: Path) -> None:
    result = retrotimer("--quit-after", "30", "run", str(tmp_path / "missing.toml"))
    assert result.returncode == 2
    assert "missing.toml" in result.stderr


def test_headless_run_prints_every_event_on_time_and_a_summary() -> None:
    result = retrotimer("run", SHORT, "--headless", "--speed", "20", "--json-events")
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    events, summary = lines[:-1], lines[-1]
    assert all(set(e) == {"type", "text", "scheduled_s", "actual_s"} for e in events)
    types = [e["type"] for e in events]
    assert types[:2] == ["countdown_started", "get_ready"]
    assert types.count("announce") == 5 and types.count("shoulder_check") == 2
    assert types[-2:] == ["finish", "finished"]
    for event in events:
        # Plan seconds at 20x: 0.5 s of plan time is 25 ms of real time.
        assert event["scheduled_s"] - 0.01 <= event["actual_s"] <= event["scheduled_s"] + 0.5
    assert summary["type"] == "summary" and summary["status"] == "finished"
    assert summary["backward_steps"] == 32
    assert [s["actual_s"] for s in summary["segments"]] == [6.0, 6.0, 4.0, 6.0, 4.0]


def test_headless_run_plain_text() -> None:
    result = retrotimer("run", SHORT, "--headless", "--speed", "40")
    assert result.returncode == 0, result.stderr
    assert "Backward jog, 16 steps. Rep 1 of 2." in result.stdout
    assert result.stdout.strip().splitlines()[-1].startswith("finished: 26 s active")


def test_ctrl_c_stops_cleanly_with_the_summary() -> None:
    process = start_retrotimer("run", SHORT, "--headless", "--json-events")
    assert process.stdout is not None
    first = process.stdout.readline()  # the session has started
    assert json.loads(first)["type"] == "countdown_started"
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=30)
    assert process.returncode == 130, err
    last = json.loads(out.strip().splitlines()[-1])
    assert last["type"] == "summary" and last["status"] == "stopped"
    assert "Traceback" not in err


@pytest.mark.parametrize("value", ["nan", "inf", "-inf", "1e308", "-1", "soon"])
def test_quit_after_refuses_what_is_not_a_sensible_number_of_seconds(value: str) -> None:
    result = retrotimer(f"--quit-after={value}")
    assert result.returncode == 2
    assert result.stderr.strip().endswith(
        f"argument --quit-after: expected a number of seconds from 0 to 86400, not '{value}'"
    )
    assert "Traceback" not in result.stderr
