"""Zwift files are parsed without DTDs or entities: XML bombs and external files refused."""

from __future__ import annotations

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
