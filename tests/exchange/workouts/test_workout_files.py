"""Which format a file is in, by its content alone, and the one door that reads them."""

from __future__ import annotations

from pathlib import Path

import pytest

from retrotimer.core.templates.validation import TemplateError
from retrotimer.exchange.formats import WorkoutFormat
from retrotimer.exchange.workouts.workout_files import (
    detect_workout_format,
    read_workout_data,
    xml_root,
)
from tests.exchange.foreign_files import GOOD_CONNECT_STEPS, connect_workout


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (connect_workout(*GOOD_CONNECT_STEPS), WorkoutFormat.FIT),
        (b'<?xml version="1.0"?>\n<!-- made by hand -->\n<workout_file/>', WorkoutFormat.ZWO),
        (b"\xef\xbb\xbfWarmup\n- 10m\n", WorkoutFormat.ICU),
        (b"# Mine\n5m warm-up walk\n", None),
        (b'format = 1\nname = "x"\ndescription = """\n- a bullet\n"""\n', None),
        (b"\xff\xfe not text", None),
    ],
    ids=["fit", "xml", "icu", "text syntax", "toml with a dash line", "binary"],
)
def test_formats_are_told_apart_by_content(data: bytes, expected: WorkoutFormat | None) -> None:
    assert detect_workout_format(data) is expected


ZWO_TEXT = (
    '<?xml version="1.0" encoding="{codec}"?>\n<!-- saved on Windows -->\n<workout_file>'
    '<name>火曜日</name><workout><SteadyState Duration="300"/></workout></workout_file>'
)


@pytest.mark.parametrize(
    ("codec", "mark"),
    [
        *(("utf-16-le", "\ufeff"), ("utf-16-be", "\ufeff")),
        *(("utf-32-le", "\ufeff"), ("utf-32-be", "\ufeff")),
        *(("utf-16-le", ""), ("utf-16-be", ""), ("utf-32-le", ""), ("utf-32-be", "")),
    ],
)
def test_a_zwift_file_in_utf16_or_utf32_is_told_by_how_it_begins_and_read(
    codec: str, mark: str
) -> None:
    data = (mark + ZWO_TEXT.format(codec=codec)).encode(codec)
    assert detect_workout_format(data) is WorkoutFormat.ZWO
    reading = read_workout_data(data, Path("tuesday.zwo"))
    assert reading is not None and reading.template is not None, reading
    assert reading.template.name == "火曜日"


def test_the_xml_root_skips_the_declaration_and_comments() -> None:
    assert xml_root(b'<?xml version="1.0"?><!DOCTYPE x><tcx:Training xmlns:tcx="u"/>') == "Training"
    assert xml_root(b"plain text") is None


def test_a_tcx_activity_is_not_a_workout(tmp_path: Path) -> None:
    data = b'<?xml version="1.0"?><TrainingCenterDatabase xmlns="x"/>'
    with pytest.raises(TemplateError, match="TCX activity .* not a workout"):
        read_workout_data(data, tmp_path / "run.tcx")


def test_our_own_formats_are_left_to_the_template_readers(tmp_path: Path) -> None:
    assert read_workout_data(b"# Mine\n5m warm-up walk\n", tmp_path / "mine.txt") is None


def test_a_refused_file_names_at_most_twenty_problems(tmp_path: Path) -> None:
    from retrotimer.exchange.workouts.workout_files import load_workout_file

    path = tmp_path / "far.txt"
    path.write_text("- easy\n" * 30, encoding="utf-8")
    with pytest.raises(TemplateError) as raised:
        load_workout_file(path)
    lines = str(raised.value).splitlines()
    assert len(lines) == 21 and lines[-1].endswith("and 10 more problems like these")


def test_an_icu_file_that_is_not_utf8_is_placed_like_a_template(tmp_path: Path) -> None:
    with pytest.raises(TemplateError, match=r"w\.txt:2:3: error: the file is not UTF-8 text"):
        read_workout_data(b"- 5m\n- \xff 30s\n", tmp_path / "w.txt", WorkoutFormat.ICU)
