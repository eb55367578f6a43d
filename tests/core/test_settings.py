"""Settings checked field by field: ranges that make sense, messages that name the field,
the value and the range, and every good value kept when others are bad."""

from __future__ import annotations

import math

import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st

from retrotimer.core.model import Length, Segment, SegmentKind, Template
from retrotimer.core.session.plan import compile_plan
from retrotimer.core.session.session_machine import Session, SessionState
from retrotimer.core.settings import (
    CLOCK_JUMP_RANGE,
    DISPLAY_TICK_S,
    FIELD_NAMES,
    NUMBER_RULES,
    Settings,
    Theme,
    check_setting,
    read_settings_text,
    settings_from_mapping,
)
from retrotimer.core.value import replace
from tests.template_strategies import hostile_toml


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        (
            "clock_jump_s",
            0.5,
            "clock_jump_s = 0.5: clock jump threshold must be 2-600 seconds, more than the "
            "display's 1-second tick",
        ),
        ("clock_jump_s", DISPLAY_TICK_S, "clock_jump_s = 1.0: clock jump threshold must be 2-600"),
        ("clock_jump_s", math.nan, "clock_jump_s = nan: clock jump threshold must be 2-600"),
        ("clock_jump_s", math.inf, "clock_jump_s = inf: clock jump threshold must be 2-600"),
        ("clock_jump_s", -math.inf, "clock_jump_s = -inf: clock jump threshold must be 2-600"),
        ("volume", 7.0, "volume = 7.0: volume must be 0-1"),
        ("volume", math.nan, "volume = nan: volume must be 0-1"),
        ("volume", "loud", "volume = 'loud': expected a number; volume must be 0-1"),
        ("volume", True, "volume = true: expected a number; volume must be 0-1"),
        (
            "cadence_backward_walk",
            300,
            "cadence_backward_walk = 300: cadence backward walk must be 40-240 steps a minute",
        ),
        ("get_ready_s", 2.5, "get_ready_s = 2.5: expected a whole number; get-ready countdown"),
        ("countdown_pips", -1, "countdown_pips = -1: countdown pips must be 0-5"),
        (
            "reminder_interval_s",
            10**400,
            "reminder_interval_s = a number of more than 15 digits: reminder interval must be "
            "5-120 seconds",
        ),
        ("next_up_lead_s", 31, "next_up_lead_s = 31: next-up lead must be 2-30 seconds"),
        ("theme", "neon", "theme = 'neon': theme must be one of system, dark, light"),
        ("voice", "yes", "voice = 'yes': voice must be true or false"),
        ("audio_backend", "alsa", "audio_backend = 'alsa': audio backend must be auto, simple"),
        ("shoe_size", 44, "unknown setting 'shoe_size' ignored"),
    ],
)
def test_a_bad_value_is_named_with_its_field_value_and_range(
    name: str, value: object, message: str
) -> None:
    used, problem = check_setting(name, value)
    assert used is None
    assert problem is not None and problem.startswith(message)


def test_validate_uses_the_same_checks() -> None:
    bad = Settings(clock_jump_s=math.inf, volume=math.nan)
    assert bad.validate() == [
        check_setting("volume", math.nan)[1],
        check_setting("clock_jump_s", math.inf)[1],
    ]
    assert Settings().validate() == []


@pytest.mark.parametrize("name", sorted(NUMBER_RULES))
def test_every_number_has_a_finite_range_and_its_ends_are_allowed(name: str) -> None:
    rule = NUMBER_RULES[name]
    assert math.isfinite(rule.low) and math.isfinite(rule.high)
    for value in (rule.low, rule.high):
        used = int(value) if rule.whole else float(value)
        assert check_setting(name, used) == (used, None)
    assert check_setting(name, getattr(Settings(), name))[1] is None


def test_the_lowest_clock_jump_threshold_never_pauses_a_session_polled_each_display_tick() -> None:
    """At or below the display tick, every wait for the next tick looked like a jump: every
    session paused at once. The lowest threshold allowed leaves a margin for a late wake."""
    plan = compile_plan(Template("T", (Segment(SegmentKind.WALK, Length.seconds(20)),)), Settings())
    threshold = CLOCK_JUMP_RANGE[0]
    session = Session(plan, get_ready_s=0, get_ready_pips=0, jump_threshold_s=threshold)
    now = 100.0
    session.start(now)
    while session.state is SessionState.RUNNING:
        due = session.next_display_change(now)
        assert due is not None
        now = due + 0.5 * (threshold - DISPLAY_TICK_S)  # the timer woke late
        session.advance(now)
    assert session.state is SessionState.FINISHED
    assert check_setting("clock_jump_s", DISPLAY_TICK_S)[1] is not None


def test_a_mapping_keeps_every_good_value_and_locates_each_bad_one() -> None:
    reading = settings_from_mapping(
        {"volume": 7.0, "cadence_backward_jog": 150, "theme": "dark", "clock_jump_s": 0.5},
        {"volume": 3, "clock_jump_s": 9},
    )
    assert reading.values == {"cadence_backward_jog": 150, "theme": Theme.DARK}
    assert reading.settings == replace(Settings(), cadence_backward_jog=150, theme=Theme.DARK)
    assert [(p.field, p.line) for p in reading.problems] == [("volume", 3), ("clock_jump_s", 9)]
    assert reading.problems[0].render("settings.toml").startswith("settings.toml:3: volume = 7.0")


def test_a_file_with_one_bad_byte_keeps_the_lines_that_can_be_read() -> None:
    text = "\ufeffcadence_backward_jog = 150\nvolume = 0.\x01\ntheme = 'dark'\nmuted = true\n"
    reading = read_settings_text(text)
    assert reading.values == {"cadence_backward_jog": 150, "theme": Theme.DARK, "muted": True}
    (problem,) = reading.problems
    assert problem.line == 2 and problem.message.startswith("not valid TOML")


def test_a_deeply_nested_file_is_a_located_problem() -> None:
    reading = read_settings_text("volume = 0.5\nx = " + "[" * 100_000 + "\n")
    assert reading.values == {"volume": 0.5}
    assert [p.line for p in reading.problems][0] == 2
    assert "nested too deeply" in reading.problems[0].message


toml_values = st.one_of(
    st.booleans(),
    st.integers(-(10**30), 10**30),
    st.floats(),
    st.text(max_size=10),
    st.sampled_from(["dark", "light", "track", "qt", "auto"]),
    st.lists(st.integers(), max_size=2),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
)


# Each example read within 5 s, as every reader promises.
@settings(max_examples=200, deadline=5000)
@given(st.dictionaries(st.sampled_from([*FIELD_NAMES, "other"]), toml_values))
def test_any_mapping_gives_usable_settings_and_a_problem_for_every_value_left_out(
    data: dict[str, object],
) -> None:
    reading = settings_from_mapping(data)
    assert reading.settings.validate() == []
    event("values left out, each named" if reading.problems else "every value used")
    assert set(reading.values) | {p.field for p in reading.problems} == set(data)


@settings(max_examples=150, deadline=5000)
@given(hostile_toml())
def test_any_text_gives_usable_settings_and_never_raises(text: str) -> None:
    reading = read_settings_text(text)
    assert reading.settings.validate() == []
    event("values left out, each named" if reading.problems else "every value used")
    assert all(len(p.message) < 400 and "\n" not in p.render() for p in reading.problems)
