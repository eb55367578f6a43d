"""`retrotimer templates export --format fit|icu` and `templates import` of other tools' files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from garmin_fit_sdk import Decoder, Stream
from tcxreader.tcxreader import TCXReader

from retrotimer.exchange.history.history_codec import sessions_to_json
from retrotimer.storage.paths import AppPaths
from tests.cli_runner import retrotimer
from tests.exchange.fit_reading import fit_steps
from tests.history_samples import segment, session


def test_export_a_built_in_template_for_a_watch(tmp_path: Path) -> None:
    target = tmp_path / "first.fit"
    done = retrotimer(
        "templates", "export", "First steps backward", "--format", "fit", "-o", str(target)
    )
    assert done.returncode == 0, done.stderr
    assert f'exported "First steps backward" to {target}' in done.stdout
    assert fit_steps(target)[1]["duration_type"] == "time"


def test_steps_as_lap_by_flag_and_by_setting(tmp_path: Path) -> None:
    by_flag = tmp_path / "flag.fit"
    args = ("templates", "export", "Short backward jogs", "--format", "fit")
    assert retrotimer(*args, "--steps-as", "lap", "-o", str(by_flag)).returncode == 0
    assert fit_steps(by_flag)[2]["duration_type"] == "open"

    settings_file = AppPaths.from_environment().settings_file
    settings_file.parent.mkdir(parents=True, exist_ok=True)
    settings_file.write_text('watch_steps_as = "lap"\n', encoding="utf-8")
    by_setting = tmp_path / "setting.fit"
    assert retrotimer(*args, "-o", str(by_setting)).returncode == 0
    assert fit_steps(by_setting)[2]["duration_type"] == "open"
    by_time = tmp_path / "time.fit"
    assert retrotimer(*args, "--steps-as", "time", "-o", str(by_time)).returncode == 0
    assert fit_steps(by_time)[2]["duration_type"] == "time"


def test_an_existing_file_is_kept_without_force(tmp_path: Path) -> None:
    target = tmp_path / "kept.fit"
    target.write_bytes(b"mine")
    args = ("templates", "export", "Backward sprints", "--format", "fit", "-o", str(target))
    done = retrotimer(*args)
    assert done.returncode == 1
    assert "already exists" in done.stderr and "--force" in done.stderr
    assert target.read_bytes() == b"mine"
    assert retrotimer(*args, "--force").returncode == 0
    assert target.read_bytes() != b"mine"


def test_fit_is_not_printed_to_the_terminal() -> None:
    done = retrotimer("templates", "export", "Backward sprints", "--format", "fit")
    assert done.returncode == 2
    assert "-o FILE.fit" in done.stderr
    assert done.stdout == ""


# ---- history export of recorded sessions ---------------------------------------------------
def record_a_session(folder: Path) -> str:
    """Run a short session headless (sped up) so that the history records it; its id."""
    template = folder / "short.txt"
    template.write_text("# Short\n4s walk\n10 steps backward walk\n4s walk\n", encoding="utf-8")
    run = retrotimer("run", str(template), "--headless", "--speed", "40")
    assert run.returncode == 0, run.stderr
    listed = retrotimer("history", "list", "--json")
    (entry,) = json.loads(listed.stdout)
    return str(entry["id"] if "id" in entry else entry["session_id"])


@pytest.mark.slow
def test_a_recorded_session_exports_to_fit_and_tcx(tmp_path: Path) -> None:
    session_id = record_a_session(tmp_path)
    fit, tcx = tmp_path / "run.fit", tmp_path / "run.tcx"
    done = retrotimer("history", "export", session_id[:8], "--format", "fit", "-o", str(fit))
    assert done.returncode == 0, done.stderr
    assert (
        retrotimer("history", "export", session_id, "--format", "tcx", "-o", str(tcx)).returncode
        == 0
    )

    messages, errors = Decoder(Stream.from_byte_array(bytearray(fit.read_bytes()))).read()
    assert errors == []
    assert len(messages["lap_mesgs"]) == 3
    # At --speed 40 the 14 s of the plan pass in about 0.35 s of the wall clock.
    assert messages["session_mesgs"][0]["total_timer_time"] == pytest.approx(14.0, abs=1.0)
    read = TCXReader().read(str(tcx), only_gps=False)
    assert len(read.laps) == 3
    assert sum(lap.duration for lap in read.laps) == pytest.approx(14.0, abs=1.0)


@pytest.mark.slow
def test_all_sessions_to_a_folder_but_test_runs_and_bad_ids_refused(tmp_path: Path) -> None:
    record_a_session(tmp_path)  # at --speed 40: a test run
    backup = tmp_path / "backup.json"
    trained = session(0, segments=(segment(0), segment(1)), template="Tuesday")
    backup.write_text(sessions_to_json([trained]), encoding="utf-8")
    assert retrotimer("history", "import", str(backup)).returncode == 0
    folder = tmp_path / "out"
    done = retrotimer("history", "export", "--format", "fit", "--all", str(folder))
    assert done.returncode == 0, done.stderr
    (written,) = folder.iterdir()
    assert written.suffix == ".fit" and "tuesday" in written.name
    assert "Exported 1 session to" in done.stderr
    assert "1 test run at a compressed speed left out" in done.stderr
    again = retrotimer("history", "export", "--format", "fit", "--all", str(folder))
    assert "1 file already there kept" in again.stderr

    missing = retrotimer("history", "export", "nope", "--format", "tcx", "-o", str(tmp_path / "x"))
    assert missing.returncode == 2
    assert "no session with id 'nope'" in missing.stderr
    assert "Traceback" not in missing.stderr
    assert not (tmp_path / "x").exists()


# ---- import of other tools' files -----------------------------------------------------------
ICU = "Warmup\n- 5m 60%\n\n4x\n- Retro jog 30s Z3 HR\n- Walk 1m\n\nCooldown\n- 3m\n"
ZWO = (
    '<?xml version="1.0"?><workout_file><name>Zwift retro</name><sportType>run</sportType>'
    '<workout><Warmup Duration="300"/><SteadyState Duration="60" Power="0.8"/>'
    '<Cooldown Duration="120"/></workout></workout_file>'
)


def user_templates() -> list[Path]:
    folder = AppPaths.from_environment().templates
    return sorted(folder.glob("*.toml")) if folder.exists() else []


def test_each_format_is_recognised_by_its_content_whatever_its_name(tmp_path: Path) -> None:
    from tests.exchange.foreign_files import GOOD_CONNECT_STEPS, connect_workout

    files = {
        "workout.dat": connect_workout(*GOOD_CONNECT_STEPS),
        "zwift.txt": ZWO.encode(),
        "intervals.toml": ICU.encode(),
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    done = retrotimer("templates", "import", *(str(tmp_path / name) for name in files))
    assert done.returncode == 0, done.stderr
    assert 'as "Connect retro"' in done.stdout and 'as "Zwift retro"' in done.stdout
    assert 'as "intervals"' in done.stdout
    # One warning per file, naming the targets that were dropped.
    assert done.stderr.count("targets were dropped") == 3
    assert "heart rate and pace targets" in done.stderr
    assert len(user_templates()) == 3
    shown = retrotimer("templates", "show", "intervals")
    assert "4x" in shown.stdout and "30s backward jog" in shown.stdout


def test_format_forces_a_reader(tmp_path: Path) -> None:
    path = tmp_path / "steps.txt"
    path.write_text(ICU, encoding="utf-8")
    done = retrotimer("templates", "import", "--format", "zwo", str(path))
    assert done.returncode == 1
    assert "the XML cannot be read" in done.stderr
    assert user_templates() == []


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("cut.fit", None, "the FIT file is damaged"),
        (
            "bomb.zwo",
            b'<?xml version="1.0"?><!DOCTYPE a [<!ENTITY a "aaaa">]><workout_file/>',
            "declares a DTD or entities",
        ),
        (
            "free.zwo",
            b'<workout_file><workout><FreeRide Duration="ten"/></workout></workout_file>',
            'workout step 1 <FreeRide>: Duration="ten" is not a number of seconds',
        ),
        ("easy.txt", b"- 5m\n- easy\n", "easy.txt:2:1: error: this step has no length"),
    ],
    ids=["truncated fit", "entities", "no number", "no length"],
)
def test_bad_files_are_refused_in_a_line_and_nothing_is_saved(
    tmp_path: Path, name: str, data: bytes | None, message: str
) -> None:
    from tests.exchange.foreign_files import GOOD_CONNECT_STEPS, connect_workout

    path = tmp_path / name
    path.write_bytes(data if data is not None else connect_workout(*GOOD_CONNECT_STEPS)[:60])
    done = retrotimer("templates", "import", str(path))
    assert done.returncode == 1
    assert message in done.stderr
    assert "Traceback" not in done.stderr
    assert f"{path} was not imported" in done.stderr
    assert user_templates() == []


def test_an_activity_offered_as_a_workout_is_refused(tmp_path: Path) -> None:
    from tests.exchange.foreign_files import an_activity

    path = tmp_path / "morning-run.fit"
    path.write_bytes(an_activity())
    done = retrotimer("templates", "import", str(path))
    assert done.returncode == 1
    assert "is a recorded activity, not a workout" in done.stderr
    assert user_templates() == []


def test_a_50_mb_file_is_refused_without_reading_it_whole(tmp_path: Path) -> None:
    path = tmp_path / "huge.fit"
    with path.open("wb") as stream:
        stream.truncate(50 * 1024 * 1024)
    done = retrotimer("templates", "import", str(path))
    assert done.returncode == 1
    assert "larger than 1 MB" in done.stderr and "Traceback" not in done.stderr
    assert user_templates() == []


def test_icu_export_and_back_keeps_the_totals(tmp_path: Path) -> None:
    exported = retrotimer("templates", "export", "Short backward jogs", "--format", "icu")
    assert exported.returncode == 0, exported.stderr
    path = tmp_path / "jogs.txt"
    path.write_text(exported.stdout, encoding="utf-8")
    assert retrotimer("templates", "import", str(path)).returncode == 0
    again = retrotimer("templates", "export", "jogs", "--format", "icu")
    assert again.stdout == exported.stdout
    listed = retrotimer("templates", "list").stdout
    assert "jogs" in listed


def test_a_foreign_file_exports_straight_to_a_watch(tmp_path: Path) -> None:
    source = tmp_path / "zwift.zwo"
    source.write_text(ZWO, encoding="utf-8")
    target = tmp_path / "zwift.fit"
    done = retrotimer("templates", "export", str(source), "--format", "fit", "-o", str(target))
    assert done.returncode == 0, done.stderr
    assert [step["duration_type"] for step in fit_steps(target)] == ["time", "time", "time"]


def test_plan_validate_and_run_take_other_tools_files(tmp_path: Path) -> None:
    source = tmp_path / "zwift.zwo"
    source.write_text(ZWO, encoding="utf-8")
    planned = retrotimer("plan", str(source), "--json")
    assert planned.returncode == 0, planned.stderr
    assert json.loads(planned.stdout)["total_s"] == 480
    checked = retrotimer("templates", "validate", str(source))
    assert checked.returncode == 0
    assert "1 warning" in checked.stdout and "power targets were dropped" in checked.stdout
    bad = tmp_path / "ride.zwo"
    bad.write_text('<workout_file><workout><FreeRide Duration="9s"/></workout></workout_file>')
    refused = retrotimer("templates", "validate", str(bad))
    assert refused.returncode == 1
    assert 'Duration="9s" is not a number of seconds' in refused.stdout
