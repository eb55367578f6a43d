"""Zwift files are parsed without DTDs or entities: XML bombs and external files refused."""

from __future__ import annotations

import time

import pytest

from retrotimer.core.templates.validation import TemplateError
from retrotimer.exchange.workouts.zwo_file import read_zwo

ZWO = b"""<?xml version="1.0" encoding="UTF-8"?>
<workout_file>
  <name>Retro Tuesday</name>
  <sportType>run</sportType>
  <workout>
    <Warmup Duration="300" PowerLow="0.5" PowerHigh="0.5"/>
    <SteadyState Duration="45">
      <textevent timeoffset="0" message="Retro walk, look over your shoulder"/>
    </SteadyState>
    <Cooldown Duration="180"/>
  </workout>
</workout_file>
"""

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<workout_file><name>&lol3;</name></workout_file>
"""

EXTERNAL = b"""<?xml version="1.0"?>
<!DOCTYPE w [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<workout_file><name>&secret;</name></workout_file>
"""


def test_a_zwift_run_becomes_a_template() -> None:
    reading = read_zwo(ZWO, "t.zwo", "t")
    assert reading.template is not None
    assert reading.template.name == "Retro Tuesday"
    assert [item.kind.value for item in reading.template.items] == [  # type: ignore[union-attr]
        "warmup",
        "backward_walk",
        "cooldown",
    ]


@pytest.mark.parametrize("document", [BILLION_LAUGHS, EXTERNAL], ids=["laughs", "external"])
def test_entities_and_dtds_are_refused_in_one_sentence(document: bytes) -> None:
    with pytest.raises(TemplateError) as raised:
        read_zwo(document, "bad.zwo", "bad")
    message = str(raised.value)
    assert message.startswith("bad.zwo: error: the XML file declares a DTD or entities")
    assert "\n" not in message and "root:" not in message


def test_broken_xml_names_its_line() -> None:
    with pytest.raises(TemplateError) as raised:
        read_zwo(b"<workout_file>\n<workout>\n</workout_file>", "cut.zwo", "cut")
    assert str(raised.value) == "cut.zwo: error: line 3:3: the XML cannot be read: mismatched tag"


def test_deeply_nested_xml_is_read_without_exhausting_the_stack() -> None:
    deep = (
        b"<workout_file><workout>"
        + b"<a>" * 50_000
        + b"</a>" * 50_000
        + b"</workout></workout_file>"
    )
    reading = read_zwo(deep, "deep.zwo", "deep")
    assert reading.template is None
    assert "<a> steps cannot be read" in reading.errors[0].message


@pytest.mark.parametrize(
    "document",
    [
        '<?xml version="1.0" encoding="Shift_JIS"?><workout_file><name>火曜日</name>'
        '<workout><SteadyState Duration="60"/></workout></workout_file>'.encode("shift_jis"),
        '<?xml version="1.0" encoding="UTF-32"?><workout_file><name>火曜日</name>'
        '<workout><SteadyState Duration="60"/></workout></workout_file>'.encode("utf-32"),
    ],
    ids=["shift_jis", "utf-32"],
)
def test_a_file_in_the_encoding_it_declares_is_read_in_it(document: bytes) -> None:
    reading = read_zwo(document, "w.zwo", "w")
    assert reading.template is not None and reading.template.name == "火曜日"
    assert reading.warnings == ()


def test_a_file_not_in_the_encoding_it_declares_is_refused_naming_it_and_the_byte() -> None:
    document = (
        '<?xml version="1.0" encoding="windows-1252"?>\n<workout_file><name>火曜日</name>'
        "</workout_file>"
    ).encode()
    with pytest.raises(TemplateError) as raised:
        read_zwo(document, "w.zwo", "w")
    # UTF-8's bytes for 火 read as Windows-1252 hold 0x81, which is no letter in it.
    assert str(raised.value) == (
        "w.zwo: error: line 2:22: the file says it is in the 'windows-1252' encoding, but byte "
        "0x81 is not text in it; save the file as UTF-8"
    )


def test_a_windows_file_without_a_declaration_is_read_as_windows_1252_and_said_so() -> None:
    document = (
        '<workout_file><name>Don’t stop – café</name><workout><SteadyState Duration="60">'
        '<textevent timeoffset="1" message="You’re fine"/></SteadyState></workout></workout_file>'
    ).encode("cp1252")
    reading = read_zwo(document, "w.zwo", "w")
    assert reading.template is not None and reading.template.name == "Don’t stop – café"
    assert reading.warnings[0].message == (
        "the file is not UTF-8; it was read as Windows-1252 (cp1252) text"
    )


@pytest.mark.parametrize(
    ("document", "message"),
    [
        (
            b"<workout_file><name>\x81</name></workout_file>",
            "line 1:21: the file is neither UTF-8 nor Windows-1252 (cp1252) text, but byte 0x81 "
            "is not text in it; save the file as UTF-8",
        ),
        (
            b'<?xml version="1.0" encoding="no-such"?><workout_file/>',
            "line 1: the file says it is in the 'no-such' encoding, which no reader knows",
        ),
        (
            b'<?xml version="1.0" encoding="base64"?><workout_file/>',
            "line 1: the file says it is in the 'base64' encoding, which no reader knows",
        ),
        (
            b'<?xml version="1.0" encoding="utf\x00-8"?><workout_file/>',
            "line 1: the file says it is in the 'utf\\x00-8' encoding, which no reader knows",
        ),
    ],
    ids=["no-encoding", "unknown", "not for text", "a nul in the name"],
)
def test_an_encoding_that_cannot_be_read_is_named_in_one_line(
    document: bytes, message: str
) -> None:
    with pytest.raises(TemplateError) as raised:
        read_zwo(document, "w.zwo", "w")
    assert str(raised.value) == f"w.zwo: error: {message}"


@pytest.mark.parametrize(
    ("attributes", "message"),
    [
        ('Duration="inf"', 'Duration="inf" is not a number of seconds'),
        ('Duration="1e400"', 'Duration="1e400" is not a number of seconds'),
        ('Duration="nan"', 'Duration="nan" is not a number of seconds'),
        ('Repeat="²" OnDuration="30" OffDuration="30"', 'Repeat="²" is not a count'),
        ('Repeat="' + "9" * 5000 + '" OnDuration="30" OffDuration="30"', "is not a count"),
    ],
)
def test_numbers_no_reader_can_use_are_refused_where_they_are(
    attributes: str, message: str
) -> None:
    tag = "IntervalsT" if "Repeat" in attributes else "SteadyState"
    document = f"<workout_file><workout><{tag} {attributes}/></workout></workout_file>"
    reading = read_zwo(document.encode(), "w.zwo", "w")
    assert reading.template is None
    assert any(message in problem.message for problem in reading.errors)


def test_digits_of_other_scripts_are_read_as_numbers() -> None:
    document = '<workout_file><workout><SteadyState Duration="٣٠٠"/></workout></workout_file>'
    reading = read_zwo(document.encode(), "w.zwo", "w")
    assert reading.template is not None
    assert reading.template.items[0].length.amount == 300  # type: ignore[union-attr]


def test_a_repeat_of_a_million_runs_is_refused_before_its_runs_are_laid_out() -> None:
    document = (
        '<workout_file><workout><IntervalsT Repeat="1000000" OnDuration="30" OffDuration="30"/>'
        "</workout></workout_file>"
    )
    started = time.perf_counter()
    reading = read_zwo(document.encode(), "w.zwo", "w")
    assert time.perf_counter() - started < 1
    assert [problem.render() for problem in reading.errors] == [
        "error: workout step 1 <IntervalsT>: a repeat can run at most 100 times; this one says "
        "1000000 times"
    ]


@pytest.mark.parametrize("on_s", [1, 0, -5])
def test_a_file_of_thousands_of_long_repeats_is_refused_where_it_runs_past_any_template(
    on_s: int,
) -> None:
    step = f'<IntervalsT Repeat="100" OnDuration="{on_s}" OffDuration="{on_s}"/>'
    document = "<workout_file><workout>" + step * 17_000 + "</workout></workout_file>"
    started = time.perf_counter()
    reading = read_zwo(document.encode(), "w.zwo", "w")
    # Once took 10 s and 800 MB: each run of each repeat was laid out before any check.
    assert time.perf_counter() - started < 5
    assert [problem.render() for problem in reading.errors] == [
        "error: workout step 73 <IntervalsT>: the workout runs far past what a template can "
        "last (4 hours at most) by this step; it was read no further"
    ]
