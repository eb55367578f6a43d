"""Hostile workout files (Zwift, intervals.icu, FIT, TCX): a located refusal or a good template.

Each example must be read within 5 s (hypothesis' deadline), and give either a usable template
(one that validates, and reads back after writing) or problems that each fit on one line; any
other exception fails. Examples are bounded so the suite stays fast.
"""

from __future__ import annotations

import tempfile
from datetime import UTC, datetime
from pathlib import Path

from garmin_fit_sdk.crc_calculator import CrcCalculator
from hypothesis import HealthCheck, currently_in_test_context, event, given, settings
from hypothesis import strategies as st

from retrotimer.core.exchange.icu_text import read_icu_text, template_to_icu
from retrotimer.core.exchange.workout import Intensity, RepeatStep, Workout, WorkoutStep
from retrotimer.core.model import SegmentKind
from retrotimer.core.session.plan import compile_plan
from retrotimer.core.settings import Settings
from retrotimer.core.templates.template_toml import read_template_toml, template_to_toml
from retrotimer.core.templates.validation import TemplateError, TemplateReading, validate_template
from retrotimer.exchange.activities.tcx_activity import activity_to_tcx
from retrotimer.exchange.formats import WorkoutFormat
from retrotimer.exchange.workouts.fit_workout import encode_workout
from retrotimer.exchange.workouts.workout_files import read_workout_data
from tests.history_samples import MONDAY_2024_05_06, segment, session

WITHIN_5_S = settings(max_examples=120, deadline=5000, suppress_health_check=[HealthCheck.too_slow])

# Numbers as hostile files write them: non-finite, huge, other scripts' digits, superscripts.
numbers = st.one_of(
    st.sampled_from(
        ["nan", "inf", "-inf", "1e400", "-5", "0", "²", "٣٠", "१२", "½", "1_000", " 30 ", "3e2"]
    ),
    st.integers(0, 10**6).map(str),
    st.integers(1, 6000).map(lambda digits: "9" * digits),
    st.text(max_size=12),
)
# Text with characters that must never reach a template: escapes, bidi overrides, NUL.
words = st.text(
    st.one_of(st.characters(), st.sampled_from("\x1b\x07\x00\u202e\u200b\n")), max_size=30
)
ENCODINGS = ["utf-8", "utf-16", "utf-32", "shift_jis", "latin-1", "bogus", "ascii"]
# Plain values among the hostile ones, so that some files are read and their round trip tried.
plain_words = st.text(st.characters(codec="ascii", categories=["L", "N", "Zs"]), max_size=20)


def told(outcome: str) -> None:
    """The outcome counted in hypothesis' statistics (--hypothesis-show-statistics)."""
    if currently_in_test_context():
        event(outcome)


def clean_outcome(read: object) -> TemplateReading | None:
    """The reading, after checking it; None when the file was refused as a whole."""
    try:
        reading = read()  # type: ignore[operator]
    except TemplateError as error:
        assert error.details and all("\n" not in p.render() for p in error.details)
        told("refused as a whole")
        return None
    assert isinstance(reading, TemplateReading)
    for problem in reading.problems:
        assert "\n" not in problem.render()
    if reading.template is not None:
        assert not [p for p in validate_template(reading.template) if p.is_error]
        # What was read is kept as RetroTimer's own file, and reads back the same from it.
        assert read_template_toml(template_to_toml(reading.template)).template == reading.template
        told("read")
    else:
        assert reading.errors
        told("refused with located problems")
    return reading


def xml_bytes(text: str, encoding: str) -> bytes:
    declared = f'<?xml version="1.0" encoding="{encoding}"?>\n{text}'
    try:
        return declared.encode(encoding)
    except (LookupError, UnicodeEncodeError):
        # Lone surrogates go in as the bytes an encoder that allowed them would write.
        return declared.encode("utf-8", "surrogatepass")


@WITHIN_5_S
@given(
    duration=st.one_of(st.integers(1, 600).map(str), numbers),
    repeat=st.one_of(st.integers(1, 10).map(str), numbers),
    name=st.one_of(plain_words, words),
    message=st.one_of(plain_words, words),
    encoding=st.sampled_from(ENCODINGS),
    depth=st.one_of(st.just(0), st.integers(0, 3000)),
)
def test_a_zwift_file_gives_a_template_or_located_problems(
    duration: str, repeat: str, name: str, message: str, encoding: str, depth: int
) -> None:
    def attribute(text: str) -> str:
        return text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")

    body = (
        f'<SteadyState Duration="{attribute(duration)}"><textevent message="{attribute(message)}"/>'
        f"</SteadyState>"
        f'<IntervalsT Repeat="{attribute(repeat)}" OnDuration="{attribute(duration)}" '
        'OffDuration="60"/>' + "<x>" * depth + "</x>" * depth
    )
    text = f"<workout_file><name>{attribute(name)}</name><workout>{body}</workout></workout_file>"
    clean_outcome(
        lambda: read_workout_data(xml_bytes(text, encoding), Path("w.zwo"), WorkoutFormat.ZWO)
    )


icu_lines = st.lists(
    st.one_of(
        st.builds(
            lambda n, unit, label: f"- {n}{unit} {label}",
            numbers,
            st.sampled_from(["s", "m", "h", "m30", "km", ""]),
            words,
        ),
        st.builds(lambda n: f"{n}x", numbers),
        words,
        st.just(""),
    ),
    max_size=30,
)


@WITHIN_5_S
@given(lines=icu_lines)
def test_intervals_icu_text_gives_a_template_or_located_problems(lines: list[str]) -> None:
    text = "\n".join(lines)
    reading = clean_outcome(lambda: read_icu_text(text, default_name="fuzz"))
    if reading is not None and reading.template is not None:
        # What was read is written and read back to the same length.
        again = read_icu_text(template_to_icu(reading.template, Settings()), "fuzz").template
        assert again is not None
        total = compile_plan(reading.template, Settings()).total_s
        assert compile_plan(again, Settings()).total_s == total


def our_fit_workout(depth: int) -> bytearray:
    """A FIT workout as RetroTimer writes it (developer fields included), with `depth` repeat
    steps each wrapping all the steps before it."""
    steps = [
        WorkoutStep("warm up", "easy", Intensity.WARMUP, 300.0),
        WorkoutStep("back", "look", Intensity.ACTIVE, 30.0, SegmentKind.BACKWARD_WALK, 40),
        *(RepeatStep(0, 2) for _ in range(depth)),
        WorkoutStep("cool", "", Intensity.COOLDOWN, 60.0),
    ]
    workout = Workout("fuzz", "", tuple(steps))
    return bytearray(encode_workout(workout, datetime(2024, 5, 6, tzinfo=UTC)))


@WITHIN_5_S
@given(data=st.data(), depth=st.sampled_from([0, 1, 3, 12, 13, 1000]))
def test_a_fit_workout_damaged_behind_a_valid_checksum_gives_a_reading_or_one_line(
    data: st.DataObject, depth: int
) -> None:
    fit = our_fit_workout(depth)
    end = len(fit) - 2
    for _ in range(data.draw(st.integers(0, 24))):
        fit[data.draw(st.integers(fit[0], end - 1))] = data.draw(st.integers(0, 255))
    fit[end:] = CrcCalculator.calculate_crc(fit, 0, end).to_bytes(2, "little")
    clean_outcome(lambda: read_workout_data(bytes(fit), Path("w.fit")))


def test_a_thousand_nested_fit_repeats_are_refused_in_one_line() -> None:
    reading = clean_outcome(lambda: read_workout_data(bytes(our_fit_workout(1000)), Path("w.fit")))
    assert reading is not None
    (error,) = reading.errors
    assert "repeats are nested far too deeply to read (more than 12 levels)" in error.message


@WITHIN_5_S
@given(data=st.data())
def test_a_tcx_activity_is_refused_whatever_it_holds(data: st.DataObject) -> None:
    from retrotimer.commands.template_source import read_template_file
    from retrotimer.core.exchange.activity import activity_from_session

    recorded = session(0, MONDAY_2024_05_06, segments=(segment(0), segment(1)))
    tcx = bytearray(activity_to_tcx(activity_from_session(recorded)))
    for _ in range(data.draw(st.integers(0, 6))):
        tcx[data.draw(st.integers(0, len(tcx) - 1))] = data.draw(st.integers(0, 255))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "run.tcx"
        path.write_bytes(tcx)
        # Through the door every template file goes through: damaged past recognition, the
        # file is read as RetroTimer's own text and refused as that.
        reading = clean_outcome(lambda: read_template_file(path))
    assert reading is None or reading.template is None
