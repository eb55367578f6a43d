"""Values and builders behave as frozen and mutable slotted dataclasses do, and defining one
compiles nothing."""

from __future__ import annotations

import copy
import dataclasses
import pickle
import subprocess
import sys
from dataclasses import InitVar
from typing import ClassVar

import pytest
from hypothesis import given
from hypothesis import strategies as st

from retrotimer.core.value import FrozenValueError, builder, field, field_names, replace, value


@value
class Pace:
    kind: str
    steps: int = 20
    notes: tuple[str, ...] = ()
    source: str = field(default="", compare=False)


@value(order=True)
class Week:
    year: int
    week: int


@value
class TimedPace(Pace):
    seconds: float = 0.0


@value
class Nothing:
    pass


@builder
class Reader:
    line: int
    problems: list[str] = field(default_factory=list)


@dataclasses.dataclass(frozen=True, slots=True, order=True)
class ReferenceWeek:
    year: int
    week: int


def test_a_value_is_frozen_and_has_no_instance_dictionary() -> None:
    pace = Pace("walk")
    with pytest.raises(FrozenValueError, match="cannot assign to field 'steps'"):
        pace.steps = 10  # type: ignore[misc]
    with pytest.raises(AttributeError, match="cannot delete field 'kind'"):
        del pace.kind  # type: ignore[misc]
    assert not hasattr(pace, "__dict__")
    assert pace.steps == 20


def test_values_are_equal_and_hash_alike_by_their_compared_fields() -> None:
    assert Pace("walk", 10, ("a",)) == Pace("walk", 10, ("a",))
    assert Pace("walk", 10) != Pace("walk", 11)
    assert Pace("walk", source="file") == Pace("walk", source="typed")
    assert hash(Pace("walk", source="file")) == hash(Pace("walk", source="typed"))
    assert len({Pace("walk"), Pace("walk"), Pace("jog")}) == 2
    # Another class with the same fields is another kind of value.
    assert TimedPace("walk") != Pace("walk")
    assert Pace("walk") != ("walk", 20, ())
    assert Nothing() == Nothing() and hash(Nothing()) == hash(Nothing())


@given(st.lists(st.tuples(st.integers(1990, 2040), st.integers(1, 53)), max_size=8))
def test_ordered_values_sort_as_dataclasses_do(weeks: list[tuple[int, int]]) -> None:
    ours = sorted(Week(*week) for week in weeks)
    theirs = sorted(ReferenceWeek(*week) for week in weeks)
    assert [(w.year, w.week) for w in ours] == [(w.year, w.week) for w in theirs]
    if len(weeks) >= 2:
        a, b = Week(*weeks[0]), Week(*weeks[1])
        ra, rb = ReferenceWeek(*weeks[0]), ReferenceWeek(*weeks[1])
        assert (a < b, a <= b, a > b, a >= b, a == b) == (
            ra < rb,
            ra <= rb,
            ra > rb,
            ra >= rb,
            ra == rb,
        )
    with pytest.raises(TypeError):
        _ = Week(2024, 1) < ReferenceWeek(2024, 2)  # type: ignore[operator]


@dataclasses.dataclass(frozen=True, slots=True)
class ReferencePace:
    kind: str
    steps: int = 20
    notes: tuple[str, ...] = ()
    source: str = dataclasses.field(default="", compare=False)


@given(st.text(max_size=5), st.integers(), st.lists(st.text(max_size=3), max_size=3).map(tuple))
def test_a_value_reads_as_a_dataclass_does(kind: str, steps: int, notes: tuple[str, ...]) -> None:
    ours, theirs = Pace(kind, steps, notes), ReferencePace(kind, steps, notes)
    assert repr(ours).removeprefix("Pace") == repr(theirs).removeprefix("ReferencePace")
    assert (ours == replace(ours, steps=steps + 1)) is (
        theirs == dataclasses.replace(theirs, steps=steps + 1)
    )


def test_defaults_fill_in_and_a_factory_makes_a_new_one_each_time() -> None:
    assert Pace("walk") == Pace("walk", 20, (), "")
    assert TimedPace("walk", seconds=3.0) == TimedPace("walk", 20, (), "", 3.0)
    first, second = Reader(1), Reader(2)
    first.problems.append("late")
    assert second.problems == []
    assert Reader(3, ["given"]).problems == ["given"]


def test_a_subclass_adds_its_fields_after_its_parents() -> None:
    assert field_names(TimedPace) == ("kind", "steps", "notes", "source", "seconds")
    assert TimedPace.__match_args__ == field_names(TimedPace)
    match TimedPace("jog", 12):
        case TimedPace(kind, steps):
            assert (kind, steps) == ("jog", 12)
        case _:
            pytest.fail("a value matches by position")


def test_a_constructor_refuses_what_a_dataclass_would() -> None:
    with pytest.raises(TypeError, match="missing 1 required positional argument: 'kind'"):
        Pace()  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="unexpected keyword argument 'pace'"):
        Pace("walk", pace=3)  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="takes from 2 to 5 positional arguments"):
        Pace("walk", 1, (), "", 9)  # type: ignore[call-arg]


def test_replace_sets_the_fields_named_and_keeps_the_others() -> None:
    pace = Pace("walk", 10, ("a",), "file")
    assert replace(pace, steps=12) == Pace("walk", 12, ("a",), "file")
    assert replace(pace, steps=12).source == "file"
    assert pace.steps == 10
    assert replace(TimedPace("jog"), seconds=5.0) == TimedPace("jog", seconds=5.0)
    reader = Reader(1, ["x"])
    assert replace(reader, line=2) == Reader(2, ["x"])
    with pytest.raises(TypeError, match="unexpected keyword argument 'pace'"):
        replace(pace, pace=1)  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="takes a value or a builder"):
        replace(ReferenceWeek(2024, 1), week=2)


def test_a_builder_changes_in_place_and_is_not_hashable() -> None:
    reader = Reader(1)
    reader.line = 2
    reader.problems.append("x")
    assert reader == Reader(2, ["x"])
    assert repr(reader) == "Reader(line=2, problems=['x'])"
    with pytest.raises(TypeError, match="unhashable"):
        hash(reader)
    with pytest.raises(AttributeError):
        reader.column = 3  # type: ignore[attr-defined]


def test_values_survive_pickling_and_copying() -> None:
    for made in (Pace("walk", 3, ("x",), "f"), Week(2024, 18), TimedPace("jog"), Reader(1, ["a"])):
        assert pickle.loads(pickle.dumps(made, protocol=pickle.HIGHEST_PROTOCOL)) == made
        assert copy.copy(made) == made
        assert copy.deepcopy(made) == made


def test_a_default_after_which_a_field_has_none_is_refused() -> None:
    with pytest.raises(TypeError, match="field 'steps' has no default but follows one"):

        @value
        class Broken:
            kind: str = "walk"
            steps: int


def test_a_class_variable_is_no_field() -> None:
    @value
    class Counted:
        limit: ClassVar[int] = 3
        kind: str

    assert field_names(Counted) == ("kind",)
    assert Counted("walk").limit == 3
    with pytest.raises(TypeError, match="has no InitVar"):

        @value
        class Broken:
            seed: InitVar[int]


def test_a_dataclass_field_is_refused_with_the_one_to_use() -> None:
    with pytest.raises(TypeError, match="takes retrotimer's field"):

        @value
        class Broken:
            notes: list[str] = dataclasses.field(default_factory=list)


def test_a_value_repr_is_safe_from_itself() -> None:
    made = Reader(1)
    made.problems.append(made)  # type: ignore[arg-type]
    assert repr(made) == "Reader(line=1, problems=[...])"


# Defining a class is what start-up pays for each one the window's modules hold; its
# __init__ is compiled when a first one is made, and nothing else ever is.
COMPILES = """
import sys
compiled = []
sys.addaudithook(lambda event, args: event == "compile" and compiled.append(event))
from retrotimer.core.value import value
import dataclasses

before = len(compiled)

@value
class Mine:
    a: int
    b: str = ""

defined = len(compiled) - before
Mine(1) == Mine(2); hash(Mine(1)); repr(Mine(1)); Mine(1, "b")
made = len(compiled) - before - defined

@dataclasses.dataclass(frozen=True, slots=True)
class Theirs:
    a: int
    b: str = ""

print(defined, made, len(compiled) - before - defined - made)
"""


def test_defining_a_value_compiles_nothing_and_making_one_compiles_its_constructor() -> None:
    out = subprocess.run(
        [sys.executable, "-c", COMPILES], capture_output=True, text=True, check=True, timeout=60
    ).stdout.split()
    defined, made, dataclass = (int(count) for count in out)
    assert (defined, made) == (0, 1)
    assert dataclass >= 6


def test_field_names_follow_the_class() -> None:
    assert field_names(type(Reader(1))) == ("line", "problems")
    assert field_names(Nothing) == ()
