"""`retrotimer program ...` and `retrotimer next` as real processes, on a private home."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import icalendar
import pytest
import vobject

from retrotimer.core.history.history_values import HistorySession, Review
from retrotimer.core.history.program_ref import ProgramRef
from retrotimer.core.programs.builtin_programs import BUILTIN_PROGRAMS, LEARN, builtin_program
from retrotimer.core.programs.program_toml import parse_program_toml, program_to_toml
from retrotimer.core.session.plan import compile_plan, plan_to_json
from retrotimer.core.settings import Settings
from retrotimer.core.value import field_names, replace
from retrotimer.exchange.history.history_codec import sessions_to_json
from tests.cli_runner import retrotimer
from tests.core.programs.program_history import ran, recorded
from tests.history_samples import segment, session

pytestmark = pytest.mark.slow
START_DATE = date(2026, 3, 2)  # day 0 of the program histories


def files_under(home: Path) -> dict[str, bytes]:
    if not home.exists():
        return {}
    return {str(p.relative_to(home)): p.read_bytes() for p in home.rglob("*") if p.is_file()}


def refused(home: Path, *args: str) -> str:
    """Runs a command that must fail with one line on stderr and change no file."""
    before = files_under(home)
    result = retrotimer(*args)
    assert result.returncode == 2, result
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1, result.stderr
    assert files_under(home) == before
    return result.stderr


def test_list_and_show_as_json_in_the_plan_shape(private_home: Path) -> None:
    listed = retrotimer("program", "list")
    assert listed.returncode == 0, listed.stderr
    assert [line[2:42].strip() for line in listed.stdout.splitlines()] == [
        p.name for p in BUILTIN_PROGRAMS
    ]
    shown = retrotimer("program", "show", "learn to run backward", "--json")
    data = json.loads(shown.stdout)
    learn = builtin_program(LEARN)
    assert learn is not None
    assert data["name"] == LEARN and len(data["weeks"]) == 10
    assert data["weeks"][1]["week"] == 2 and data["weeks"][1]["focus"] == learn.weeks[1].focus
    assert [week["walking"] for week in data["weeks"]] == [True] * 3 + [False] * 7
    text = retrotimer("program", "show", LEARN).stdout
    assert "\nWeek 3 (walking): Backward walks of 40 steps" in text
    assert "\nWeek 4: First backward jogs" in text
    first = learn.weeks[0].sessions[0]
    assert data["weeks"][0]["sessions"][0] == plan_to_json(
        compile_plan(first, Settings()), cues=True
    )


def test_start_next_and_stop(private_home: Path) -> None:
    started = retrotimer("program", "start", LEARN, "--week", "3", "--on", "2026-03-02")
    assert started.returncode == 0, started.stderr
    proposed = retrotimer("next", "--json", "--today", "2026-03-04")
    data = json.loads(proposed.stdout)
    assert {
        k: data[k] for k in ("program", "week", "weeks", "session", "sessions", "decision")
    } == {
        "program": LEARN,
        "week": 3,
        "weeks": 10,
        "session": 1,
        "sessions": 3,
        "decision": "start",
    }
    assert data["reasons"] == [
        "Week 3 of Learn to run backward starts: backward walks of 40 steps, the last walking week."
    ]
    assert data["template"]["template"] == "Learn backward 3.1"
    # Week 2's session 1 has more backward minutes: the lighter option halves this one.
    assert data["lighter"]["template"] == "Learn backward 3.1 (lighter)"
    assert {"segments", "cues", "backward_s"} <= set(data["template"])
    text = retrotimer("next", "--today", "2026-03-04").stdout
    assert text.startswith("Learn to run backward: week 3 of 10, session 1 of 3 (start)")
    stopped = retrotimer("program", "stop")
    assert stopped.stdout.strip() == "Stopped following the program."
    assert "no program is active" in refused(private_home, "next")


@pytest.mark.parametrize(
    "args",
    [
        ("program", "start", LEARN, "--week", "0"),
        ("program", "start", LEARN, "--week", "11"),
        ("program", "start", LEARN, "--week", "two"),
        ("program", "start", LEARN, "--on", "2026-02-30"),
        ("program", "start", LEARN, "--days", "mon,funday"),
        ("program", "start", "No such program"),
        ("program", "show", "No such program"),
        ("program", "export", "No such program"),
        ("next", "--today", "tomorrow"),
        ("program", "calendar", "--weeks", "0"),
    ],
)
def test_bad_values_get_one_line_and_change_nothing(
    private_home: Path, args: tuple[str, ...]
) -> None:
    assert retrotimer("program", "start", LEARN, "--on", "2026-03-02").returncode == 0
    message = refused(private_home, *args)
    assert message.startswith("retrotimer: error: ")


def test_a_bad_program_file_gets_one_line_with_its_place_and_changes_nothing(
    private_home: Path, tmp_path: Path
) -> None:
    learn = builtin_program(LEARN)
    assert learn is not None
    bad = tmp_path / "bad.toml"
    bad.write_text(program_to_toml(learn).replace("backward walk", "backwards walkk", 1), "utf-8")
    message = refused(private_home, "program", "import", str(bad))
    assert message.startswith(f"retrotimer: {bad}:17:12: error: week 1 session 1: expected a kind")
    assert "week 1 session 1" in message
    not_toml = tmp_path / "not.toml"
    not_toml.write_text("format = 1\nname = [\n", "utf-8")
    assert "not valid TOML" in refused(private_home, "program", "import", str(not_toml))


def test_import_export_and_a_taken_name(private_home: Path, tmp_path: Path) -> None:
    learn = builtin_program(LEARN)
    assert learn is not None
    mine = tmp_path / "mine.toml"
    mine.write_text(
        program_to_toml(learn).replace(f'name = "{LEARN}"', 'name = "My plan"'), "utf-8"
    )
    imported = retrotimer("program", "import", str(mine))
    assert imported.returncode == 0, imported.stderr
    saved = private_home / "data" / "programs" / "my-plan.toml"
    assert imported.stdout == f"Imported My plan (10 weeks) to {saved}\n"
    assert "already used" in refused(private_home, "program", "import", str(mine))
    out = tmp_path / "out.toml"
    exported = retrotimer("program", "export", "my plan", "-o", str(out))
    assert exported.returncode == 0, exported.stderr
    assert parse_program_toml(out.read_text("utf-8")).weeks == learn.weeks
    assert "My plan" in retrotimer("program", "list").stdout


def test_calendar_has_stable_uids_time_zones_and_reminders(
    private_home: Path, tmp_path: Path
) -> None:
    assert retrotimer("program", "start", LEARN, "--on", "2026-03-02").returncode == 0
    out = tmp_path / "plan.ics"
    args = ("program", "calendar", "-o", str(out), "--today", "2026-03-02", "--days", "tue,thu")
    assert retrotimer(*args, "--tz", "Europe/Paris").returncode == 0
    calendar = icalendar.Calendar.from_ical(out.read_bytes())
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 30
    first = events[0]
    assert first.decoded("dtstart").isoformat() == "2026-03-03T07:00:00+01:00"
    # Summer time begins on 29 March in Paris: still 07:00 local.
    april = [e for e in events if e.decoded("dtstart").date() == date(2026, 4, 2)][0]
    assert april.decoded("dtstart").utcoffset() == timedelta(hours=2)
    assert [a.decoded("trigger") for a in first.walk("VALARM")] == [timedelta(minutes=-30)]
    assert calendar.walk("VTIMEZONE")
    uids = [str(e["uid"]) for e in events]
    assert len(set(uids)) == len(uids)
    assert retrotimer(*args, "--tz", "Europe/Paris", "--weeks", "2", "--force").returncode == 0
    again = icalendar.Calendar.from_ical(out.read_bytes())
    assert [str(e["uid"]) for e in again.walk("VEVENT")] == uids[:4]
    assert retrotimer(*args, "--tz", "Mars/Olympus").returncode == 2


def test_the_calendar_escapes_names_as_a_second_icalendar_parser_reads_them(
    private_home: Path, tmp_path: Path
) -> None:
    learn = builtin_program(LEARN)
    assert learn is not None
    name = "Retro, slow; steady \\ plan"
    mine = tmp_path / "mine.toml"
    mine.write_text(program_to_toml(replace(learn, name=name)), "utf-8")
    assert retrotimer("program", "import", str(mine)).returncode == 0
    assert retrotimer("program", "start", name, "--on", "2026-03-02").returncode == 0
    out = tmp_path / "plan.ics"
    written = retrotimer("program", "calendar", "-o", str(out), "--today", "2026-03-02")
    assert written.returncode == 0, written.stderr
    calendar = vobject.readOne(out.read_text("utf-8"))
    assert calendar.contents["x-wr-calname"][0].value == f"RetroTimer: {name}"
    assert calendar.vevent.summary.value == f"{name}: week 1, session 1"


def test_history_import_keeps_sessions_of_an_unknown_program_and_says_so(
    private_home: Path, tmp_path: Path
) -> None:
    plain = session(0, segments=(segment(0),), review=Review(4))
    entry = plain.entry.__class__(
        **{
            **{f: getattr(plain.entry, f) for f in field_names(type(plain.entry))},
            "program": ProgramRef("Somebody's plan", 1, 1),
        }
    )
    backup = tmp_path / "backup.json"
    backup.write_text(sessions_to_json([HistorySession(entry, plain.plan_json, plain.segments)]))
    result = retrotimer("history", "import", str(backup))
    assert result.returncode == 0, result.stderr
    assert "Imported 1 session;" in result.stdout
    assert 'programs not installed here were kept: "Somebody\'s plan"' in result.stdout
    listed = json.loads(retrotimer("history", "list", "--json").stdout)
    assert listed[0]["program"] == {"name": "Somebody's plan", "week": 1, "session": 1}


def test_duplicate_copies_a_program_under_a_new_name(private_home: Path) -> None:
    copied = retrotimer("program", "duplicate", LEARN, "My learning")
    assert copied.returncode == 0, copied.stderr
    saved = private_home / "data" / "programs" / "my-learning.toml"
    learn = builtin_program(LEARN)
    assert learn is not None
    assert parse_program_toml(saved.read_text("utf-8")).weeks == learn.weeks
    # The copy is the user's to edit where it is: no import (which its own name would refuse).
    assert "import" not in copied.stdout and str(saved) in copied.stdout
    edited = saved.read_text("utf-8").replace(learn.weeks[0].focus, "My own first week", 1)
    saved.write_text(edited, encoding="utf-8")
    shown = retrotimer("program", "show", "My learning")
    assert "Week 1 (walking): My own first week" in shown.stdout, shown.stderr
    assert "already used" in refused(private_home, "program", "duplicate", LEARN, "My learning")
    assert "a program needs a name" in refused(private_home, "program", "duplicate", LEARN, " ")


def test_a_copy_named_with_a_control_character_is_refused_in_its_own_words(
    private_home: Path,
) -> None:
    said = refused(private_home, "program", "duplicate", LEARN, "Red\x1b[31m")
    # The name comes from the command line: no place in a file is given for it, and the
    # escape is named, never sent to the terminal.
    assert said == (
        "retrotimer: error: the name holds U+001B (ESCAPE) at character 4, which cannot be "
        "seen or spoken; remove it\n"
    )


def test_run_next_lighter_records_the_lighter_session_and_the_review(private_home: Path) -> None:
    assert retrotimer("program", "start", LEARN, "--week", "2").returncode == 0
    run = retrotimer(
        *("run", "--next", "--lighter", "--headless", "--speed", "10000"),
        *("--rating", "2", "--near-stumbles", "3", "--dizzy-or-pain"),
    )
    assert run.returncode == 0, run.stderr
    assert "Learn to run backward: week 1, session 1: Learn backward 1.1" in run.stderr
    (entry,) = json.loads(retrotimer("history", "list", "--json").stdout)
    assert entry["program"] == {"name": LEARN, "week": 1, "session": 1, "lighter": True}
    # The old spelling --dizzy-or-pain reports both.
    reports = (entry["dizzy"], entry["pain"], entry["dizzy_or_pain"])
    assert (entry["rating"], entry["near_stumbles"], reports) == (2, 3, (True, True, False))
    # Run at a compressed speed, it is a test run: the coach does not count it.
    after = json.loads(retrotimer("next", "--json").stdout)
    assert (after["decision"], after["week"], after["session"]) == ("start", 2, 1)


def test_run_next_takes_the_rating_in_words_and_dizziness_and_pain_apart(
    private_home: Path,
) -> None:
    assert retrotimer("program", "start", LEARN).returncode == 0
    run = retrotimer(
        *("run", "--next", "--headless", "--speed", "10000", "--rating", "too hard", "--pain"),
    )
    assert run.returncode == 0, run.stderr
    (entry,) = json.loads(retrotimer("history", "list", "--json").stdout)
    assert (entry["rating"], entry["dizzy"], entry["pain"]) == (5, False, True)


@pytest.mark.parametrize(
    "args",
    [
        ("run", "--next", "--headless", "--rating", "6"),
        ("run", "--next", "--headless", "--rating", "brutal"),
        ("run", "--next", "--headless", "--near-stumbles", "-1"),
        ("run", "--next", "--headless", "--today", "2026-13-01"),
        ("run", "First steps backward", "--next", "--headless"),
        ("run", "First steps backward", "--lighter", "--headless"),
    ],
)
def test_bad_run_next_values_get_one_line_and_run_nothing(
    private_home: Path, args: tuple[str, ...]
) -> None:
    assert retrotimer("program", "start", LEARN).returncode == 0
    assert refused(private_home, *args).startswith("retrotimer: error: ")


def test_run_next_without_headless_says_where_the_window_has_it(private_home: Path) -> None:
    assert retrotimer("program", "start", LEARN).returncode == 0
    assert "needs --headless" in refused(private_home, "run", "--next")


def test_one_session_exports_as_a_template_that_templates_import_adds(
    private_home: Path, tmp_path: Path
) -> None:
    out = tmp_path / "session.toml"
    exported = retrotimer("program", "export", LEARN, "--session", "2.1", "-o", str(out))
    assert exported.returncode == 0, exported.stderr
    assert retrotimer("templates", "import", str(out)).returncode == 0
    shown = retrotimer("templates", "show", "Learn backward 2.1")
    assert shown.returncode == 0 and "11x" in shown.stdout
    assert "--session must be WEEK.SESSION" in refused(
        private_home, "program", "export", LEARN, "--session", "11.1"
    )


def test_import_warns_about_a_program_that_grows_too_fast(
    private_home: Path, tmp_path: Path
) -> None:
    learn = builtin_program(LEARN)
    assert learn is not None
    steep = replace(learn, name="Steep", weeks=(learn.weeks[0], learn.weeks[9]))
    path = tmp_path / "steep.toml"
    path.write_text(program_to_toml(steep), "utf-8")
    imported = retrotimer("program", "import", str(path))
    assert imported.returncode == 0, imported.stderr
    assert imported.stderr == (
        "retrotimer: warning: week 2: more than 150 % of the backward minutes of week 1; "
        "injuries rise when volume grows faster\n"
    )


def test_a_once_a_week_start_is_told_the_advice(private_home: Path) -> None:
    started = retrotimer("program", "start", LEARN, "--days", "sun")
    assert started.returncode == 0, started.stderr
    assert "2-3 sessions a week, with a rest day between, is the usual advice" in started.stdout
    usual = retrotimer("program", "start", LEARN, "--days", "tue,thu")
    assert "usual advice" not in usual.stdout


def test_dizziness_then_pain_pauses_until_program_resume(
    private_home: Path, tmp_path: Path
) -> None:
    learn = builtin_program(LEARN)
    assert learn is not None
    today = (date.today() - START_DATE).days
    assert retrotimer("program", "start", LEARN, "--on", "2026-03-02").returncode == 0
    reports = [
        recorded(learn, ran(learn, today - 6, 1, 1, "dizzy", number=0)),
        recorded(learn, ran(learn, today - 3, 1, 1, "pain", number=1)),
    ]
    backup = tmp_path / "reports.json"
    backup.write_text(sessions_to_json(reports), encoding="utf-8")
    assert retrotimer("history", "import", str(backup)).returncode == 0
    paused = json.loads(retrotimer("next", "--json").stdout)
    assert paused["decision"] == "paused"
    assert "See a doctor or physiotherapist" in paused["reasons"][0]
    assert "`retrotimer program resume`" in paused["reasons"][-1]
    assert "paused after dizziness or pain" in refused(private_home, "run", "--next", "--headless")
    assert "paused after dizziness or pain" in refused(private_home, "program", "calendar")
    resumed = retrotimer("program", "resume")
    assert resumed.returncode == 0 and resumed.stdout.startswith(f"Resumed {LEARN}.")
    after = json.loads(retrotimer("next", "--json").stdout)
    assert (after["decision"], after["week"], after["session"]) == ("repeat", 1, 1)
    assert after["reasons"][0].startswith("You resumed the program on ")
    again = retrotimer("program", "resume")
    assert again.stdout.startswith(f"{LEARN} is not paused")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["program", "start", "Learn to run backward", "--week", "²"], "--week must be a week"),
        (["program", "calendar", "--weeks", "²"], "--weeks must be 1 to"),
        (["program", "export", "Learn to run backward", "--session", "².1"], "--session must be"),
        (["run", "--next", "--headless", "--rating", "²"], "--rating must be one of"),
    ],
)
def test_a_number_int_cannot_read_is_refused_in_one_line(
    args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from retrotimer.cli import main

    assert main(["program", "start", "Learn to run backward"]) == 0
    capsys.readouterr()
    assert main(args) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1


def test_near_stumbles_int_cannot_read_are_refused() -> None:
    from retrotimer.commands.review_options import given_near_stumbles

    with pytest.raises(ValueError, match="--near-stumbles must be a whole number"):
        given_near_stumbles("²")
    assert given_near_stumbles("٣") == 3


def test_start_places_a_runner_who_has_walked_or_jogged(private_home: Path) -> None:
    started = retrotimer("program", "start", LEARN, "--jogged", "6.25", "--on", "2026-03-02")
    assert started.returncode == 0, started.stderr
    assert "week 7 of 10" in started.stdout
    assert "Start at week 7 of 10: more 15-second backward jogs." in started.stdout
    walked = retrotimer("program", "start", LEARN, "--walked", "60", "--on", "2026-03-02")
    assert "week 3 of 10" in walked.stdout, "one who has only walked starts in a walking week"
    chosen = retrotimer("program", "start", LEARN, "--walked", "60", "--week", "1")
    assert "week 1 of 10" in chosen.stdout and "Start at week" not in chosen.stdout
    for bad in ("lots", "1_0", "nan"):
        assert f"--jogged must be backward minutes such as 5, not '{bad}'" in refused(
            private_home, "program", "start", LEARN, "--jogged", bad
        )
